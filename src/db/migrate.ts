import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Db } from './database.ts';
import * as m0001 from './migrations/0001_foundation.ts';
import * as m0002 from './migrations/0002_documents.ts';
import * as m0003 from './migrations/0003_applications.ts';
import * as m0004 from './migrations/0004_application_split.ts';
import * as m0005 from './migrations/0005_agency_guide.ts';
import * as m0006 from './migrations/0006_catalog.ts';
import * as m0007 from './migrations/0007_lists.ts';
import * as m0008 from './migrations/0008_catalog_filing.ts';
import * as m0009 from './migrations/0009_security.ts';

/** Migrations are listed here, in order, so they run the same from source and in tests. */
const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_documents': m0002,
  '0003_applications': m0003,
  '0004_application_split': m0004,
  '0005_agency_guide': m0005,
  '0006_catalog': m0006,
  '0007_lists': m0007,
  '0008_catalog_filing': m0008,
  '0009_security': m0009,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * `schema` names the PostgreSQL schema the connection works in when it is not `public`: the
 * migrator looks tables up across schemas, so its own tables must be placed explicitly.
 * `upTo` stops at a named migration (tests of an upgrade start from the schema before it).
 */
export async function migrateToLatest(db: Db, schema?: string, upTo?: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = upTo ? await migrator.migrateTo(upTo) : await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
