import { hostname } from 'node:os';
import { Cron } from 'croner';
import { sql } from 'kysely';
import { CHINA_ZONE } from '../../core/clock.ts';
import { newId } from '../../core/ids.ts';
import type { Db, Dialect, Tx } from '../../db/database.ts';

/**
 * The durable job runner (issue 12) over the project's own tables: no maintained Node queue
 * serves both SQLite and PostgreSQL (docs/dependencies.md). A job is claimed with a lease;
 * on PostgreSQL the claim skips rows another process holds (`FOR UPDATE SKIP LOCKED`), on
 * SQLite one process writes at a time anyway. A lease that runs out (the process died) makes
 * the job due again, so every job runs at least once and handlers are idempotent.
 * Tests call `runDue(now)` with a clock of their own instead of waiting for timers.
 */

export type JobContext = { db: Db; now: Date; job: { id: string; kind: string; attempts: number } };
export type JobHandler = (payload: unknown, ctx: JobContext) => Promise<void>;
/** A recurring job: a cron expression read in Beijing time (Asia/Shanghai); `atOnce`: a new schedule first runs at once. */
export type Schedule = { name: string; cron: string; kind: string; atOnce?: boolean };

export type RunnerOptions = {
  db: Db;
  dialect: Dialect;
  handlers: Record<string, JobHandler>;
  schedules?: Schedule[];
  /** How long a claim holds before another process may run the job again. */
  leaseMs?: number;
  /** Failed attempts before a job is given up (kept, with its last error). */
  maxAttempts?: number;
  workerId?: string;
  log?: (msg: string, err?: unknown) => void;
};

export type EnqueueInput = { kind: string; payload: unknown; key: string; runAt?: Date };

/** Enqueues a job once per idempotency key; inside a use case's transaction it commits with it. */
export async function enqueueJob(tx: Tx, now: Date, job: EnqueueInput): Promise<void> {
  await tx
    .insertInto('jobs')
    .values({
      id: newId(), kind: job.kind, payload_json: JSON.stringify(job.payload), idempotency_key: job.key, run_at: (job.runAt ?? now).toISOString(),
      attempts: 0, locked_by: null, locked_until: null, done_at: null, failed_at: null, last_error: null, created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .execute();
}

/** The next moment of a cron expression after `from`, in Beijing time. */
export function nextCronRun(cron: string, from: Date): Date {
  const next = new Cron(cron, { timezone: CHINA_ZONE, paused: true }).nextRun(from);
  if (!next) throw new Error(`cron expression without a next run: ${cron}`);
  return next;
}

/** Retry after 30 s, 2 min, 8 min … at most an hour. */
const backoffMs = (attempts: number) => Math.min(3_600_000, 30_000 * 4 ** Math.max(0, attempts - 1));

export type Runner = {
  /** Enqueues the schedules that are due and runs every job due at `now`; returns how many jobs ran. */
  runDue: (now: Date) => Promise<number>;
  /** Polls every `intervalMs` with the real clock until `stop`. */
  start: (intervalMs: number, clock?: () => Date) => void;
  /** Stops polling and waits for the job in hand. */
  stop: () => Promise<void>;
  workerId: string;
};

export function createRunner(options: RunnerOptions): Runner {
  const { db, dialect, handlers } = options;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const maxAttempts = options.maxAttempts ?? 8;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${newId().slice(0, 8)}`;
  const log = options.log ?? (() => {});

  async function tickSchedules(now: Date) {
    for (const s of options.schedules ?? []) {
      let row = await db.selectFrom('job_schedules').selectAll().where('name', '=', s.name).executeTakeFirst();
      if (!row || row.cron !== s.cron) {
        // A new schedule (or a changed expression) first runs at its next moment, or at once.
        const next_at = (s.atOnce ? now : nextCronRun(s.cron, now)).toISOString();
        await db.insertInto('job_schedules').values({ name: s.name, cron: s.cron, next_at }).onConflict((oc) => oc.column('name').doUpdateSet({ cron: s.cron, next_at })).execute();
        row = { name: s.name, cron: s.cron, next_at };
      }
      const due = row.next_at;
      if (due > now.toISOString()) continue;
      // Several processes may see the same moment due: the key keeps one job per moment.
      await db.transaction().execute(async (tx) => {
        await enqueueJob(tx, now, { kind: s.kind, payload: { scheduledAt: due }, key: `schedule:${s.name}:${due}` });
        await tx.updateTable('job_schedules').set({ next_at: nextCronRun(s.cron, now).toISOString() }).where('name', '=', s.name).where('next_at', '=', due).execute();
      });
    }
  }

  /** Takes one due job under a lease, or none. */
  async function claim(now: Date) {
    const at = now.toISOString();
    return db.transaction().execute(async (tx) => {
      let q = tx
        .selectFrom('jobs')
        .selectAll()
        .where('done_at', 'is', null)
        .where('failed_at', 'is', null)
        .where('run_at', '<=', at)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)]))
        .orderBy('run_at')
        .limit(1);
      if (dialect === 'postgres') q = q.modifyEnd(sql`for update skip locked`);
      const job = await q.executeTakeFirst();
      if (!job) return undefined;
      const lease = { locked_by: workerId, locked_until: new Date(now.getTime() + leaseMs).toISOString(), attempts: job.attempts + 1 };
      await tx.updateTable('jobs').set(lease).where('id', '=', job.id).execute();
      return { ...job, ...lease };
    });
  }

  async function runOne(now: Date): Promise<boolean> {
    const job = await claim(now);
    if (!job) return false;
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(JSON.parse(job.payload_json) as unknown, { db, now, job: { id: job.id, kind: job.kind, attempts: job.attempts } });
      await db.updateTable('jobs').set({ done_at: now.toISOString(), locked_by: null, locked_until: null }).where('id', '=', job.id).where('locked_by', '=', workerId).execute();
    } catch (err) {
      log(`job ${job.kind} ${job.id} failed (attempt ${job.attempts})`, err);
      const message = err instanceof Error ? err.message : String(err);
      const gaveUp = job.attempts >= maxAttempts;
      await db
        .updateTable('jobs')
        .set({ last_error: message.slice(0, 2000), locked_by: null, locked_until: null, run_at: new Date(now.getTime() + backoffMs(job.attempts)).toISOString(), failed_at: gaveUp ? now.toISOString() : null })
        .where('id', '=', job.id)
        .where('locked_by', '=', workerId)
        .execute();
    }
    return true;
  }

  let running: Promise<number> | null = null;
  async function runDue(now: Date): Promise<number> {
    await tickSchedules(now);
    let n = 0;
    // Jobs a handler enqueues for `now` (e.g. the sweep's deliveries) run in the same pass.
    while (await runOne(now)) n += 1;
    return n;
  }

  let timer: NodeJS.Timeout | null = null;
  return {
    workerId,
    runDue,
    start(intervalMs, clock = () => new Date()) {
      const tick = () => {
        if (running) return;
        running = runDue(clock())
          .catch((err: unknown) => {
            log('job runner pass failed', err);
            return 0;
          })
          .finally(() => {
            running = null;
          });
      };
      timer = setInterval(tick, intervalMs);
      tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
