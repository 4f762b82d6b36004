import { sql } from 'kysely';
import type { Dialect, Tx } from '../../db/database.ts';
import { dialectOf } from '../../db/dialect.ts';
import type { PublishedSnapshot } from '../documents/documents.tables.ts';
import type { Validity } from '../documents/documents.rules.ts';
import { insertRows, rowsPerStatement } from '../../db/insert-rows.ts';
import { facetDeltas, FACET_FILTERS, type FacetEntry } from './catalog.facets.rules.ts';
import { documentTokens, tsVectorBinary } from './search.rules.ts';

/** What the catalog needs of one published item: its row's place and validity, and the snapshot the public sees. */
export type PublishedEntry = { itemId: string; agencyId: string; unitId: string; validity: Validity; snapshot: PublishedSnapshot };

/**
 * The one writer of the catalog and its search index (CAT-1, CAT-4): puts each item's latest
 * published version in, replacing its earlier entry, so the catalog shows each item once, as
 * last published. Publication calls it with one item; `gongkai import` calls its two halves
 * (prepareCatalogEntries, writePreparedEntries) with thousands at a time (multi-row inserts,
 * insertRows); a restore rebuilds the catalog with it, since the catalog is derived from the
 * versions and not backed up.
 */
export async function writeCatalogEntries(tx: Tx, entries: PublishedEntry[]): Promise<void> {
  await writePreparedEntries(tx, prepareCatalogEntries(entries, dialectOf(tx)));
}

/**
 * Entries with the rows writeCatalogEntries sends: the catalog rows and their search tokens
 * (PostgreSQL: the binary tsvector; SQLite: the FTS5 texts), and what the facets count.
 * Computed apart from the writes, so `gongkai import` prepares its next batch while the
 * database writes the one before.
 */
export type PreparedEntries = { itemIds: string[]; dialect: Dialect; rows: unknown[][]; searchTexts: [string, string][]; facets: FacetEntry[] };

export function prepareCatalogEntries(entries: PublishedEntry[], dialect: Dialect): PreparedEntries {
  const searchTexts: [string, string][] = [];
  const rows = entries.map((entry) => {
    const { itemId, agencyId, unitId, validity, snapshot: s } = entry;
    const tokens = searchTokensOf(entry);
    const row: unknown[] = [itemId, agencyId, unitId, s.version, s.indexNumber, s.title, s.docNumber, s.summary, s.category, entryKind(s), s.dateMade, s.dateMade.slice(0, 4), validity, s.publishedAt, bodyTextOf(s)];
    if (dialect === 'postgres') row.push(tsVectorBinary(tokens));
    else searchTexts.push([tokens.title.join(' '), tokens.body.join(' ')]);
    return row;
  });
  return { itemIds: entries.map((e) => e.itemId), dialect, rows, searchTexts, facets: entries.map(facetEntryOf) };
}

/** writeCatalogEntries' writes, of entries prepared for the transaction's database. */
export async function writePreparedEntries(tx: Tx, prepared: PreparedEntries): Promise<void> {
  if (prepared.itemIds.length === 0) return;
  const postgres = prepared.dialect === 'postgres';
  const earlier = await deleteEarlierEntries(tx, postgres, prepared.itemIds);
  const seqs = await insertEntryRows(tx, postgres, prepared);
  if (!postgres) await insertSearchRows(tx, seqs, prepared.searchTexts);
  await countFacets(tx, earlier, prepared.facets);
}

/** The public body and the attachments' text: what snippets are cut from. */
const bodyTextOf = (s: PublishedSnapshot) => [s.body, ...s.attachments.map((a) => a.text)].join('\n');

/** The catalog's kind of an entry: a document's own kind, or other information. */
const entryKind = (s: PublishedSnapshot) => (s.kind === 'other' ? 'other' : (s.docKind ?? 'other'));

/**
 * 发文字号 and 摘要 are found too (a visitor types a document number), though snippets come from
 * the body; the filters (agency, category, year made, kind) ride along as tokens.
 */
const searchTokensOf = ({ agencyId, snapshot: s }: PublishedEntry) =>
  documentTokens(s.title, [s.docNumber, s.summary, bodyTextOf(s)].join('\n'), { agencyId, category: s.category, year: s.dateMade.slice(0, 4), kind: entryKind(s) });

/** What an entry is counted under in the facet counts. */
const facetEntryOf = ({ agencyId, unitId, validity, snapshot: s }: PublishedEntry): FacetEntry =>
  ({ agency_id: agencyId, category: s.category, unit_id: unitId, year: s.dateMade.slice(0, 4), kind: entryKind(s), validity });

/** Removes the items' earlier entries and their search rows; answers what they were counted under. */
async function deleteEarlierEntries(tx: Tx, postgres: boolean, itemIds: string[]): Promise<FacetEntry[]> {
  const earlier: (FacetEntry & { seq: number })[] = [];
  for (let i = 0; i < itemIds.length; i += rowsPerStatement(1)) {
    const part = itemIds.slice(i, i + rowsPerStatement(1));
    earlier.push(...(await tx.selectFrom('catalog_entries').select(['seq', ...FACET_COLUMNS]).where('item_id', 'in', part).execute()));
  }
  if (earlier.length === 0) return [];
  const seqs = earlier.map((e) => e.seq);
  if (!postgres) await sql`delete from catalog_fts where rowid in (${sql.join(seqs)})`.execute(tx);
  await tx.deleteFrom('catalog_entries').where('seq', 'in', seqs).execute();
  return earlier;
}

/** PostgreSQL's built-in type tsvector (pg_type.oid, fixed since 8.3). */
const TSVECTOR_OID = 3614;

const ENTRY_COLUMNS = [
  'item_id', 'agency_id', 'unit_id', 'version', 'index_number', 'title', 'doc_number', 'summary', 'category', 'kind', 'date_made', 'year',
  'validity', 'published_at', 'body_text',
] as const;

/**
 * The catalog rows (PostgreSQL: with their tsvector). SQLite: their seqs in the entries' order
 * (an item once per call), the rowids of their FTS5 rows; PostgreSQL needs none back.
 */
async function insertEntryRows(tx: Tx, postgres: boolean, { itemIds, rows }: PreparedEntries): Promise<number[]> {
  if (postgres) {
    await insertRows(tx, 'catalog_entries', [...ENTRY_COLUMNS, 'search_vector'], rows, { binary: { search_vector: TSVECTOR_OID } });
    return [];
  }
  const inserted = await insertRows<{ seq: number; item_id: string }>(tx, 'catalog_entries', ENTRY_COLUMNS, rows, { returning: ['seq', 'item_id'] });
  // RETURNING gives no order: each seq is matched to its item.
  const seqOf = new Map(inserted.map((r) => [r.item_id, r.seq]));
  return itemIds.map((id) => seqOf.get(id)!);
}

/** SQLite's FTS5 index: the title's and the body's tokens joined by spaces, under the entry's seq. */
async function insertSearchRows(tx: Tx, seqs: number[], texts: [string, string][]): Promise<void> {
  await insertRows(tx, 'catalog_fts', ['rowid', 'title', 'body'], texts.map(([title, body], i) => [seqs[i], title, body]));
}

/** The entry columns the facet counts are kept by. */
export const FACET_COLUMNS = ['agency_id', 'category', ...FACET_FILTERS] as const;
const FACET_KEY = ['agency_id', ...FACET_FILTERS, 'category'] as const;

const FACET_ROW = [...FACET_KEY, 'n'] as const;

/**
 * Keeps the facet counts (PUB-2, `catalog_facets`) in step with entries leaving and entering
 * the catalog, in the caller's transaction: one multi-row upsert of the summed changes
 * (insertRows: an import's batch changes thousands of rows, each entry counting in 16), then
 * the rows that fell to zero are dropped, so the table holds exactly what a recount would.
 */
export async function countFacets(tx: Tx, removed: readonly FacetEntry[], added: readonly FacetEntry[]): Promise<void> {
  const deltas = facetDeltas(removed, added);
  const chunk = rowsPerStatement(FACET_ROW.length);
  for (let i = 0; i < deltas.length; i += chunk) {
    const part = deltas.slice(i, i + chunk);
    await insertRows(tx, 'catalog_facets', FACET_ROW, part.map((d) => FACET_ROW.map((c) => d[c])), { upsert: { key: FACET_KEY, add: ['n'] } });
    const fell = part.filter((d) => d.n < 0);
    if (fell.length) {
      await tx.deleteFrom('catalog_facets').where('n', '=', 0)
        .where(sql<boolean>`(${sql.join(FACET_KEY.map((k) => sql.ref(k)))}) in (${sql.join(fell.map((d) => sql`(${sql.join(FACET_KEY.map((k) => d[k]))})`))})`)
        .execute();
    }
  }
}

/** Publication's call: one item's latest published version, read back from its rows. */
export async function indexPublishedItem(tx: Tx, itemId: string): Promise<void> {
  const item = await tx.selectFrom('items').select(['agency_id', 'unit_id', 'validity']).where('id', '=', itemId).executeTakeFirstOrThrow();
  const latest = await tx.selectFrom('item_versions').select('snapshot_json').where('item_id', '=', itemId).orderBy('version', 'desc').executeTakeFirstOrThrow();
  await writeCatalogEntries(tx, [{ itemId, agencyId: item.agency_id, unitId: item.unit_id, validity: item.validity, snapshot: JSON.parse(latest.snapshot_json) as PublishedSnapshot }]);
}

/** Rebuilds the whole catalog from the published versions (after a restore). */
export async function rebuildCatalog(tx: Tx): Promise<number> {
  const published = await tx.selectFrom('items').select('id').where('published_at', 'is not', null).orderBy('published_at').execute();
  for (const { id } of published) await indexPublishedItem(tx, id);
  return published.length;
}
