import { isoNow } from '../../core/clock.ts';
import { AppError, badRequest, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Tx } from '../../db/database.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { auditActor, requireRoleIn, type Actor } from '../auth/actor.ts';
import type { FileKind } from '../files/sniff.ts';
import { readStoredFile } from '../files/store.ts';
import { inspectText } from '../files/text.ts';
import { filesRoot } from './documents.publication.ts';
import { resolutionProblems, type FindingStatus } from './documents.rules.ts';
import type { ItemFindingTable, ItemTable } from './documents.tables.ts';
import { readableItem, type Deps } from './documents.repo.ts';
import { FINDING_LABELS, scanText, type FindingKind } from './scanner.ts';

/**
 * Everything of a stored attachment the check reads: the text a reader sees and what the file
 * carries out of sight (comments, deleted text, properties, metadata…). It is read from the
 * file each time, so the text kept in the database for search can stay bounded.
 */
export async function attachmentScanText(deps: Pick<Deps, 'dataDir'>, a: { kind: string; sha256: string }): Promise<string> {
  return inspectText(a.kind as FileKind, await readStoredFile(filesRoot(deps.dataDir), a.sha256));
}

/**
 * The sensitive-content check (SEC-2, SEC-6) over the body and every attachment, whole.
 * It runs at each submission; a finding already settled keeps its settlement when the same
 * text is found again in the same place, so a resubmission does not undo the review.
 */
export async function rescan(tx: Tx, deps: Pick<Deps, 'dataDir'>, row: Pick<ItemTable, 'id' | 'body'>, more: { source: string; text: string }[] = []): Promise<number> {
  const attachments = await tx.selectFrom('item_attachments').select(['id', 'kind', 'sha256']).where('item_id', '=', row.id).execute();
  const sources = [{ source: 'body', text: row.body }, ...more];
  for (const a of attachments) sources.push({ source: a.id, text: await attachmentScanText(deps, a) });
  const previous = await tx.selectFrom('item_findings').selectAll().where('item_id', '=', row.id).execute();
  const settled = new Map(previous.filter((f) => f.status !== 'open').map((f) => [`${f.source}|${f.kind}|${f.text}`, f]));
  await tx.deleteFrom('item_findings').where('item_id', '=', row.id).execute();
  const rows: ItemFindingTable[] = sources.flatMap(({ source, text }) =>
    scanText(text).map((f) => {
      const kept = settled.get(`${source}|${f.kind}|${f.text}`);
      return {
        id: newId(), item_id: row.id, source, kind: f.kind, start: f.start, end: f.end, text: f.text,
        status: kept?.status ?? 'open', reason: kept?.reason ?? '', resolved_by: kept?.resolved_by ?? null, resolved_at: kept?.resolved_at ?? null,
      };
    }),
  );
  for (let i = 0; i < rows.length; i += 200) await tx.insertInto('item_findings').values(rows.slice(i, i + 200)).execute();
  return rows.filter((r) => r.status === 'open').length;
}

/**
 * Settles a finding: `removed` marks its text for removal from the public version (it joins
 * the redactions, SEC-10); `accepted` keeps it public and needs the reason why that is lawful;
 * `not_a_mark` records that words found as a secrecy mark are not one, the only way a secrecy
 * mark is settled (SEC-6, see resolutionProblems).
 */
export async function resolveFinding(deps: Deps, actor: Actor, findingId: string, status: Exclude<FindingStatus, 'open'>, reason: string) {
  await deps.db.transaction().execute(async (tx) => {
    const finding = await tx.selectFrom('item_findings').selectAll().where('id', '=', findingId).executeTakeFirst();
    if (!finding) throw notFound('检查结果');
    const row = await readableItem(tx, actor, finding.item_id);
    const role = requireRoleIn(actor, ['secrecy_reviewer'], row.agency_id);
    if (!['secrecy_review', 'leader_approval'].includes(row.state)) throw badRequest('ITEM_NOT_IN_REVIEW', '只能在保密审查或审批阶段处理检查结果');
    const [problem] = resolutionProblems(finding.kind, status, reason);
    if (problem) throw new AppError(problem.code, problem.code === 'REASON_REQUIRED' ? 400 : 409, problem.message);
    const now = isoNow(deps.clock);
    const label = FINDING_LABELS[finding.kind as FindingKind] ?? finding.kind;
    // The same text may be found in several places (body and a file): settle them together.
    await tx.updateTable('item_findings').set({ status, reason: reason.trim() || label, resolved_by: actor.userId, resolved_at: now })
      .where('item_id', '=', row.id).where('kind', '=', finding.kind).where('text', '=', finding.text).execute();
    if (status === 'removed') {
      const exists = await tx.selectFrom('item_redactions').select('id').where('item_id', '=', row.id).where('phrase', '=', finding.text).executeTakeFirst();
      if (!exists) await tx.insertInto('item_redactions').values({ id: newId(), item_id: row.id, phrase: finding.text, reason: reason.trim() || `删除${label}`, created_by: actor.userId, created_at: now }).execute();
    }
    // The words of a secrecy mark are audited with the decision; personal data stays out of the log.
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: `item.finding.${status}`, entityType: 'item', entityId: row.id, after: { findingId, kind: finding.kind, reason, ...(finding.kind === 'secrecy_mark' && { text: finding.text }) }, ip: actor.ip });
  });
}
