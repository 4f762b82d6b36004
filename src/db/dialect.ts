import { PostgresAdapter, type Kysely } from 'kysely';
import type { Dialect } from './database.ts';

/**
 * Which database a connection or transaction talks to, for the few statements that differ
 * (the search index: FTS5 on SQLite, tsvector on PostgreSQL). Migrations get no app
 * dependencies, so they ask the connection itself.
 */
export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
