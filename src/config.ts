import { resolve } from 'node:path';

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
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.GONGKAI_DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    production,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
  };
}
