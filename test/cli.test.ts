import { execFile, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { BACKUP_TABLES } from '../src/cli/backup.ts';
import { keyIdOf, open, parseKeyring, seal } from '../src/core/field-crypto.ts';
import { SEALED_TABLES } from '../src/db/database.ts';

const run = promisify(execFile);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function dataDir() {
  const d = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));
  dirs.push(d);
  return d;
}

/** Runs `gongkai …` as an operator would, on an embedded database in its own folder. */
async function gongkai(dir: string, ...args: string[]) {
  return gongkaiWith({}, dir, ...args);
}

async function gongkaiWith(extra: NodeJS.ProcessEnv, dir: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, GONGKAI_DATA_DIR: dir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  Object.assign(env, extra);
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/gongkai.mjs', ...args], { env });
    return { code: 0, stdout: stdout.trim(), stderr: stderr.trim() };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout.trim(), stderr: err.stderr.trim() };
  }
}

describe('gongkai calendar: the same working-day module as the workflows, plain output', () => {
  const dir = dataDir();
  it('add-workdays: the first working day after 2025-09-30 is 2025-10-09 (National Day and Mid-Autumn 10-01..10-08)', async () => {
    expect(await gongkai(dir, 'calendar', 'add-workdays', '2025-09-30', '1')).toEqual({ code: 0, stdout: '2025-10-09', stderr: '' });
  });
  it('workdays: 2025-09-26 to 2025-10-11 counts the make-up Sunday 09-28 and Saturday 10-11', async () => {
    // 09-28, 09-29, 09-30, 10-09, 10-10, 10-11
    expect((await gongkai(dir, 'calendar', 'workdays', '2025-09-26', '2025-10-11')).stdout).toBe('6');
  });
  it('warns on stderr, keeping stdout a plain date, when the term reaches a year without data', async () => {
    const r = await gongkai(dir, 'calendar', 'add-workdays', '2026-12-20', '10');
    expect(r.stdout).toMatch(/^2027-01-\d\d$/);
    expect(r.stderr).toContain('provisional: no holiday data for 2027');
  });
  it('refuses an impossible date with its code and a non-zero exit', async () => {
    const r = await gongkai(dir, 'calendar', 'add-workdays', '2026-02-30', '1');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('DATE_INVALID');
  });
});

// Each test starts several `gongkai` processes in a row (each compiles the TypeScript it runs): slow on a busy machine.
describe('gongkai seed, user add, audit verify, backup and restore', { timeout: 90_000 }, () => {
  const dir = dataDir();
  const copy = join(dataDir(), 'backup');

  it('loads the demo city, adds a user with a role, and the audit chain holds', async () => {
    expect((await gongkai(dir, 'seed', '--demo')).stdout).toBe('demo city loaded: 18 accounts, 10 items');
    const added = await gongkai(dir, 'user', 'add', '--username', 'rsj.clerk2', '--name', '新科员', '--agency', 'RSJ', '--unit', '办公室', '--role', 'office', '--password', 'Keyuan#2026x');
    expect(added.stdout).toMatch(/^created rsj\.clerk2 \(.+\) with office$/);
    const verify = await gongkai(dir, 'audit', 'verify');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/audit log intact: \d+ events checked/);
  });

  it('issue 9: the key file is created outside the database, readable by its owner only, and so are the database and its folder', async () => {
    expect(statSync(join(dir, 'keys.json')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'gongkai.db')).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o077).toBe(0);
    expect(readFileSync(join(dir, 'gongkai.db')).includes(Buffer.from(JSON.parse(readFileSync(join(dir, 'keys.json'), 'utf8')).keys[0].key))).toBe(false);
  });

  it('issue 9: a checkpoint goes to the auditor\'s file, and verify names what came after it', async () => {
    const cp = await gongkai(dir, 'audit', 'checkpoint');
    expect(JSON.parse(cp.stdout).mac).toMatch(/^[0-9a-f]{64}$/);
    await gongkai(dir, 'user', 'add', '--username', 'rsj.clerk3', '--name', '又一科员', '--agency', 'RSJ', '--password', 'Keyuan#2026y');
    const verify = await gongkai(dir, 'audit', 'verify');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/signature valid/);
    expect(verify.stdout).toMatch(/unconfirmed \(after the checkpoint\): chain .+ user\.create/);
  });

  it('issue 9: keys rotate re-encrypts every sealed value of every sealed table under a new key, and everything still reads', async () => {
    const before = parseKeyring(readFileSync(join(dir, 'keys.json'), 'utf8'));
    // A sealed table keyed by its agency, not by id: rotate must find its row through the declaration.
    const raw = new SQLite(join(dir, 'gongkai.db'));
    const { id: agencyId } = raw.prepare('select id from agencies order by id limit 1').get() as { id: string };
    raw.prepare("insert into opinion_settings (agency_id, webhook_secret, updated_at) values (?, ?, '2026-12-01T00:00:00.000Z') on conflict (agency_id) do update set webhook_secret = excluded.webhook_secret")
      .run(agencyId, seal(before, 'webhook-secret-before-rotation'));
    raw.close();
    const r = await gongkai(dir, 'keys', 'rotate');
    expect(r.stdout).toMatch(/is now current; \d+ values re-encrypted/);
    const after = parseKeyring(readFileSync(join(dir, 'keys.json'), 'utf8'));
    expect(after.keys).toHaveLength(before.keys.length + 1);
    expect(after.current).not.toBe(before.current);
    const db = new SQLite(join(dir, 'gongkai.db'), { readonly: true });
    const keysUsed = new Map<string, Set<string | null>>();
    for (const [table, { columns }] of Object.entries(SEALED_TABLES)) {
      for (const column of Object.keys(columns)) {
        const values = db.prepare(`select ${column} as v from ${table} where ${column} is not null and ${column} <> ''`).all() as { v: string }[];
        if (values.length) keysUsed.set(`${table}.${column}`, new Set(values.map(({ v }) => keyIdOf(v))));
      }
    }
    const secret = db.prepare('select webhook_secret as v from opinion_settings where agency_id = ?').get(agencyId) as { v: string };
    db.close();
    expect(keysUsed.size).toBeGreaterThan(1);
    expect([...keysUsed].filter(([, ids]) => ids.size !== 1 || !ids.has(after.current)).map(([column]) => column)).toEqual([]);
    expect(open(after, secret.v)).toBe('webhook-secret-before-rotation');
    expect((await gongkai(dir, 'audit', 'verify')).code).toBe(0);
  });

  it('refuses a weak password for a new user', async () => {
    const r = await gongkai(dir, 'user', 'add', '--username', 'weak.one', '--name', '弱密码', '--agency', 'RSJ', '--password', 'abc');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('PASSWORD_WEAK');
  });

  it('backs up and restores into a new, empty database with the audit chain intact', async () => {
    const b = await gongkai(dir, 'backup', '--out', copy);
    expect(b.stdout).toMatch(new RegExp(`^backup written to .+: \\d+ rows in ${BACKUP_TABLES.length} tables$`));
    const target = dataDir();
    // issue 9: the key file is backed up apart from the data; without it the restore stops and says so.
    const keyless = await gongkai(target, 'restore', copy);
    expect(keyless.code).toBe(1);
    expect(keyless.stderr).toContain('another key file');
    copyFileSync(join(dir, 'keys.json'), join(target, 'keys.json'));
    const r = await gongkai(target, 'restore', copy);
    expect(r.stdout).toMatch(/^restored \d+ rows; audit chain intact$/);
    expect((await gongkai(target, 'audit', 'verify')).code).toBe(0);
  });

  it('never restores over existing data', async () => {
    const r = await gongkai(dir, 'restore', copy);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not empty');
  });
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe('the first start a newcomer makes, exactly as the README says', { timeout: 240_000 }, () => {
  const readme = readFileSync('README.md', 'utf8');

  it('`npm start` on an empty data folder serves the demo city, and a README demo account logs in', async () => {
    const commands = readme.match(/```bash\n([\s\S]*?)```/)![1]!.split('\n').map((l) => l.split('#')[0]!.trim());
    const start = commands.find((c) => c.startsWith('npm start'));
    expect(start).toBe('npm start');
    const password = readme.match(/password `([^`]+)` for all/)![1]!;
    const account = readme.match(/\| `(rsj\.office)` \|/)![1]!;

    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, GONGKAI_DATA_DIR: dataDir(), PORT: String(port), LOG_LEVEL: 'silent' };
    delete env.DATABASE_URL;
    const server = spawn('sh', ['-c', start!], { env, detached: true });
    try {
      let out = '';
      await new Promise<void>((resolve, reject) => {
        server.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('gongkai on http')) resolve();
        });
        server.on('exit', (code) => reject(new Error(`npm start exited ${code}: ${out}`)));
      });
      expect(out).toMatch(/demo city loaded: 18 accounts, 10 items/);
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: account, password }),
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { status: string }).status).toBe('ok');
    } finally {
      process.kill(-server.pid!, 'SIGTERM');
    }
  });
});

describe('start-up messages say what happened and what to check', { timeout: 120_000 }, () => {
  it('`gongkai migrate` on an empty database names the migrations it applied, then says the schema is up to date', async () => {
    const dir = dataDir();
    const first = await gongkai(dir, 'migrate');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^applied \d+ migration\(s\): 0001_foundation, 0002_documents/);
    expect((await gongkai(dir, 'migrate')).stdout).toBe('schema up to date');
  });

  it('a database migrated by a newer build is refused as newer, while backup and audit verify still read it', async () => {
    const dir = dataDir();
    await gongkai(dir, 'migrate');
    const file = new SQLite(join(dir, 'gongkai.db'));
    file.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run('9999_from_the_future', new Date().toISOString());
    file.close();

    const serve = await gongkai(dir, 'migrate');
    expect(serve.code).toBe(1);
    expect(serve.stderr).toContain('newer than this version');
    expect(serve.stderr).toContain('9999_from_the_future');
    expect(serve.stderr).not.toContain('corrupted');

    const verify = await gongkai(dir, 'audit', 'verify');
    expect(verify.code).toBe(0);
    expect(verify.stderr).toContain('newer than this version');
    expect((await gongkai(dir, 'backup', '--out', join(dataDir(), 'b'))).code).toBe(0);
  });

  it('a PostgreSQL that cannot be reached names DATABASE_URL and what to check, never the password', async () => {
    const r = await gongkaiWith({ DATABASE_URL: 'postgres://clerk:s3cret-pw@127.0.0.1:1/gongkai' }, dataDir(), 'migrate');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('DATABASE_URL=postgres://clerk:***@127.0.0.1:1/gongkai');
    expect(r.stderr).toContain('请检查 PostgreSQL 是否在运行');
    expect(r.stderr).not.toContain('s3cret-pw');
  });
});
