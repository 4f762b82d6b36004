import { sql, type RawBuilder } from 'kysely';
import type { Dialect } from '../db/database.ts';
import type { AppDeps } from '../http/deps.ts';
import { CATEGORIES, DOC_KINDS, VALIDITIES, type Category, type DocKind, type Validity } from '../modules/documents/documents.rules.ts';

/**
 * The public catalog (CAT-1, PUB-2), read in the database: every published item of an agency
 * as its latest published version (item_versions' snapshot, never the working copy), filtered,
 * counted and paged by SQL. The snapshot's fields are read with the dialect's JSON operator.
 */

export type CatalogFilter = { category?: Category; unitId?: string; year?: string; kind?: DocKind | 'other'; validity?: Validity };

export type CatalogEntry = {
  id: string; indexNumber: string; title: string; summary: string; docNumber: string; category: Category; dateMade: string;
  publishedAt: string; validity: Validity; unitName: string;
};

const FIELDS = ['indexNumber', 'title', 'summary', 'docNumber', 'category', 'dateMade', 'publishedAt', 'kind', 'docKind'] as const;
type Field = (typeof FIELDS)[number];

/** One field of the latest snapshot (`iv.snapshot_json`) as text. */
function snap(dialect: Dialect, field: Field): RawBuilder<string> {
  return dialect === 'postgres'
    ? sql<string>`(iv.snapshot_json::jsonb ->> ${sql.lit(field)})`
    : sql<string>`json_extract(iv.snapshot_json, ${sql.lit(`$.${field}`)})`;
}

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

/** The agency's published items joined to their latest version, with the filters applied. */
function scope(deps: AppDeps, agencyId: string, f: CatalogFilter, opts: { ignoreCategory?: boolean } = {}) {
  const s = (field: Field) => snap(deps.dialect, field);
  let q = deps.db
    .selectFrom('items')
    .innerJoin('item_versions as iv', (j) =>
      j.onRef('iv.item_id', '=', 'items.id').on((eb) =>
        eb('iv.version', '=', eb.selectFrom('item_versions as latest').select((e) => e.fn.max('latest.version').as('v')).whereRef('latest.item_id', '=', 'items.id')),
      ),
    )
    .where('items.agency_id', '=', agencyId)
    .where('items.published_at', 'is not', null);
  if (f.category && !opts.ignoreCategory) q = q.where(s('category'), '=', f.category);
  if (f.unitId) q = q.where('items.unit_id', '=', f.unitId);
  if (f.year) q = q.where(sql<string>`substr(${s('dateMade')}, 1, 4)`, '=', f.year);
  if (f.kind === 'other') q = q.where(s('kind'), '=', 'other');
  else if (f.kind) q = q.where(s('docKind'), '=', f.kind);
  if (f.validity) q = q.where('items.validity', '=', f.validity);
  return q;
}

/** One page of the catalog, newest publication first, with the total that matches. */
export async function catalogPage(deps: AppDeps, agencyId: string, f: CatalogFilter, page: number, pageSize: number): Promise<{ entries: CatalogEntry[]; total: number }> {
  const s = (field: Field) => snap(deps.dialect, field);
  const [count, rows] = await Promise.all([
    scope(deps, agencyId, f).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    scope(deps, agencyId, f)
      .innerJoin('units', 'units.id', 'items.unit_id')
      .select(['items.id', 'items.validity', 'units.name as unitName'])
      .select([s('indexNumber').as('indexNumber'), s('title').as('title'), s('summary').as('summary'), s('docNumber').as('docNumber'), s('category').as('category'), s('dateMade').as('dateMade'), 'iv.published_at as publishedAt'])
      .orderBy('items.published_at', 'desc')
      .orderBy('items.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  return {
    total: Number(count.n),
    entries: rows.map((r) => ({ ...r, docNumber: r.docNumber ?? '', summary: r.summary ?? '', category: r.category as Category, validity: r.validity })),
  };
}

/** PUB-2: how many published items each category holds under the other filters. */
export async function categoryCounts(deps: AppDeps, agencyId: string, f: CatalogFilter): Promise<Partial<Record<Category, number>>> {
  const cat = snap(deps.dialect, 'category');
  const rows = await scope(deps, agencyId, f, { ignoreCategory: true }).select([cat.as('category'), (eb) => eb.fn.countAll().as('n')]).groupBy(cat).execute();
  return Object.fromEntries(rows.map((r) => [r.category, Number(r.n)]));
}

/** What the filter form offers: the years items were made in and the departments that published. */
export async function filterChoices(deps: AppDeps, agencyId: string): Promise<{ years: string[]; units: { id: string; name: string }[] }> {
  const year = sql<string>`substr(${snap(deps.dialect, 'dateMade')}, 1, 4)`;
  const [years, units] = await Promise.all([
    scope(deps, agencyId, {}).select(year.as('year')).distinct().orderBy('year', 'desc').execute(),
    scope(deps, agencyId, {}).innerJoin('units', 'units.id', 'items.unit_id').select(['units.id', 'units.name']).distinct().orderBy('units.name').execute(),
  ]);
  return { years: years.map((y) => y.year), units };
}
