import type { Kysely } from 'kysely';

/** CAT-2: quarterly filings of the catalog, one per agency and quarter. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('catalog_filings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('entry_count', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('filed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('filed_by_name', 'text', (c) => c.notNull())
    .addColumn('filed_at', 'text', (c) => c.notNull())
    .addColumn('reported_on', 'text')
    .addColumn('report_note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  // A quarter is filed once: the index also stops two office staff filing it at the same moment.
  await db.schema.createIndex('catalog_filings_agency_period').on('catalog_filings').columns(['agency_id', 'period']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('catalog_filings').execute();
}
