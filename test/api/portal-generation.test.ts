/**
 * The audit generation the page cache and the values fresh pages keep (site, agency, form
 * choices) are trusted by (src/portal/generation.ts, issue 17): a write this process served
 * is seen at once, even by a read of the generation that was under way when it committed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/db/connect.ts';
import type { Db } from '../../src/db/database.ts';
import { appendAudit } from '../../src/modules/audit/audit.service.ts';
import { generationWritten, perGeneration, portalGeneration } from '../../src/portal/generation.ts';
import { freshDatabase } from '../support/db.ts';

let conn: Connection;
beforeAll(async () => {
  conn = await freshDatabase();
});
afterAll(async () => conn.close());

const audited = () => conn.db.transaction().execute((tx) => appendAudit(tx, () => new Date(), { actor: null, agencyId: null, action: 'settings.site.update', entityType: 'settings' }));

describe('the portal generation (issue 17)', () => {
  it('does not trust a read begun before a write this process served', async () => {
    // The read of the generation is held after the database answered, until the write committed.
    let gate: Promise<void> | null = null;
    const db = new Proxy(conn.db, {
      get: (target, p, receiver) => p !== 'selectFrom' ? Reflect.get(target, p, receiver) : (table: 'audit_heads') => {
        const from = target.selectFrom(table);
        return { select: (...s: Parameters<typeof from.select>) => {
          const q = from.select(...s);
          return { executeTakeFirst: async () => { const row = await q.executeTakeFirst(); await gate; return row; } };
        } };
      },
    }) as Db;
    const before = await portalGeneration(db);
    let open = () => {};
    gate = new Promise((resolve) => (open = resolve));
    generationWritten(db);
    const reading = portalGeneration(db);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await audited();
    generationWritten(db);
    open();
    expect(await reading).toBe(before);
    gate = null;
    expect(await portalGeneration(db)).toBe(before + 1);
  });

  it('keeps a value until the generation moves, and keeps no value for what was not found', async () => {
    let loads = 0;
    const load = async () => `v${++loads}`;
    expect(await perGeneration(conn.db, 'k', load)).toBe('v1');
    expect(await perGeneration(conn.db, 'k', load)).toBe('v1');
    await audited();
    generationWritten(conn.db);
    expect(await perGeneration(conn.db, 'k', load)).toBe('v2');
    let misses = 0;
    const missing = async () => (misses++, undefined);
    await perGeneration(conn.db, 'nothing', missing);
    await perGeneration(conn.db, 'nothing', missing);
    expect(misses).toBe(2);
  });
});
