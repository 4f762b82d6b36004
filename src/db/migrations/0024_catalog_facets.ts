import { sql, type Kysely } from 'kysely';
import { ANY, FACET_FILTERS } from '../../modules/catalog/catalog.facets.rules.ts';

/**
 * The catalog's facet counts (PUB-2) as a table kept at publication (catalog.entries.ts
 * countFacets) instead of counted per request: a deep page of an agency with 20,000 entries
 * read its counts from every entry. Key: agency, each filter's value or `*`, category.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('catalog_facets')
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('year', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('validity', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalog_facets_pk', ['agency_id', 'unit_id', 'year', 'kind', 'validity', 'category'])
    .execute();
  await countCatalogFacets(db);
}

/**
 * Counts every facet afresh from the catalog entries: here for the entries published before
 * the table existed, and by the benchmark's loader, which writes entries in bulk.
 */
export async function countCatalogFacets(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('catalog_facets').execute();
  for (let mask = 0; mask < 1 << FACET_FILTERS.length; mask++) {
    const kept = FACET_FILTERS.filter((_, i) => mask & (1 << i));
    await sql`insert into catalog_facets (agency_id, ${sql.join(FACET_FILTERS.map((f) => sql.ref(f)))}, category, n)
      select agency_id, ${sql.join(FACET_FILTERS.map((f) => (kept.includes(f) ? sql.ref(f) : sql.lit(ANY))))}, category, count(*) from catalog_entries
      group by ${sql.join(['agency_id', ...kept, 'category'].map((c) => sql.ref(c)))}`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('catalog_facets').execute();
}
