import type { Db, Dialect } from '../../db/database.ts';
import { deliverNotification, DIGEST_JOB, sendDigests } from '../notifications/channels.ts';
import { DELIVER_JOB, sweepDeadlines, type DeliverPayload } from '../notifications/reminders.service.ts';
import { pollOpinionFeeds } from '../opinion/opinion.intake.ts';
import { createRunner, type Runner, type Schedule } from './jobs.runner.ts';

export const SWEEP_JOB = 'reminder.sweep';
export const FEED_POLL_JOB = 'opinion.feeds.poll';

/**
 * The recurring jobs (cron in Beijing time): the deadline sweep every minute (and at once on a
 * new database), the agencies' opinion feeds every five minutes (OP-1), the mail digest at 08:30.
 */
export const SCHEDULES: Schedule[] = [
  { name: 'reminder-sweep', cron: '* * * * *', kind: SWEEP_JOB, atOnce: true },
  { name: 'opinion-feeds', cron: '*/5 * * * *', kind: FEED_POLL_JOB },
  { name: 'mail-digest', cron: '30 8 * * *', kind: DIGEST_JOB },
];

export type JobsOptions = { db: Db; dialect: Dialect; leaseMs?: number; workerId?: string; log?: (msg: string, err?: unknown) => void };

/** The runner with this deployment's handlers and schedules; `gongkai serve` starts it, tests call `runDue`. */
export function gongkaiRunner(options: JobsOptions): Runner {
  const log = options.log ?? (() => {});
  return createRunner({
    ...options,
    schedules: SCHEDULES,
    handlers: {
      [SWEEP_JOB]: async (_payload, ctx) => {
        await sweepDeadlines(ctx.db, ctx.now, log);
      },
      [DELIVER_JOB]: (payload, ctx) => deliverNotification(payload as DeliverPayload, ctx),
      [FEED_POLL_JOB]: async (_payload, ctx) => {
        const result = await pollOpinionFeeds({ db: ctx.db, clock: () => ctx.now }, ctx.now);
        for (const e of result.errors) log(`opinion feed ${e.feed}: ${e.error}`);
      },
      [DIGEST_JOB]: sendDigests,
    },
  });
}
