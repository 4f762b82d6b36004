import { sql } from 'kysely';
import type { PublishedSnapshot } from '../documents/documents.tables.ts';
import type { Category, Validity } from '../documents/documents.rules.ts';
import { catalogScope, type CatalogDeps, type CatalogFilter } from './catalog.repo.ts';
import { byRelevance } from './search.rank.ts';
import { ftsQuery, queryTerms, tsQuery, YEAR_BRACKETS, type Term } from './search.rules.ts';

export type SearchSort = 'relevance' | 'date';

export type SearchRequest = { q: string; agencyId?: string; filter: CatalogFilter; sort: SearchSort; page: number; pageSize: number };

export type SearchHit = {
  id: string; agencyCode: string; agencyName: string; indexNumber: string; title: string; docNumber: string; category: Category;
  dateMade: string; publishedAt: string; validity: Validity; unitName: string; bodyText: string;
  /** The published body and attachments' public text apart, so a snippet can name the file it comes from. */
  body: string; attachments: { name: string; text: string }[];
};

/**
 * Relevance is ranked among this many newest matches. A common word matches a large part of
 * a million items, and scoring them all takes far longer than a visitor waits; a narrower
 * query (fewer matches than this) is ranked over all its matches. Reading and scoring the
 * window is most of a common word's search (500 rows cost 2.5 times 200), and pages stop at
 * 20 × 10 = 200 results, so no page needs more.
 */
export const RELEVANCE_WINDOW = 200;
/**
 * Counting every match of a common word in a city's catalog costs as much as reading them
 * all; past this many the page says "more than" instead, as search engines do. It is the
 * relevance window, so a relevance search counts from the window it ranks, with no second
 * walk of the index.
 */
export const COUNT_CAP = RELEVANCE_WINDOW;

/**
 * PostgreSQL first looks for the newest matches of an unfiltered search among this many
 * newest entries. Its planner guesses a phrase's rows and takes the GIN bitmap, then rechecks
 * the tsvector of every candidate before it sorts: 12,000 candidates of 高质量发展 at 100,000
 * items, one second. Bounded by seq, the recheck reads at most these entries; when they hold
 * a full window (a common word) it is the newest matches; otherwise it tries once more as far
 * back as the matches found say a window needs (twice that), and then runs unbounded — at once
 * for a word too rare to fill a window in the whole catalog at that density, or with no match
 * among the newest entries. A 文号 is one rare token: it runs unbounded. SQLite's FTS5 walks its rowids newest first anyway.
 */
const RECENT_ENTRIES = 2_000;

/** At most this many items share a typed identifier (a 文号 reused across agencies). */
const EXACT_LIMIT = 10;

/**
 * The forms of a query that may be an item's 索引号 (RSJ/2026-00001, as typed or upper-cased)
 * or 文号 (示人社发〔2026〕40号, whatever brackets were typed around the year): nothing for a
 * query with a space or without a digit.
 */
export function identifierForms(q: string): { indexNumbers: string[]; docNumbers: string[] } | null {
  const typed = q.trim();
  const plain = typed.normalize('NFKC');
  if (!typed || /\s/.test(typed) || !/\d/.test(plain)) return null;
  const year = /^(.*?)[〔\[［【(（](\d{4})[〕\]］】)）](.*)$/.exec(plain) ?? /^(.*?)[〔\[［【(（](\d{4})[〕\]］】)）](.*)$/.exec(typed);
  const docNumbers = new Set([typed, plain, ...(year ? YEAR_BRACKETS.map(([open, close]) => `${year[1]}${open}${year[2]}${close}${year[3]}`) : [])]);
  return { indexNumbers: [...new Set([typed, typed.toUpperCase(), plain.toUpperCase()])], docNumbers: [...docNumbers] };
}

export type SearchResult = { terms: Term[]; hits: SearchHit[]; total: number; capped: boolean };

/**
 * Full-text search of the public catalog (CAT-4): every query word must occur in the title,
 * body, 文号, summary or attachments' public text. Both databases index the same tokens
 * (search.rules.ts), so they find the same set; relevance is computed here over the newest
 * matches (search.rank.ts), so they order it the same way too.
 */
export async function searchCatalog(deps: CatalogDeps, r: SearchRequest): Promise<SearchResult> {
  const terms = queryTerms(r.q);
  if (terms.length === 0) return { terms, hits: [], total: 0, capped: false };
  const identifiers = identifierForms(r.q);
  const exact = identifiers
    ? (await catalogScope(deps, r.agencyId, r.filter).select('e.seq')
        .where((eb) => eb.or([eb('e.index_number', 'in', identifiers.indexNumbers), eb('e.doc_number', 'in', identifiers.docNumbers)]))
        .orderBy('e.seq', 'desc').limit(EXACT_LIMIT).execute()).map((row) => row.seq)
    : [];
  const postgres = deps.dialect === 'postgres';
  // Agency, category, year and kind are tokens of the index (filterTokens); unit and validity stay conditions on the row.
  const { category, year, kind, ...rowFilter } = r.filter;
  const indexed = { agencyId: r.agencyId, category, year, kind };
  const matching = (fromSeq?: number) => {
    const scope = catalogScope(deps, undefined, rowFilter).$if(fromSeq !== undefined, (q) => q.where('e.seq', '>=', fromSeq!));
    return postgres
      ? scope.where(sql<boolean>`e.search_vector @@ cast(${tsQuery(terms, indexed)} as tsquery)`)
      : scope.innerJoin(sql<{ rowid: number }>`catalog_fts`.as('f'), (j) => j.on(sql<boolean>`f.rowid = e.seq`)).where(sql<boolean>`catalog_fts match ${ftsQuery(terms, indexed)}`);
  };
  // Newest first, in the index's own order: FTS5 walks its rowids (= seq) backwards and stops at the limit.
  const newest = postgres ? sql`e.seq` : sql`f.rowid`;
  const unfiltered = !r.agencyId && Object.values(r.filter).every((v) => v === undefined) && !terms.some((t) => t.docNumber);
  /** The newest `limit` matches, read by `read`; PostgreSQL tries the RECENT_ENTRIES newest entries first (unfiltered searches). */
  const newestMatches = async <T>(limit: number, read: (q: ReturnType<typeof matching>) => Promise<T[]>): Promise<T[]> => {
    let n = RECENT_ENTRIES;
    for (let tries = 0; tries < 2 && postgres && unfiltered; tries++) {
      const bound = await deps.db.selectFrom('catalog_entries').select('seq').orderBy('seq', 'desc').offset(n - 1).limit(1).executeTakeFirst();
      if (!bound) break;
      const recent = await read(matching(Number(bound.seq)));
      if (recent.length >= limit) return recent;
      if (recent.length === 0) break;
      // Twice the entries that would hold `limit` matches at the density just seen: a rare word's runs past the oldest entry.
      n = Math.ceil((2 * n * limit) / recent.length);
    }
    return read(matching());
  };
  const offset = (r.page - 1) * r.pageSize;
  // The items whose 索引号 or 文号 was typed come first, then the text matches without them.
  const page = (seqs: number[]) => [...exact, ...seqs.filter((seq) => !exact.includes(seq))].slice(offset, offset + r.pageSize);
  /**
   * The page's seqs and the number of results up to COUNT_CAP + 1. Relevance ranks the window
   * of newest matches and counts from it (the passing mentions it leaves out are not counted);
   * date order counts the newest matches it reads for its page.
   */
  const pageOfSeqs = async (): Promise<{ seqs: number[]; results: number }> => {
    if (r.sort === 'relevance') {
      const window = await newestMatches(RELEVANCE_WINDOW, (q) => q.select(['e.seq', 'e.title', 'e.body_text as bodyText']).orderBy(newest, 'desc').limit(RELEVANCE_WINDOW).execute());
      const ranked = byRelevance(window, terms).map((row) => row.seq);
      return { seqs: page(ranked), results: window.length < RELEVANCE_WINDOW ? new Set([...exact, ...ranked]).size : COUNT_CAP + 1 };
    }
    // Date order: one walk of the newest matches gives the page and the count (a page reaches at most the 200th result, plus the typed identifiers).
    const limit = Math.max(COUNT_CAP + 1, offset + r.pageSize + exact.length);
    const newestFirst = await newestMatches(limit, (q) => q.select('e.seq').orderBy(newest, 'desc').limit(limit).execute());
    const seqs = newestFirst.map((row) => row.seq);
    return { seqs: page(seqs), results: new Set([...exact, ...seqs]).size };
  };
  const { seqs, results: total } = await pageOfSeqs();
  const rows = seqs.length
    ? await deps.db
        .selectFrom('catalog_entries as e')
        .innerJoin('units', 'units.id', 'e.unit_id')
        .innerJoin('agencies', 'agencies.id', 'e.agency_id')
        .select([
          'e.seq', 'e.item_id as id', 'agencies.code as agencyCode', 'agencies.name as agencyName', 'e.index_number as indexNumber', 'e.title',
          'e.doc_number as docNumber', 'e.category', 'e.date_made as dateMade', 'e.published_at as publishedAt', 'e.validity',
          'units.name as unitName', 'e.body_text as bodyText', 'e.version',
        ])
        .where('e.seq', 'in', seqs)
        .execute()
    : [];
  const versions = rows.length
    ? await deps.db.selectFrom('item_versions').select(['item_id', 'snapshot_json'])
        .where((eb) => eb.or(rows.map((row) => eb.and([eb('item_id', '=', row.id), eb('version', '=', row.version)])))).execute()
    : [];
  const snapshots = new Map(versions.map((v) => [v.item_id, JSON.parse(v.snapshot_json) as PublishedSnapshot]));
  const bySeq = new Map(rows.map(({ seq, version: _, ...hit }) => {
    const s = snapshots.get(hit.id);
    return [seq, { ...hit, body: s?.body ?? hit.bodyText, attachments: s?.attachments.map((a) => ({ name: a.name, text: a.text })) ?? [] }];
  }));
  return { terms, hits: seqs.map((seq) => bySeq.get(seq)!), total: Math.min(total, COUNT_CAP), capped: total > COUNT_CAP };
}
