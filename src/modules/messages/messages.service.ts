import { createHash } from 'node:crypto';
import { chinaDateOf, isoNow, type Clock } from '../../core/clock.ts';
import { AppError, badRequest, conflict, notFound } from '../../core/errors.ts';
import { newId, newToken } from '../../core/ids.ts';
import { offsetOf, type Page, type Paging } from '../../core/paging.ts';
import type { Db, Tx } from '../../db/database.ts';
import { maskName, maskPhone } from '../applications/applications.rules.ts';
import { appendAudit, type AuditActor } from '../audit/audit.service.ts';
import { auditActor, requireRoleIn, type Actor } from '../auth/actor.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { meetDeadline, presentDeadline, setDeadline } from '../deadlines/deadlines.service.ts';
import { scanText } from '../documents/scanner.ts';
import { redactText } from '../files/redact.ts';
import type { Role } from '../org/org.rules.ts';
import {
  ACTION_LABELS, allowedActions, answerSpec, canRate, citeMessageRule, DEFAULT_ANSWER_WORKDAYS, formProblems, keptTermSentence, LIMITS, MESSAGE_RULE, MESSAGE_SUBJECT,
  normalPhone, PHONE_DAILY_LIMIT, RATINGS, REFUSALS, STATES, STEP_LABELS, termProblem, transitionFor, type Action, type MessageForm, type Mover, type Rating,
  type Refusal, type State, type Transfer,
} from './messages.rules.ts';
import type { CitizenMessageTable } from './messages.tables.ts';

export type Deps = { db: Db; clock: Clock };

/** Staff who see the queue: the office, and the units' drafters and heads who answer. */
export const MESSAGE_ROLES: readonly Role[] = ['office', 'drafter', 'dept_head', 'leader', 'opinion_lead'];
const UNIT_ROLES: readonly Role[] = ['drafter', 'dept_head'];

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const subject = (id: string) => ({ type: MESSAGE_SUBJECT, id });
const transfersOf = (m: Pick<CitizenMessageTable, 'transfers_json'>) => JSON.parse(m.transfers_json) as Transfer[];

// ---- settings ----

export async function answerWorkdays(tx: Tx, agencyId: string): Promise<number> {
  const row = await tx.selectFrom('message_settings').select('answer_workdays').where('agency_id', '=', agencyId).executeTakeFirst();
  return row ? Number(row.answer_workdays) : DEFAULT_ANSWER_WORKDAYS;
}

export async function messageSettings(deps: Deps, actor: Actor) {
  requireRoleIn(actor, [...MESSAGE_ROLES, 'sys_admin'], actor.agencyId);
  return { answerWorkdays: await answerWorkdays(deps.db, actor.agencyId), defaultWorkdays: DEFAULT_ANSWER_WORKDAYS };
}

/** The office sets the agency's term; messages already received keep the term they were received under. */
export async function updateMessageSettings(deps: Deps, actor: Actor, input: { answerWorkdays: number }) {
  const role = requireRoleIn(actor, ['office', 'sys_admin'], actor.agencyId);
  const problem = termProblem(input.answerWorkdays);
  if (problem) throw badRequest('MESSAGE_TERM_INVALID', problem);
  await deps.db.transaction().execute(async (tx) => {
    const before = await answerWorkdays(tx, actor.agencyId);
    const values = { answer_workdays: input.answerWorkdays, updated_at: isoNow(deps.clock) };
    await tx.insertInto('message_settings').values({ agency_id: actor.agencyId, ...values }).onConflict((oc) => oc.column('agency_id').doUpdateSet(values)).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: actor.agencyId, action: 'citizen_message.settings.update', entityType: 'agency', entityId: actor.agencyId, before: { answerWorkdays: before }, after: { answerWorkdays: input.answerWorkdays }, ip: actor.ip });
  });
  return messageSettings(deps, actor);
}

// ---- the asker's side ----

export type Submitted = { id: string; token: string | null };

/**
 * A message from the portal (OP-6): checked against the form's limits and the per-phone
 * limit, stored with its answer term, and given a private link. A second submit of the same
 * form stores nothing more and returns no new link.
 */
export async function submitMessage(deps: Deps, agencyId: string, form: MessageForm, submissionToken: string, ip: string | null): Promise<Submitted> {
  const problems = formProblems(form);
  if (Object.keys(problems).length) throw badRequest('MESSAGE_INVALID', Object.values(problems).join('；'), { problems });
  const phone = normalPhone(form.phone.trim());
  const now = isoNow(deps.clock);
  return deps.db.transaction().execute(async (tx) => {
    const again = await tx.selectFrom('citizen_messages').select('id').where('submission_token', '=', submissionToken).executeTakeFirst();
    if (again) return { id: again.id, token: null };
    const since = new Date(deps.clock().getTime() - 24 * 3600_000).toISOString();
    const recent = await tx.selectFrom('citizen_messages').select((eb) => eb.fn.countAll<number>().as('n')).where('asker_phone', '=', phone).where('received_at', '>', since).executeTakeFirstOrThrow();
    if (Number(recent.n) >= PHONE_DAILY_LIMIT) throw new AppError('MESSAGE_PHONE_LIMIT', 429, `同一联系电话24小时内最多留言${PHONE_DAILY_LIMIT}条，请稍后再留言`);
    const id = newId();
    const token = newToken(24);
    await tx.insertInto('citizen_messages').values({
      id, agency_id: agencyId, topic: form.topic.trim(), content: form.content.trim(), asker_name: form.name.trim(), asker_phone: phone, token_hash: sha256(token),
      submission_token: submissionToken, state: 'received', unit_id: null, received_at: now, transfers_json: '[]', answer: null, answered_at: null, answered_by: null,
      refusal: null, refusal_reason: null, refused_at: null, public_topic: null, public_content: null, public_answer: null, published_at: null, rating: null, rated_at: null,
      created_at: now, updated_at: now,
    }).execute();
    await step(tx, deps, id, agencyId, null, '网民', 'submit', '');
    await setDeadline(tx, await loadCalendar(tx), deps.clock, { agencyId, ...subject(id) }, answerSpec(await answerWorkdays(tx, agencyId), now));
    // The asker's name and phone stay out of the audit trail.
    await appendAudit(tx, deps.clock, { actor: null, agencyId, action: 'citizen_message.submit', entityType: 'citizen_message', entityId: id, after: { topic: form.topic.trim() }, ip });
    return { id, token };
  });
}

async function byToken(db: Tx, token: string) {
  const row = token && token.length < 100 ? await db.selectFrom('citizen_messages').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst() : undefined;
  if (!row) throw notFound('留言');
  return row;
}

/** What the asker reads behind the private link: the message, where it is, the answer or the refusal's reason, the rating. */
export async function askerView(deps: Deps, token: string) {
  const m = await byToken(deps.db, token);
  const agency = await deps.db.selectFrom('agencies').select(['name', 'code']).where('id', '=', m.agency_id).executeTakeFirstOrThrow();
  const due = await clockOf(deps, m);
  return {
    id: m.id, agency, topic: m.topic, content: m.content, state: m.state, stateLabel: STATES[m.state], receivedAt: m.received_at,
    dueDate: due && !due.metAt ? due.view.dueDate : null,
    answer: m.state === 'published' ? m.answer : null, answeredAt: m.state === 'published' ? m.answered_at : null,
    refusal: m.refusal ? { kind: REFUSALS[m.refusal], reason: m.refusal_reason ?? '', at: m.refused_at } : null,
    rating: m.rating, canRate: canRate(m.state, m.rating),
  };
}

/** The asker rates the public answer once (满意 / 基本满意 / 不满意). */
export async function rateMessage(deps: Deps, token: string, rating: string, ip: string | null): Promise<void> {
  if (!Object.hasOwn(RATINGS, rating)) throw badRequest('MESSAGE_RATING_INVALID', '请选择满意、基本满意或不满意');
  await deps.db.transaction().execute(async (tx) => {
    const m = await byToken(tx, token);
    if (!canRate(m.state, m.rating)) throw conflict('MESSAGE_NOT_RATABLE', m.rating ? '您已经评价过这条留言的答复' : '答复公开后才能评价');
    const now = isoNow(deps.clock);
    await tx.updateTable('citizen_messages').set({ rating: rating as Rating, rated_at: now, updated_at: now }).where('id', '=', m.id).where('rating', 'is', null).execute();
    await step(tx, deps, m.id, m.agency_id, null, '网民', 'rate', RATINGS[rating as Rating]);
    await appendAudit(tx, deps.clock, { actor: null, agencyId: m.agency_id, action: 'citizen_message.rate', entityType: 'citizen_message', entityId: m.id, after: { rating }, ip });
  });
}

// ---- the public ----

const publicView = (m: CitizenMessageTable, unitName: string | null) => ({
  id: m.id, topic: m.public_topic ?? '', content: m.public_content ?? '', answer: m.public_answer ?? '', unit: unitName, receivedAt: m.received_at, answeredAt: m.answered_at!, publishedAt: m.published_at!,
});
export type PublicMessage = ReturnType<typeof publicView>;

export async function publicMessages(db: Db, agencyId: string, page: Paging): Promise<Page<PublicMessage>> {
  const q = db.selectFrom('citizen_messages').where('citizen_messages.agency_id', '=', agencyId).where('citizen_messages.state', '=', 'published');
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q.leftJoin('units', 'units.id', 'citizen_messages.unit_id').selectAll('citizen_messages').select('units.name as unit_name')
    .orderBy('citizen_messages.published_at', 'desc').orderBy('citizen_messages.id').limit(page.pageSize).offset(offsetOf(page)).execute();
  return { ...page, total: Number(total), items: rows.map((r) => publicView(r, r.unit_name)) };
}

export async function publicMessage(db: Db, agencyId: string, id: string): Promise<PublicMessage | null> {
  const r = await db.selectFrom('citizen_messages').leftJoin('units', 'units.id', 'citizen_messages.unit_id').selectAll('citizen_messages').select('units.name as unit_name')
    .where('citizen_messages.id', '=', id).where('citizen_messages.agency_id', '=', agencyId).where('citizen_messages.state', '=', 'published').executeTakeFirst();
  return r ? publicView(r, r.unit_name) : null;
}

/**
 * The published copy: the scanner's findings (ID numbers, phones, names after 姓名 …) and the
 * asker's own name and phone, wherever they were typed, are removed from question and answer.
 */
export function publicCopy(m: Pick<CitizenMessageTable, 'topic' | 'content' | 'answer' | 'asker_name' | 'asker_phone'>) {
  const own = [m.asker_name, m.asker_phone].filter((s) => s.trim().length >= 2);
  const clean = (text: string) => redactText(text, [...own, ...scanText(text).map((f) => f.text)]);
  return { topic: clean(m.topic), content: clean(m.content), answer: clean(m.answer ?? '') };
}

// ---- staff ----

async function step(tx: Tx, deps: Deps, messageId: string, agencyId: string, actorId: string | null, actorName: string, action: string, note: string) {
  await tx.insertInto('citizen_message_steps').values({ id: newId(), message_id: messageId, agency_id: agencyId, at: isoNow(deps.clock), actor_id: actorId, actor_name: actorName, action, note }).execute();
}

async function unitOf(db: Tx, userId: string): Promise<string | null> {
  return (await db.selectFrom('users').select('unit_id').where('id', '=', userId).executeTakeFirst())?.unit_id ?? null;
}

/** The parts the actor plays for this message: the office of its agency, the unit it is assigned to. */
async function moversOf(db: Tx, actor: Actor, m: Pick<CitizenMessageTable, 'agency_id' | 'unit_id'>): Promise<Mover[]> {
  const has = (roles: readonly Role[]) => roles.some((r) => actor.reach.get(r)?.has(m.agency_id));
  const out: Mover[] = [];
  if (has(['office'])) out.push('office');
  if (m.unit_id && has(UNIT_ROLES) && (await unitOf(db, actor.userId)) === m.unit_id) out.push('unit');
  return out;
}

/** The message's current clock: the one its agency keeps (after a transfer between agencies, the receiving agency's). */
const currentClock = (tx: Tx, m: Pick<CitizenMessageTable, 'id' | 'agency_id'>) =>
  tx.selectFrom('deadlines').selectAll().where('subject_type', '=', MESSAGE_SUBJECT).where('subject_id', '=', m.id).where('rule', '=', MESSAGE_RULE).where('agency_id', '=', m.agency_id).executeTakeFirst();

async function clockOf(deps: Deps, m: Pick<CitizenMessageTable, 'id' | 'agency_id' | 'transfers_json'>, cal?: Awaited<ReturnType<typeof loadCalendar>>) {
  const row = await currentClock(deps.db, m);
  if (!row) return null;
  const view = presentDeadline(cal ?? (await loadCalendar(deps.db)), row, isoNow(deps.clock), citeMessageRule);
  // A transfer between units leaves the term as it was; the explanation says so (OP-6).
  const kept = transfersOf(m).filter((t) => t.kind === 'unit').map((t) => keptTermSentence(t, chinaDateOf(t.at)));
  return { view: { ...view, explanation: [...view.explanation.slice(0, -1), ...kept, ...view.explanation.slice(-1)] }, metAt: row.met_at };
}

/** The asker's name and phone are shown whole only on the message itself, to the office and the assigned unit; lists mask them. */
const present = async (deps: Deps, actor: Actor, m: CitizenMessageTable & { unit_name: string | null }, cal: Awaited<ReturnType<typeof loadCalendar>>, detail = false) => {
  const movers = await moversOf(deps.db, actor, m);
  const handling = detail && movers.length > 0;
  const clock = await clockOf(deps, m, cal);
  return {
    id: m.id, topic: m.topic, content: m.content, state: m.state, stateLabel: STATES[m.state], unitId: m.unit_id, unitName: m.unit_name, receivedAt: m.received_at,
    asker: { name: handling ? m.asker_name : maskName(m.asker_name), phone: handling ? m.asker_phone : maskPhone(m.asker_phone) },
    answer: m.answer, answeredAt: m.answered_at, refusal: m.refusal, refusalLabel: m.refusal ? REFUSALS[m.refusal] : null, refusalReason: m.refusal_reason,
    publishedAt: m.published_at, rating: m.rating, ratingLabel: m.rating ? RATINGS[m.rating] : null, transfers: transfersOf(m),
    due: clock ? { dueDate: clock.view.dueDate, light: clock.view.light, state: clock.view.state, provisional: clock.view.provisional, remainingWorkdays: clock.view.remainingWorkdays, explanation: clock.view.explanation } : null,
    actions: allowedActions(m.state, movers),
  };
};
export type MessageView = Awaited<ReturnType<typeof present>>;

const withUnit = (db: Tx) => db.selectFrom('citizen_messages').leftJoin('units', 'units.id', 'citizen_messages.unit_id').selectAll('citizen_messages').select('units.name as unit_name');

export async function listMessages(deps: Deps, actor: Actor, filter: { state?: State | undefined; q?: string | undefined }, page: Paging): Promise<Page<MessageView>> {
  requireRoleIn(actor, MESSAGE_ROLES, actor.agencyId);
  let q = deps.db.selectFrom('citizen_messages').where('agency_id', '=', actor.agencyId);
  if (filter.state) q = q.where('state', '=', filter.state);
  if (filter.q?.trim()) q = q.where((eb) => eb.or([eb('topic', 'like', `%${filter.q!.trim()}%`), eb('content', 'like', `%${filter.q!.trim()}%`)]));
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const ids = (await q.select('id').orderBy('received_at', 'desc').orderBy('id').limit(page.pageSize).offset(offsetOf(page)).execute()).map((r) => r.id);
  const rows = ids.length ? await withUnit(deps.db).where('citizen_messages.id', 'in', ids).orderBy('citizen_messages.received_at', 'desc').orderBy('citizen_messages.id').execute() : [];
  const cal = await loadCalendar(deps.db);
  return { ...page, total: Number(total), items: await Promise.all(rows.map((r) => present(deps, actor, r, cal))) };
}

async function loadVisible(db: Tx, actor: Actor, id: string) {
  const m = await withUnit(db).where('citizen_messages.id', '=', id).executeTakeFirst();
  if (!m) throw notFound('留言');
  requireRoleIn(actor, MESSAGE_ROLES, m.agency_id);
  return m;
}

export async function getMessage(deps: Deps, actor: Actor, id: string) {
  const m = await loadVisible(deps.db, actor, id);
  const steps = await deps.db.selectFrom('citizen_message_steps').selectAll().where('message_id', '=', id).orderBy('at').orderBy('id').execute();
  return {
    ...(await present(deps, actor, m, await loadCalendar(deps.db), true)),
    steps: steps.map((s) => ({ at: s.at, actor: s.actor_name, action: s.action, label: STEP_LABELS[s.action] ?? s.action, note: s.note })),
  };
}

export type ActInput = { unitId?: string | undefined; agencyId?: string | undefined; reason?: string | undefined; answer?: string | undefined; refusal?: Refusal | undefined };

const need = (v: string | undefined, max: number, what: string) => {
  const s = v?.trim() ?? '';
  if (!s) throw badRequest('MESSAGE_FIELD_REQUIRED', `请填写${what}`);
  if (s.length > max) throw badRequest('MESSAGE_FIELD_TOO_LONG', `${what}不超过${max}字`);
  return s;
};

/** One move of the workflow (OP-6), as the transition table allows it to this actor, with its step, clock and audit event. */
export async function actOnMessage(deps: Deps, actor: Actor, id: string, action: Action, input: ActInput) {
  await deps.db.transaction().execute(async (tx) => {
    const m = await loadVisible(tx, actor, id);
    const t = transitionFor(m.state, action);
    if (!t) throw conflict('MESSAGE_ACTION_NOT_ALLOWED', `留言当前为“${STATES[m.state]}”，不能${ACTION_LABELS[action]}`);
    const movers = await moversOf(tx, actor, m);
    const as = t.by.find((b) => movers.includes(b));
    if (!as) throw new AppError('FORBIDDEN', 403, `只有${t.by.map((b) => (b === 'office' ? '公开办' : '承办部门')).join('或')}的工作人员可以${ACTION_LABELS[action]}`);
    const now = isoNow(deps.clock);
    const role = requireRoleIn(actor, as === 'office' ? ['office'] : UNIT_ROLES, m.agency_id);
    const set: Partial<CitizenMessageTable> = { state: t.to, updated_at: now };
    let note = '';
    const unitIn = async (unitId: string | undefined, agencyId: string) => {
      const unit = unitId ? await tx.selectFrom('units').select(['id', 'name']).where('id', '=', unitId).where('agency_id', '=', agencyId).where('status', '=', 'active').executeTakeFirst() : undefined;
      if (!unit) throw badRequest('MESSAGE_UNIT_INVALID', '请选择本机关的承办部门');
      return unit;
    };
    switch (action) {
      case 'assign': {
        const unit = await unitIn(input.unitId, m.agency_id);
        set.unit_id = unit.id;
        note = `交${unit.name}办理`;
        break;
      }
      case 'transfer_unit': {
        const unit = await unitIn(input.unitId, m.agency_id);
        if (unit.id === m.unit_id) throw badRequest('MESSAGE_SAME_UNIT', '留言已由该部门办理，请选择其他部门');
        const reason = need(input.reason, LIMITS.reason, '转办理由');
        set.unit_id = unit.id;
        set.transfers_json = JSON.stringify([...transfersOf(m), { kind: 'unit', at: now, from: m.unit_name ?? '', to: unit.name, reason }]);
        note = `由${m.unit_name ?? ''}转${unit.name}办理：${reason}；期限不重新计算`;
        break;
      }
      case 'transfer_agency': {
        const target = input.agencyId && input.agencyId !== m.agency_id ? await tx.selectFrom('agencies').select(['id', 'name']).where('id', '=', input.agencyId).executeTakeFirst() : undefined;
        if (!target) throw badRequest('MESSAGE_AGENCY_INVALID', '请选择接收留言的其他机关');
        const reason = need(input.reason, LIMITS.reason, '转办理由');
        const from = (await tx.selectFrom('agencies').select('name').where('id', '=', m.agency_id).executeTakeFirstOrThrow()).name;
        const transfers: Transfer[] = [...transfersOf(m), { kind: 'agency', at: now, from, to: target.name, reason }];
        set.agency_id = target.id;
        set.unit_id = null;
        set.transfers_json = JSON.stringify(transfers);
        note = `转${target.name}办理：${reason}；该机关自收到之日起重新计算答复期限`;
        // This agency's term ends the day it hands over; the receiving agency's starts that day, and its explanation says why.
        await meetDeadline(tx, subject(m.id), MESSAGE_RULE, now);
        await setDeadline(tx, await loadCalendar(tx), deps.clock, { agencyId: target.id, ...subject(m.id) }, answerSpec(await answerWorkdays(tx, target.id), m.received_at, transfers));
        break;
      }
      case 'answer':
        set.answer = need(input.answer, LIMITS.answer, '答复内容');
        set.answered_at = now;
        set.answered_by = actor.name;
        await meetDeadline(tx, subject(m.id), MESSAGE_RULE, now);
        break;
      case 'return': {
        note = need(input.reason, LIMITS.reason, '退回理由');
        set.answer = null;
        set.answered_at = null;
        set.answered_by = null;
        // The answer was not good enough to publish: the term is open again as it was.
        const met = await currentClock(tx, m);
        if (met) {
          const { metAt: _, ...open } = JSON.parse(met.spec_json) as { metAt?: string };
          await tx.updateTable('deadlines').set({ met_at: null, spec_json: JSON.stringify(open) }).where('id', '=', met.id).execute();
        }
        break;
      }
      case 'refuse': {
        if (!input.refusal || !Object.hasOwn(REFUSALS, input.refusal)) throw badRequest('MESSAGE_REFUSAL_INVALID', '请选择不予受理的理由类别');
        set.refusal = input.refusal;
        set.refusal_reason = need(input.reason, LIMITS.reason, '不予受理的说明');
        set.refused_at = now;
        note = `${REFUSALS[input.refusal]}：${set.refusal_reason}`;
        // The refusal, told to the asker behind their link, is the agency's answer.
        await meetDeadline(tx, subject(m.id), MESSAGE_RULE, now);
        break;
      }
      case 'publish': {
        const copy = publicCopy(m);
        Object.assign(set, { public_topic: copy.topic, public_content: copy.content, public_answer: copy.answer, published_at: now });
        break;
      }
      case 'check':
        break;
    }
    await tx.updateTable('citizen_messages').set(set).where('id', '=', m.id).where('state', '=', m.state).execute();
    await step(tx, deps, m.id, set.agency_id ?? m.agency_id, actor.userId, actor.name, action, note);
    const who: AuditActor = auditActor(actor, role);
    await appendAudit(tx, deps.clock, { actor: who, agencyId: m.agency_id, action: `citizen_message.${action}`, entityType: 'citizen_message', entityId: m.id, before: { state: m.state, unitId: m.unit_id }, after: { state: t.to, unitId: set.unit_id ?? m.unit_id, ...(set.agency_id ? { agencyId: set.agency_id } : {}) }, ip: actor.ip });
  });
  const moved = await deps.db.selectFrom('citizen_messages').select('agency_id').where('id', '=', id).executeTakeFirstOrThrow();
  // A message handed to another agency leaves this one's reach.
  return moved.agency_id === actor.agencyId || actor.reach.get('office')?.has(moved.agency_id) ? getMessage(deps, actor, id) : { id, moved: true };
}

/** The to-dos: checking and assigning for the office, answering for the assigned unit, publishing the answers. */
export async function messageTodos(deps: Deps, actor: Actor) {
  const has = (roles: readonly Role[]) => roles.some((r) => actor.reach.get(r)?.has(actor.agencyId));
  if (!has(['office', ...UNIT_ROLES])) return [];
  const unit = await unitOf(deps.db, actor.userId);
  const rows = await deps.db.selectFrom('citizen_messages').selectAll().where('agency_id', '=', actor.agencyId).where('state', 'in', ['received', 'accepted', 'assigned', 'answered']).execute();
  const waiting = (m: CitizenMessageTable): string | null => {
    if (has(['office']) && m.state === 'received') return '网民留言待审核';
    if (has(['office']) && m.state === 'accepted') return '网民留言待交办';
    if (has(['office']) && m.state === 'answered') return '网民留言待公开';
    if (m.state === 'assigned' && m.unit_id === unit && has(UNIT_ROLES)) return '网民留言待答复';
    return null;
  };
  const cal = await loadCalendar(deps.db);
  const out = [];
  for (const m of rows) {
    const what = waiting(m);
    if (!what) continue;
    const clock = m.state === 'answered' ? null : await clockOf(deps, m, cal);
    out.push({ id: m.id, kind: 'citizen_message', title: `${what}：${m.topic}`, due: clock?.view.dueDate ?? null, light: clock?.view.light ?? null, link: `/opinion/messages?id=${m.id}` });
  }
  return out;
}
