import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Connection } from '../../src/db/connect.ts';
import { loadCalendar } from '../../src/modules/calendar/calendar.service.ts';
import { setDeadline } from '../../src/modules/deadlines/deadlines.service.ts';
import { createRunner, enqueueJob, nextCronRun } from '../../src/modules/jobs/jobs.runner.ts';
import { gongkaiRunner } from '../../src/modules/jobs/jobs.setup.ts';
import { sweepDeadlines } from '../../src/modules/notifications/reminders.service.ts';
import { agencyId, demoApp, userId, type TestApp } from '../support/app.ts';
import { keyring } from '../support/db.ts';
import { startSmtp } from '../support/smtp.ts';

/** The durable job runner (issue 12): idempotency keys, leases, retries, schedules, several runners on one database. */
let t: TestApp;
beforeAll(async () => {
  t = await demoApp('2026-12-07T02:00:00.000Z');
});
afterAll(async () => t.close());

const at = (iso: string) => new Date(iso);

describe('jobs on the project\'s own tables', () => {
  it('one job per idempotency key, however often it is enqueued', async () => {
    const now = at('2026-12-07T10:00:00+08:00');
    for (let i = 0; i < 3; i++) await enqueueJob(t.conn.db, now, { kind: 'count', payload: { n: i }, key: 'once-only' });
    const runs: unknown[] = [];
    const runner = createRunner({ db: t.conn.db, dialect: t.conn.dialect, handlers: { count: async (p) => void runs.push(p) } });
    expect(await runner.runDue(now)).toBe(1);
    expect(await runner.runDue(now)).toBe(0);
    expect(runs).toEqual([{ n: 0 }]);
  });

  it('a failing job is retried later with its error kept, and given up after the last attempt', async () => {
    const now = at('2026-12-07T10:00:00+08:00');
    await enqueueJob(t.conn.db, now, { kind: 'flaky', payload: {}, key: 'flaky-1' });
    let calls = 0;
    const runner = createRunner({ db: t.conn.db, dialect: t.conn.dialect, maxAttempts: 3, handlers: { flaky: async () => { calls += 1; throw new Error('网关不可达'); } } });
    await runner.runDue(now);
    const job = () => t.conn.db.selectFrom('jobs').selectAll().where('idempotency_key', '=', 'flaky-1').executeTakeFirstOrThrow();
    expect(await job()).toMatchObject({ attempts: 1, last_error: '网关不可达', done_at: null, failed_at: null, run_at: '2026-12-07T02:00:30.000Z' });
    await runner.runDue(at('2026-12-07T10:00:10+08:00'));
    expect(calls).toBe(1);
    await runner.runDue(at('2026-12-07T10:00:30+08:00'));
    await runner.runDue(at('2026-12-07T10:05:00+08:00'));
    expect(calls).toBe(3);
    expect((await job()).failed_at).toBe('2026-12-07T02:05:00.000Z');
    await runner.runDue(at('2026-12-07T12:00:00+08:00'));
    expect(calls).toBe(3);
  });

  it('a lease that ran out (its process died) makes the job due again: at least once', async () => {
    const now = at('2026-12-07T10:00:00+08:00');
    await enqueueJob(t.conn.db, now, { kind: 'slow', payload: {}, key: 'slow-1' });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let runs = 0;
    const a = createRunner({ db: t.conn.db, dialect: t.conn.dialect, leaseMs: 60_000, workerId: 'a', handlers: { slow: async () => { runs += 1; await held; } } });
    const b = createRunner({ db: t.conn.db, dialect: t.conn.dialect, leaseMs: 60_000, workerId: 'b', handlers: { slow: async () => void (runs += 1) } });
    const first = a.runDue(now);
    await expect.poll(async () => (await t.conn.db.selectFrom('jobs').select('locked_by').where('idempotency_key', '=', 'slow-1').executeTakeFirstOrThrow()).locked_by).toBe('a');
    expect(await b.runDue(at('2026-12-07T10:00:59+08:00'))).toBe(0);
    expect(await b.runDue(at('2026-12-07T10:01:01+08:00'))).toBe(1);
    release();
    await first;
    expect(runs).toBe(2);
    const job = await t.conn.db.selectFrom('jobs').selectAll().where('idempotency_key', '=', 'slow-1').executeTakeFirstOrThrow();
    expect(job).toMatchObject({ attempts: 2, locked_by: null, done_at: '2026-12-07T02:01:01.000Z' });
  });

  it('schedules are cron expressions in Beijing time: the digest at 08:30 is 00:30 UTC', () => {
    expect(nextCronRun('30 8 * * *', at('2026-12-07T08:00:00+08:00')).toISOString()).toBe('2026-12-07T00:30:00.000Z');
    expect(nextCronRun('30 8 * * *', at('2026-12-07T08:30:00+08:00')).toISOString()).toBe('2026-12-08T00:30:00.000Z');
  });

  it('the sweep is scheduled every minute, and a server down for an hour sweeps once, not sixty times', async () => {
    const runner = gongkaiRunner({ db: t.conn.db, dialect: t.conn.dialect });
    await runner.runDue(at('2026-12-07T10:00:00+08:00'));
    await runner.runDue(at('2026-12-07T10:00:30+08:00'));
    await runner.runDue(at('2026-12-07T10:01:05+08:00'));
    await runner.runDue(at('2026-12-07T11:30:00+08:00'));
    const sweeps = await t.conn.db.selectFrom('jobs').select('idempotency_key').where('kind', '=', 'reminder.sweep').orderBy('idempotency_key').execute();
    expect(sweeps.map((j) => j.idempotency_key)).toEqual([
      'schedule:reminder-sweep:2026-12-07T02:00:00.000Z', 'schedule:reminder-sweep:2026-12-07T02:01:00.000Z', 'schedule:reminder-sweep:2026-12-07T02:02:00.000Z',
    ]);
  });
});

describe('two runners with their own connections on one database deliver each reminder once (OP-5, OP-7)', () => {
  let second: Connection | undefined;
  afterAll(async () => second?.close());

  it('OP-5, OP-7: twenty hour clocks swept by two runners at once: one notification per person and stage, one mail each', async () => {
    const smtp = await startSmtp();
    try {
      const db = t.conn.db;
      const other = t.conn.dialect === 'postgres' ? (second = connect({ keyring, databaseUrl: process.env.DATABASE_URL, pgSchema: t.conn.schema! })).db : db;
      const rsj = await agencyId(t, 'RSJ');
      const now = '2026-12-08T03:00:00+08:00';
      await db.insertInto('channel_settings').values({ id: 'mail', config_json: JSON.stringify({ host: '127.0.0.1', port: smtp.port, security: 'none', sender: 'noreply@example.gov.cn', senderName: '', user: '', consoleUrl: '' }), secret: '', updated_by: null, updated_at: now }).execute();
      await db.insertInto('duty_shifts').values({ id: 'night', agency_id: rsj, user_id: await userId(t, 'rsj.leader'), phone: '13900000000', starts_at: '2026-12-07T16:00:00.000Z', ends_at: '2026-12-08T16:00:00.000Z', note: '', created_by: null, created_at: now }).execute();
      const cal = await loadCalendar(db);
      for (let i = 0; i < 20; i++) {
        await setDeadline(db, cal, () => new Date(now), { agencyId: rsj, type: 'opinion_case', id: `case-${i}` }, { rule: 'OP-5', term: { unit: 'hours', n: 1 }, startedAt: '2026-12-08T02:50:00+08:00' });
      }
      const a = gongkaiRunner({ db, dialect: t.conn.dialect, workerId: 'one' });
      const b = gongkaiRunner({ db: other, dialect: t.conn.dialect, workerId: 'two' });
      await Promise.all([sweepDeadlines(db, new Date(now)), sweepDeadlines(other, new Date(now)), a.runDue(new Date(now)), b.runDue(new Date(now))]);
      await Promise.all([a.runDue(new Date(now)), b.runDue(new Date(now))]);
      const sent = await db.selectFrom('notifications').select(['user_id', 'deadline_id', 'stage']).where('subject_type', '=', 'opinion_case').execute();
      // Each clock: the office (no holder registered yet) and the leader on duty, once each.
      expect(sent).toHaveLength(40);
      expect(new Set(sent.map((n) => `${n.deadline_id}:${n.stage}:${n.user_id}`)).size).toBe(40);
      await expect.poll(() => smtp.received.length).toBe(40);
      expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(40);
      expect(smtp.received.filter((m) => m.to[0] === 'rsj.leader@example.gov.cn')).toHaveLength(20);
      const deliveries = await db.selectFrom('deliveries').select('notification_id').where('channel', '=', 'email').execute();
      expect(deliveries).toHaveLength(40);
      const undone = await db.selectFrom('jobs').select('id').where('done_at', 'is', null).where('failed_at', 'is', null).execute();
      expect(undone).toEqual([]);
    } finally {
      await smtp.close();
    }
  });
});
