import { isIsoDate } from '../../core/calendar.ts';
import { chinaDateOf, chinaToday, isoNow, type Clock } from '../../core/clock.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { offsetOf, type Page, type Paging } from '../../core/paging.ts';
import type { Db, Tx } from '../../db/database.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { auditActor, type Actor } from '../auth/actor.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { dropDeadline, meetDeadline, presentDeadline, setDeadline, type DeadlinePresentation } from '../deadlines/deadlines.service.ts';
import { letterDocx } from '../letters/letter-layout.ts';
import { letterFrameOf, takeLetterNumber } from '../letters/letters.service.ts';
import { cityAgencyId } from '../org/city.ts';
import { answerLetter, requestLetter } from './coordination.letters.ts';
import {
  ACTION_LABELS, ANSWERS, answerProblems, answerTerm, availableActions, blockingRequests, CLOCK_SUBJECT, COORD_RULE, DECISIONS, decisionProblems,
  settledWording, stateLabel, SUBJECT_TYPES, transitionFor,
  type Action, type Answer, type Channel, type Decision, type Problem, type Side, type SubjectType,
} from './coordination.rules.ts';
import type { CoordinationRequestTable } from './coordination.tables.ts';

/**
 * Release coordination (COORD-1) use cases: one transaction each, with its audit event. Who
 * acts is read from the signed-in person's own agency and the office role there: the
 * requesting office sees and acts on its requests, the answering office on those addressed to
 * it, the city's disclosure office (the office role at the city-level agency) on referred and
 * overdue ones. Neither side reads the other's items.
 */
export type Deps = { db: Db; clock: Clock };

type Row = CoordinationRequestTable & { requesting_agency_name: string; answering_agency_name: string };

function refuse(problems: Problem[]): void {
  if (problems.length) throw badRequest(problems[0]!.code, problems.map((p) => p.message).join('；'));
}

/** The subjects requests can concern; each says its agency, title and whether it is already out. */
const SUBJECTS: Record<SubjectType, (tx: Tx, id: string) => Promise<{ agencyId: string; title: string; published: boolean } | undefined>> = {
  item: async (tx, id) => {
    const row = await tx.selectFrom('items').select(['agency_id', 'title', 'state']).where('id', '=', id).executeTakeFirst();
    return row && { agencyId: row.agency_id, title: row.title, published: row.state === 'published' };
  },
};

async function subjectOf(tx: Tx, type: SubjectType, id: string) {
  const subject = await SUBJECTS[type](tx, id);
  if (!subject) throw notFound(SUBJECT_TYPES[type]);
  return subject;
}

const holdsOffice = (actor: Actor, agencyId: string) => actor.reach.get('office')?.has(agencyId) ?? false;

/** The office of the actor's own agency; the sides are never reached through a city-wide grant. */
function requireOwnOffice(actor: Actor, agencyId: string): void {
  if (actor.agencyId !== agencyId || !holdsOffice(actor, agencyId)) throw forbidden('只有本机关公开办工作人员可以办理发布协调');
}

function sidesFor(actor: Actor, r: Pick<Row, 'requesting_agency_id' | 'answering_agency_id' | 'channel'>, cityId: string): Set<Side> {
  const own = (agencyId: string) => actor.agencyId === agencyId && holdsOffice(actor, agencyId);
  const sides = new Set<Side>();
  if (own(r.requesting_agency_id)) sides.add('requesting');
  if (r.channel === 'platform' && own(r.answering_agency_id)) sides.add('answering');
  if (holdsOffice(actor, cityId)) sides.add('city');
  return sides;
}

const sidesOf = async (tx: Tx, actor: Actor, r: Pick<Row, 'requesting_agency_id' | 'answering_agency_id' | 'channel'>) => sidesFor(actor, r, await cityAgencyId(tx));

const clockSubject = (id: string) => ({ type: CLOCK_SUBJECT, id });

function requestQuery(tx: Tx) {
  return tx
    .selectFrom('coordination_requests as r')
    .innerJoin('agencies as ra', 'ra.id', 'r.requesting_agency_id')
    .innerJoin('agencies as aa', 'aa.id', 'r.answering_agency_id')
    .selectAll('r')
    .select(['ra.name as requesting_agency_name', 'aa.name as answering_agency_name']);
}

async function loadRequest(tx: Tx, id: string): Promise<Row> {
  const row = await requestQuery(tx).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('协调请求');
  return row;
}

/** The open or met answer clocks of these requests. */
async function clocksOf(tx: Tx, ids: string[], now: string): Promise<Map<string, DeadlinePresentation>> {
  const out = new Map<string, DeadlinePresentation>();
  if (!ids.length) return out;
  const rows = await tx.selectFrom('deadlines').select(['subject_id', 'spec_json']).where('subject_type', '=', CLOCK_SUBJECT).where('rule', '=', COORD_RULE).where('subject_id', 'in', ids).orderBy('created_at').execute();
  const cal = await loadCalendar(tx);
  for (const r of rows) out.set(r.subject_id, presentDeadline(cal, r, now));
  return out;
}

/** The requests whose open answer clock has run out, judged by the clock itself (not by comparing stored moments as text). */
async function overdueRequestIds(tx: Tx, now: string): Promise<string[]> {
  const open = await tx.selectFrom('deadlines').select(['subject_id', 'spec_json']).where('subject_type', '=', CLOCK_SUBJECT).where('rule', '=', COORD_RULE).where('met_at', 'is', null).execute();
  const cal = await loadCalendar(tx);
  return open.filter((d) => presentDeadline(cal, d, now).state === 'overdue').map((d) => d.subject_id);
}

/** Whether the answer's term has run out without an answer. */
const isOverdue = (r: Pick<Row, 'state'>, clock: DeadlinePresentation | undefined) => r.state === 'awaiting' && clock?.state === 'overdue';

async function present(tx: Tx, deps: Deps, actor: Actor, rows: Row[]) {
  const clocks = await clocksOf(tx, rows.map((r) => r.id), isoNow(deps.clock));
  const city = await cityAgencyId(tx);
  return rows.map((r) => {
    const deadline = clocks.get(r.id) ?? null;
    const overdue = isOverdue(r, deadline ?? undefined);
    const sides = sidesFor(actor, r, city);
    return {
      id: r.id, subjectType: r.subject_type, subjectId: r.subject_id, subjectTitle: r.subject_title,
      requestingAgencyId: r.requesting_agency_id, requestingAgencyName: r.requesting_agency_name,
      answeringAgencyId: r.answering_agency_id, answeringAgencyName: r.answering_agency_name,
      channel: r.channel, urgent: r.urgent === 1, matter: r.matter, ourWording: r.our_wording,
      state: r.state, stateLabel: stateLabel({ state: r.state, overdue }), overdue,
      sentAt: r.sent_at, sentByName: r.sent_by_name, letterNumber: r.letter_number,
      answer: r.answer, answerLabel: r.answer ? ANSWERS[r.answer] : null, proposedWording: r.proposed_wording, answerOpinion: r.answer_opinion,
      answeredAt: r.answered_at, answeredByName: r.answered_by_name, answerLetterNumber: r.answer_letter_number,
      requesterOpinion: r.requester_opinion,
      decision: r.decision, decisionLabel: r.decision ? DECISIONS[r.decision] : null, decisionOpinion: r.decision_opinion, decidedAt: r.decided_at, decidedByName: r.decided_by_name,
      settledWording: settledWording({ state: r.state, decision: r.decision, ourWording: r.our_wording, proposedWording: r.proposed_wording }),
      deadline,
      actions: availableActions({ state: r.state, channel: r.channel, overdue }, sides),
      sides: [...sides],
      hasAnswerLetter: r.channel === 'platform' && r.answer !== null,
    };
  });
}
export type RequestView = Awaited<ReturnType<typeof present>>[number];

// ---- sending ----

export type SendInput = {
  subjectType: SubjectType; subjectId: string; answeringAgencyId: string; channel: Channel; urgent: boolean; matter: string; ourWording: string;
  /** By letter: the day the letter went out (default today). */
  sentOn?: string | undefined;
};

/**
 * COORD-1: the office of the subject's agency asks another agency of the deployment in
 * writing. Through the platform the request lands in that agency's office; by letter it is
 * recorded here and its answer entered by hand. The letter of request takes a 发文字号 and the
 * answer's clock starts (10 working days; the same day when urgent).
 */
export async function sendRequest(deps: Deps, actor: Actor, input: SendInput): Promise<RequestView> {
  return deps.db.transaction().execute(async (tx) => {
    const subject = await subjectOf(tx, input.subjectType, input.subjectId);
    requireOwnOffice(actor, subject.agencyId);
    if (subject.published) throw conflict('SUBJECT_PUBLISHED', '信息已经发布，发布前才需协调确认；如需修改，请先修订');
    if (input.answeringAgencyId === subject.agencyId) throw badRequest('SAME_AGENCY', '不能向本机关发送协调请求');
    const other = await tx.selectFrom('agencies').select('id').where('id', '=', input.answeringAgencyId).executeTakeFirst();
    if (!other) throw notFound('被征询机关');
    if (!input.matter.trim() || !input.ourWording.trim()) throw badRequest('REQUEST_INCOMPLETE', '请写明需确认的事项和拟发布的表述');
    const open = await tx.selectFrom('coordination_requests').select('id').where('subject_type', '=', input.subjectType).where('subject_id', '=', input.subjectId)
      .where('answering_agency_id', '=', input.answeringAgencyId).where('state', 'in', ['awaiting', 'changes_proposed', 'referred']).executeTakeFirst();
    if (open) throw conflict('REQUEST_OPEN', '已向该机关发出协调请求，尚未办结');
    const now = isoNow(deps.clock);
    const today = chinaToday(deps.clock);
    const sentOn = input.channel === 'letter' && input.sentOn ? input.sentOn : today;
    if (!isIsoDate(sentOn) || sentOn > today) throw badRequest('DATE_INVALID', `发函日期 ${sentOn} 无效或晚于今天`);
    const sentAt = sentOn === today ? now : `${sentOn}T09:00:00+08:00`;
    const row: CoordinationRequestTable = {
      id: newId(), subject_type: input.subjectType, subject_id: input.subjectId, subject_title: subject.title,
      requesting_agency_id: subject.agencyId, answering_agency_id: input.answeringAgencyId, channel: input.channel, urgent: input.urgent ? 1 : 0,
      matter: input.matter.trim(), our_wording: input.ourWording.trim(), state: 'awaiting', sent_at: new Date(sentAt).toISOString(), sent_by_name: actor.name,
      letter_number: await takeLetterNumber(tx, subject.agencyId, sentOn),
      answer: null, proposed_wording: null, answer_opinion: '', answered_at: null, answered_by_name: null, answer_letter_number: null,
      requester_opinion: '', decision: null, decision_opinion: '', decided_at: null, decided_by_name: null, updated_at: now,
    };
    await tx.insertInto('coordination_requests').values(row).execute();
    // Through the platform the other agency owes the answer; by letter the requester chases it.
    const clockAgency = input.channel === 'platform' ? input.answeringAgencyId : subject.agencyId;
    await setDeadline(tx, await loadCalendar(tx), deps.clock, { agencyId: clockAgency, ...clockSubject(row.id) }, { rule: COORD_RULE, term: answerTerm(input.urgent), startedAt: row.sent_at, startedAs: '发出协调请求' });
    await appendAudit(tx, deps.clock, {
      actor: auditActor(actor, 'office'), agencyId: subject.agencyId, action: 'coordination.send', entityType: 'coordination_request', entityId: row.id,
      after: { subject: `${input.subjectType}:${input.subjectId}`, answeringAgencyId: input.answeringAgencyId, channel: input.channel, urgent: input.urgent, letterNumber: row.letter_number }, ip: actor.ip,
    });
    return (await present(tx, deps, actor, [await loadRequest(tx, row.id)]))[0]!;
  });
}

// ---- answering, adopting, deciding ----

export type ActInput = {
  proposedWording?: string | undefined;
  opinion?: string | undefined;
  decision?: Decision | undefined;
  /** By letter: the 发文字号 on the answer received. */
  letterNumber?: string | undefined;
};

const ANSWER_ACTIONS = new Set<Action>(['agree', 'agree_with_changes', 'disagree']);

/** Moves a request along its state machine: the table (state, channel, term), the actor's side, the rule's guards; audited. */
export async function actOnRequest(deps: Deps, actor: Actor, id: string, action: Action, input: ActInput): Promise<RequestView> {
  return deps.db.transaction().execute(async (tx) => {
    const row = await loadRequest(tx, id);
    const clock = (await clocksOf(tx, [id], isoNow(deps.clock))).get(id);
    const overdue = isOverdue(row, clock);
    const sides = await sidesOf(tx, actor, row);
    if (!sides.size) throw notFound('协调请求');
    const t = transitionFor({ state: row.state, channel: row.channel, overdue }, action);
    if (!t) throw new AppError('TRANSITION_NOT_ALLOWED', 409, `协调请求当前为“${stateLabel({ state: row.state, overdue })}”，不能${ACTION_LABELS[action]}`);
    if (!sides.has(t.side)) throw forbidden(`只有${t.side === 'city' ? '市政务公开主管部门' : t.side === 'answering' ? '被征询机关的公开办' : '发起机关的公开办'}可以${ACTION_LABELS[action]}`);
    const now = isoNow(deps.clock);
    const opinion = input.opinion?.trim() ?? '';
    let changes: Partial<CoordinationRequestTable> = {};
    if (ANSWER_ACTIONS.has(action)) {
      const answer = action as Answer;
      const proposed = answer === 'agree_with_changes' ? (input.proposedWording ?? '').trim() : '';
      refuse(answerProblems(answer, { ourWording: row.our_wording, proposedWording: proposed, opinion }));
      const answerNumber = row.channel === 'platform' ? await takeLetterNumber(tx, row.answering_agency_id, chinaToday(deps.clock)) : (input.letterNumber?.trim() ?? '');
      changes = { answer, proposed_wording: proposed || null, answer_opinion: opinion, answered_at: now, answered_by_name: actor.name, answer_letter_number: answerNumber };
      await meetDeadline(tx, clockSubject(id), COORD_RULE, now);
    } else if (action === 'reject_changes' || action === 'withdraw') {
      if (!opinion) throw badRequest('OPINION_REQUIRED', action === 'withdraw' ? '请说明撤回的理由' : '请说明不采纳修改意见的理由');
      changes = { requester_opinion: opinion };
      if (action === 'withdraw') await dropDeadline(tx, clockSubject(id), COORD_RULE);
    } else if (action === 'adopt_changes') {
      changes = { requester_opinion: opinion };
    } else if (action === 'decide') {
      if (!input.decision) throw badRequest('DECISION_REQUIRED', '请选择协调决定');
      refuse(decisionProblems(input.decision, opinion, row.proposed_wording !== null));
      changes = { decision: input.decision, decision_opinion: opinion, decided_at: now, decided_by_name: actor.name };
      // Silence decided: the clock is closed, and stays red as met late.
      await meetDeadline(tx, clockSubject(id), COORD_RULE, now);
    }
    await tx.updateTable('coordination_requests').set({ ...changes, state: t.to, updated_at: now }).where('id', '=', id).execute();
    const agencyId = t.side === 'requesting' ? row.requesting_agency_id : t.side === 'answering' ? row.answering_agency_id : await cityAgencyId(tx);
    await appendAudit(tx, deps.clock, {
      actor: auditActor(actor, 'office'), agencyId, action: `coordination.${action}`, entityType: 'coordination_request', entityId: id,
      before: { state: row.state }, after: { state: t.to, ...changes }, ip: actor.ip,
    });
    return (await present(tx, deps, actor, [await loadRequest(tx, id)]))[0]!;
  });
}

// ---- reading ----

export type Box = 'outgoing' | 'incoming' | 'city';

/**
 * One side's requests: the requesting office's own (outgoing), those addressed to the
 * actor's agency through the platform (incoming), or, for the city office, those referred or
 * left unanswered past their term, and those it decided.
 */
export async function listRequests(deps: Deps, actor: Actor, box: Box, page: Paging): Promise<Page<RequestView>> {
  let q = requestQuery(deps.db);
  if (box === 'city') {
    const city = await cityAgencyId(deps.db);
    if (!holdsOffice(actor, city)) throw forbidden('只有市政务公开主管部门可以查看提请协调的事项');
    const overdue = await overdueRequestIds(deps.db, isoNow(deps.clock));
    q = q.where((eb) => eb.or([eb('r.state', 'in', ['referred', 'decided']), ...(overdue.length ? [eb.and([eb('r.state', '=', 'awaiting'), eb('r.id', 'in', overdue)])] : [])]));
  } else {
    requireOwnOffice(actor, actor.agencyId);
    q = box === 'outgoing' ? q.where('r.requesting_agency_id', '=', actor.agencyId) : q.where('r.answering_agency_id', '=', actor.agencyId).where('r.channel', '=', 'platform');
  }
  const [{ total }] = (await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).execute()) as [{ total: number }];
  const rows = await q.orderBy('r.sent_at', 'desc').limit(page.pageSize).offset(offsetOf(page)).execute();
  return { ...page, total: Number(total), items: await present(deps.db, deps, actor, rows) };
}

/** One request, for whichever side the actor is on; to anyone else it does not exist. */
export async function getRequest(deps: Deps, actor: Actor, id: string): Promise<RequestView> {
  const row = await loadRequest(deps.db, id);
  if (!(await sidesOf(deps.db, actor, row)).size) throw notFound('协调请求');
  return (await present(deps.db, deps, actor, [row]))[0]!;
}

/** The requests about one subject, for its agency's office (the document page's card), and what still holds its publication. */
export async function subjectRequests(deps: Deps, actor: Actor, type: SubjectType, subjectId: string) {
  const subject = await subjectOf(deps.db, type, subjectId);
  requireOwnOffice(actor, subject.agencyId);
  const rows = await requestQuery(deps.db).where('r.subject_type', '=', type).where('r.subject_id', '=', subjectId).orderBy('r.sent_at').execute();
  const items = await present(deps.db, deps, actor, rows);
  return { items, blocking: blockingRequests(items), canSend: !subject.published };
}

/**
 * The publication guard's facts (COORD-1): each request about the subject that is neither
 * agreed, withdrawn nor decided for publication, named for the reason the office reads.
 */
export async function pendingCoordination(tx: Tx, type: SubjectType, subjectId: string, now: string): Promise<string[]> {
  const rows = await requestQuery(tx).where('r.subject_type', '=', type).where('r.subject_id', '=', subjectId).execute();
  const clocks = await clocksOf(tx, rows.map((r) => r.id), now);
  return blockingRequests(rows.map((r) => ({ answeringAgencyName: r.answering_agency_name, state: r.state, decision: r.decision, overdue: isOverdue(r, clocks.get(r.id)) })));
}

/**
 * To-dos: the answering office's requests to answer; the requesting office's proposed
 * wordings to take or refuse and letters whose answer is to be entered; the city office's
 * referred and overdue requests.
 */
export async function coordinationTodos(deps: Deps, actor: Actor) {
  const boxes: Box[] = [];
  if (actor.agencyId && holdsOffice(actor, actor.agencyId)) boxes.push('incoming', 'outgoing');
  if (holdsOffice(actor, await cityAgencyId(deps.db))) boxes.push('city');
  const all = { page: 1, pageSize: 200 };
  const seen = new Set<string>();
  const out = [];
  for (const box of boxes) {
    for (const r of (await listRequests(deps, actor, box, all)).items) {
      if (seen.has(r.id) || !r.actions.some((a) => a !== 'withdraw')) continue;
      seen.add(r.id);
      const what = r.actions.includes('decide') ? '待协调决定' : r.actions.includes('adopt_changes') ? '待处理修改意见' : box === 'incoming' ? '待答复协调请求' : '待登记协调答复';
      out.push({ id: r.id, kind: 'coordination', title: `${what}：${r.subjectTitle}（${box === 'incoming' ? r.requestingAgencyName : r.answeringAgencyName}）`, due: r.state === 'awaiting' ? (r.deadline?.dueDate ?? null) : null, light: r.state === 'awaiting' ? (r.deadline?.light ?? null) : null, link: `/coordination?request=${r.id}`, attribute: null });
    }
  }
  return out;
}

// ---- letters ----

/** The letter of request or of answer as DOCX, for either side of the request. */
export async function requestLetterDocx(deps: Deps, actor: Actor, id: string, which: 'request' | 'answer'): Promise<{ name: string; bytes: Uint8Array }> {
  const row = await loadRequest(deps.db, id);
  const sides = await sidesOf(deps.db, actor, row);
  if (!sides.has('requesting') && !sides.has('answering') && !sides.has('city')) throw notFound('协调请求');
  const today = chinaToday(deps.clock);
  if (which === 'request') {
    const clock = (await clocksOf(deps.db, [id], isoNow(deps.clock))).get(id);
    const frame = await letterFrameOf(deps.db, row.requesting_agency_id, row.letter_number, today);
    const letter = requestLetter({ subjectTitle: row.subject_title, answeringAgencyName: row.answering_agency_name, matter: row.matter, ourWording: row.our_wording, urgent: row.urgent === 1, date: chinaDateOf(row.sent_at), dueDate: clock?.dueDate ?? chinaDateOf(row.sent_at) }, frame);
    return { name: `协调确认函-${row.letter_number}.docx`, bytes: await letterDocx(letter) };
  }
  if (row.channel !== 'platform' || !row.answer || !row.answered_at) throw notFound('复函');
  const frame = await letterFrameOf(deps.db, row.answering_agency_id, row.answer_letter_number ?? '', today);
  const letter = answerLetter({ subjectTitle: row.subject_title, requestingAgencyName: row.requesting_agency_name, requestNumber: row.letter_number, answer: row.answer, proposedWording: row.proposed_wording, opinion: row.answer_opinion, date: chinaDateOf(row.answered_at) }, frame);
  return { name: `协调复函-${row.answer_letter_number}.docx`, bytes: await letterDocx(letter) };
}
