import type { Db, Dialect } from '../../db/database.ts';
import { sql } from 'kysely';
import { preparedRead } from '../../db/prepared.ts';
import { ANY } from './catalog.facets.rules.ts';
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

/** The newest and oldest `seq` of a page: where the links to its neighbours seek from. */
export type PageBounds = { newest: number; oldest: number };

/**
 * One page of the catalog, newest publication first, with the total that matches (from the
 * facet counts, not counted). The page's rows are found on the (agency, …, seq) indexes alone
 * and only then joined to their units. With `before` (the key a pager link carries: the seq of
 * the last entry of the page before) the page is a seek, however deep; without it, a page is
 * found by position from whichever end of the catalog is nearer, so the last pages are as
 * cheap as the first.
 */
export async function catalogPage(
  deps: CatalogDeps, agencyId: string, f: CatalogFilter, page: number, pageSize: number,
  opts: { before?: number | undefined; counted?: Promise<{ total: number }> } = {},
): Promise<{ entries: CatalogEntry[]; total: number; bounds: PageBounds | null }> {
  // A keyed page needs no total to be found: its rows are read while the total is (PostgreSQL).
  const counted = opts.counted ?? catalogCounts(deps, agencyId, f);
  const columns = [
    'e.seq', 'e.item_id as id', 'e.index_number as indexNumber', 'e.title', 'e.summary', 'e.doc_number as docNumber', 'e.category',
    'e.date_made as dateMade', 'e.published_at as publishedAt', 'e.validity', 'units.name as unitName',
  ] as const;
  // A key: the page's rows straight off the index (one table and its units: little for PostgreSQL to plan).
  const seek = async () =>
    preparedRead(deps.db, 'catalogPage.seek', { ...f, agencyId, before: opts.before!, pageSize }, (p) =>
      catalogScope(deps, p.agencyId, p).innerJoin('units', 'units.id', 'e.unit_id').select(columns)
        .where('e.seq', '<', p.before).orderBy('e.seq', 'desc').limit(p.pageSize));
  // A position: the seqs counted off the index alone, from the nearer end, then their rows.
  const byPosition = async () => {
    const skip = (page - 1) * pageSize;
    const older = (await counted).total - skip - pageSize;
    const scope = catalogScope(deps, agencyId, f).select('e.seq');
    const seqs = skip <= older
      ? scope.orderBy('e.seq', 'desc').limit(pageSize).offset(skip)
      : scope.orderBy('e.seq', 'asc').limit(Math.max(0, pageSize + Math.min(0, older))).offset(Math.max(0, older));
    return deps.db.selectFrom(seqs.as('p')).innerJoin('catalog_entries as e', 'e.seq', 'p.seq').innerJoin('units', 'units.id', 'e.unit_id')
      .select(columns).orderBy('e.seq', 'desc').execute();
  };
  const [rows, { total }] = await Promise.all([opts.before !== undefined && page > 1 ? seek() : byPosition(), counted]);
  const bounds = rows.length ? { newest: Number(rows[0]!.seq), oldest: Number(rows.at(-1)!.seq) } : null;
  return { total, bounds, entries: rows.map(({ seq: _, ...e }) => e) };
}

/**
 * The keys of the pages around `page` (up to two either side): the key of page k is the seq
 * of the last entry of page k − 1, read from the index next to the page's own bounds, so every
 * link of the pager but the last page's (found from the far end) is a seek. Both sides are one
 * statement (one round trip on PostgreSQL).
 */
export async function neighbourKeys(deps: CatalogDeps, agencyId: string, f: CatalogFilter, page: number, pageSize: number, bounds: PageBounds | null): Promise<Map<number, number>> {
  const keys = new Map<number, number>();
  if (!bounds) return keys;
  const params = { ...f, agencyId, oldest: bounds.oldest, newest: bounds.newest, olderSkip: pageSize - 1, newerCount: 2 * pageSize + 1 };
  const rows = await preparedRead(deps.db, 'neighbourKeys', params, (p) => {
    const scope = () => catalogScope(deps, p.agencyId, p).select('e.seq');
    const older = scope().where('e.seq', '<', p.oldest).orderBy('e.seq', 'desc').limit(1).offset(p.olderSkip);
    const newer = scope().where('e.seq', '>', p.newest).orderBy('e.seq', 'asc').limit(p.newerCount);
    return deps.db.selectFrom(older.as('o')).select(['o.seq', sql<number>`0`.as('newer')])
      .unionAll(deps.db.selectFrom(newer.as('n')).select(['n.seq', sql<number>`1`.as('newer')]));
  });
  const next = rows.find((r) => !Number(r.newer));
  const newerSeqs = rows.filter((r) => Number(r.newer)).map((r) => Number(r.seq)).sort((a, b) => a - b);
  keys.set(page + 1, bounds.oldest);
  if (next) keys.set(page + 2, Number(next.seq));
  for (const back of [0, 1, 2]) {
    const key = newerSeqs[back * pageSize];
    if (page - back > 1 && key !== undefined) keys.set(page - back, key);
  }
  return keys;
}

/** How many published items each category holds under the filters other than the category. */
export type FacetCounts = Partial<Record<Category, number>>;

/**
 * PUB-2: how many published items each category holds under the other filters, and how many
 * match them all, from the facet counts kept at publication: one indexed read of at most one
 * row per category, whatever the agency's size. `read` is that read (facetCounts), for a
 * caller that keeps it.
 */
export async function catalogCounts(
  deps: CatalogDeps, agencyId: string, f: CatalogFilter, read: Promise<FacetCounts> = facetCounts(deps, agencyId, f),
): Promise<{ byCategory: FacetCounts; total: number }> {
  const byCategory = await read;
  return { byCategory, total: f.category ? (byCategory[f.category] ?? 0) : Object.values(byCategory).reduce((n, c) => n + (c ?? 0), 0) };
}

/** The facet counts' row per category under the filters (the category itself left out). */
export async function facetCounts(deps: CatalogDeps, agencyId: string, f: Omit<CatalogFilter, 'category'>): Promise<FacetCounts> {
  const params = { agencyId, unitId: f.unitId ?? ANY, year: f.year ?? ANY, kind: f.kind ?? ANY, validity: f.validity ?? ANY };
  const rows = await preparedRead(deps.db, 'catalogCounts', params, (p) => deps.db.selectFrom('catalog_facets').select(['category', 'n'])
    .where('agency_id', '=', p.agencyId).where('unit_id', '=', p.unitId).where('year', '=', p.year)
    .where('kind', '=', p.kind).where('validity', '=', p.validity));
  return Object.fromEntries(rows.map((r) => [r.category, Number(r.n)]));
}

/**
 * What the filter form offers: the years items were made in (newest first) and the
 * agency's departments that published, from the facet counts. The years are found by skipping
 * down the facets' key one year at a time (a dozen seeks); each department is one seek of the key.
 */
export async function filterChoices(deps: CatalogDeps, agencyId: string): Promise<{ years: string[]; units: { id: string; name: string }[] }> {
  const [years, units] = await Promise.all([
    sql<{ year: string }>`with recursive y(year) as (
        select max(year) from catalog_facets where agency_id = ${agencyId} and unit_id = ${ANY} and year <> ${ANY}
        union all
        select (select max(year) from catalog_facets where agency_id = ${agencyId} and unit_id = ${ANY} and year <> ${ANY} and year < y.year) from y where y.year is not null
      ) select year from y where year is not null`.execute(deps.db),
    deps.db
      .selectFrom('units')
      .select(['units.id', 'units.name'])
      .where('units.agency_id', '=', agencyId)
      .where((eb) => eb.exists(eb.selectFrom('catalog_facets as f').select('f.n').where('f.agency_id', '=', agencyId).whereRef('f.unit_id', '=', 'units.id')
        .where('f.year', '=', ANY).where('f.kind', '=', ANY).where('f.validity', '=', ANY)))
      .orderBy('units.name')
      .execute(),
  ]);
  return { years: years.rows.map((y) => y.year), units };
}
