import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { SUITES, type Suite } from './core/field-crypto.ts';

/**
 * Configuration is read once from the environment. A production deployment must say where
 * its database is; development and tests fall back to the embedded SQLite file.
 */
export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  production: boolean;
  logLevel: string;
  /** The key file (outside the database); `GONGKAI_KEYS` holds the ring itself instead. */
  keyFile: string;
  keysFromEnv: string | undefined;
  /** Field encryption for new keys: AES-256-GCM, or the 国密 suite SM4-CTR + HMAC-SM3. */
  cryptoSuite: Suite;
  /** Sign-in attempts one address may make a minute (GONGKAI_LOGIN_PER_MINUTE; default 20), beside each account's lockout. */
  loginPerMinute: number;
  /** Reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges); none by default. */
  trustProxy: string[];
  /** Where the signed checkpoints of the audit chains' heads are appended, and how often (minutes). */
  auditCheckpointFile: string;
  auditCheckpointMinutes: number;
  /** The job runner (reminders, mail): on unless GONGKAI_JOBS=off; how often it looks for due jobs, and a claim's lease. */
  jobs: { enabled: boolean; pollMs: number; leaseMs: number };
  /** Server processes `gongkai serve` starts (GONGKAI_WORKERS; default one per core, on both databases). */
  workers: number;
  /**
   * The old-generation heap each of several workers may grow to, in MB (GONGKAI_WORKER_HEAP_MB;
   * default 256). Node's own bound is a quarter of the machine's memory, and V8 collects lazily
   * below it, so a busy worker's resident memory kept growing with garbage (568 MB at a
   * million items) though what it holds live is some tens of MB.
   */
  workerHeapMB: number;
  /** Stored files in an S3-compatible object store instead of the data folder (GONGKAI_S3_*). */
  objectStore: ObjectStoreSettings | null;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`PORT must be a TCP port number, got "${env.PORT}"`);
  }
  if (production && !env.DATABASE_URL && !env.GONGKAI_DATA_DIR) {
    throw new Error('In production set DATABASE_URL (PostgreSQL) or GONGKAI_DATA_DIR (SQLite file location).');
  }
  const cryptoSuite = (env.GONGKAI_CRYPTO_SUITE ?? 'aes-256-gcm') as Suite;
  if (!SUITES.includes(cryptoSuite)) throw new Error(`GONGKAI_CRYPTO_SUITE must be one of ${SUITES.join(', ')}, got "${env.GONGKAI_CRYPTO_SUITE}"`);
  const dataDir = resolve(env.GONGKAI_DATA_DIR ?? 'data');
  const minutes = Number(env.GONGKAI_AUDIT_CHECKPOINT_MINUTES ?? 60);
  if (!Number.isInteger(minutes) || minutes <= 0) throw new Error(`GONGKAI_AUDIT_CHECKPOINT_MINUTES must be a positive whole number, got "${env.GONGKAI_AUDIT_CHECKPOINT_MINUTES}"`);
  const pollMs = Number(env.GONGKAI_JOBS_POLL_MS ?? 5000);
  const leaseSeconds = Number(env.GONGKAI_JOBS_LEASE_SECONDS ?? 300);
  if (!Number.isInteger(pollMs) || pollMs < 100) throw new Error(`GONGKAI_JOBS_POLL_MS must be a whole number of milliseconds ≥ 100, got "${env.GONGKAI_JOBS_POLL_MS}"`);
  if (!Number.isInteger(leaseSeconds) || leaseSeconds <= 0) throw new Error(`GONGKAI_JOBS_LEASE_SECONDS must be a positive whole number, got "${env.GONGKAI_JOBS_LEASE_SECONDS}"`);
  if (env.GONGKAI_JOBS !== undefined && !['on', 'off'].includes(env.GONGKAI_JOBS)) throw new Error(`GONGKAI_JOBS must be on or off, got "${env.GONGKAI_JOBS}"`);
  // One process per core on both databases: SQLite's write transactions begin immediate and
  // wait for each other (src/db/connect.ts), so several processes share its file.
  const workers = Number(env.GONGKAI_WORKERS ?? availableParallelism());
  if (!Number.isInteger(workers) || workers < 1) throw new Error(`GONGKAI_WORKERS must be a whole number ≥ 1, got "${env.GONGKAI_WORKERS}"`);
  const workerHeapMB = Number(env.GONGKAI_WORKER_HEAP_MB ?? 256);
  if (!Number.isInteger(workerHeapMB) || workerHeapMB < 64) throw new Error(`GONGKAI_WORKER_HEAP_MB must be a whole number of MB ≥ 64, got "${env.GONGKAI_WORKER_HEAP_MB}"`);
  return {
    port,
    workers,
    workerHeapMB,
    objectStore: objectStoreSettings(env),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    production,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    keyFile: resolve(env.GONGKAI_KEY_FILE ?? join(dataDir, 'keys.json')),
    keysFromEnv: env.GONGKAI_KEYS || undefined,
    cryptoSuite,
    loginPerMinute: Number(env.GONGKAI_LOGIN_PER_MINUTE ?? 20),
    trustProxy: (env.GONGKAI_TRUST_PROXY ?? '').split(',').map((a) => a.trim()).filter(Boolean),
    auditCheckpointFile: resolve(env.GONGKAI_AUDIT_CHECKPOINT_FILE ?? join(dataDir, 'audit-checkpoints.jsonl')),
    auditCheckpointMinutes: minutes,
    jobs: { enabled: env.GONGKAI_JOBS !== 'off', pollMs, leaseMs: leaseSeconds * 1000 },
  };
}

/** Where stored files live when not in the data folder: an S3-compatible bucket (MinIO, OSS, OBS, COS). */
export type ObjectStoreSettings = { endpoint: string; bucket: string; accessKeyId: string; secretAccessKey: string; region: string };

/** The settings from GONGKAI_S3_*; null when no endpoint is set (files stay in the data folder). */
export function objectStoreSettings(env: NodeJS.ProcessEnv): ObjectStoreSettings | null {
  if (!env.GONGKAI_S3_ENDPOINT) return null;
  const missing = ['GONGKAI_S3_BUCKET', 'GONGKAI_S3_ACCESS_KEY_ID', 'GONGKAI_S3_SECRET_ACCESS_KEY'].filter((k) => !env[k]);
  if (missing.length) throw new Error(`GONGKAI_S3_ENDPOINT is set: ${missing.join(', ')} must be set too`);
  return {
    endpoint: env.GONGKAI_S3_ENDPOINT, bucket: env.GONGKAI_S3_BUCKET!, accessKeyId: env.GONGKAI_S3_ACCESS_KEY_ID!,
    secretAccessKey: env.GONGKAI_S3_SECRET_ACCESS_KEY!, region: env.GONGKAI_S3_REGION ?? 'us-east-1',
  };
}
