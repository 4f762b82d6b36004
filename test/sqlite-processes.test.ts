/**
 * Several server processes on one SQLite file (issue 17, `serve --workers`, default one per
 * core): their write transactions begin immediate and wait for each other (busy_timeout), so a
 * sign-in — a transaction that reads the user's roles and the audit chain's head before it
 * writes — never fails as busy when another process committed meanwhile.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { newKeyring } from '../src/core/field-crypto.ts';
import { connect, sqliteFileIn } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { verifyAudit } from '../src/modules/audit/audit.service.ts';
import { seedDemo } from '../src/seed/demo.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'gongkai-sqlite-processes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('two processes on one SQLite file (issue 17)', () => {
  it('sign in and write at the same time without busy errors, the audit chain intact', { timeout: 120_000 }, async () => {
    const keyring = newKeyring('aes-256-gcm', new Date());
    const file = sqliteFileIn(dir);
    const setup = connect({ keyring, sqliteFile: file });
    await migrateToLatest(setup.db);
    await seedDemo({ db: setup.db, clock: () => new Date() });
    const before = await setup.db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();

    const env = { ...process.env, GONGKAI_KEYS: JSON.stringify(keyring) };
    const each = 12;
    await Promise.all([1, 2].map(() => run(process.execPath, ['--import', 'tsx', 'test/support/sign-in-loop.ts', file, String(each)], { env })));

    const after = await setup.db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBe(2 * each);
    expect((await verifyAudit(setup.db)).ok).toBe(true);
    await setup.db.destroy();
  });
});
