import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup } from '../../src/cli/backup.ts';
import { connect, sqliteFileIn, type Connection } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { buildApp } from '../../src/http/app.ts';
import { seedDemo } from '../../src/seed/demo.ts';
import { call, signIn, testClock, type TestApp } from '../support/app.ts';
import { freshDatabase, keyring } from '../support/db.ts';
import { solveChallenge } from '../support/portal.ts';

/**
 * Issue 9 (等保2.0 三级 数据保密性): after a whole application through the portal, the
 * applicant's ID number and phone appear nowhere at rest — not in the SQLite file (with its
 * WAL), not in a PostgreSQL dump, not in a backup, not in the server's log.
 */
const ID_NUMBER = '11010519491231002X';
const PHONE = '13912345678';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-at-rest-'));
const log: string[] = [];
let t: TestApp;

beforeAll(async () => {
  const conn: Connection = process.env.DATABASE_URL ? await freshDatabase() : connect({ keyring, sqliteFile: sqliteFileIn(join(dir, 'data')) });
  if (!process.env.DATABASE_URL) await migrateToLatest(conn.db);
  const clock = testClock();
  const deps = { db: conn.db, dialect: conn.dialect, clock, dataDir: join(dir, 'data'), secureCookies: false };
  await seedDemo(deps);
  const app: FastifyInstance = await buildApp(deps, { logLevel: 'info', logStream: { write: (line) => void log.push(line) } });
  t = { app, conn, clock, close: async () => { await app.close(); await conn.close(); } };
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const filesUnder = (root: string): string[] => readdirSync(root, { recursive: true, encoding: 'utf8' }).map((f) => join(root, f)).filter((f) => statSync(f).isFile());
const hits = (text: string) => [ID_NUMBER, ID_NUMBER.toLowerCase(), PHONE].filter((s) => text.includes(s));

describe('issue 9: personal data encrypted at rest', () => {
  let id = '';
  it('a citizen applies through the portal and follows the case; the handling office sees the data whole', async () => {
    const form = await t.app.inject({ url: '/xxgk/RSJ/apply' });
    t.clock.advance(2);
    const fields = {
      ...solveChallenge(form.body), applicantKind: 'natural', name: '张三', idType: 'prc_id', idNumber: ID_NUMBER,
      phone: PHONE, email: 'zhangsan@example.com', address: '示例市解放路99号', description: '2026年本市养老保险缴费基数的调整文件', purpose: '', form: 'electronic', delivery: 'online',
    };
    const done = await t.app.inject({ method: 'POST', url: '/xxgk/RSJ/apply', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });
    expect(done.statusCode, done.body).toBe(200);
    const code = /查询码：<strong class="code">([^<]+)</.exec(done.body)![1]!;
    const secret = /查询密码：<strong class="code">([^<]+)</.exec(done.body)![1]!;
    // Citizens type ID numbers and phones into the search box too.
    expect((await t.app.inject({ url: `/search?q=${ID_NUMBER}` })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/v1/catalog?q=${PHONE}` })).statusCode).toBeLessThan(500);
    const status = await t.app.inject({ method: 'POST', url: '/xxgk/status', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ code, secret }).toString() });
    expect(status.statusCode).toBe(200);
    const office = await signIn(t, 'rsj.office');
    const list = await call(t, office, 'GET', `/applications?q=${encodeURIComponent('养老保险缴费基数')}`);
    expect(list.statusCode, list.body).toBe(200);
    id = list.json().items[0].id;
    const one = await call(t, office, 'GET', `/applications/${id}`);
    expect(one.json().applicant).toMatchObject({ idNumber: ID_NUMBER, phone: PHONE });
  });

  it('the database holds neither the ID number nor the phone, only sealed values (a SQLite file with its WAL, or a PostgreSQL dump)', async () => {
    expect(id).not.toBe('');
    const raw = await t.conn.db.withoutPlugins().selectFrom('applications').select(['id_number', 'phone']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(raw.id_number).toMatch(new RegExp(`^gk1:${keyring.current}:`));
    if (t.conn.dialect === 'sqlite') {
      for (const f of filesUnder(join(dir, 'data'))) expect(hits(readFileSync(f, 'latin1')), f).toEqual([]);
      return;
    }
    const url = new URL(process.env.DATABASE_URL!);
    let dump: string;
    try {
      dump = execFileSync('pg_dump', ['--schema', t.conn.schema!, '--data-only', url.toString()], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    } catch {
      // No pg_dump on this machine: every text column of every table, as a dump would hold it.
      const cols = await sql<{ table_name: string; column_name: string }>`select table_name, column_name from information_schema.columns where table_schema = ${t.conn.schema} and data_type = 'text'`.execute(t.conn.db);
      const parts: string[] = [];
      for (const c of cols.rows) parts.push(...(await sql<{ v: string }>`select ${sql.ref(c.column_name)}::text as v from ${sql.table(c.table_name)}`.execute(t.conn.db)).rows.map((r) => r.v ?? ''));
      dump = parts.join('\n');
    }
    expect(dump).toContain(`gk1:${keyring.current}:`);
    expect(hits(dump)).toEqual([]);
  });

  it('a backup keeps them sealed', async () => {
    const out = join(dir, 'backup');
    const manifest = await backup(t.conn.db, t.conn.dialect, join(dir, 'data'), out);
    expect(manifest.keyIds).toEqual([keyring.current]);
    for (const f of filesUnder(out)) expect(hits(readFileSync(f, 'latin1')), f).toEqual([]);
  });

  it("the server's log never holds them", () => {
    expect(log.length).toBeGreaterThan(5);
    expect(hits(log.join('\n'))).toEqual([]);
  });
});
