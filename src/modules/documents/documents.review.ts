import { isoNow } from '../../core/clock.ts';
import { computeDeadline, type DeadlineSpec } from '../../core/deadline.ts';
import { AppError, badRequest, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Tx } from '../../db/database.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { auditActor, requireRoleIn, type Actor } from '../auth/actor.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { meetDeadline, openDeadline, setDeadline } from '../deadlines/deadlines.service.ts';
import type { ConsultationFacts } from './documents.rules.ts';
import type { ItemConsultationTable, ItemTable } from './documents.tables.ts';
import { readableItem, type Deps } from './documents.repo.ts';

/**
 * The review's side conversations: co-makers (SEC-7, LAW-34), third parties (LAW-32), the
 * secrecy authority (SEC-8); the collective decision on a major item (SEC-4); and the
 * phrases to remove for partial disclosure (SEC-10, LAW-37).
 */

const TERMS: Record<ItemConsultationTable['kind'], { rule: string; n: number }> = {
  joint: { rule: 'LAW-34', n: 15 },
  third_party: { rule: 'LAW-32', n: 15 },
  referral: { rule: 'SEC-8', n: 7 },
};
const REVIEWERS = ['office', 'secrecy_reviewer'] as const;
const consultationSubject = (id: string) => ({ type: 'consultation', id });

export async function consultationFacts(tx: Tx, itemId: string, now: string): Promise<ConsultationFacts[]> {
  const rows = await tx.selectFrom('item_consultations').selectAll().where('item_id', '=', itemId).execute();
  if (!rows.length) return [];
  const cal = await loadCalendar(tx);
  const out: ConsultationFacts[] = [];
  for (const c of rows) {
    const deadline = await openDeadline(tx, consultationSubject(c.id), TERMS[c.kind].rule);
    const expired = deadline ? computeDeadline(cal, JSON.parse(deadline.spec_json) as DeadlineSpec, now).state === 'overdue' : false;
    out.push({ id: c.id, kind: c.kind, party: c.party, answer: c.answer, expired, overrideReason: c.override_reason });
  }
  return out;
}

async function startConsultation(tx: Tx, deps: Deps, actor: Actor, row: ItemTable, kind: ItemConsultationTable['kind'], party: string) {
  const now = isoNow(deps.clock);
  const id = newId();
  await tx.insertInto('item_consultations').values({ id, item_id: row.id, kind, party, requested_at: now, answer: null, answer_text: '', answered_at: null, override_reason: '', extended_at: null, created_by: actor.userId }).execute();
  const { rule, n } = TERMS[kind];
  await setDeadline(tx, await loadCalendar(tx), deps.clock, { agencyId: row.agency_id, ...consultationSubject(id) }, { rule, term: { unit: 'workdays', n }, startedAt: now });
  return id;
}

/** Asks a co-maker or a third party in writing; their term is 15 working days. */
export async function addConsultation(deps: Deps, actor: Actor, itemId: string, kind: 'joint' | 'third_party', party: string) {
  return deps.db.transaction().execute(async (tx) => {
    const row = await readableItem(tx, actor, itemId);
    const role = requireRoleIn(actor, REVIEWERS, row.agency_id);
    if (!['dept_review', 'secrecy_review'].includes(row.state)) throw badRequest('ITEM_NOT_IN_REVIEW', '只能在审查阶段征求意见');
    const id = await startConsultation(tx, deps, actor, row, kind, party);
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: `item.consultation.${kind}`, entityType: 'item', entityId: row.id, after: { consultationId: id, party }, ip: actor.ip });
    return id;
  });
}

export type ConsultationAnswer = { answer: 'consent' | 'refuse'; text: string; overrideReason?: string | undefined };

/**
 * Records a co-maker's or third party's written answer. A third party's refusal may be
 * overridden for a major public interest, with the reason and written notice (LAW-32).
 */
export async function answerConsultation(deps: Deps, actor: Actor, consultationId: string, input: ConsultationAnswer) {
  await deps.db.transaction().execute(async (tx) => {
    const c = await tx.selectFrom('item_consultations').selectAll().where('id', '=', consultationId).executeTakeFirst();
    if (!c || c.kind === 'referral') throw notFound('征求意见记录');
    const row = await readableItem(tx, actor, c.item_id);
    const role = requireRoleIn(actor, REVIEWERS, row.agency_id);
    if (input.overrideReason && (c.kind !== 'third_party' || input.answer !== 'refuse')) {
      throw badRequest('OVERRIDE_NOT_APPLICABLE', '只有第三方不同意公开时才能以公共利益为由决定公开');
    }
    // LAW-32: the agency decides after the answer, so an override may follow a recorded refusal.
    const lateOverride = c.answer === 'refuse' && !c.override_reason && Boolean(input.overrideReason);
    if (c.answer !== null && !lateOverride) throw badRequest('CONSULTATION_ANSWERED', '该意见已登记');
    const now = isoNow(deps.clock);
    if (lateOverride) {
      await tx.updateTable('item_consultations').set({ override_reason: input.overrideReason! }).where('id', '=', c.id).execute();
    } else {
      await tx.updateTable('item_consultations').set({ answer: input.answer, answer_text: input.text, answered_at: now, override_reason: input.overrideReason ?? '' }).where('id', '=', c.id).execute();
      await meetDeadline(tx, consultationSubject(c.id), TERMS[c.kind].rule, now);
    }
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'item.consultation.answer', entityType: 'item', entityId: row.id, after: { consultationId: c.id, ...input }, ip: actor.ip });
  });
}

/** SEC-8: 需报审 sends the text and a letter to the secrecy authority, which has 7 working days. */
export async function openReferral(tx: Tx, deps: Deps, actor: Actor, row: ItemTable, letter: string) {
  await startConsultation(tx, deps, actor, row, 'referral', `保密行政管理部门（报审函：${letter.slice(0, 200)}）`);
}

export async function answerReferral(tx: Tx, deps: Deps, row: ItemTable, answer: string) {
  const referral = await tx.selectFrom('item_consultations').selectAll().where('item_id', '=', row.id).where('kind', '=', 'referral').where('answer', 'is', null).executeTakeFirst();
  if (!referral) throw badRequest('REFERRAL_MISSING', '没有待答复的报审');
  const now = isoNow(deps.clock);
  await tx.updateTable('item_consultations').set({ answer: 'answered', answer_text: answer, answered_at: now }).where('id', '=', referral.id).execute();
  await meetDeadline(tx, consultationSubject(referral.id), 'SEC-8', now);
}

/** SEC-8: the authority may extend once, by at most 7 working days, and must say so before the first term ends. */
export async function extendReferral(deps: Deps, actor: Actor, itemId: string, note: string) {
  await deps.db.transaction().execute(async (tx) => {
    const row = await readableItem(tx, actor, itemId);
    const role = requireRoleIn(actor, ['office'], row.agency_id);
    const referral = await tx.selectFrom('item_consultations').selectAll().where('item_id', '=', row.id).where('kind', '=', 'referral').where('answer', 'is', null).executeTakeFirst();
    if (!referral) throw badRequest('REFERRAL_MISSING', '没有待答复的报审');
    if (referral.extended_at) throw badRequest('REFERRAL_ALREADY_EXTENDED', '报审期限只能延长一次');
    const deadline = await openDeadline(tx, consultationSubject(referral.id), 'SEC-8');
    const spec = JSON.parse(deadline!.spec_json) as DeadlineSpec;
    const cal = await loadCalendar(tx);
    const now = isoNow(deps.clock);
    if (computeDeadline(cal, spec, now).state === 'overdue') throw new AppError('REFERRAL_TERM_PASSED', 409, '首个期限已过，不能再延长');
    await setDeadline(tx, cal, deps.clock, { agencyId: row.agency_id, ...consultationSubject(referral.id) }, { ...spec, extension: { n: 7, approvedAt: now, approvedBy: note, rule: 'SEC-8' } });
    await tx.updateTable('item_consultations').set({ extended_at: now }).where('id', '=', referral.id).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'item.referral.extend', entityType: 'item', entityId: row.id, after: { note }, ip: actor.ip });
  });
}

/** SEC-3, SEC-4: the 局务会 or 党组会 decision on a major item, recorded by the office. */
export async function recordCollectiveDecision(deps: Deps, actor: Actor, itemId: string, decision: string) {
  await deps.db.transaction().execute(async (tx) => {
    const row = await readableItem(tx, actor, itemId);
    const role = requireRoleIn(actor, ['office'], row.agency_id);
    if (!['secrecy_review', 'leader_approval'].includes(row.state)) throw badRequest('ITEM_NOT_IN_REVIEW', '只能在审查或审批阶段登记会议决定');
    await tx.updateTable('items').set({ collective_decision: decision, updated_at: isoNow(deps.clock) }).where('id', '=', row.id).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'item.collective_decision', entityType: 'item', entityId: row.id, before: { decision: row.collective_decision }, after: { decision }, ip: actor.ip });
  });
}

const EDITABLE_REDACTIONS = ['secrecy_review', 'leader_approval'];

/** SEC-10, LAW-37: the reviewer marks text to remove from the public version of body and files. */
export async function addRedaction(deps: Deps, actor: Actor, itemId: string, phrase: string, reason: string) {
  return deps.db.transaction().execute(async (tx) => {
    const row = await readableItem(tx, actor, itemId);
    const role = requireRoleIn(actor, ['secrecy_reviewer'], row.agency_id);
    if (!EDITABLE_REDACTIONS.includes(row.state)) throw badRequest('ITEM_NOT_IN_REVIEW', '只能在保密审查或审批阶段标记删除内容');
    const id = newId();
    await tx.insertInto('item_redactions').values({ id, item_id: row.id, phrase, reason, created_by: actor.userId, created_at: isoNow(deps.clock) }).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'item.redaction.add', entityType: 'item', entityId: row.id, after: { redactionId: id, length: phrase.length, reason }, ip: actor.ip });
    return id;
  });
}

export async function removeRedaction(deps: Deps, actor: Actor, redactionId: string) {
  await deps.db.transaction().execute(async (tx) => {
    const r = await tx.selectFrom('item_redactions').selectAll().where('id', '=', redactionId).executeTakeFirst();
    if (!r) throw notFound('删除标记');
    const row = await readableItem(tx, actor, r.item_id);
    const role = requireRoleIn(actor, ['secrecy_reviewer'], row.agency_id);
    if (!EDITABLE_REDACTIONS.includes(row.state)) throw badRequest('ITEM_NOT_IN_REVIEW', '只能在保密审查或审批阶段修改删除标记');
    await tx.deleteFrom('item_redactions').where('id', '=', r.id).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'item.redaction.remove', entityType: 'item', entityId: row.id, before: { redactionId: r.id, reason: r.reason }, ip: actor.ip });
  });
}
