import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { connect, type Connection } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { newKeyring } from '../../src/core/field-crypto.ts';

/** One key ring per test process: each test file's database is sealed with it. */
export const keyring = newKeyring('aes-256-gcm', new Date());

/**
 * A fresh, migrated database for one test file: an in-memory SQLite database, or — when
 * DATABASE_URL is set (CI runs the whole suite that way too) — a new PostgreSQL schema that
 * is dropped afterwards.
 */
export async function freshDatabase(upTo?: string): Promise<Connection> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const conn = connect({ keyring, sqliteFile: ':memory:' });
    await migrateToLatest(conn.db, undefined, upTo);
    return conn;
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = connect({ keyring, databaseUrl: url });
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  await admin.close();
  const conn = connect({ keyring, databaseUrl: url, pgSchema: schema });
  await migrateToLatest(conn.db, schema, upTo);
  return {
    ...conn,
    close: async () => {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(conn.db);
      await conn.close();
    },
  };
}
