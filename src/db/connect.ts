import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type PostgresPool, type PostgresPoolClient, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Keyring } from '../core/field-crypto.ts';
import { SEALED_COLUMNS, type Database, type Db, type Dialect } from './database.ts';
import { preparedStatementName } from './prepared.ts';
import { SealedColumnsPlugin } from './sealed-columns.ts';

// PostgreSQL returns bigint (count(*), sums) as strings; every count we keep fits a double.
pg.types.setTypeParser(20, Number);

/** `schema` is the PostgreSQL schema the connection works in (undefined on SQLite). */
export type Connection = { db: Db; dialect: Dialect; schema?: string; close: () => Promise<void> };

export type ConnectOptions = {
  databaseUrl?: string | undefined;
  /** SQLite file; ':memory:' for tests. */
  sqliteFile?: string;
  /** PostgreSQL schema to use (tests create one per run); default `public`. */
  pgSchema?: string;
  /** The keys that seal personal data and key the audit chain (src/db/keys.ts). */
  keyring: Keyring;
};

/**
 * SQLite transactions that take the write lock when they begin. Kysely's own driver says
 * `begin` (deferred): a transaction that reads, then writes after another process committed,
 * fails as busy at once — busy_timeout cannot help, since waiting would not make its snapshot
 * current. `begin immediate` waits (busy_timeout) for the other writer at the start instead,
 * so several server processes can share one file (`serve --workers`).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly database: SqliteDatabase) {
    super({ database });
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.database });
  }
}

export function sqliteFileIn(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return join(dataDir, 'gongkai.db');
}

export function connect(options: ConnectOptions): Connection {
  const plugins = [new SealedColumnsPlugin(options.keyring, SEALED_COLUMNS)];
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: withNamedStatements(pool) }), plugins });
    return { db, dialect: 'postgres', schema: options.pgSchema ?? 'public', close: () => db.destroy() };
  }
  const file = options.sqliteFile ?? ':memory:';
  const sqlite = new SQLite(file);
  // The database file is the owner's only (等保: data files 0600); WAL and journal files follow the process umask (main.ts).
  if (file !== ':memory:') chmodSync(file, 0o600);
  // WAL lets readers go on while one writer commits; NORMAL sync is durable across crashes
  // of the process (not of the OS) and several times faster than FULL.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect(withStatementCache(sqlite)), plugins });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/** Prepared statements kept per connection: a fresh portal page runs a dozen queries, and preparing each again cost as much as running it. */
const STATEMENTS_KEPT = 500;

/**
 * The SQLite connection as Kysely's driver sees it, preparing each distinct SQL text once.
 * A kept statement is safe to reuse: the driver runs one query at a time on its one
 * connection, and SQLite prepares a statement again by itself after a schema change. Texts
 * that vary (lists of values) would grow the map without end, so it is emptied when full.
 */
function withStatementCache(sqlite: SQLite.Database) {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (source: string) => {
      let stmt = kept.get(source);
      if (!stmt) {
        if (kept.size >= STATEMENTS_KEPT) kept.clear();
        stmt = sqlite.prepare(source);
        kept.set(source, stmt);
      }
      return stmt;
    },
  };
}

/**
 * The pool as Kysely's PostgreSQL driver sees it, sending the texts of preparedRead (the
 * portal's hot reads, src/db/prepared.ts) as named statements: each connection parses and
 * plans one once, where an unnamed statement is parsed and planned on every run (about half
 * of what PostgreSQL spent on a fresh page's reads). Only those few index seeks: a plan kept
 * for any query could be a generic one, poor for skewed values such as a search's words.
 */
function withNamedStatements(pool: pg.Pool): PostgresPool {
  const clients = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    let wrapped = clients.get(client);
    if (!wrapped) {
      wrapped = {
        query: ((text: string, values: unknown[]) => {
          const name = preparedStatementName(text);
          return name ? client.query({ name, text, values }) : client.query(text, values);
        }) as unknown as PostgresPoolClient['query'],
        release: () => client.release(),
      };
      clients.set(client, wrapped);
    }
    return wrapped;
  };
  return { connect: async () => wrap(await pool.connect()), end: () => pool.end() };
}
