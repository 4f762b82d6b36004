import type { ColumnType, Generated } from 'kysely';
import type { Category, DocKind, Validity } from '../documents/documents.rules.ts';

/** One published item as the public catalog lists it (CAT-1), written at each publication. */
export interface CatalogEntryTable {
  /** Grows with every (re)publication: the catalog's "newest first" order and the search index's rowid. */
  seq: Generated<number>;
  item_id: string;
  agency_id: string;
  unit_id: string;
  version: number;
  index_number: string;
  title: string;
  doc_number: string;
  summary: string;
  category: Category;
  /** The document kind (文种), or `other` for information that is not an official document. */
  kind: DocKind | 'other';
  date_made: string;
  year: string;
  validity: Validity;
  published_at: string;
  /** The public body and attachments' public text: what search snippets are cut from. */
  body_text: string;
  /** PostgreSQL only: the tokens as a weighted tsvector (search.rules.ts); written, never read. */
  search_vector: ColumnType<never, string | undefined, never>;
}

/**
 * PUB-2: how many catalog entries an agency has in each category under each combination of
 * the catalog's filters, kept by writeCatalogEntries and setValidity in the same transaction
 * as the entries. Each entry counts in 16 rows: every filter (unit, year, kind, validity) is
 * either its value or `*` (any), so any filtered view reads one row per category.
 */
export interface CatalogFacetTable {
  agency_id: string;
  unit_id: string;
  year: string;
  kind: string;
  validity: string;
  category: Category;
  n: number;
}
