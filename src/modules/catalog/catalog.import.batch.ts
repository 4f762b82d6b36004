import type { Dialect } from '../../db/database.ts';
import { newId } from '../../core/ids.ts';
import { colophonMark, DOC_KINDS, type Category, type DocKind, type Validity } from '../documents/documents.rules.ts';
import type { ItemTable, PublishedSnapshot } from '../documents/documents.tables.ts';
import { prepareCatalogEntries, type PreparedEntries, type PublishedEntry } from './catalog.entries.rules.ts';

/**
 * One batch of `gongkai import` made into the rows its writers send: the items, their
 * published versions, attachments and catalog entries with their search tokens. Pure
 * JavaScript work on plain data, so it runs in a worker thread (catalog.import.worker.mjs)
 * while the import's own thread writes the batch before: better-sqlite3 writes on the thread
 * that calls it, so preparing there overlapped nothing on SQLite (issue 17).
 */

export type ImportRow = {
  /** The CSV line (1 = the header) or the JSON item's position (1 = first) the row came from. */
  line: number;
  indexNumber: string; title: string; docNumber: string; category: Category; unitName: string; dateMade: string;
  /** UTC ISO moment. */
  publishedAt: string; validity: Validity; body: string;
};

export type CheckedRow = ImportRow & { unitId: string };

/** What a batch is made from: checked rows, each with its stored attachments, and what every row shares. */
export type BatchInput = {
  rows: CheckedRow[]; attachments: PublishedSnapshot['attachments'][];
  agencyId: string; drafterId: string; now: string; dialect: Dialect;
};

export type AttachmentRow = {
  id: string; item_id: string; name: string; kind: string; mime: string; size: number; sha256: string; text: string; public_sha256: string; created_at: string;
};

export type PreparedBatch = { items: unknown[][]; versions: unknown[][]; attachments: AttachmentRow[]; catalog: PreparedEntries };

/** A row preparation failed on: the import stops, naming the row's line. */
export class RowPreparationError extends Error {
  constructor(readonly line: number, readonly reason: string) {
    super(`第 ${line} 行无法导入：${reason}`);
  }
}

export const ITEM_CHANNELS = ['platform', 'website'] as const;

export function prepareBatch(input: BatchInput): PreparedBatch {
  try {
    return prepareRows(input);
  } catch (error) {
    // Which row: prepared again one at a time, on this failure path only.
    for (let i = 0; i < input.rows.length; i++) {
      try {
        prepareRows({ ...input, rows: [input.rows[i]!], attachments: [input.attachments[i]!] });
      } catch (rowError) {
        throw new RowPreparationError(input.rows[i]!.line, String((rowError as Error).message ?? rowError));
      }
    }
    throw error;
  }
}

function prepareRows({ rows, attachments, agencyId, drafterId, now, dialect }: BatchInput): PreparedBatch {
  const entries = rows.map((r, i): PublishedEntry => {
    const docKind = r.docNumber ? docKindOf(r.title) : null;
    const snapshot: PublishedSnapshot = {
      version: 1, indexNumber: r.indexNumber, title: r.title, docNumber: r.docNumber, docKind, kind: r.docNumber ? 'document' : 'other', category: r.category,
      dateMade: r.dateMade, summary: '', body: r.body, colophon: colophonMark('proactive'), changeReason: '', publishedAt: r.publishedAt, attachments: attachments[i]!, channels: [...ITEM_CHANNELS],
    };
    return { itemId: newId(), agencyId, unitId: r.unitId, validity: r.validity, snapshot };
  });
  return {
    items: itemRows(entries, drafterId, now),
    versions: entries.map((e) => [newId(), e.itemId, 1, e.snapshot.publishedAt, JSON.stringify(e.snapshot)]),
    attachments: entries.flatMap((e) => e.snapshot.attachments.map((a) => ({
      id: a.id, item_id: e.itemId, name: a.name, kind: a.kind, mime: a.mime, size: a.size, sha256: a.sha256, text: a.text, public_sha256: a.sha256, created_at: now,
    }))),
    catalog: prepareCatalogEntries(entries, dialect),
  };
}

/** 文种 from the title's last words (…的通知), as the catalog lists documents by kind. */
function docKindOf(title: string): DocKind | null {
  const found = Object.entries(DOC_KINDS).find(([, name]) => title.endsWith(name.replace(/（.*）/, '')));
  return found ? (found[0] as DocKind) : null;
}

export const ITEM_COLUMNS = [
  'id', 'agency_id', 'unit_id', 'drafter_id', 'kind', 'doc_kind', 'doc_number', 'title', 'summary', 'body', 'date_made', 'category', 'attribute',
  'attribute_reason', 'non_public_parts', 'policy_level', 'interpretation_plan_json', 'leading_group_review', 'major', 'collective_decision', 'conclusion',
  'state', 'validity', 'version', 'change_reason', 'changed_on', 'channels_json', 'paper_copies', 'index_number', 'public_body', 'published_at',
  'created_at', 'updated_at',
] as const satisfies readonly (keyof ItemTable)[];

/** The items as published once, proactively, by the importing account, with their own 索引号 and dates. */
function itemRows(entries: PublishedEntry[], drafterId: string, now: string): unknown[][] {
  const channels = JSON.stringify(ITEM_CHANNELS);
  return entries.map(({ itemId, agencyId, unitId, validity, snapshot: s }) => {
    const item: { [K in (typeof ITEM_COLUMNS)[number]]: ItemTable[K] } = {
      id: itemId, agency_id: agencyId, unit_id: unitId, drafter_id: drafterId, kind: s.kind, doc_kind: s.docKind, doc_number: s.docNumber, title: s.title,
      summary: '', body: s.body, date_made: s.dateMade, category: s.category, attribute: 'proactive', attribute_reason: '', non_public_parts: '',
      policy_level: 'none', interpretation_plan_json: null, leading_group_review: '', major: 0, collective_decision: '', conclusion: 'proactive',
      state: 'published', validity, version: 1, change_reason: '', changed_on: s.dateMade, channels_json: channels, paper_copies: 1,
      index_number: s.indexNumber, public_body: s.body, published_at: s.publishedAt, created_at: now, updated_at: now,
    };
    return ITEM_COLUMNS.map((c) => item[c]);
  });
}

/**
 * A prepared batch as a worker posts it: PostgreSQL's binary tsvectors (the last value of each
 * catalog row) copied into one buffer that is transferred, not cloned a view at a time.
 */
export type PostedBatch = { batch: PreparedBatch; vectors: ArrayBuffer | null; vectorEnds: number[] };

export function postable(batch: PreparedBatch): { posted: PostedBatch; transfer: ArrayBuffer[] } {
  if (batch.catalog.dialect !== 'postgres') return { posted: { batch, vectors: null, vectorEnds: [] }, transfer: [] };
  const vectors = batch.catalog.rows.map((row) => row.at(-1) as Buffer);
  const joined = Buffer.concat(vectors);
  // Buffer.concat may return a slice of the shared pool: its own ArrayBuffer is what can move.
  const own = joined.buffer.byteLength === joined.length ? joined.buffer : joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.length);
  const vectorEnds: number[] = [];
  let end = 0;
  for (const v of vectors) vectorEnds.push((end += v.length));
  const rows = batch.catalog.rows.map((row) => row.slice(0, -1));
  return { posted: { batch: { ...batch, catalog: { ...batch.catalog, rows } }, vectors: own as ArrayBuffer, vectorEnds }, transfer: [own as ArrayBuffer] };
}

/** The batch a worker posted, its tsvectors as Buffers again (views of the transferred buffer). */
export function received({ batch, vectors, vectorEnds }: PostedBatch): PreparedBatch {
  if (!vectors) return batch;
  const rows = batch.catalog.rows.map((row, i) => [...row, Buffer.from(vectors, i ? vectorEnds[i - 1] : 0, vectorEnds[i]! - (i ? vectorEnds[i - 1]! : 0))]);
  return { ...batch, catalog: { ...batch.catalog, rows } };
}
