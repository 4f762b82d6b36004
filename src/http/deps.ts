import type { Clock } from '../core/clock.ts';
import type { Db, Dialect } from '../db/database.ts';

/** What the routes need from outside: built once in `buildApp`, passed down as plain values. */
export type AppDeps = {
  db: Db; dialect: Dialect; clock: Clock; dataDir: string; secureCookies: boolean;
  /** The auditor's file of signed audit checkpoints, when the server writes one (`gongkai serve`). */
  auditCheckpointFile?: string | undefined;
  /** Sign-in attempts one address may make a minute; 20 unless configured. */
  loginPerMinute?: number | undefined;
};
