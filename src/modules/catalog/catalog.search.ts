import { sql } from 'kysely';
import type { AppDeps } from '../../http/deps.ts';
import type { Category, Validity } from '../documents/documents.rules.ts';
import { catalogScope, type CatalogFilter } from './catalog.repo.ts';
import { ftsQuery, queryTerms, tsQuery, type Term } from './search.tokens.ts';

export type SearchSort = 'relevance' | 'date';

export type SearchRequest = { q: string; agencyId?: string; filter: CatalogFilter; sort: SearchSort; page: number; pageSize: number };

export type SearchHit = {
  id: string; agencyCode: string; agencyName: string; indexNumber: string; title: string; docNumber: string; category: Category;
  dateMade: string; publishedAt: string; validity: Validity; unitName: string; bodyText: string;
};

/**
 * Counting every match of a common word in a city's catalog costs as much as reading them
 * all; past this many the page says "more than" instead, as search engines do (counting
 * 10,000 was 80% of a common word's search time at 20,000 items).
 */
export const COUNT_CAP = 1_000;
/**
 * Relevance is ranked among this many newest matches. A common word matches a large part of
 * a million items, and scoring them all takes far longer than a visitor waits; a narrower
 * query (fewer matches than this) is ranked exactly.
 */
export const RELEVANCE_WINDOW = 500;

export type SearchResult = { terms: Term[]; hits: SearchHit[]; total: number; capped: boolean };

/**
 * Full-text search of the public catalog (CAT-4): every query word must occur in the title,
 * body or attachments' public text. Relevance is BM25 on SQLite and ts_rank on PostgreSQL
 * (titles weigh more on both); the set found is the same on both, since both index the same
 * tokens (search.tokens.ts).
 */
export async function searchCatalog(deps: AppDeps, r: SearchRequest): Promise<SearchResult> {
  const terms = queryTerms(r.q);
  if (terms.length === 0) return { terms, hits: [], total: 0, capped: false };
  const postgres = deps.dialect === 'postgres';
  const tsq = sql`cast(${tsQuery(terms)} as tsquery)`;
  const matching = () => {
    const scope = catalogScope(deps, r.agencyId, r.filter);
    return postgres
      ? scope.where(sql<boolean>`e.search_vector @@ ${tsq}`)
      : scope.innerJoin(sql<{ rowid: number }>`catalog_fts`.as('f'), (j) => j.on(sql<boolean>`f.rowid = e.seq`)).where(sql<boolean>`catalog_fts match ${ftsQuery(terms)}`);
  };
  // Higher is better on both: FTS5's bm25() is negative, smaller for better matches.
  const score = postgres ? sql<number>`ts_rank(e.search_vector, ${tsq})` : sql<number>`-bm25(catalog_fts, 10.0, 1.0)`;
  // Newest first, in the index's own order: FTS5 walks its rowids (= seq) backwards and stops at the limit.
  const newest = postgres ? sql`e.seq` : sql`f.rowid`;
  const page = (r.page - 1) * r.pageSize;
  const ranked =
    r.sort === 'date'
      ? matching().select(['e.seq', sql<number>`0`.as('score')]).orderBy(newest, 'desc').limit(r.pageSize).offset(page)
      : matching().select(['e.seq', score.as('score')]).orderBy(newest, 'desc').limit(RELEVANCE_WINDOW);
  const [counted, hits] = await Promise.all([
    deps.db.selectFrom(matching().select('e.seq').limit(COUNT_CAP + 1).as('m')).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    deps.db
      .with('w', () => ranked)
      .selectFrom('w')
      .innerJoin('catalog_entries as e', 'e.seq', 'w.seq')
      .innerJoin('units', 'units.id', 'e.unit_id')
      .innerJoin('agencies', 'agencies.id', 'e.agency_id')
      .select([
        'e.item_id as id', 'agencies.code as agencyCode', 'agencies.name as agencyName', 'e.index_number as indexNumber', 'e.title',
        'e.doc_number as docNumber', 'e.category', 'e.date_made as dateMade', 'e.published_at as publishedAt', 'e.validity',
        'units.name as unitName', 'e.body_text as bodyText',
      ])
      .orderBy('w.score', 'desc')
      .orderBy('e.seq', 'desc')
      .$call((q) => (r.sort === 'date' ? q : q.limit(r.pageSize).offset(page)))
      .execute(),
  ]);
  const total = Number(counted.n);
  return { terms, hits, total: Math.min(total, COUNT_CAP), capped: total > COUNT_CAP };
}
