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
import * as m0012 from './migrations/0012_catalog_identifiers.ts';

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
  '0012_catalog_identifiers': m0012,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * `schema` names the PostgreSQL schema the connection works in when it is not `public`: the
 * migrator looks tables up across schemas, so its own tables must be placed explicitly.
 */
export async function migrateToLatest(db: Db, schema?: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
