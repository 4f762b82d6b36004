import { sql } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { PublishedSnapshot } from '../documents/documents.tables.ts';
import type { Category, Validity } from '../documents/documents.rules.ts';
import { catalogScope, type CatalogDeps, type CatalogFilter } from './catalog.repo.ts';
import { byRelevance } from './search.rank.ts';
import { ftsQuery, queryTerms, sampleBounds, samplePercent, SEARCH_PLAN, tsQuery, YEAR_BRACKETS, type SearchPlan, type Term } from './search.rules.ts';

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
 * A statement of a search that runs longer than this on PostgreSQL is cancelled: a visitor has
 * given up by then, and the query would go on taking a core from the searches after it.
 */
const SEARCH_STATEMENT_TIMEOUT_MS = 3_000;
const QUERY_CANCELED = '57014';

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
 *
 * On PostgreSQL its statements run in a read-only transaction with a statement timeout
 * (SEARCH_STATEMENT_TIMEOUT_MS); a cancelled search is answered as busy, SEARCH_TIMEOUT.
 */
export async function searchCatalog(deps: CatalogDeps, r: SearchRequest): Promise<SearchResult> {
  if (deps.dialect !== 'postgres') return search(deps, r);
  try {
    return await deps.db.transaction().setAccessMode('read only').execute(async (trx) => {
      await sql`set local statement_timeout = ${sql.lit(SEARCH_STATEMENT_TIMEOUT_MS)}`.execute(trx);
      return search({ ...deps, db: trx }, r);
    });
  } catch (e) {
    if ((e as { code?: unknown }).code === QUERY_CANCELED) throw new AppError('SEARCH_TIMEOUT', 503, '检索用时过长，请增加词语或选择发布机关、年份等筛选条件后重试');
    throw e;
  }
}

async function search(deps: CatalogDeps, r: SearchRequest): Promise<SearchResult> {
  const terms = queryTerms(r.q);
  if (terms.length === 0) return { terms, hits: [], total: 0, capped: false };
  const identifiers = identifierForms(r.q);
  const exact = identifiers
    ? (await catalogScope(deps, r.agencyId, r.filter).select('e.seq')
        .where((eb) => eb.or([eb('e.index_number', 'in', identifiers.indexNumbers), eb('e.doc_number', 'in', identifiers.docNumbers)]))
        .orderBy('e.seq', 'desc').limit(EXACT_LIMIT).execute()).map((row) => row.seq)
    : [];
  const postgres = deps.dialect === 'postgres';
  const newestMatches = postgres ? pgNewestMatches(deps, r, terms) : sqliteNewestMatches(deps, r, terms);
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
      const window = await newestMatches.texts(RELEVANCE_WINDOW);
      const ranked = byRelevance(window, terms).map((row) => row.seq);
      return { seqs: page(ranked), results: window.length < RELEVANCE_WINDOW ? new Set([...exact, ...ranked]).size : COUNT_CAP + 1 };
    }
    // Date order: one walk of the newest matches gives the page and the count (a page reaches at most the 200th result, plus the typed identifiers).
    const limit = Math.max(COUNT_CAP + 1, offset + r.pageSize + exact.length);
    const seqs = await newestMatches.seqs(limit);
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

/** A search's newest `limit` matches, newest first: their seqs, or with the title and body text relevance ranks. */
type NewestMatches = { seqs: (limit: number) => Promise<number[]>; texts: (limit: number) => Promise<MatchText[]> };
type MatchText = { seq: number; title: string; bodyText: string };

/**
 * Agency, category, year and kind are tokens of the index (filterTokens) as well as columns;
 * unit and validity are conditions on the row only.
 */
function indexedFilters(r: SearchRequest) {
  const { category, year, kind, ...rowFilter } = r.filter;
  return { indexed: { agencyId: r.agencyId, category, year, kind }, rowFilter };
}

const seqsOf = (rows: { seq: number | string }[]) => rows.map((row) => Number(row.seq));

/** FTS5 walks its rowids (= seq) newest first and stops at the limit. */
function sqliteNewestMatches(deps: CatalogDeps, r: SearchRequest, terms: Term[]): NewestMatches {
  const { indexed, rowFilter } = indexedFilters(r);
  const newest = () => catalogScope(deps, undefined, rowFilter)
    .innerJoin(sql<{ rowid: number }>`catalog_fts`.as('f'), (j) => j.on(sql<boolean>`f.rowid = e.seq`))
    .where(sql<boolean>`catalog_fts match ${ftsQuery(terms, indexed)}`)
    .orderBy('f.rowid', 'desc');
  return {
    seqs: async (limit) => seqsOf(await newest().select('e.seq').limit(limit).execute()),
    texts: (limit) => newest().select(['e.seq', 'e.title', 'e.body_text as bodyText']).limit(limit).execute(),
  };
}

/**
 * PostgreSQL (search.rules.ts SEARCH_PLAN): a walk of the scope's newest entries — on the
 * agency's or the year's (…, seq) index when the search has one, the catalog's order else —
 * then the GIN index from the seqs a fixed sample of the catalog bounds it by, then the whole
 * index. The index's matches are materialised so the planner cannot turn them back into a walk.
 */
export function pgNewestMatches(deps: CatalogDeps, r: SearchRequest, terms: Term[], plan: SearchPlan = SEARCH_PLAN): NewestMatches {
  const { indexed, rowFilter } = indexedFilters(r);
  const { unitId, validity } = rowFilter;
  // The words and filter tokens, and the unit and validity: one condition every way below
  // tests. The query sits in a subselect, which the planner cannot look into: for a token it
  // has no statistics of, it estimated a few dozen matches and so visited every candidate
  // before testing a seq bound (157 ms); with its default guess it intersects the index's
  // candidates with the seq range first (16 ms, 700 of 12,700 visited).
  const matches = sql<boolean>`${sql.join([
    sql`search_vector @@ (select cast(${tsQuery(terms, indexed)} as tsquery))`,
    ...(unitId === undefined ? [] : [sql`unit_id = ${unitId}`]),
    ...(validity === undefined ? [] : [sql`validity = ${validity}`]),
  ], sql` and `)}`;
  const walk = async (limit: number) => seqsOf(await deps.db
    .selectFrom(catalogScope(deps, r.agencyId, { year: r.filter.year })
      .select(['e.seq', 'e.search_vector', 'e.unit_id', 'e.validity']).orderBy('e.seq', 'desc')
      .limit(r.agencyId || r.filter.year ? plan.firstWalk.indexed : plan.firstWalk.catalog).as('e'))
    .select('e.seq').where(matches).limit(limit).execute());
  const sample = async () => {
    const last = await deps.db.selectFrom('catalog_entries').select((eb) => eb.fn.max('seq').as('n')).executeTakeFirstOrThrow();
    const percent = samplePercent(Number(last.n ?? 0), plan);
    // TABLESAMPLE follows the table's name, where Kysely's builder has no place for it.
    const sampled = await sql<{ seq: number }>`select seq from catalog_entries tablesample system (${sql.lit(percent)}) repeatable (0)
      where ${matches} order by seq desc`.execute(deps.db);
    return seqsOf(sampled.rows);
  };
  const fromIndex = async (limit: number, fromSeq: number | null) => seqsOf(await deps.db
    .with((cte) => cte('m').materialized(), () => deps.db.selectFrom('catalog_entries as e').select('e.seq').where(matches)
      .$if(fromSeq !== null, (b) => b.where('e.seq', '>=', fromSeq!)))
    .selectFrom('m').select('m.seq').orderBy('m.seq', 'desc').limit(limit).execute());
  // A 文号 is one token only its own item and those citing it hold: the index answers at once.
  const rare = terms.some((t) => t.docNumber);
  const seqs = async (limit: number) => {
    if (rare) return fromIndex(limit, null);
    const newest = await walk(limit);
    if (newest.length >= limit) return newest;
    for (const bound of sampleBounds(await sample(), plan)) {
      const bounded = await fromIndex(limit, bound);
      if (bounded.length >= limit) return bounded;
    }
    return fromIndex(limit, null);
  };
  return { seqs, texts: async (limit) => textsOf(deps, await seqs(limit)) };
}

/** The title and body text relevance ranks, of the given entries, in their order. */
async function textsOf(deps: CatalogDeps, seqs: number[]): Promise<MatchText[]> {
  if (seqs.length === 0) return [];
  const rows = await deps.db.selectFrom('catalog_entries').select(['seq', 'title', 'body_text as bodyText']).where('seq', 'in', seqs).execute();
  const bySeq = new Map(rows.map((row) => [Number(row.seq), row]));
  return seqs.map((seq) => bySeq.get(seq)!);
}
