import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';

/**
 * What PostgreSQL's search needs to find its newest matches (catalog.search.ts, search.rules.ts
 * SEARCH_PLAN); SQLite's FTS5 walks its own rowids and needs none of it.
 *
 * - Vectors in the row: PostgreSQL moves a row's wide values out of line once the row passes
 *   about 2 KB, and an entry's search vector is ~2.5 KB that pglz cannot shrink, so every
 *   vector a walk tested was first looked up in the TOAST table by index: 5 µs of the 6 µs an
 *   entry cost. With the target at its maximum the vector stays in the row unless the whole row
 *   passes a page: on the million-item city 20,000 vectors read newest first in 30 ms instead
 *   of 150. Rows written from now on are stored so; a large catalog stored before moves in with
 *   `VACUUM FULL catalog_entries` in a quiet hour (docs/scale.md).
 * - A year's entries newest first without an agency: the years follow publication, so walking
 *   the catalog's order for an old year's matches would pass most of the catalog first.
 * - The index's matches above a seq bound: a BRIN index of seq (entries are appended in seq
 *   order, so a block range holds a narrow run of seqs) gives the planner the range's pages in
 *   under a millisecond to intersect with the GIN index's candidates; the primary key's bitmap
 *   of the same 58,000 entries took 14 ms.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`alter table catalog_entries set (toast_tuple_target = 8160)`.execute(db);
  await db.schema.createIndex('catalog_year_seq').on('catalog_entries').columns(['year', 'seq']).execute();
  await db.schema.createIndex('catalog_seq_ranges').on('catalog_entries').using('brin').column('seq').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await db.schema.dropIndex('catalog_seq_ranges').execute();
  await db.schema.dropIndex('catalog_year_seq').execute();
  await sql`alter table catalog_entries reset (toast_tuple_target)`.execute(db);
}
