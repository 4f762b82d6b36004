import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup, BACKUP_TABLES, NOT_BACKED_UP, restore } from '../../src/cli/backup.ts';
import type { Connection } from '../../src/db/connect.ts';
import { verifyAudit } from '../../src/modules/audit/audit.service.ts';
import { seedDemo } from '../../src/seed/demo.ts';
import { seedDemoDocuments } from '../../src/seed/demo-documents.ts';
import { freshDatabase } from '../support/db.ts';
import { testClock } from '../support/app.ts';

let source: Connection;
let target: Connection;
const dir = mkdtempSync(join(tmpdir(), 'gongkai-backup-'));

beforeAll(async () => {
  source = await freshDatabase();
  target = await freshDatabase();
  const clock = testClock();
  await seedDemo({ db: source.db, clock });
  await seedDemoDocuments({ db: source.db, clock, dataDir: dir });
});
afterAll(async () => {
  await source.close();
  await target.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore (on the database CI runs this suite on)', () => {
  it('every table the migrations create is either backed up or deliberately left out', async () => {
    const tables = (await source.db.introspection.getTables()).filter((t) => t.schema === source.schema).map((t) => t.name)
      // The migrator's own tables, and SQLite's full-text index (a virtual table and its shadows, part of catalog_entries).
      .filter((n) => !n.startsWith('kysely_') && !n.startsWith('catalog_fts'));
    expect([...BACKUP_TABLES, ...NOT_BACKED_UP].sort()).toEqual(tables.sort());
  });

  it('a restored copy has the same rows and a verifiable audit chain', async () => {
    const manifest = await backup(source.db, source.dialect, dir, join(dir, 'copy'));
    const { rows, auditOk } = await restore(target.db, dir, join(dir, 'copy'));
    expect(rows).toBe(Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0));
    expect(auditOk).toBe(true);
    for (const table of ['users', 'units', 'role_grants', 'audit_events', 'catalog_entries'] as const) {
      const count = async (c: Connection) => (await c.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
      expect(await count(target)).toBe(await count(source));
    }
    // The catalog is not copied but rebuilt from the published versions: the demo city's items are all there again.
    expect((await target.db.selectFrom('catalog_entries').select('item_id').execute()).length).toBeGreaterThan(0);
    expect((await verifyAudit(target.db)).checked).toBe(manifest.tables.audit_events!.rows);
  });
});
