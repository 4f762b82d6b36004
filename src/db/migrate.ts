import { type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
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
import * as m0010 from './migrations/0010_application_receipt.ts';
import * as m0012 from './migrations/0012_catalog_identifiers.ts';
import * as m0013 from './migrations/0013_letter_templates.ts';
import * as m0014 from './migrations/0014_jobs_notifications.ts';
import * as m0015 from './migrations/0015_opinion.ts';
import * as m0016 from './migrations/0016_interpretation.ts';
import * as m0017 from './migrations/0017_coordination.ts';
import * as m0018 from './migrations/0018_consultations.ts';
import * as m0019 from './migrations/0019_citizen_messages.ts';
import * as m0020 from './migrations/0020_reports.ts';
import * as m0021 from './migrations/0021_supervision.ts';
import * as m0022 from './migrations/0022_search_filter_tokens.ts';
import * as m0024 from './migrations/0024_catalog_facets.ts';
import * as m0025 from './migrations/0025_supervision_findings.ts';
import * as m0026 from './migrations/0026_search_doc_numbers.ts';
import * as m0028 from './migrations/0028_catalog_search_walks.ts';

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
  '0010_application_receipt': m0010,
  '0012_catalog_identifiers': m0012,
  '0013_letter_templates': m0013,
  '0014_jobs_notifications': m0014,
  '0015_opinion': m0015,
  '0016_interpretation': m0016,
  '0017_coordination': m0017,
  '0018_consultations': m0018,
  '0019_citizen_messages': m0019,
  '0020_reports': m0020,
  '0021_supervision': m0021,
  '0022_search_filter_tokens': m0022,
  '0024_catalog_facets': m0024,
  '0025_supervision_findings': m0025,
  '0026_search_doc_numbers': m0026,
  '0028_catalog_search_walks': m0028,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Kysely's record of applied migrations (its default table name). */
const MIGRATION_TABLE = 'kysely_migration';

/** The migrations this database has applied that this build does not know: a newer build wrote them. */
async function unknownMigrations(db: Db, schema?: string): Promise<string[]> {
  const table = schema ? sql.table(`${schema}.${MIGRATION_TABLE}`) : sql.table(MIGRATION_TABLE);
  const applied = await sql<{ name: string }>`select name from ${table}`.execute(db).then(
    (r) => r.rows.map((row) => row.name),
    () => [] as string[], // no migration table yet: an empty database
  );
  return applied.filter((name) => !(name in migrations));
}

/** A database migrated by a newer gongkai: this build must not touch its schema. */
export class SchemaNewerError extends Error {
  constructor(readonly unknown: string[]) {
    super(`数据库结构比本版本 gongkai 新（database schema is newer than this version: ${unknown.join(', ')}）；请升级 gongkai 后再运行。`);
    this.name = 'SchemaNewerError';
  }
}

/** Refuses a database that a newer build has migrated; read-only commands call this to warn, not to stop. */
export async function assertSchemaNotNewer(db: Db, schema?: string): Promise<void> {
  const unknown = await unknownMigrations(db, schema);
  if (unknown.length) throw new SchemaNewerError(unknown);
}

/**
 * Applies the pending migrations and returns their names. `schema` names the PostgreSQL
 * schema the connection works in when it is not `public`: the migrator looks tables up across
 * schemas, so its own tables must be placed explicitly.
 * `upTo` stops at a named migration (tests of an upgrade start from the schema before it).
 */
export async function migrateToLatest(db: Db, schema?: string, upTo?: string): Promise<string[]> {
  await assertSchemaNotNewer(db, schema);
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = upTo ? await migrator.migrateTo(upTo) : await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
