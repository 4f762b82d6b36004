import { isoNow } from '../../core/clock.ts';
import { AppError, badRequest, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Tx } from '../../db/database.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { auditActor, requireRoleIn, type Actor } from '../auth/actor.ts';
import { readStoredFile, storeFile } from '../files/store.ts';
import { sniffFile } from '../files/sniff.ts';
import { extractText } from '../files/text.ts';
import { filesRoot } from './documents.publication.ts';
import { readableItem, type Deps } from './documents.repo.ts';

/**
 * Attachments: PDF, DOCX, XLSX and images, recognised by their content (a renamed file is
 * refused), stored once by content hash, their text kept for the sensitive-content check.
 */
async function attachableItem(tx: Tx, actor: Actor, itemId: string) {
  const row = await readableItem(tx, actor, itemId);
  const role = requireRoleIn(actor, ['drafter'], row.agency_id);
  if (row.state !== 'draft' || row.drafter_id !== actor.userId) throw badRequest('ITEM_NOT_DRAFT', '只有拟稿人可以在草稿阶段添加附件');
  return { row, role };
}

export async function addAttachment(deps: Deps, actor: Actor, itemId: string, upload: { filename: string; bytes: Uint8Array }) {
  // Refused before a byte is stored (issue 9): another agency's item leaves nothing on disk.
  await attachableItem(deps.db, actor, itemId);
  const sniffed = sniffFile(upload.bytes);
  if (!sniffed) throw new AppError('FILE_TYPE_NOT_ALLOWED', 415, `“${upload.filename}”不是允许的文件类型（PDF、Word、Excel、PNG、JPEG），以文件内容为准`);
  const text = await extractText(sniffed.kind, upload.bytes).catch(() => {
    throw badRequest('FILE_UNREADABLE', `“${upload.filename}”已损坏或无法读取`);
  });
  const { sha256, size } = await storeFile(filesRoot(deps.dataDir), upload.bytes);
  return deps.db.transaction().execute(async (tx) => {
    const { row, role } = await attachableItem(tx, actor, itemId);
    const id = newId();
    const name = upload.filename.replace(/[\\/]/g, '_').slice(0, 200) || `附件.${sniffed.ext}`;
    await tx.insertInto('item_attachments').values({ id, item_id: row.id, name, kind: sniffed.kind, mime: sniffed.mime, size, sha256, text, public_sha256: null, created_at: isoNow(deps.clock) }).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'item.attachment.add', entityType: 'item', entityId: row.id, after: { attachmentId: id, name, kind: sniffed.kind, size, sha256 }, ip: actor.ip });
    return { id, name, kind: sniffed.kind, mime: sniffed.mime, size };
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

/** The original file, for staff of the agency only; the public gets the published copy. */
export async function originalAttachment(deps: Deps, actor: Actor, attachmentId: string) {
  const a = await deps.db.selectFrom('item_attachments').selectAll().where('id', '=', attachmentId).executeTakeFirst();
  if (!a) throw notFound('附件');
  await readableItem(deps.db, actor, a.item_id);
  return { name: a.name, mime: a.mime, bytes: await readStoredFile(filesRoot(deps.dataDir), a.sha256) };
}
