import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup, BACKUP_TABLES, NOT_BACKED_UP, restore } from '../../src/cli/backup.ts';
import type { Connection } from '../../src/db/connect.ts';
import { verifyAudit } from '../../src/modules/audit/audit.service.ts';
import { seedDemo } from '../../src/seed/demo.ts';
import { freshDatabase } from '../support/db.ts';
import { testClock } from '../support/app.ts';

let source: Connection;
let target: Connection;
const dir = mkdtempSync(join(tmpdir(), 'gongkai-backup-'));

beforeAll(async () => {
  source = await freshDatabase();
  target = await freshDatabase();
  await seedDemo({ db: source.db, clock: testClock() });
});
afterAll(async () => {
  await source.close();
  await target.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore (on the database CI runs this suite on)', () => {
  it('every table the migrations create is either backed up or deliberately left out', async () => {
    const tables = (await source.db.introspection.getTables()).filter((t) => t.schema === source.schema).map((t) => t.name).filter((n) => !n.startsWith('kysely_'));
    expect([...BACKUP_TABLES, ...NOT_BACKED_UP].sort()).toEqual(tables.sort());
  });

  it('a restored copy has the same rows and a verifiable audit chain', async () => {
    const manifest = await backup(source.db, source.dialect, dir, join(dir, 'copy'));
    const { rows, auditOk } = await restore(target.db, dir, join(dir, 'copy'));
    expect(rows).toBe(Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0));
    expect(auditOk).toBe(true);
    for (const table of ['users', 'units', 'role_grants', 'audit_events'] as const) {
      const count = async (c: Connection) => (await c.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
      expect(await count(target)).toBe(await count(source));
    }
    expect((await verifyAudit(target.db)).checked).toBe(manifest.tables.audit_events!.rows);
  });
});
