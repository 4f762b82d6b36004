import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { connect, type Connection } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

/**
 * A fresh, migrated database for one test file: an in-memory SQLite database, or — when
 * DATABASE_URL is set (CI runs the whole suite that way too) — a new PostgreSQL schema that
 * is dropped afterwards.
 */
export async function freshDatabase(): Promise<Connection> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const conn = connect({ sqliteFile: ':memory:' });
    await migrateToLatest(conn.db);
    return conn;
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = connect({ databaseUrl: url });
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  await admin.close();
  const conn = connect({ databaseUrl: url, pgSchema: schema });
  await migrateToLatest(conn.db, schema);
  return {
    ...conn,
    close: async () => {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(conn.db);
      await conn.close();
    },
  };
}
