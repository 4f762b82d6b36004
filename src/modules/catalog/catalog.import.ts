import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { sql } from 'kysely';
import { isoNow, type Clock } from '../../core/clock.ts';
import { newId } from '../../core/ids.ts';
import { insertRows, rowsPerStatement } from '../../db/insert-rows.ts';
import type { Db, Tx } from '../../db/database.ts';
import { dialectOf } from '../../db/dialect.ts';
import { appendAudit, type AuditActor } from '../audit/audit.service.ts';
import type { PublishedSnapshot } from '../documents/documents.tables.ts';
import { filesRoot } from '../documents/documents.publication.ts';
import { CATEGORIES, colophonMark, DOC_KINDS, VALIDITIES, type Category, type DocKind, type Validity } from '../documents/documents.rules.ts';
import type { ItemTable } from '../documents/documents.tables.ts';
import { sniffFile } from '../files/sniff.ts';
import { storeFile } from '../files/store.ts';
import { extractText } from '../files/text.ts';
import { prepareCatalogEntries, writePreparedEntries, type PreparedEntries, type PublishedEntry } from './catalog.entries.ts';

/**
 * `gongkai import` (issue 17): an existing catalog — the CSV or JSON the portal itself exports
 * (feeds.routes.ts), from this platform or an agency's old one — loaded as published items
 * with their own 索引号, dates and validity, through the catalog's one writer
 * (writeCatalogEntries). Every row is checked before anything is written; one bad row and
 * nothing is imported (all or nothing, one transaction), and every bad row is reported with
 * its line (CSV) or position (JSON).
 */

export type ImportRow = {
  /** The CSV line (1 = the header) or the JSON item's position (1 = first) the row came from. */
  line: number;
  indexNumber: string; title: string; docNumber: string; category: Category; unitName: string; dateMade: string;
  /** UTC ISO moment. */
  publishedAt: string; validity: Validity; body: string;
};

export type RowProblem = { line: number; message: string };

export type ImportSource = { format: 'csv' | 'json'; text: string };

export type ImportOptions = {
  agencyCode: string;
  /** The account recorded as drafter of the imported items and as the import's actor. */
  userId: string;
  /** A folder of attachments: `<folder>/<索引号>/<file>`, each stored and searched as a public file of that item. */
  filesDir?: string;
  /** The data folder whose file store receives the attachments. */
  dataDir?: string;
  actor: AuditActor;
};

export type ImportResult = { imported: number; attachments: number; problems: RowProblem[] };

const CATEGORY_BY_NAME = new Map<string, Category>(Object.entries(CATEGORIES).flatMap(([k, v]) => [[k, k as Category], [v, k as Category]]));
const VALIDITY_BY_NAME = new Map<string, Validity>(Object.entries(VALIDITIES).flatMap(([k, v]) => [[k, k as Validity], [v, k as Validity]]));
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (v: string) => DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
/** A publication known only by its Beijing date: 09:00 that day. */
const morningOf = (date: string) => new Date(`${date}T09:00:00+08:00`).toISOString();

/**
 * RFC 4180 records with the line each starts on; a quoted cell may span lines. Cells are
 * sliced from the text between the delimiters found by indexOf, never built a character at a
 * time: appending one character per step made the parse of 20,000 rows take seconds and
 * hundreds of megabytes of string fragments (issue 17).
 */
export function csvRecords(text: string): { line: number; cells: string[] }[] {
  const src = text.replace(/^\uFEFF/, '');
  const n = src.length;
  const out: { line: number; cells: string[] }[] = [];
  let line = 1;
  let i = 0;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    let any = false;
    let cell = '';
    // A cell is unquoted stretches and quoted ones ("" inside a quoted one is a quote) up to a comma or line end.
    for (;;) {
      const c = src.charCodeAt(i);
      if (c === QUOTE) {
        any = true;
        let from = i + 1;
        for (;;) {
          const close = src.indexOf('"', from);
          const end = close < 0 ? n : close;
          cell += src.slice(from, end);
          line += newlinesIn(src, from, end);
          if (close >= 0 && src.charCodeAt(close + 1) === QUOTE) { cell += '"'; from = close + 2; continue; }
          i = close < 0 ? n : close + 1;
          break;
        }
      } else if (c === COMMA) {
        any = true;
        cells.push(cell);
        cell = '';
        i++;
      } else if (i >= n || c === LF || c === CR) {
        break;
      } else {
        const stop = delimiterAt(src, i);
        cell += src.slice(i, stop);
        any = true;
        i = stop;
      }
    }
    cells.push(cell);
    if (i < n) {
      i += src.charCodeAt(i) === CR && src.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
    }
    if (any) out.push({ line: start, cells });
  }
  return out;
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/** The next comma, line end or quote at or after `from` (the text's end if none). */
function delimiterAt(src: string, from: number): number {
  for (let i = from; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === COMMA || c === LF || c === CR || c === QUOTE) return i;
  }
  return src.length;
}

/** Line feeds in src[from, to): the lines a quoted cell spans. */
function newlinesIn(src: string, from: number, to: number): number {
  let count = 0;
  for (let at = src.indexOf('\n', from); at >= 0 && at < to; at = src.indexOf('\n', at + 1)) count++;
  return count;
}

/** The export neutralises a leading formula character with an apostrophe (feeds.routes.ts); the import takes it off. */
const unguard = (v: string) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v).trim();

/** Header names the CSV export writes, with the optional body column an old platform's export may add. */
const CSV_COLUMNS = { indexNumber: '索引号', title: '标题', docNumber: '发文字号', category: '主题分类', unitName: '发布部门', dateMade: '成文日期', publishedAt: '发布日期', validity: '有效性', body: '正文' } as const;
const REQUIRED: (keyof typeof CSV_COLUMNS)[] = ['indexNumber', 'title', 'category', 'dateMade', 'publishedAt', 'validity'];

/** One row as the export holds it, every cell still text. */
export type RawRow = { line: number; indexNumber: string; title: string; docNumber: string; category: string; unitName: string; dateMade: string; publishedAt: string; validity: string; body: string };

function rawCsv(text: string): { rows: RawRow[]; problems: RowProblem[] } {
  const [header, ...records] = csvRecords(text);
  if (!header) return { rows: [], problems: [{ line: 1, message: '文件为空' }] };
  const at = Object.fromEntries(Object.entries(CSV_COLUMNS).map(([k, name]) => [k, header.cells.map((c) => c.trim()).indexOf(name)])) as Record<keyof typeof CSV_COLUMNS, number>;
  const missing = REQUIRED.filter((k) => at[k] < 0).map((k) => CSV_COLUMNS[k]);
  if (missing.length) return { rows: [], problems: [{ line: header.line, message: `表头缺少列：${missing.join('、')}` }] };
  const get = (cells: string[], k: keyof typeof CSV_COLUMNS) => (at[k] < 0 ? '' : unguard(cells[at[k]] ?? ''));
  return {
    problems: [],
    rows: records.map(({ line, cells }) => ({
      line, indexNumber: get(cells, 'indexNumber'), title: get(cells, 'title'), docNumber: get(cells, 'docNumber'), category: get(cells, 'category'),
      unitName: get(cells, 'unitName'), dateMade: get(cells, 'dateMade'), publishedAt: get(cells, 'publishedAt'), validity: get(cells, 'validity'), body: get(cells, 'body'),
    })),
  };
}

function rawJson(text: string): { rows: RawRow[]; problems: RowProblem[]; agencyCode?: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { rows: [], problems: [{ line: 1, message: '不是有效的 JSON' }] };
  }
  const pages = Array.isArray(doc) && doc.every((d) => d && typeof d === 'object' && Array.isArray((d as { items?: unknown }).items)) ? doc : [doc];
  const items = pages.flatMap((p) => (Array.isArray(p) ? p : Array.isArray((p as { items?: unknown })?.items) ? (p as { items: unknown[] }).items : []));
  const agencyCode = (pages[0] as { agency?: { code?: unknown } })?.agency?.code;
  const s = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  return {
    problems: items.length ? [] : [{ line: 1, message: '没有找到目录条目（items）' }],
    agencyCode: typeof agencyCode === 'string' ? agencyCode : undefined,
    rows: items.map((it, i) => {
      const o = (it && typeof it === 'object' ? it : {}) as Record<string, unknown>;
      return {
        line: i + 1, indexNumber: s(o.indexNumber), title: s(o.title), docNumber: s(o.docNumber), category: s(o.category), unitName: s(o.unitName),
        dateMade: s(o.dateMade), publishedAt: s(o.publishedAt), validity: s(o.validity), body: s(o.body),
      };
    }),
  };
}

/** Reads an export: its rows, the problems of the file as a whole, and the agency a JSON export names. */
export function readExport(source: ImportSource): { rows: RawRow[]; problems: RowProblem[]; agencyCode?: string } {
  return source.format === 'json' ? rawJson(source.text) : rawCsv(source.text);
}

/** Checks one row; the units of the agency by name, the 索引号 already taken. */
export function checkRow(r: RawRow, units: Map<string, string>, defaultUnit: string): { row?: ImportRow & { unitId: string }; problems: string[] } {
  const problems: string[] = [];
  if (!r.indexNumber) problems.push('索引号为空');
  if (!r.title) problems.push('标题为空');
  const category = CATEGORY_BY_NAME.get(r.category);
  if (!category) problems.push(`主题分类“${r.category}”不在分类表中`);
  const validity = VALIDITY_BY_NAME.get(r.validity);
  if (!validity) problems.push(`有效性“${r.validity}”应为有效、失效或废止`);
  if (!isDate(r.dateMade)) problems.push(`成文日期“${r.dateMade}”应为 YYYY-MM-DD`);
  const publishedAt = isDate(r.publishedAt) ? morningOf(r.publishedAt) : /^\d{4}-\d{2}-\d{2}T/.test(r.publishedAt) && !Number.isNaN(Date.parse(r.publishedAt)) ? new Date(r.publishedAt).toISOString() : null;
  if (!publishedAt) problems.push(`发布日期“${r.publishedAt}”应为 YYYY-MM-DD 或带时区的时间`);
  else if (isDate(r.dateMade) && publishedAt < new Date(`${r.dateMade}T00:00:00+08:00`).toISOString()) problems.push('发布日期早于成文日期');
  const unitId = r.unitName ? units.get(r.unitName) : defaultUnit;
  if (!unitId) problems.push(`发布部门“${r.unitName}”不是本机关的部门`);
  if (problems.length) return { problems };
  return { problems, row: { ...r, category: category!, validity: validity!, publishedAt: publishedAt!, unitId: unitId! } };
}

/** 文种 from the title's last words (…的通知), as the catalog lists documents by kind. */
function docKindOf(title: string): DocKind | null {
  const found = Object.entries(DOC_KINDS).find(([, name]) => title.endsWith(name.replace(/（.*）/, '')));
  return found ? (found[0] as DocKind) : null;
}

const ITEM_CHANNELS = ['platform', 'website'] as const;

/** Each attachment found for a 索引号: stored (content-addressed) and its text extracted for search. */
async function attachmentsOf(filesDir: string, dataDir: string, indexNumber: string, line: number, problems: RowProblem[]): Promise<PublishedSnapshot['attachments']> {
  const folder = join(filesDir, indexNumber);
  const names = await readdir(folder).catch(() => [] as string[]);
  const out: PublishedSnapshot['attachments'] = [];
  for (const name of names.sort()) {
    const bytes = await readFile(join(folder, name));
    const sniffed = sniffFile(bytes);
    if (!sniffed) { problems.push({ line, message: `附件“${name}”不是 PDF、Word、Excel 或图片文件` }); continue; }
    const { sha256, size } = await storeFile(filesRoot(dataDir), bytes);
    out.push({ id: newId(), name, kind: sniffed.kind, mime: sniffed.mime, size, sha256, text: await extractText(sniffed.kind, bytes) });
  }
  return out;
}

/**
 * Imports an export into one agency as published items, all or nothing. Rows are written
 * oldest publication first (same moment: later line first, since the portal's exports list
 * newest first), so the catalog's "newest first" order comes out as it was exported.
 */
export async function importCatalog(db: Db, clock: Clock, source: ImportSource, opts: ImportOptions): Promise<ImportResult> {
  return importRows(db, clock, { format: source.format, ...readExport(source) }, opts);
}

/**
 * The rows of an export already read (or made: the benchmark city streams its rows here,
 * bench/generate.ts), checked and written as importCatalog does.
 */
export async function importRows(db: Db, clock: Clock, read: { format: string; rows: RawRow[]; problems: RowProblem[] }, opts: ImportOptions): Promise<ImportResult> {
  const agency = await db.selectFrom('agencies').select(['id', 'code']).where('code', '=', opts.agencyCode).executeTakeFirst();
  if (!agency) return { imported: 0, attachments: 0, problems: [{ line: 0, message: `机关代码 ${opts.agencyCode} 不存在` }] };
  const units = new Map((await db.selectFrom('units').select(['id', 'name']).where('agency_id', '=', agency.id).orderBy('created_at').execute()).map((u) => [u.name, u.id]));
  const defaultUnit = (await db.selectFrom('users').select('unit_id').where('id', '=', opts.userId).executeTakeFirst())?.unit_id ?? [...units.values()][0] ?? '';
  const problems = [...read.problems];
  const good: (ImportRow & { unitId: string })[] = [];
  const seen = new Set<string>();
  for (const raw of read.rows) {
    const { row, problems: p } = checkRow(raw, units, defaultUnit);
    if (raw.indexNumber && seen.has(raw.indexNumber)) p.push(`索引号 ${raw.indexNumber} 在文件中重复`);
    seen.add(raw.indexNumber);
    if (p.length) problems.push({ line: raw.line, message: p.join('；') });
    else good.push(row!);
  }
  const taken = new Set<string>();
  const chunk = rowsPerStatement(1);
  for (let i = 0; i < good.length; i += chunk) {
    const part = good.slice(i, i + chunk).map((r) => r.indexNumber);
    for (const t of await db.selectFrom('items').select('index_number').where('index_number', 'in', part).execute()) taken.add(t.index_number!);
  }
  for (const r of good) if (taken.has(r.indexNumber)) problems.push({ line: r.line, message: `索引号 ${r.indexNumber} 已被使用` });
  const files = new Map<string, PublishedSnapshot['attachments']>();
  if (opts.filesDir && problems.length === 0) {
    if (!opts.dataDir) throw new Error('importCatalog: dataDir is required with filesDir');
    for (const r of good) files.set(r.indexNumber, await attachmentsOf(opts.filesDir, opts.dataDir, r.indexNumber, r.line, problems));
  }
  if (problems.length) return { imported: 0, attachments: 0, problems: problems.sort((a, b) => a.line - b.line) };

  const ordered = good.map((r, i) => ({ r, i })).sort((a, b) => (a.r.publishedAt < b.r.publishedAt ? -1 : a.r.publishedAt > b.r.publishedAt ? 1 : b.i - a.i)).map((x) => x.r);
  const now = isoNow(clock);
  let attachmentCount = 0;
  await db.transaction().execute(async (tx) => {
    const dialect = dialectOf(tx);
    // Batch n + 1 is prepared (snapshots, search tokens: the client's work) while batch n is written (the server's).
    let writing: Promise<void> = Promise.resolve();
    for (let i = 0; i < ordered.length; i += ROWS_PER_BATCH) {
      const entries: PublishedEntry[] = [];
      const prepared: PreparedBatch[] = [];
      for (let k = i; k < Math.min(i + ROWS_PER_BATCH, ordered.length); k += ROWS_PER_SLICE) {
        const slice = ordered.slice(k, Math.min(k + ROWS_PER_SLICE, i + ROWS_PER_BATCH)).map((r): PublishedEntry => {
          const docKind = r.docNumber ? docKindOf(r.title) : null;
          const attachments = files.get(r.indexNumber) ?? [];
          attachmentCount += attachments.length;
          const snapshot: PublishedSnapshot = {
            version: 1, indexNumber: r.indexNumber, title: r.title, docNumber: r.docNumber, docKind, kind: r.docNumber ? 'document' : 'other', category: r.category,
            dateMade: r.dateMade, summary: '', body: r.body, colophon: colophonMark('proactive'), changeReason: '', publishedAt: r.publishedAt, attachments, channels: [...ITEM_CHANNELS],
          };
          return { itemId: newId(), agencyId: agency.id, unitId: r.unitId, validity: r.validity, snapshot };
        });
        entries.push(...slice);
        prepared.push({ items: itemRows(slice, opts.userId, now), versions: versionRows(slice), catalog: prepareCatalogEntries(slice, dialect) });
        // Lets the batch being written send its next statement.
        await setImmediate();
      }
      await writing;
      writing = writeBatch(tx, entries, prepared, now);
      // Awaited with the next batch; until then a failure must not count as unhandled.
      writing.catch(() => {});
    }
    await writing;
    await advanceIndexSequences(tx, agency.id, ordered);
    await appendAudit(tx, clock, {
      actor: opts.actor, agencyId: agency.id, action: 'catalog.import', entityType: 'agency', entityId: agency.id,
      after: { format: read.format, items: ordered.length, attachments: attachmentCount, first: ordered[0]?.indexNumber ?? null, last: ordered.at(-1)?.indexNumber ?? null },
    });
  });
  return { imported: ordered.length, attachments: attachmentCount, problems: [] };
}

/** Items per round of the writers: the statements' rows are built for one round at a time. */
const ROWS_PER_BATCH = 2_000;
/** Items prepared between two turns of the event loop, in which the batch being written goes on. */
const ROWS_PER_SLICE = 250;

/** A slice of a batch, its rows built. */
type PreparedBatch = { items: unknown[][]; versions: unknown[][]; catalog: PreparedEntries };

/** One batch's writes: each table's rows of all its slices in one call. */
async function writeBatch(tx: Tx, entries: PublishedEntry[], prepared: PreparedBatch[], now: string): Promise<void> {
  await insertRows(tx, 'items', ITEM_COLUMNS, prepared.flatMap((p) => p.items));
  await insertRows(tx, 'item_versions', ['id', 'item_id', 'version', 'published_at', 'snapshot_json'], prepared.flatMap((p) => p.versions));
  await writeAttachmentRows(tx, entries, now);
  await writePreparedEntries(tx, joinPrepared(prepared.map((p) => p.catalog)));
}

/** The slices' catalog rows as one batch: one statement per table, not one per slice. */
const joinPrepared = (parts: PreparedEntries[]): PreparedEntries => ({
  itemIds: parts.flatMap((p) => p.itemIds), dialect: parts[0]!.dialect, rows: parts.flatMap((p) => p.rows),
  searchTexts: parts.flatMap((p) => p.searchTexts), facets: parts.flatMap((p) => p.facets),
});

const ITEM_COLUMNS = [
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

/** Version 1 of each item: the snapshot publication would have written. */
const versionRows = (entries: PublishedEntry[]): unknown[][] => entries.map((e) => [newId(), e.itemId, 1, e.snapshot.publishedAt, JSON.stringify(e.snapshot)]);

/** The imported public files as the item's attachments (the original is the public copy: it was public already). */
async function writeAttachmentRows(tx: Tx, entries: PublishedEntry[], now: string): Promise<void> {
  const rows = entries.flatMap((e) => e.snapshot.attachments.map((a) => ({
    id: a.id, item_id: e.itemId, name: a.name, kind: a.kind, mime: a.mime, size: a.size, sha256: a.sha256, text: a.text, public_sha256: a.sha256, created_at: now,
  })));
  for (let i = 0; i < rows.length; i += rowsPerStatement(10)) await tx.insertInto('item_attachments').values(rows.slice(i, i + rowsPerStatement(10))).execute();
}

/**
 * The agency's yearly 索引号 sequences continue after the imported numbers that follow its
 * format (the trailing number of RSJ/2026-00012), so the next publication does not reuse one.
 */
async function advanceIndexSequences(tx: Tx, agencyId: string, rows: ImportRow[]): Promise<void> {
  const top = new Map<number, number>();
  for (const r of rows) {
    const m = /(\d+)\D*$/.exec(r.indexNumber);
    if (!m) continue;
    const year = Number(r.dateMade.slice(0, 4));
    top.set(year, Math.max(top.get(year) ?? 0, Number(m[1])));
  }
  for (const [year, last] of top) {
    await tx.insertInto('index_sequences').values({ agency_id: agencyId, year, last }).onConflict((oc) => oc.columns(['agency_id', 'year']).doUpdateSet({ last: sql<number>`case when index_sequences.last > ${last} then index_sequences.last else ${last} end` })).execute();
  }
}
