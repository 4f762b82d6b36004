import { isoNow } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Tx } from '../../db/database.ts';
import { indexPublishedItem } from '../catalog/catalog.entries.ts';
import { meetDeadline } from '../deadlines/deadlines.service.ts';
import { publicVersion, redactText } from '../files/redact.ts';
import { extractText, inspectText } from '../files/text.ts';
import { FINDING_LABELS, scanText, type FindingKind } from './scanner.ts';
import type { FileKind } from '../files/sniff.ts';
import { readStoredFile, storeFile } from '../files/store.ts';
import { colophonMark, formatIndexNumber, publishProblems, unsettledInPublicCopy, type Channel, type ItemFacts } from './documents.rules.ts';
import type { ItemTable, PublishedSnapshot } from './documents.tables.ts';
import { itemSubject, type Deps } from './documents.repo.ts';
import { join } from 'node:path';

export const filesRoot = (dataDir: string) => join(dataDir, 'files');

/** Characters of an attachment's text kept in the database for search, unless the settings say otherwise. */
export const DEFAULT_STORED_TEXT_CHARS = 200_000;

/**
 * How much of an attachment's extracted text is stored (setting `documents`, field
 * `storedTextChars`): the check reads the whole file each time, so one upload of a huge file
 * cannot grow the database by its unpacked size.
 */
export async function storedTextLimit(tx: Tx): Promise<number> {
  const row = await tx.selectFrom('settings').select('value_json').where('key', '=', 'documents').executeTakeFirst();
  const n = row ? Number(JSON.parse(row.value_json).storedTextChars) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : DEFAULT_STORED_TEXT_CHARS;
}

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

/** The settlements the re-scan of a public copy may rely on (unsettledInPublicCopy). */
export const itemSettlements = (tx: Tx, itemId: string) =>
  tx.selectFrom('item_findings').select(['kind', 'text', 'status', 'reason']).where('item_id', '=', itemId).execute();

const kindsOf = (found: Array<{ kind: string }>) => [...new Set(found.map((f) => FINDING_LABELS[f.kind as FindingKind] ?? f.kind))].join('、');

/**
 * The public copy of one attachment (SEC-2, SEC-6, SEC-10, LAW-37): rebuilt from the original
 * with the marked text removed (publicVersion), then read again whole, the hidden parts
 * included: if the check finds anything not kept with a reason, the copy is never written and
 * publication stops, telling the office to replace or withdraw the file. Nothing is stored
 * before the copy passes.
 */
export async function publicCopy(
  deps: Pick<Deps, 'dataDir'>,
  a: { name: string; kind: string; sha256: string },
  phrases: string[],
  settled: Awaited<ReturnType<typeof itemSettlements>>,
  storedTextChars: number,
): Promise<{ sha256: string; size: number; text: string }> {
  const root = filesRoot(deps.dataDir);
  const kind = a.kind as FileKind;
  const title = a.name.replace(/\.[^.]*$/, '');
  const bytes = await publicVersion(kind, await readStoredFile(root, a.sha256), phrases, title).catch((err: unknown) => {
    if (err instanceof AppError) throw new AppError(err.code, 409, `附件“${a.name}”：${err.message}。请替换为处理后的文件或撤下该附件`);
    throw err;
  });
  const left = unsettledInPublicCopy(scanText(await inspectText(kind, bytes)), settled);
  if (left.length > 0) {
    throw new AppError('PUBLIC_COPY_NOT_CLEAN', 409, `附件“${a.name}”的公开版本经再次检查仍有 ${left.length} 处未经审查的敏感信息（${kindsOf(left)}），不予发布；请替换为处理后的文件或撤下该附件`);
  }
  const { sha256, size } = await storeFile(root, bytes);
  return { sha256, size, text: (await extractText(kind, bytes)).slice(0, storedTextChars) };
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
  const settled = await itemSettlements(tx, row.id);
  const publicBody = redactText(row.body, phrases);
  const leftInBody = unsettledInPublicCopy(scanText(publicBody), settled);
  if (leftInBody.length > 0) {
    throw new AppError('PUBLIC_COPY_NOT_CLEAN', 409, `正文的公开版本经再次检查仍有 ${leftInBody.length} 处未经审查的敏感信息（${kindsOf(leftInBody)}），不予发布`);
  }
  const attachments = await tx.selectFrom('item_attachments').selectAll().where('item_id', '=', row.id).orderBy('created_at').execute();
  const storedTextChars = await storedTextLimit(tx);
  const publicFiles = [];
  for (const a of attachments) {
    const copy = await publicCopy(deps, a, phrases, settled, storedTextChars);
    await tx.updateTable('item_attachments').set({ public_sha256: copy.sha256 }).where('id', '=', a.id).execute();
    publicFiles.push({ id: a.id, name: a.name, kind: a.kind, mime: a.mime, size: copy.size, sha256: copy.sha256, text: copy.text });
  }
  const indexNumber = row.index_number ?? (await nextIndexNumber(tx, row, Number(row.date_made.slice(0, 4))));
  const snapshot: PublishedSnapshot = {
    version: row.version, indexNumber, title: row.title, docNumber: row.doc_number, docKind: row.doc_kind, kind: row.kind,
    category: row.category, dateMade: row.date_made, summary: row.summary, body: publicBody, colophon: colophonMark('proactive'),
    changeReason: row.change_reason, publishedAt: now, attachments: publicFiles, channels,
  };
  await tx.insertInto('item_versions').values({ id: newId(), item_id: row.id, version: row.version, published_at: now, snapshot_json: JSON.stringify(snapshot) }).execute();
  await indexPublishedItem(tx, row.id);
  await meetDeadline(tx, itemSubject(row.id), 'PUB-3', now);
  return { index_number: indexNumber, channels_json: JSON.stringify(channels), public_body: publicBody, published_at: now };
}
