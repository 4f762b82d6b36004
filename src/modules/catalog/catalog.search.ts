import { sql } from 'kysely';
import type { AppDeps } from '../../http/deps.ts';
import type { Category, Validity } from '../documents/documents.rules.ts';
import { catalogScope, type CatalogFilter } from './catalog.repo.ts';
import { byRelevance } from './search.rank.ts';
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
 * query (fewer matches than this) is ranked over all its matches.
 */
export const RELEVANCE_WINDOW = 500;

export type SearchResult = { terms: Term[]; hits: SearchHit[]; total: number; capped: boolean };

/**
 * Full-text search of the public catalog (CAT-4): every query word must occur in the title,
 * body, 文号, summary or attachments' public text. Both databases index the same tokens
 * (search.tokens.ts), so they find the same set; relevance is computed here over the newest
 * matches (search.rank.ts), so they order it the same way too.
 */
export async function searchCatalog(deps: AppDeps, r: SearchRequest): Promise<SearchResult> {
  const terms = queryTerms(r.q);
  if (terms.length === 0) return { terms, hits: [], total: 0, capped: false };
  const postgres = deps.dialect === 'postgres';
  const matching = () => {
    const scope = catalogScope(deps, r.agencyId, r.filter);
    return postgres
      ? scope.where(sql<boolean>`e.search_vector @@ cast(${tsQuery(terms)} as tsquery)`)
      : scope.innerJoin(sql<{ rowid: number }>`catalog_fts`.as('f'), (j) => j.on(sql<boolean>`f.rowid = e.seq`)).where(sql<boolean>`catalog_fts match ${ftsQuery(terms)}`);
  };
  // Newest first, in the index's own order: FTS5 walks its rowids (= seq) backwards and stops at the limit.
  const newest = postgres ? sql`e.seq` : sql`f.rowid`;
  const offset = (r.page - 1) * r.pageSize;
  const pageOfSeqs = async (): Promise<number[]> => {
    if (r.sort === 'date') {
      const rows = await matching().select('e.seq').orderBy(newest, 'desc').limit(r.pageSize).offset(offset).execute();
      return rows.map((row) => row.seq);
    }
    const window = await matching().select(['e.seq', 'e.title', 'e.body_text as bodyText']).orderBy(newest, 'desc').limit(RELEVANCE_WINDOW).execute();
    return byRelevance(window, terms).slice(offset, offset + r.pageSize).map((row) => row.seq);
  };
  const [counted, seqs] = await Promise.all([
    deps.db.selectFrom(matching().select('e.seq').limit(COUNT_CAP + 1).as('m')).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    pageOfSeqs(),
  ]);
  const rows = seqs.length
    ? await deps.db
        .selectFrom('catalog_entries as e')
        .innerJoin('units', 'units.id', 'e.unit_id')
        .innerJoin('agencies', 'agencies.id', 'e.agency_id')
        .select([
          'e.seq', 'e.item_id as id', 'agencies.code as agencyCode', 'agencies.name as agencyName', 'e.index_number as indexNumber', 'e.title',
          'e.doc_number as docNumber', 'e.category', 'e.date_made as dateMade', 'e.published_at as publishedAt', 'e.validity',
          'units.name as unitName', 'e.body_text as bodyText',
        ])
        .where('e.seq', 'in', seqs)
        .execute()
    : [];
  const bySeq = new Map(rows.map(({ seq, ...hit }) => [seq, hit]));
  const total = Number(counted.n);
  return { terms, hits: seqs.map((seq) => bySeq.get(seq)!), total: Math.min(total, COUNT_CAP), capped: total > COUNT_CAP };
}
