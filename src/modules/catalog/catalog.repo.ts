import { sql } from 'kysely';
import type { Db, Dialect } from '../../db/database.ts';
import { CATEGORIES, DOC_KINDS, VALIDITIES, type Category, type DocKind, type Validity } from '../documents/documents.rules.ts';

/**
 * The public catalog (CAT-1, PUB-2): an agency's published items as last published, from
 * `catalog_entries` (written at publication), filtered, counted and paged on indexed columns.
 */

/** What reading the catalog needs: the database and its dialect (for search). */
export type CatalogDeps = { db: Db; dialect: Dialect };

export type CatalogFilter = { category?: Category; unitId?: string; year?: string; kind?: DocKind | 'other'; validity?: Validity };

export type CatalogEntry = {
  id: string; indexNumber: string; title: string; summary: string; docNumber: string; category: Category; dateMade: string;
  publishedAt: string; validity: Validity; unitName: string;
};

/** Reads filter values from a query string, dropping any value that is not one of the vocabulary's. */
export function parseFilter(q: Record<string, string | undefined>): CatalogFilter {
  const f: CatalogFilter = {};
  if (q.category && Object.hasOwn(CATEGORIES, q.category)) f.category = q.category as Category;
  if (q.unit && /^[\w-]{1,64}$/.test(q.unit)) f.unitId = q.unit;
  if (q.year && /^\d{4}$/.test(q.year)) f.year = q.year;
  if (q.kind && (q.kind === 'other' || Object.hasOwn(DOC_KINDS, q.kind))) f.kind = q.kind as DocKind | 'other';
  if (q.validity && Object.hasOwn(VALIDITIES, q.validity)) f.validity = q.validity as Validity;
  return f;
}

/** The agency's entries with the filters applied (`agencyId` undefined: the whole city). */
export function catalogScope(deps: CatalogDeps, agencyId: string | undefined, f: CatalogFilter, opts: { ignoreCategory?: boolean } = {}) {
  let q = deps.db.selectFrom('catalog_entries as e');
  if (agencyId) q = q.where('e.agency_id', '=', agencyId);
  if (f.category && !opts.ignoreCategory) q = q.where('e.category', '=', f.category);
  if (f.unitId) q = q.where('e.unit_id', '=', f.unitId);
  if (f.year) q = q.where('e.year', '=', f.year);
  if (f.kind) q = q.where('e.kind', '=', f.kind);
  if (f.validity) q = q.where('e.validity', '=', f.validity);
  return q;
}

/**
 * One page of the catalog, newest publication first, with the total that matches. The page's
 * rows are found on the (agency, …, seq) indexes alone and only then joined to their units:
 * a deep page skips thousands of index entries, not thousands of joined rows.
 */
export async function catalogPage(deps: CatalogDeps, agencyId: string, f: CatalogFilter, page: number, pageSize: number): Promise<{ entries: CatalogEntry[]; total: number }> {
  const seqs = catalogScope(deps, agencyId, f).select('e.seq').orderBy('e.seq', 'desc').limit(pageSize).offset((page - 1) * pageSize);
  const [count, rows] = await Promise.all([
    catalogScope(deps, agencyId, f).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    deps.db
      .selectFrom(seqs.as('p'))
      .innerJoin('catalog_entries as e', 'e.seq', 'p.seq')
      .innerJoin('units', 'units.id', 'e.unit_id')
      .select([
        'e.item_id as id', 'e.index_number as indexNumber', 'e.title', 'e.summary', 'e.doc_number as docNumber', 'e.category',
        'e.date_made as dateMade', 'e.published_at as publishedAt', 'e.validity', 'units.name as unitName',
      ])
      .orderBy('e.seq', 'desc')
      .execute(),
  ]);
  return { total: Number(count.n), entries: rows };
}

/** PUB-2: how many published items each category holds under the other filters. */
export async function categoryCounts(deps: CatalogDeps, agencyId: string, f: CatalogFilter): Promise<Partial<Record<Category, number>>> {
  const rows = await catalogScope(deps, agencyId, f, { ignoreCategory: true }).select(['e.category', (eb) => eb.fn.countAll().as('n')]).groupBy('e.category').execute();
  return Object.fromEntries(rows.map((r) => [r.category, Number(r.n)]));
}

/**
 * What the filter form offers: the years items were made in and the departments that published.
 * The years are found by skipping down the (agency, year) index one year at a time, a dozen
 * seeks instead of reading every entry of a large agency.
 */
export async function filterChoices(deps: CatalogDeps, agencyId: string): Promise<{ years: string[]; units: { id: string; name: string }[] }> {
  const [years, units] = await Promise.all([
    sql<{ year: string }>`with recursive y(year) as (
        select max(year) from catalog_entries where agency_id = ${agencyId}
        union all
        select (select max(year) from catalog_entries where agency_id = ${agencyId} and year < y.year) from y where y.year is not null
      ) select year from y where year is not null`.execute(deps.db),
    deps.db
      .selectFrom('units')
      .select(['units.id', 'units.name'])
      .where((eb) => eb.exists(eb.selectFrom('catalog_entries as e').select('e.seq').where('e.agency_id', '=', agencyId).whereRef('e.unit_id', '=', 'units.id')))
      .orderBy('units.name')
      .execute(),
  ]);
  return { years: years.rows.map((y) => y.year), units };
}
