import ExcelJS from 'exceljs';
import { isoDate } from '../../core/calendar.ts';
import { chinaDateTimeOf, chinaToday, isoNow, type Clock } from '../../core/clock.ts';
import { AppError, badRequest, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { offsetOf, type Paging } from '../../core/paging.ts';
import type { Db, Tx } from '../../db/database.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { auditActor, requireRoleIn, type Actor } from '../auth/actor.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { meetDeadline, openDeadline, presentDeadline, setDeadline } from '../deadlines/deadlines.service.ts';
import { ITEM_ROLES } from '../documents/documents.repo.ts';
import type { Problem } from '../documents/documents.rules.ts';
import { FINDING_LABELS, scanText, type FindingKind } from '../documents/scanner.ts';
import type { Role } from '../org/org.rules.ts';
import {
  ADOPTIONS, COMMENTS_PER_PHONE_PER_DAY, adoptionCounts, allowedActions, commentErrors, earliestClose, feedbackProblems, markProblems, phaseOf, transitionFor,
  windowProblems, type Action, type Adoption, type Phase,
} from './consultation.rules.ts';
import type { ConsultationTable } from './consultation.tables.ts';

export type Deps = { db: Db; clock: Clock };

/** FIVE-1: the feedback is published within this many working days of the window's close, unless the agency sets another figure. */
export const DEFAULT_FEEDBACK_WORKDAYS = 20;
const FEEDBACK_RULE = 'FIVE-1';
export const feedbackSubject = (id: string) => ({ type: 'consultation_feedback', id });

function refuse(problems: Problem[]): void {
  if (!problems.length) return;
  throw new AppError(problems[0]!.code, 400, problems.map((p) => p.message).join('；'), { problems });
}

export async function feedbackWorkdays(tx: Tx, agencyId: string): Promise<number> {
  const row = await tx.selectFrom('consultation_settings').select('feedback_workdays').where('agency_id', '=', agencyId).executeTakeFirst();
  return row?.feedback_workdays ?? DEFAULT_FEEDBACK_WORKDAYS;
}

export async function consultationSettings(deps: Deps, actor: Actor) {
  requireRoleIn(actor, ITEM_ROLES, actor.agencyId);
  return { feedbackWorkdays: await feedbackWorkdays(deps.db, actor.agencyId) };
}

/** The office sets the agency's term for publishing the feedback, audited. */
export async function updateConsultationSettings(deps: Deps, actor: Actor, input: { feedbackWorkdays: number }) {
  const role = requireRoleIn(actor, ['office'], actor.agencyId);
  return deps.db.transaction().execute(async (tx) => {
    const before = await feedbackWorkdays(tx, actor.agencyId);
    const values = { feedback_workdays: input.feedbackWorkdays, updated_at: isoNow(deps.clock) };
    await tx.insertInto('consultation_settings').values({ agency_id: actor.agencyId, ...values }).onConflict((oc) => oc.column('agency_id').doUpdateSet(values)).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: actor.agencyId, action: 'consultation.settings.update', entityType: 'agency', entityId: actor.agencyId, before: { feedbackWorkdays: before }, after: input, ip: actor.ip });
    return { feedbackWorkdays: input.feedbackWorkdays };
  });
}

const heldRoles = (actor: Actor, agencyId: string): Role[] => ITEM_ROLES.filter((r) => actor.reach.get(r)?.has(agencyId));

async function readable(tx: Tx, actor: Actor, id: string) {
  const row = await tx.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('征求意见');
  requireRoleIn(actor, ITEM_ROLES, row.agency_id);
  return row;
}

/** The role the actor acts in for `action`, refusing with the phase's name when the workflow does not allow it. */
function permitted(actor: Actor, row: ConsultationTable, phase: Phase, action: Action): Role {
  const t = transitionFor(phase, action);
  if (!t) throw new AppError('ACTION_NOT_ALLOWED', 409, phaseRefusal(phase, action));
  return requireRoleIn(actor, t.roles, row.agency_id);
}

function phaseRefusal(phase: Phase, action: Action): string {
  if (action === 'mark' || action === 'publish_feedback') return phase === 'open' ? '征求意见期限尚未届满，期满后才能登记采纳情况和公布反馈' : '该征求意见不在可登记采纳情况的阶段';
  return '该征求意见已发布，不能再执行此操作';
}

const summaryOf = (r: ConsultationTable, today: string) => ({
  id: r.id, itemId: r.item_id, title: r.title, unit: r.unit, normative: r.normative === 1, opensOn: r.opens_on, closesOn: r.closes_on,
  howToComment: r.how_to_comment, shortBasis: r.short_basis, state: r.state, phase: phaseOf(r.state, r.closes_on, today),
  feedbackSummary: r.feedback_summary, openedAt: r.opened_at, feedbackPublishedAt: r.feedback_published_at, updatedAt: r.updated_at,
});

export async function listConsultations(deps: Deps, actor: Actor, page: Paging) {
  requireRoleIn(actor, ITEM_ROLES, actor.agencyId);
  const q = deps.db.selectFrom('consultations').where('agency_id', '=', actor.agencyId);
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('created_at', 'desc').limit(page.pageSize).offset(offsetOf(page)).execute();
  const counts = rows.length
    ? await deps.db.selectFrom('consultation_comments').select(['consultation_id', (eb) => eb.fn.countAll<number>().as('n')]).where('consultation_id', 'in', rows.map((r) => r.id)).groupBy('consultation_id').execute()
    : [];
  const today = chinaToday(deps.clock);
  return { ...page, total: Number(total), items: rows.map((r) => ({ ...summaryOf(r, today), comments: Number(counts.find((c) => c.consultation_id === r.id)?.n ?? 0) })) };
}

export type ConsultationInput = { itemId: string; title?: string | undefined; unit: string; normative: boolean; closesOn: string; howToComment: string; shortBasis?: string | undefined };

/** The draft item: the agency's own, published (the documents chain's secrecy review and leader approval done). */
async function draftItem(tx: Tx, agencyId: string, itemId: string) {
  const item = await tx.selectFrom('items').select(['id', 'agency_id', 'title', 'state', 'published_at', 'policy_level']).where('id', '=', itemId).executeTakeFirst();
  if (!item || item.agency_id !== agencyId) throw badRequest('DRAFT_ITEM_NOT_FOUND', '请选择本机关的信息作为征求意见稿');
  return item;
}

function fields(input: ConsultationInput, itemTitle: string) {
  const blank = (k: string, label: string, v: string) => (v.trim() ? [] : [{ code: `${k}_REQUIRED`, message: `请填写${label}` }]);
  refuse([...blank('UNIT', '起草单位', input.unit), ...blank('HOW', '意见反馈方式', input.howToComment)]);
  return {
    item_id: input.itemId, title: input.title?.trim() || itemTitle, unit: input.unit.trim(), normative: input.normative ? 1 : 0, closes_on: input.closesOn,
    how_to_comment: input.howToComment.trim(), short_basis: input.shortBasis?.trim() ?? '',
  };
}

/** The office prepares a consultation on a draft item; it opens later, after the item is published. */
export async function createConsultation(deps: Deps, actor: Actor, input: ConsultationInput) {
  const role = requireRoleIn(actor, ['office'], actor.agencyId);
  return deps.db.transaction().execute(async (tx) => {
    const item = await draftItem(tx, actor.agencyId, input.itemId);
    const now = isoNow(deps.clock);
    const id = newId();
    const values = fields(input, item.title);
    await tx.insertInto('consultations').values({ id, agency_id: actor.agencyId, ...values, opens_on: chinaToday(deps.clock), state: 'draft', feedback_summary: '', opened_at: null, feedback_published_at: null, created_by: actor.userId, created_at: now, updated_at: now }).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: actor.agencyId, action: 'consultation.create', entityType: 'consultation', entityId: id, after: values, ip: actor.ip });
    return id;
  });
}

export async function updateConsultation(deps: Deps, actor: Actor, id: string, input: ConsultationInput) {
  await deps.db.transaction().execute(async (tx) => {
    const row = await readable(tx, actor, id);
    const role = permitted(actor, row, phaseOf(row.state, row.closes_on, chinaToday(deps.clock)), 'withdraw');
    const item = await draftItem(tx, row.agency_id, input.itemId);
    const values = fields(input, item.title);
    await tx.updateTable('consultations').set({ ...values, updated_at: isoNow(deps.clock) }).where('id', '=', id).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'consultation.update', entityType: 'consultation', entityId: id, before: row, after: values, ip: actor.ip });
  });
}

export async function deleteConsultation(deps: Deps, actor: Actor, id: string) {
  await deps.db.transaction().execute(async (tx) => {
    const row = await readable(tx, actor, id);
    const role = permitted(actor, row, phaseOf(row.state, row.closes_on, chinaToday(deps.clock)), 'withdraw');
    await tx.deleteFrom('consultations').where('id', '=', id).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'consultation.delete', entityType: 'consultation', entityId: id, before: row, ip: actor.ip });
  });
}

/**
 * Opens the window today (FIVE-1): the draft item must be published, which needs the same
 * secrecy review and leader approval as any item; the window must meet the rule or carry its
 * legal basis. The feedback's clock is stored now, counted from the window's last day.
 */
export async function openConsultation(deps: Deps, actor: Actor, id: string) {
  await deps.db.transaction().execute(async (tx) => {
    const row = await readable(tx, actor, id);
    const today = chinaToday(deps.clock);
    const role = permitted(actor, row, phaseOf(row.state, row.closes_on, today), 'open');
    const item = await draftItem(tx, row.agency_id, row.item_id);
    if (item.state !== 'published' || !item.published_at) {
      throw new AppError('DRAFT_NOT_PUBLISHED', 409, '征求意见稿须经保密审查和领导审批并发布后，才能公开征求意见');
    }
    const cal = await loadCalendar(tx);
    refuse(windowProblems(cal, { opensOn: isoDate(today), closesOn: isoDate(row.closes_on), normative: row.normative === 1, shortBasis: row.short_basis }));
    const now = isoNow(deps.clock);
    await tx.updateTable('consultations').set({ state: 'open', opens_on: today, opened_at: now, updated_at: now }).where('id', '=', id).execute();
    const n = await feedbackWorkdays(tx, row.agency_id);
    // The term starts with the window's last day (23:59:59 Beijing time), so day 1 is the next working day.
    await setDeadline(tx, cal, deps.clock, { agencyId: row.agency_id, ...feedbackSubject(id) }, { rule: FEEDBACK_RULE, term: { unit: 'workdays', n }, startedAt: new Date(`${row.closes_on}T23:59:59+08:00`).toISOString(), startedAs: '征求意见截止' });
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'consultation.open', entityType: 'consultation', entityId: id, after: { opensOn: today, closesOn: row.closes_on, shortBasis: row.short_basis }, ip: actor.ip });
  });
}

const mask = (name: string) => (name ? `${name.slice(0, 1)}${'*'.repeat(Math.max(1, name.length - 1))}` : '');
const flagsOf = (json: string) => (JSON.parse(json) as FindingKind[]).map((k) => ({ kind: k, label: FINDING_LABELS[k] }));

/** A consultation with its comments for the agency's staff: the commenter's name masked, the phone never shown. */
export async function getConsultation(deps: Deps, actor: Actor, id: string) {
  const row = await readable(deps.db, actor, id);
  const today = chinaToday(deps.clock);
  const phase = phaseOf(row.state, row.closes_on, today);
  const comments = await deps.db.selectFrom('consultation_comments').selectAll().where('consultation_id', '=', id).orderBy('submitted_at').execute();
  const deadline = await deps.db.selectFrom('deadlines').select(['spec_json']).where('subject_type', '=', feedbackSubject(id).type).where('subject_id', '=', id).where('rule', '=', FEEDBACK_RULE).executeTakeFirst();
  const cal = await loadCalendar(deps.db);
  return {
    ...summaryOf(row, today),
    actions: allowedActions(phase, heldRoles(actor, row.agency_id)),
    earliestClose: earliestClose(cal, isoDate(today), row.normative === 1),
    feedbackDeadline: deadline ? presentDeadline(cal, deadline, isoNow(deps.clock)) : null,
    counts: adoptionCounts(comments.map((c) => c.adoption).filter((a): a is Adoption => a !== null)),
    comments: comments.map((c) => ({
      id: c.id, commenter: mask(c.name), content: c.content, submittedAt: c.submitted_at, flags: flagsOf(c.flags_json), adoption: c.adoption, reason: c.reason, markedAt: c.marked_at,
    })),
  };
}

/** FIVE-1: a comment is marked after the window with its reason. */
export async function markComment(deps: Deps, actor: Actor, commentId: string, input: { adoption: string; reason: string }) {
  await deps.db.transaction().execute(async (tx) => {
    const c = await tx.selectFrom('consultation_comments').select(['id', 'consultation_id', 'adoption', 'reason']).where('id', '=', commentId).executeTakeFirst();
    if (!c) throw notFound('意见');
    const row = await readable(tx, actor, c.consultation_id);
    const role = permitted(actor, row, phaseOf(row.state, row.closes_on, chinaToday(deps.clock)), 'mark');
    refuse(markProblems(input.adoption, input.reason));
    await tx.updateTable('consultation_comments').set({ adoption: input.adoption as Adoption, reason: input.reason.trim(), marked_by: actor.userId, marked_at: isoNow(deps.clock) }).where('id', '=', c.id).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'consultation.comment.mark', entityType: 'consultation', entityId: row.id, before: { commentId: c.id, adoption: c.adoption, reason: c.reason }, after: { commentId: c.id, ...input }, ip: actor.ip });
  });
}

/** FIVE-1: the office publishes the feedback (意见采纳情况); its clock is met. */
export async function publishFeedback(deps: Deps, actor: Actor, id: string, summary: string) {
  await deps.db.transaction().execute(async (tx) => {
    const row = await readable(tx, actor, id);
    const role = permitted(actor, row, phaseOf(row.state, row.closes_on, chinaToday(deps.clock)), 'publish_feedback');
    const marks = await tx.selectFrom('consultation_comments').select('adoption').where('consultation_id', '=', id).execute();
    refuse(feedbackProblems({ comments: marks.length, unmarked: marks.filter((m) => !m.adoption).length, summary }));
    const now = isoNow(deps.clock);
    await tx.updateTable('consultations').set({ state: 'feedback_published', feedback_summary: summary.trim(), feedback_published_at: now, updated_at: now }).where('id', '=', id).execute();
    await meetDeadline(tx, feedbackSubject(id), FEEDBACK_RULE, now);
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'consultation.feedback.publish', entityType: 'consultation', entityId: id, after: { summary: summary.trim(), ...adoptionCounts(marks.map((m) => m.adoption!)) }, ip: actor.ip });
  });
}

/** The comments as an Excel workbook, the form the drafting unit sorts them in (no name or phone). */
export async function commentsWorkbook(deps: Deps, actor: Actor, id: string): Promise<{ title: string; bytes: Buffer }> {
  const c = await getConsultation(deps, actor, id);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('意见汇总');
  sheet.columns = [
    { header: '序号', key: 'n', width: 6 }, { header: '提交时间', key: 'at', width: 18 }, { header: '提交人', key: 'who', width: 10 }, { header: '意见内容', key: 'content', width: 70 },
    { header: '含个人信息', key: 'flags', width: 14 }, { header: '采纳情况', key: 'adoption', width: 10 }, { header: '理由', key: 'reason', width: 40 },
  ];
  c.comments.forEach((m, i) => sheet.addRow({
    n: i + 1, at: chinaDateTimeOf(m.submittedAt), who: m.commenter, content: m.content, flags: m.flags.map((f) => f.label).join('、'), adoption: m.adoption ? ADOPTIONS[m.adoption] : '', reason: m.reason,
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn('content').alignment = { wrapText: true, vertical: 'top' };
  return { title: c.title, bytes: Buffer.from(await book.xlsx.writeBuffer()) };
}

/** What waits for the office: closed windows whose feedback is not yet published, with the clock. */
export async function consultationTodos(deps: Deps, actor: Actor) {
  if (!actor.reach.get('office')?.has(actor.agencyId)) return [];
  const today = chinaToday(deps.clock);
  const rows = await deps.db.selectFrom('consultations').selectAll().where('agency_id', '=', actor.agencyId).where('state', '=', 'open').where('closes_on', '<', today).execute();
  if (!rows.length) return [];
  const cal = await loadCalendar(deps.db);
  const now = isoNow(deps.clock);
  const out = [];
  for (const r of rows) {
    const d = await openDeadline(deps.db, feedbackSubject(r.id), FEEDBACK_RULE);
    const view = d ? presentDeadline(cal, d, now) : null;
    out.push({ id: r.id, kind: 'consultation', title: `待公布意见采纳情况：${r.title}`, due: view?.dueDate ?? null, light: view?.light ?? null, link: `/consultation/${r.id}`, attribute: null });
  }
  return out;
}

// ---- the public side ----

export type CommentInput = { name: string; phone: string; content: string; token: string };

/** Open, closed and answered consultations of an agency, newest first (drafts are never public). */
export async function publicConsultations(db: Db, agencyId: string, today: string) {
  const rows = await db.selectFrom('consultations').selectAll().where('agency_id', '=', agencyId).where('state', '!=', 'draft').orderBy('opens_on', 'desc').orderBy('created_at', 'desc').execute();
  return rows.map((r) => summaryOf(r, today));
}

/** One public consultation, with its published feedback counts once there are any. */
export async function publicConsultation(db: Db, agencyId: string, id: string, today: string) {
  const row = await db.selectFrom('consultations').selectAll().where('id', '=', id).where('agency_id', '=', agencyId).where('state', '!=', 'draft').executeTakeFirst();
  if (!row) return null;
  const counts = row.state === 'feedback_published'
    ? adoptionCounts((await db.selectFrom('consultation_comments').select('adoption').where('consultation_id', '=', id).execute()).map((m) => m.adoption!))
    : null;
  return { ...summaryOf(row, today), counts };
}

/** Field errors of a comment a citizen sends, and the refusal when the window is not open. */
export class CommentRefused extends Error {
  constructor(readonly errors: Record<string, string>) {
    super('comment refused');
  }
}

/**
 * A citizen's comment (FIVE-1): only while the window is open, within the form's limits and
 * the per-phone daily limit; name and phone sealed; content the scanner finds personal data
 * in is flagged to the handler. A resubmitted page (same token) is not a second comment.
 */
export async function submitComment(deps: Deps, agencyId: string, id: string, input: CommentInput): Promise<void> {
  const errors = commentErrors(input);
  if (Object.keys(errors).length) throw new CommentRefused(errors);
  await deps.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('consultations').selectAll().where('id', '=', id).where('agency_id', '=', agencyId).executeTakeFirst();
    if (!row || row.state === 'draft') throw notFound('征求意见');
    if (phaseOf(row.state, row.closes_on, chinaToday(deps.clock)) !== 'open') throw new CommentRefused({ content: '征求意见期限已届满，不再接收意见' });
    if (await tx.selectFrom('consultation_comments').select('id').where('submission_token', '=', input.token).executeTakeFirst()) return;
    const now = isoNow(deps.clock);
    const since = new Date(deps.clock().getTime() - 86_400_000).toISOString();
    const recent = await tx.selectFrom('consultation_comments').select((eb) => eb.fn.countAll<number>().as('n')).where('phone', '=', input.phone.trim()).where('consultation_id', '=', id).where('submitted_at', '>', since).executeTakeFirstOrThrow();
    if (Number(recent.n) >= COMMENTS_PER_PHONE_PER_DAY) throw new CommentRefused({ phone: `同一联系电话每天对同一事项最多提交${COMMENTS_PER_PHONE_PER_DAY}条意见，请明天再提交或合并为一条` });
    const flags = [...new Set(scanText(input.content).filter((f) => f.kind !== 'secrecy_mark').map((f) => f.kind))];
    await tx.insertInto('consultation_comments').values({
      id: newId(), consultation_id: id, name: input.name.trim(), phone: input.phone.trim(), content: input.content.trim(), submission_token: input.token,
      flags_json: JSON.stringify(flags), submitted_at: now, adoption: null, reason: '', marked_by: null, marked_at: null,
    }).onConflict((oc) => oc.column('submission_token').doNothing()).execute(); // a double click racing the check above
  });
}
