import type { Dialect } from '../../db/database.ts';
import type { PublishedSnapshot } from '../documents/documents.tables.ts';
import type { Validity } from '../documents/documents.rules.ts';
import type { FacetEntry } from './catalog.facets.rules.ts';
import { documentTokens, tsVectorBinary } from './search.rules.ts';

/**
 * The rows the catalog's one writer sends (writeCatalogEntries, catalog.entries.ts), computed
 * from the published entries alone: no database here, so `gongkai import` computes them in a
 * worker thread (catalog.import.worker.mjs) that loads only this and the search rules.
 */

/** What the catalog needs of one published item: its row's place and validity, and the snapshot the public sees. */
export type PublishedEntry = { itemId: string; agencyId: string; unitId: string; validity: Validity; snapshot: PublishedSnapshot };

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
