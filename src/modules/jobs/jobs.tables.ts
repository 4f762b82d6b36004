/**
 * The durable job runner's tables (issue 12). Moments are ISO-8601 UTC strings on both databases.
 * A job is claimed by writing a lease (`locked_by`, `locked_until`); a lease that runs out
 * (the process died) makes the job due again: at least once, so handlers are idempotent.
 */
export interface JobTable {
  id: string;
  kind: string;
  payload_json: string;
  /** Unique: enqueuing the same work twice (two processes, a retried sweep) keeps one job. */
  idempotency_key: string;
  run_at: string;
  attempts: number;
  locked_by: string | null;
  locked_until: string | null;
  done_at: string | null;
  /** Set after the last attempt failed; the job is then kept for the record and not run again. */
  failed_at: string | null;
  last_error: string | null;
  created_at: string;
}

/** A recurring schedule's next moment; the cron expression is the code's (Asia/Shanghai). */
export interface JobScheduleTable {
  name: string;
  cron: string;
  next_at: string;
}
