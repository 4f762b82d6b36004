import { isoNow } from '../../core/clock.ts';
import { AppError, badRequest, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Tx } from '../../db/database.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { auditActor, requireRoleIn, type Actor } from '../auth/actor.ts';
import { readStoredFile, storeFile } from '../files/store.ts';
import { sniffFile } from '../files/sniff.ts';
import { extractText, inspectText } from '../files/text.ts';
import { filesRoot, itemSettlements, publicCopy, storedTextLimit } from './documents.publication.ts';
import { readableItem, type Deps } from './documents.repo.ts';
import { FILE_STEP_LABELS, STATES } from './documents.rules.ts';
import { scanText } from './scanner.ts';

type Upload = { filename: string; bytes: Uint8Array };

/** The drafter's own draft in the actor's agency: the only item a file may be added to. */
async function attachableItem(tx: Tx, actor: Actor, itemId: string) {
  const row = await readableItem(tx, actor, itemId);
  const role = requireRoleIn(actor, ['drafter'], row.agency_id);
  if (row.state !== 'draft' || row.drafter_id !== actor.userId) throw badRequest('ITEM_NOT_DRAFT', '只有拟稿人可以在草稿阶段添加附件');
  return { row, role };
}

/**
 * An uploaded file recognised by its content (a renamed file is refused) and read whole, so a
 * file that cannot be read is refused now, with the reason, not at publication. Only the text
 * a reader sees is kept, up to the stored-text limit, for search.
 */
async function readUpload(upload: Upload, storedTextChars: number) {
  const unreadable = (err: unknown): never => {
    if (err instanceof AppError) throw badRequest(err.code, `“${upload.filename}”${err.message}`);
    throw badRequest('FILE_UNREADABLE', `“${upload.filename}”已损坏或无法读取`);
  };
  let sniffed: ReturnType<typeof sniffFile> = null;
  try {
    sniffed = sniffFile(upload.bytes);
  } catch (err) {
    unreadable(err);
  }
  if (!sniffed) throw new AppError('FILE_TYPE_NOT_ALLOWED', 415, `“${upload.filename}”不是允许的文件类型（PDF、Word、Excel、PNG、JPEG），以文件内容为准`);
  const scanned = await inspectText(sniffed.kind, upload.bytes).catch(unreadable);
  const text = (await extractText(sniffed.kind, upload.bytes).catch(unreadable)).slice(0, storedTextChars);
  const name = upload.filename.replace(/[\\/]/g, '_').slice(0, 200) || `附件.${sniffed.ext}`;
  return { ...sniffed, name, text, scanned };
}

/**
 * Attachments: PDF, DOCX, XLSX and images, stored once by content hash; the sensitive-content
 * check reads them whole at each submission.
 */
export async function addAttachment(deps: Deps, actor: Actor, itemId: string, upload: Upload) {
  // Refused before a byte is stored (issue 9): another agency's item leaves nothing on disk.
  await attachableItem(deps.db, actor, itemId);
  const { kind, mime, name, text } = await readUpload(upload, await storedTextLimit(deps.db));
  const { sha256, size } = await storeFile(filesRoot(deps.dataDir), upload.bytes);
  return deps.db.transaction().execute(async (tx) => {
    const { row, role } = await attachableItem(tx, actor, itemId);
    const id = newId();
    await tx.insertInto('item_attachments').values({ id, item_id: row.id, name, kind, mime, size, sha256, text, public_sha256: null, created_at: isoNow(deps.clock) }).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'item.attachment.add', entityType: 'item', entityId: row.id, after: { attachmentId: id, name, kind, size, sha256 }, ip: actor.ip });
    return { id, name, kind, mime, size };
  });
}

export async function removeAttachment(deps: Deps, actor: Actor, attachmentId: string) {
  await deps.db.transaction().execute(async (tx) => {
    const a = await tx.selectFrom('item_attachments').selectAll().where('id', '=', attachmentId).executeTakeFirst();
    if (!a) throw notFound('附件');
    const row = await readableItem(tx, actor, a.item_id);
    const role = requireRoleIn(actor, ['drafter'], row.agency_id);
    if (row.state !== 'draft' || row.drafter_id !== actor.userId) throw badRequest('ITEM_NOT_DRAFT', '只有拟稿人可以在草稿阶段删除附件');
    await tx.deleteFrom('item_findings').where('source', '=', a.id).execute();
    await tx.deleteFrom('item_attachments').where('id', '=', a.id).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'item.attachment.remove', entityType: 'item', entityId: row.id, before: { attachmentId: a.id, name: a.name }, ip: actor.ip });
  });
}

/** The attachment, its item, and the office's standing to change it after approval (SEC-10). */
async function approvedAttachment(tx: Tx, actor: Actor, attachmentId: string) {
  const a = await tx.selectFrom('item_attachments').selectAll().where('id', '=', attachmentId).executeTakeFirst();
  if (!a) throw notFound('附件');
  const row = await readableItem(tx, actor, a.item_id);
  const role = requireRoleIn(actor, ['office'], row.agency_id);
  if (row.state !== 'approved') throw badRequest('ITEM_NOT_APPROVED', `信息处于“${STATES[row.state]}”状态：只有已审批待发布的信息可以替换或撤下附件`);
  return { a, row, role };
}

/** An SEC-13 record of a change to the files of an approved item; the state stays as it is. */
async function recordFileStep(tx: Tx, deps: Deps, actor: Actor, role: string, itemId: string, action: keyof typeof FILE_STEP_LABELS, opinion: string, data: object) {
  const at = isoNow(deps.clock);
  await tx.insertInto('item_steps').values({ id: newId(), item_id: itemId, at, actor_id: actor.userId, actor_name: actor.name, role, action, from_state: 'approved', to_state: 'approved', opinion, data_json: JSON.stringify(data) }).execute();
}

/**
 * Replaces the file of an approved item's attachment with a cleaned copy the office made
 * (SEC-10): the copy must contain nothing the review has not already settled, and its public
 * version must pass the same check as at publication, so the item can then be published.
 * The attachment keeps its id and its settled findings; the old file stays stored, audited.
 */
export async function replaceAttachment(deps: Deps, actor: Actor, attachmentId: string, upload: Upload, reason: string) {
  await approvedAttachment(deps.db, actor, attachmentId); // refused before a byte is stored (issue 9)
  const file = await readUpload(upload, await storedTextLimit(deps.db));
  const { sha256, size } = await storeFile(filesRoot(deps.dataDir), upload.bytes);
  return deps.db.transaction().execute(async (tx) => {
    const { a, row, role } = await approvedAttachment(tx, actor, attachmentId);
    const settled = await itemSettlements(tx, row.id);
    const known = new Set(settled.filter((f) => f.status !== 'open').map((f) => `${f.kind}|${f.text}`));
    const unreviewed = scanText(file.scanned).filter((f) => !known.has(`${f.kind}|${f.text}`));
    if (unreviewed.length > 0) {
      throw new AppError('REPLACEMENT_NOT_CLEAN', 409, `替换文件中有 ${unreviewed.length} 处未经保密审查的敏感信息（${[...new Set(unreviewed.map((f) => f.text))].slice(0, 5).join('、')}），请处理后重新上传，或撤下该附件`);
    }
    const phrases = (await tx.selectFrom('item_redactions').select('phrase').where('item_id', '=', row.id).execute()).map((r) => r.phrase);
    await publicCopy(deps, { name: file.name, kind: file.kind, sha256 }, phrases, settled, 0);
    await tx.updateTable('item_attachments').set({ name: file.name, kind: file.kind, mime: file.mime, size, sha256, text: file.text, public_sha256: null }).where('id', '=', a.id).execute();
    await tx.deleteFrom('item_findings').where('source', '=', a.id).execute();
    const found = scanText(file.scanned).map((f) => {
      const s = settled.find((x) => x.kind === f.kind && x.text === f.text && x.status !== 'open')!;
      return { id: newId(), item_id: row.id, source: a.id, kind: f.kind, start: f.start, end: f.end, text: f.text, status: s.status, reason: s.reason, resolved_by: actor.userId, resolved_at: isoNow(deps.clock) };
    });
    for (let i = 0; i < found.length; i += 200) await tx.insertInto('item_findings').values(found.slice(i, i + 200)).execute();
    const opinion = reason.trim() || `替换附件“${a.name}”`;
    await recordFileStep(tx, deps, actor, role, row.id, 'replace_attachment', opinion, { attachmentId: a.id, before: a.name, after: file.name });
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'item.attachment.replace', entityType: 'item', entityId: row.id, before: { attachmentId: a.id, name: a.name, sha256: a.sha256 }, after: { name: file.name, kind: file.kind, size, sha256, reason: opinion }, ip: actor.ip });
    return { id: a.id, name: file.name, kind: file.kind, mime: file.mime, size };
  });
}

/** Withdraws an attachment of an approved item (SEC-10): it will not be published; why is recorded. */
export async function withdrawAttachment(deps: Deps, actor: Actor, attachmentId: string, reason: string) {
  if (!reason.trim()) throw badRequest('REASON_REQUIRED', '请说明撤下附件的理由');
  await deps.db.transaction().execute(async (tx) => {
    const { a, row, role } = await approvedAttachment(tx, actor, attachmentId);
    await tx.deleteFrom('item_findings').where('source', '=', a.id).execute();
    await tx.deleteFrom('item_attachments').where('id', '=', a.id).execute();
    await recordFileStep(tx, deps, actor, role, row.id, 'withdraw_attachment', reason.trim(), { attachmentId: a.id, name: a.name });
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'item.attachment.withdraw', entityType: 'item', entityId: row.id, before: { attachmentId: a.id, name: a.name, sha256: a.sha256 }, after: { reason: reason.trim() }, ip: actor.ip });
  });
}

/** The original file, for staff of the agency only; the public gets the published copy. */
export async function originalAttachment(deps: Deps, actor: Actor, attachmentId: string) {
  const a = await deps.db.selectFrom('item_attachments').selectAll().where('id', '=', attachmentId).executeTakeFirst();
  if (!a) throw notFound('附件');
  await readableItem(deps.db, actor, a.item_id);
  return { name: a.name, mime: a.mime, bytes: await readStoredFile(filesRoot(deps.dataDir), a.sha256) };
}
