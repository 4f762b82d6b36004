import { isoNow } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Tx } from '../../db/database.ts';
import { indexPublishedItem } from '../catalog/catalog.entries.ts';
import { meetDeadline } from '../deadlines/deadlines.service.ts';
import { redactDocx, redactPdf, redactText } from '../files/redact.ts';
import type { FileKind } from '../files/sniff.ts';
import { readStoredFile, storeFile } from '../files/store.ts';
import { colophonMark, formatIndexNumber, publishProblems, type Category, type Channel, type DocKind, type ItemFacts } from './documents.rules.ts';
import type { ItemTable } from './documents.tables.ts';
import { itemSubject, type Deps } from './documents.repo.ts';
import { join } from 'node:path';

export const filesRoot = (dataDir: string) => join(dataDir, 'files');

/** 索引号: the next number of the agency's yearly sequence; the head row's update serialises publishers. */
async function nextIndexNumber(tx: Tx, row: ItemTable, year: number): Promise<string> {
  const agency = await tx.selectFrom('agencies').select(['code', 'index_format']).where('id', '=', row.agency_id).executeTakeFirstOrThrow();
  await tx.insertInto('index_sequences').values({ agency_id: row.agency_id, year, last: 0 }).onConflict((oc) => oc.columns(['agency_id', 'year']).doNothing()).execute();
  const { last } = await tx
    .updateTable('index_sequences')
    .set((eb) => ({ last: eb('last', '+', 1) }))
    .where('agency_id', '=', row.agency_id)
    .where('year', '=', year)
    .returning('last')
    .executeTakeFirstOrThrow();
  return formatIndexNumber(agency.index_format, { orgCode: agency.code, year, seq: last });
}

/**
 * The public copy of one attachment (SEC-10, LAW-37): PDF and DOCX have the marked text truly
 * removed; a file of another kind that contains marked text cannot be published, since it
 * cannot be cleaned here; replace it with a cleaned copy.
 */
async function publicCopy(deps: Deps, a: { name: string; kind: string; sha256: string; text: string }, phrases: string[]): Promise<string> {
  const hits = phrases.filter((p) => a.text.includes(p));
  if (hits.length === 0) return a.sha256;
  const root = filesRoot(deps.dataDir);
  const original = await readStoredFile(root, a.sha256);
  const kind = a.kind as FileKind;
  if (kind === 'pdf') return (await storeFile(root, await redactPdf(original, phrases))).sha256;
  if (kind === 'docx') return (await storeFile(root, redactDocx(original, phrases))).sha256;
  throw new AppError('ATTACHMENT_CANNOT_REDACT', 409, `附件“${a.name}”含有需删除的内容，但该格式无法自动处理，请上传处理后的文件`);
}

/**
 * Publication (PUB-4 to PUB-6, ATTR-5, CAT-1): the index number (kept across versions), the
 * public body and files with the marked text removed, a snapshot of what the public sees,
 * and PUB-3's deadline met.
 */
export async function publishItem(tx: Tx, deps: Deps, row: ItemTable, facts: ItemFacts, channels: Channel[]): Promise<Partial<ItemTable>> {
  const problems = publishProblems({ ...facts, channels });
  if (problems.length) throw new AppError(problems[0]!.code, 409, problems.map((p) => p.message).join('；'), { problems });
  const now = isoNow(deps.clock);
  const phrases = (await tx.selectFrom('item_redactions').select('phrase').where('item_id', '=', row.id).execute()).map((r) => r.phrase);
  const attachments = await tx.selectFrom('item_attachments').selectAll().where('item_id', '=', row.id).orderBy('created_at').execute();
  const publicFiles = [];
  for (const a of attachments) {
    const publicSha = await publicCopy(deps, a, phrases);
    await tx.updateTable('item_attachments').set({ public_sha256: publicSha }).where('id', '=', a.id).execute();
    publicFiles.push({ id: a.id, name: a.name, kind: a.kind, mime: a.mime, size: a.size, sha256: publicSha, text: redactText(a.text, phrases) });
  }
  const indexNumber = row.index_number ?? (await nextIndexNumber(tx, row, Number(row.date_made.slice(0, 4))));
  const publicBody = redactText(row.body, phrases);
  const snapshot = {
    version: row.version, indexNumber, title: row.title, docNumber: row.doc_number, docKind: row.doc_kind, kind: row.kind,
    category: row.category, dateMade: row.date_made, summary: row.summary, body: publicBody, colophon: colophonMark('proactive'),
    changeReason: row.change_reason, publishedAt: now, attachments: publicFiles, channels,
  };
  await tx.insertInto('item_versions').values({ id: newId(), item_id: row.id, version: row.version, published_at: now, snapshot_json: JSON.stringify(snapshot) }).execute();
  await indexPublishedItem(tx, row.id);
  await meetDeadline(tx, itemSubject(row.id), 'PUB-3', now);
  return { index_number: indexNumber, channels_json: JSON.stringify(channels), public_body: publicBody, published_at: now };
}

export type PublishedSnapshot = {
  version: number; indexNumber: string; title: string; docNumber: string; docKind: DocKind | null; kind: 'document' | 'other'; category: Category;
  dateMade: string; summary: string; body: string; colophon: string; changeReason: string; publishedAt: string;
  /** The public copies; `text` is theirs, with the marked text removed, for search. */
  attachments: { id: string; name: string; kind: string; mime: string; size: number; sha256: string; text: string }[]; channels: Channel[];
};
