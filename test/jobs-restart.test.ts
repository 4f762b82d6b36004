import { spawn, type ChildProcess, execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKeyring, parseKeyring } from '../src/core/field-crypto.ts';
import { connect } from '../src/db/connect.ts';
import { loadCalendar } from '../src/modules/calendar/calendar.service.ts';
import { setDeadline } from '../src/modules/deadlines/deadlines.service.ts';
import { startSmtp } from './support/smtp.ts';

/**
 * Issue 12, "Done when": the server killed with SIGKILL while a reminder's delivery job runs;
 * after the restart the job runs once more and the mail arrives once. The real `gongkai serve`
 * on an embedded database, or — when DATABASE_URL is set — on a PostgreSQL database of its own
 * made for the test; a test hook holds the delivery before it sends.
 */
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'gongkai-jobs-'));
const keys = JSON.stringify(newKeyring('aes-256-gcm', new Date()));
const servers: ChildProcess[] = [];
/** On PostgreSQL the server gets a database of its own (its `public` schema), dropped afterwards. */
const adminUrl = process.env.DATABASE_URL;
const pgName = `gk_restart_${process.pid}`;
const databaseUrl = adminUrl && Object.assign(new URL(adminUrl), { pathname: `/${pgName}` }).toString();
const admin = async (statement: string) => {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
};
beforeAll(async () => {
  if (adminUrl) await admin(`create database ${pgName}`);
});
afterAll(async () => {
  for (const s of servers) if (s.exitCode === null) s.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  if (adminUrl) await admin(`drop database if exists ${pgName} with (force)`);
});

const baseEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, GONGKAI_DATA_DIR: dir, GONGKAI_KEYS: keys, LOG_LEVEL: 'silent', GONGKAI_JOBS_POLL_MS: '200', GONGKAI_JOBS_LEASE_SECONDS: '3' };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return env;
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function serve(extra: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const port = await freePort();
  const server = spawn(process.execPath, ['bin/gongkai.mjs', 'serve', '--port', String(port)], { env: { ...baseEnv(), ...extra }, stdio: ['ignore', 'ignore', 'inherit'] });
  servers.push(server);
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server did not start within 90 s');
    await new Promise((r) => setTimeout(r, 250));
  }
}

const open = () => connect({ keyring: parseKeyring(keys), ...(databaseUrl ? { databaseUrl } : { sqliteFile: join(dir, 'gongkai.db') }) });

describe('a reminder survives SIGKILL: the job runs once more after the restart, the mail arrives once (OP-5, OP-7)', () => {
  it('OP-5, OP-7: the delivery held when the server is killed is re-run after its lease, and each person gets one mail', { timeout: 240_000 }, async () => {
    const smtp = await startSmtp();
    try {
      await run(process.execPath, ['bin/gongkai.mjs', 'seed', '--demo'], { env: baseEnv() });
      const conn = open();
      const now = new Date();
      const rsj = (await conn.db.selectFrom('agencies').select('id').where('code', '=', 'RSJ').executeTakeFirstOrThrow()).id;
      const leader = (await conn.db.selectFrom('users').select('id').where('username', '=', 'rsj.leader').executeTakeFirstOrThrow()).id;
      await conn.db.insertInto('channel_settings').values({ id: 'mail', config_json: JSON.stringify({ host: '127.0.0.1', port: smtp.port, security: 'none', sender: 'noreply@example.gov.cn', senderName: '', user: '', consoleUrl: '' }), secret: '', updated_by: null, updated_at: now.toISOString() }).execute();
      await conn.db.insertInto('duty_shifts').values({ id: 'duty', agency_id: rsj, user_id: leader, phone: '13900000000', starts_at: new Date(now.getTime() - 3_600_000).toISOString(), ends_at: new Date(now.getTime() + 3_600_000).toISOString(), note: '', created_by: null, created_at: now.toISOString() }).execute();
      await setDeadline(conn.db, await loadCalendar(conn.db), () => now, { agencyId: rsj, type: 'opinion_case', id: 'case-kill' }, { rule: 'OP-5', term: { unit: 'hours', n: 1 }, startedAt: now.toISOString() });
      const held = () => conn.db.selectFrom('jobs').select(['id', 'locked_by', 'attempts', 'done_at']).where('kind', '=', 'notification.deliver').where('locked_by', 'is not', null).executeTakeFirst();

      const first = await serve({ GONGKAI_TEST_HOLD_DELIVERY: '1' });
      await expect.poll(held, { timeout: 60_000, interval: 200 }).toBeTruthy();
      const job = (await held())!;
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));
      expect(smtp.received).toHaveLength(0);

      const second = await serve({});
      const urgent = () => smtp.received.filter((m) => m.subject.includes('重大舆情上报时限'));
      await expect.poll(() => urgent().length, { timeout: 60_000, interval: 200 }).toBe(2);
      // Several more passes of the runner: nothing is sent again.
      await new Promise((r) => setTimeout(r, 4_000));
      expect(urgent().map((m) => m.to[0]).sort()).toEqual(['rsj.leader@example.gov.cn', 'rsj.office@example.gov.cn']);
      const after = await conn.db.selectFrom('jobs').select(['attempts', 'done_at', 'locked_by']).where('id', '=', job.id).executeTakeFirstOrThrow();
      expect(after.attempts).toBe(2);
      expect(after.done_at).not.toBeNull();
      const deliveries = await conn.db.selectFrom('deliveries').innerJoin('notifications', 'notifications.id', 'deliveries.notification_id').select('deliveries.channel').where('notifications.subject_id', '=', 'case-kill').where('deliveries.channel', '=', 'email').execute();
      expect(deliveries).toHaveLength(2);
      second.kill('SIGTERM');
      await new Promise((r) => second.once('exit', r));
      await conn.close();
    } finally {
      await smtp.close();
    }
  });

  it.runIf(databaseUrl)('OP-5, OP-7: two server processes on one PostgreSQL send each reminder once', { timeout: 240_000 }, async () => {
    const smtp = await startSmtp();
    const conn = open();
    try {
      await conn.db.updateTable('channel_settings').set({ config_json: JSON.stringify({ host: '127.0.0.1', port: smtp.port, security: 'none', sender: 'noreply@example.gov.cn', senderName: '', user: '', consoleUrl: '' }) }).where('id', '=', 'mail').execute();
      const [one, two] = await Promise.all([serve({}), serve({})]);
      const now = new Date();
      const rsj = (await conn.db.selectFrom('agencies').select('id').where('code', '=', 'RSJ').executeTakeFirstOrThrow()).id;
      const cal = await loadCalendar(conn.db);
      for (let i = 0; i < 10; i++) {
        await setDeadline(conn.db, cal, () => now, { agencyId: rsj, type: 'opinion_case', id: `case-two-${i}` }, { rule: 'OP-5', term: { unit: 'hours', n: 1 }, startedAt: now.toISOString() });
      }
      await expect.poll(() => smtp.received.length, { timeout: 120_000, interval: 250 }).toBe(20);
      await new Promise((r) => setTimeout(r, 4_000));
      expect(smtp.received).toHaveLength(20);
      expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(20);
      const undone = await conn.db.selectFrom('jobs').select('id').where('kind', '=', 'notification.deliver').where('done_at', 'is', null).execute();
      expect(undone).toEqual([]);
      for (const s of [one, two]) {
        s.kill('SIGTERM');
        await new Promise((r) => s.once('exit', r));
      }
    } finally {
      await conn.close();
      await smtp.close();
    }
  });
});
