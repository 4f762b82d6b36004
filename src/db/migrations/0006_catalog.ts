import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';

/**
 * The public catalog (CAT-1) as its own table, filled at publication: one row per published
 * item with the fields the catalog filters, sorts and shows, so that browsing and search at
 * city scale read indexed columns instead of JSON inside version snapshots.
 *
 * `seq` grows with every (re)publication, so "newest first" is an index scan on it, and it
 * is the rowid of the SQLite full-text index. The search index holds the same tokens on both
 * databases (see src/modules/catalog/search.rules.ts): an FTS5 table on SQLite, a weighted
 * tsvector with a GIN index on PostgreSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  await db.schema
    .createTable('catalog_entries')
    .addColumn('seq', postgres ? 'bigserial' : 'integer', (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('item_id', 'text', (c) => c.notNull().unique().references('items.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('index_number', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date_made', 'text', (c) => c.notNull())
    .addColumn('year', 'text', (c) => c.notNull())
    .addColumn('validity', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .$call((t) => (postgres ? t.addColumn('search_vector', sql`tsvector`, (c) => c.notNull()) : t))
    .execute();
  for (const [name, columns] of [
    ['catalog_agency_seq', ['agency_id', 'seq']],
    ['catalog_agency_category_seq', ['agency_id', 'category', 'seq']],
    ['catalog_agency_year_seq', ['agency_id', 'year', 'seq']],
    ['catalog_agency_unit_seq', ['agency_id', 'unit_id', 'seq']],
  ] as const) {
    await db.schema.createIndex(name).on('catalog_entries').columns([...columns]).execute();
  }
  if (postgres) {
    await sql`create index catalog_search on catalog_entries using gin (search_vector)`.execute(db);
  } else {
    // Contentless: the text lives in catalog_entries; rows can still be deleted on republication.
    await sql`create virtual table catalog_fts using fts5(title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') await sql`drop table catalog_fts`.execute(db);
  await db.schema.dropTable('catalog_entries').execute();
}
