import { createHash } from 'node:crypto';
import { chinaDateOf, chinaToday, isoNow, type Clock } from '../../core/clock.ts';
import { AppError, badRequest, forbidden } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { offsetOf, type Page, type Paging } from '../../core/paging.ts';
import { inOneTransaction, type Db, type Tx } from '../../db/database.ts';
import { requireRoleIn, type Actor as Person } from '../auth/actor.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { dropDeadline, meetDeadline, presentDeadline, setDeadline, type DeadlinePresentation } from '../deadlines/deadlines.service.ts';
import { ITEM_ROLES } from '../documents/documents.repo.ts';
import type { Problem } from '../documents/documents.rules.ts';
import { createItem } from '../documents/documents.service.ts';
import {
  CLOCK_NAMES, CLOCK_RULES, STATES, assessProblems, isMajor, availableActions, citeOpinionRule, clocksFor, clocksMetBy, feedbackProblems,
  normaliseLink, normaliseText, registerProblems, reportProblems, respondProblems, transitionFor,
  type Action, type Actor, type ClockRule, type Intake, type ResponseForm, type RiskLevel, type Source, type State,
} from './opinion.rules.ts';
import type { OpinionCaseTable } from './opinion.tables.ts';
import { dutyLeaders } from '../notifications/duty.service.ts';
import { addStep, audit, caseSubject, loadCase, RESPONSE_ITEM_RULE, responseItemSubject } from './opinion.repo.ts';

export type Deps = { db: Db; clock: Clock; dataDir: string };


function refuse(problems: Problem[], status = 400): void {
  if (!problems.length) return;
  const [first] = problems as [Problem, ...Problem[]];
  throw new AppError(problems.length === 1 ? first.code : 'OPINION_CASE_INVALID', status, problems.map((p) => p.message).join('；'), { problems });
}

/** A moment as given (with its offset), kept as UTC ISO; an unreadable one is a 400. */
function moment(s: string, what: string): string {
  if (!/(?:Z|[+-]\d{2}:?\d{2})$/i.test(s) || Number.isNaN(Date.parse(s))) throw badRequest('TIME_INVALID', `${what}无效`);
  return new Date(s).toISOString();
}

export const contentHash = (title: string, summary: string) => createHash('sha256').update(normaliseText(`${title}${summary}`)).digest('hex');


/** Staff of the case's agency read it; anyone else is refused as if it were not there. */
async function readableCase(tx: Tx, person: Person, id: string) {
  const row = await loadCase(tx, id);
  requireRoleIn(person, ITEM_ROLES, row.agency_id);
  return row;
}

/** Who the person is for this case: the agency's opinion lead, and/or staff of the unit it was transferred to. */
async function actorsFor(tx: Tx, person: Person, row: OpinionCaseTable): Promise<Set<Actor>> {
  const out = new Set<Actor>();
  if (person.reach.get('opinion_lead')?.has(row.agency_id)) out.add('opinion_lead');
  if (row.responsible_unit_id && ITEM_ROLES.some((r) => person.reach.get(r)?.has(row.agency_id))) {
    const user = await tx.selectFrom('users').select('unit_id').where('id', '=', person.userId).executeTakeFirst();
    if (user?.unit_id === row.responsible_unit_id) out.add('responsible_unit');
  }
  return out;
}



/**
 * OP-5 and the national terms: the clocks of the case's risk level run from the moment it
 * happened; a clock of another level (the level was changed) is dropped unless already met.
 */
async function syncClocks(tx: Tx, clock: Clock, row: OpinionCaseTable) {
  const subject = caseSubject(row.id);
  const wanted = clocksFor(row.risk_level as RiskLevel);
  const cal = await loadCalendar(tx);
  for (const rule of Object.values(CLOCK_RULES)) {
    const spec = wanted.find((w) => w.rule === rule);
    if (!spec) {
      await dropDeadline(tx, subject, rule);
      continue;
    }
    const stored = await tx.selectFrom('deadlines').select('id').where('subject_type', '=', subject.type).where('subject_id', '=', row.id).where('rule', '=', rule).executeTakeFirst();
    if (!stored) await setDeadline(tx, cal, clock, { agencyId: row.agency_id, ...subject }, { rule, term: spec.term, startedAt: row.happened_at, startedAs: '发生' });
  }
}

// ---- registration ----

export type CaseInput = {
  title: string;
  source: Source;
  link?: string | undefined;
  happenedAt: string;
  foundAt: string;
  summary: string;
  riskLevel: RiskLevel;
  analysis?: string | undefined;
  handlingPlan?: string | undefined;
  responsibleUnitId?: string | null | undefined;
};

async function checkUnit(tx: Tx, agencyId: string, unitId: string | null | undefined) {
  if (!unitId) return null;
  const unit = await tx.selectFrom('units').select(['id', 'agency_id', 'status', 'name']).where('id', '=', unitId).executeTakeFirst();
  if (!unit || unit.agency_id !== agencyId || unit.status !== 'active') throw badRequest('UNIT_INVALID', '责任单位须为本机关在用的部门或单位');
  return unit;
}

/** The next 舆情台账 number of the agency in the Beijing year of `at`. */
async function nextCaseNo(tx: Tx, agencyId: string, at: string): Promise<string> {
  const year = chinaDateOf(at).slice(0, 4);
  const prefix = `舆情〔${year}〕`;
  const rows = await tx.selectFrom('opinion_cases').select('case_no').where('agency_id', '=', agencyId).where('case_no', 'like', `${prefix}%`).execute();
  const last = Math.max(0, ...rows.map((r) => Number(r.case_no.slice(prefix.length).replace('号', '')) || 0));
  return `${prefix}${last + 1}号`;
}

/** Finds the case a sighting duplicates: the same link, or the same text however it is spaced. */
export async function duplicateOf(tx: Tx, agencyId: string, link: string, hash: string): Promise<OpinionCaseTable | undefined> {
  const byLink = link
    ? await tx.selectFrom('opinion_sightings').innerJoin('opinion_cases', 'opinion_cases.id', 'opinion_sightings.case_id').selectAll('opinion_cases')
      .where('opinion_cases.agency_id', '=', agencyId).where('opinion_sightings.link', '=', link).executeTakeFirst()
    : undefined;
  if (byLink) return byLink;
  return tx.selectFrom('opinion_sightings').innerJoin('opinion_cases', 'opinion_cases.id', 'opinion_sightings.case_id').selectAll('opinion_cases')
    .where('opinion_cases.agency_id', '=', agencyId).where('opinion_sightings.content_hash', '=', hash).executeTakeFirst();
}

/** Writes a new case with its first sighting, clocks, step and audit event; `person` is null for automatic intake. */
export async function insertCase(tx: Tx, clock: Clock, person: Person | null, agencyId: string, input: CaseInput, intake: Intake): Promise<OpinionCaseTable> {
  const now = isoNow(clock);
  const happenedAt = moment(input.happenedAt, '发生时间');
  const foundAt = moment(input.foundAt, '发现时间');
  refuse(registerProblems({ summary: input.summary, happenedAt, foundAt }, now));
  if (!input.title.trim()) throw badRequest('TITLE_REQUIRED', '请填写舆情标题');
  await checkUnit(tx, agencyId, input.responsibleUnitId);
  const row: OpinionCaseTable = {
    id: newId(), agency_id: agencyId, case_no: await nextCaseNo(tx, agencyId, happenedAt), title: input.title.trim(), source: input.source,
    link: (input.link ?? '').trim(), happened_at: happenedAt, found_at: foundAt, summary: input.summary.trim(), risk_level: input.riskLevel,
    analysis: (input.analysis ?? '').trim(), handling_plan: (input.handlingPlan ?? '').trim(), state: 'registered',
    responsible_unit_id: input.responsibleUnitId ?? null, intake, reported_at: null, reported_to: '', feedback: '', created_by: person?.userId ?? null,
    created_at: now, updated_at: now,
  };
  await tx.insertInto('opinion_cases').values(row).execute();
  await tx.insertInto('opinion_sightings').values({ id: newId(), case_id: row.id, intake, link: row.link ? normaliseLink(row.link) : '', content_hash: contentHash(row.title, row.summary), seen_at: now }).execute();
  await syncClocks(tx, clock, row);
  await addStep(tx, clock, { ...row, state: 'registered' }, { person, role: person ? 'opinion_lead' : 'system' }, 'register', 'registered', '', { intake });
  await audit(tx, clock, person, person ? 'opinion_lead' : null, row, 'register', { caseNo: row.case_no, title: row.title, riskLevel: row.risk_level, intake });
  return row;
}

/** OP-3: the opinion lead registers a case seen anywhere; a duplicate of a case already registered is refused with its number. */
export async function registerCase(deps: Deps, person: Person, input: CaseInput) {
  requireRoleIn(person, ['opinion_lead'], person.agencyId);
  const id = await deps.db.transaction().execute(async (tx) => {
    const dup = await duplicateOf(tx, person.agencyId, input.link ? normaliseLink(input.link) : '', contentHash(input.title, input.summary));
    if (dup) throw new AppError('OPINION_DUPLICATE', 409, `该舆情已登记为${dup.case_no}`, { caseId: dup.id });
    return (await insertCase(tx, deps.clock, person, person.agencyId, input, 'manual')).id;
  });
  return getCase(deps, person, id);
}

// ---- reading ----

type ClockView = DeadlinePresentation & { name: string; met: boolean };

async function clocksOf(tx: Tx, clock: Clock, ids: string[]): Promise<Map<string, ClockView[]>> {
  const out = new Map<string, ClockView[]>();
  if (!ids.length) return out;
  const rows = await tx.selectFrom('deadlines').select(['subject_id', 'rule', 'spec_json', 'met_at']).where('subject_type', '=', 'opinion_case').where('subject_id', 'in', ids).orderBy('due_at').execute();
  const cal = await loadCalendar(tx);
  const now = isoNow(clock);
  for (const r of rows) {
    const view = { ...presentDeadline(cal, r, now, citeOpinionRule), name: CLOCK_NAMES[r.rule as ClockRule] ?? r.rule, met: r.met_at !== null };
    out.set(r.subject_id, [...(out.get(r.subject_id) ?? []), view]);
  }
  return out;
}

const LIGHT_ORDER = { green: 0, yellow: 1, red: 2 } as const;
/** The list's traffic light: the worst of the case's clocks still running (a met-late clock stays red). */
const worstLight = (clocks: ClockView[]) =>
  clocks.filter((c) => !c.met || c.metLate).reduce<'green' | 'yellow' | 'red' | null>((w, c) => (w === null || LIGHT_ORDER[c.light] > LIGHT_ORDER[w] ? c.light : w), null);

const presentCase = (r: OpinionCaseTable & { unit_name: string | null }) => ({
  id: r.id, agencyId: r.agency_id, caseNo: r.case_no, title: r.title, source: r.source as Source, link: r.link, happenedAt: r.happened_at, foundAt: r.found_at,
  summary: r.summary, riskLevel: r.risk_level as RiskLevel, analysis: r.analysis, handlingPlan: r.handling_plan, state: r.state as State,
  responsibleUnitId: r.responsible_unit_id, responsibleUnitName: r.unit_name, intake: r.intake as Intake, reportedAt: r.reported_at, reportedTo: r.reported_to,
  feedback: r.feedback, updatedAt: r.updated_at,
});
export type CaseView = ReturnType<typeof presentCase>;

const caseQuery = (tx: Tx) => tx.selectFrom('opinion_cases').leftJoin('units', 'units.id', 'opinion_cases.responsible_unit_id').selectAll('opinion_cases').select('units.name as unit_name');

export type CaseFilter = {
  q?: string | undefined; state?: State | undefined; riskLevel?: RiskLevel | undefined; source?: Source | undefined;
  /** Beijing dates of the moment it happened, inclusive */
  from?: string | undefined; to?: string | undefined;
};

function filtered(tx: Tx, agencyId: string, f: CaseFilter) {
  let q = caseQuery(tx).where('opinion_cases.agency_id', '=', agencyId);
  if (f.q?.trim()) q = q.where((eb) => eb.or([eb('opinion_cases.title', 'like', `%${f.q!.trim()}%`), eb('opinion_cases.summary', 'like', `%${f.q!.trim()}%`), eb('opinion_cases.case_no', 'like', `%${f.q!.trim()}%`)]));
  if (f.state) q = q.where('opinion_cases.state', '=', f.state);
  if (f.riskLevel) q = q.where('opinion_cases.risk_level', '=', f.riskLevel);
  if (f.source) q = q.where('opinion_cases.source', '=', f.source);
  if (f.from) q = q.where('opinion_cases.happened_at', '>=', new Date(`${f.from}T00:00:00+08:00`).toISOString());
  if (f.to) q = q.where('opinion_cases.happened_at', '<', new Date(Date.parse(`${f.to}T00:00:00+08:00`) + 86_400_000).toISOString());
  return q;
}

/** OP-3 舆情台账: the agency's cases, latest first, with their clocks and traffic light. */
export async function listCases(deps: Deps, person: Person, filter: CaseFilter, page: Paging): Promise<Page<CaseView & { light: 'green' | 'yellow' | 'red' | null; clocks: ClockView[] }>> {
  requireRoleIn(person, ITEM_ROLES, person.agencyId);
  const q = filtered(deps.db, person.agencyId, filter);
  const [{ total }] = (await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).execute()) as [{ total: number }];
  const rows = await q.orderBy('opinion_cases.happened_at', 'desc').orderBy('opinion_cases.id').limit(page.pageSize).offset(offsetOf(page)).execute();
  const clocks = await clocksOf(deps.db, deps.clock, rows.map((r) => r.id));
  return {
    ...page, total: Number(total),
    items: rows.map((r) => ({ ...presentCase(r), clocks: clocks.get(r.id) ?? [], light: worstLight(clocks.get(r.id) ?? []) })),
  };
}

/** Every case of the filter, for the Excel export of the log. */
export async function allCases(deps: Deps, person: Person, filter: CaseFilter) {
  requireRoleIn(person, ITEM_ROLES, person.agencyId);
  const rows = await filtered(deps.db, person.agencyId, filter).orderBy('opinion_cases.happened_at', 'desc').limit(5000).execute();
  const [responses, agency] = await Promise.all([
    rows.length ? deps.db.selectFrom('opinion_responses').select(['case_id', 'form', 'responded_at']).where('case_id', 'in', rows.map((r) => r.id)).execute() : [],
    deps.db.selectFrom('agencies').select('name').where('id', '=', person.agencyId).executeTakeFirstOrThrow(),
  ]);
  return { agencyName: agency.name, cases: rows.map((r) => ({ ...presentCase(r), responses: responses.filter((x) => x.case_id === r.id && x.responded_at) })) };
}

export async function getCase(deps: Deps, person: Person, id: string) {
  const row = await readableCase(deps.db, person, id);
  const [withUnit, steps, responses, sightings, clocks, actors, units] = await Promise.all([
    caseQuery(deps.db).where('opinion_cases.id', '=', id).executeTakeFirstOrThrow(),
    deps.db.selectFrom('opinion_steps').selectAll().where('case_id', '=', id).orderBy('seq').execute(),
    deps.db.selectFrom('opinion_responses').leftJoin('items', 'items.id', 'opinion_responses.item_id')
      .select(['opinion_responses.id', 'opinion_responses.form', 'opinion_responses.item_id', 'opinion_responses.description', 'opinion_responses.responded_at', 'opinion_responses.created_at', 'items.title as item_title', 'items.state as item_state', 'items.index_number as item_index'])
      .where('opinion_responses.case_id', '=', id).orderBy('opinion_responses.created_at').execute(),
    deps.db.selectFrom('opinion_sightings').select(['intake', 'link', 'seen_at']).where('case_id', '=', id).orderBy('seen_at').execute(),
    clocksOf(deps.db, deps.clock, [id]),
    actorsFor(deps.db, person, row),
    deps.db.selectFrom('units').select(['id', 'name']).where('agency_id', '=', row.agency_id).where('status', '=', 'active').orderBy('name').execute(),
  ]);
  const expedited = await expeditedClocks(deps, responses.flatMap((r) => (r.item_id ? [r.item_id] : [])));
  const onDuty = isMajor(row.risk_level as RiskLevel) ? await dutyLeaders(deps.db, row.agency_id, deps.clock()) : [];
  const isDrafter = person.reach.get('drafter')?.has(row.agency_id) ?? false;
  const actions = availableActions(row.state as State, actors).filter((a): a is Exclude<Action, 'response_published'> => a !== 'response_published' && (a !== 'draft_response' || isDrafter));
  return {
    case: presentCase(withUnit),
    clocks: clocks.get(id) ?? [],
    actions,
    steps: steps.map((s) => ({ id: s.id, at: s.at, actorName: s.actor_name, role: s.role, action: s.action, fromState: s.from_state, toState: s.to_state, note: s.note, data: s.data_json ? JSON.parse(s.data_json) : null })),
    responses: responses.map((r) => ({
      id: r.id, form: r.form as ResponseForm, itemId: r.item_id, itemTitle: r.item_title, itemState: r.item_state, itemIndex: r.item_index, description: r.description,
      respondedAt: r.responded_at, createdAt: r.created_at, expedited: r.item_id ? (expedited.get(r.item_id) ?? null) : null,
    })),
    sightings: sightings.map((s) => ({ intake: s.intake as Intake, link: s.link, seenAt: s.seen_at })),
    units,
    onDuty: onDuty.map((d) => ({ name: d.name, phone: d.phone, startsAt: d.startsAt, endsAt: d.endsAt })),
  };
}

/** OP-4: each response item's expedited internal clock, by item id. */
async function expeditedClocks(deps: Deps, itemIds: string[]): Promise<Map<string, DeadlinePresentation>> {
  const out = new Map<string, DeadlinePresentation>();
  if (!itemIds.length) return out;
  const rows = await deps.db.selectFrom('deadlines').select(['subject_id', 'spec_json']).where('subject_type', '=', responseItemSubject('').type).where('subject_id', 'in', itemIds).execute();
  const cal = await loadCalendar(deps.db);
  for (const r of rows) out.set(r.subject_id, presentDeadline(cal, r, isoNow(deps.clock), () => '本机关回应信息加急办理时限'));
  return out;
}

// ---- the workflow ----

export type ActInput = {
  riskLevel?: RiskLevel | undefined;
  analysis?: string | undefined;
  handlingPlan?: string | undefined;
  unitId?: string | undefined;
  note?: string | undefined;
  form?: ResponseForm | undefined;
  description?: string | undefined;
  at?: string | undefined;
  to?: string | undefined;
};

/**
 * Moves a case: checks the table (state, action, who), the guards of the rules, writes the
 * move, its step and its audit event in one transaction; the clocks follow.
 */
export async function actOnCase(deps: Deps, person: Person, id: string, action: Exclude<Action, 'response_published' | 'draft_response'>, input: ActInput) {
  await deps.db.transaction().execute(async (tx) => {
    const row = await readableCase(tx, person, id);
    const t = transitionFor(row.state as State, action);
    if (!t) throw new AppError('TRANSITION_NOT_ALLOWED', 409, `舆情当前处于“${STATES[row.state as State]}”环节，不能执行该操作`);
    const actors = await actorsFor(tx, person, row);
    const acting = t.actors.find((a) => actors.has(a));
    if (!acting) throw forbidden(t.actors.includes('responsible_unit') ? '只有责任单位可以执行该操作' : '只有舆情负责人可以执行该操作');
    const now = isoNow(deps.clock);
    let changes: Partial<OpinionCaseTable> = {};
    let note = input.note?.trim() ?? '';
    let data: unknown = null;
    switch (action) {
      case 'assess': {
        const riskLevel = input.riskLevel ?? (row.risk_level as RiskLevel);
        const analysis = input.analysis?.trim() ?? '';
        const handlingPlan = input.handlingPlan?.trim() ?? '';
        refuse(assessProblems({ analysis, handlingPlan }));
        changes = { risk_level: riskLevel, analysis, handling_plan: handlingPlan };
        data = { riskLevel, before: row.risk_level };
        break;
      }
      case 'transfer': {
        const unit = await checkUnit(tx, row.agency_id, input.unitId);
        if (!unit) throw badRequest('UNIT_REQUIRED', '请选择责任单位');
        changes = { responsible_unit_id: unit.id };
        data = { unitId: unit.id, unitName: unit.name };
        break;
      }
      case 'respond': {
        if (!input.form) throw badRequest('RESPONSE_FORM_REQUIRED', '请选择回应形式');
        const description = input.description?.trim() ?? '';
        refuse(respondProblems(input.form, description));
        const at = input.at ? moment(input.at, '回应时间') : now;
        if (Date.parse(at) > Date.parse(now)) throw badRequest('TIME_IN_FUTURE', '回应时间不能晚于现在');
        await tx.insertInto('opinion_responses').values({ id: newId(), case_id: row.id, form: input.form, item_id: null, description, responded_at: at, created_by: person.userId, created_at: now }).execute();
        for (const rule of clocksMetBy(input.form)) await meetDeadline(tx, caseSubject(row.id), rule, at);
        note = description;
        data = { form: input.form, at };
        break;
      }
      case 'feedback': {
        const text = input.note?.trim() ?? '';
        refuse(feedbackProblems(text));
        changes = { feedback: text };
        break;
      }
      case 'report_upward': {
        const to = input.to?.trim() ?? '';
        refuse(reportProblems(to));
        const at = input.at ? moment(input.at, '报告时间') : now;
        if (Date.parse(at) > Date.parse(now)) throw badRequest('TIME_IN_FUTURE', '报告时间不能晚于现在');
        changes = { reported_at: row.reported_at ?? at, reported_to: row.reported_to ? `${row.reported_to}；${to}` : to };
        await meetDeadline(tx, caseSubject(row.id), CLOCK_RULES.reportUpward, at);
        data = { to, at };
        break;
      }
      case 'close':
        break;
    }
    const after = { ...row, ...changes, state: t.to, updated_at: now };
    await tx.updateTable('opinion_cases').set({ ...changes, state: t.to, updated_at: now }).where('id', '=', id).execute();
    if (action === 'assess') await syncClocks(tx, deps.clock, after);
    await addStep(tx, deps.clock, row, { person, role: acting }, action, t.to, note, data);
    await audit(tx, deps.clock, person, acting === 'responsible_unit' ? null : acting, row, action, { state: t.to, ...(data as object | null) });
  });
  return getCase(deps, person, id);
}

// ---- OP-4: the response through the items path ----

export type ResponseDraft = { form: 'online_release' | 'expert_interpretation'; title: string; body: string; summary?: string | undefined };

/** The agency's opinion settings, with defaults for an agency that has set none. */
export async function opinionSettings(tx: Tx, agencyId: string) {
  const row = await tx.selectFrom('opinion_settings').selectAll().where('agency_id', '=', agencyId).executeTakeFirst();
  return { feedHosts: row ? (JSON.parse(row.feed_hosts_json) as string[]) : [], webhookSecret: row?.webhook_secret ?? null, responseItemHours: row?.response_item_hours ?? 4 };
}

/**
 * OP-4 谁主管谁发声: a drafter of the responsible unit drafts the response as an information
 * item in 回应关切, linked to the case. The item walks the documents workflow like any other
 * (the secrecy review is never skipped); the agency's expedited route is its internal clock in
 * hours, stored beside the case's own clocks.
 */
export async function draftResponse(deps: Deps, person: Person, caseId: string, draft: ResponseDraft) {
  return inOneTransaction(deps.db, async (db) => {
    const row = await readableCase(db, person, caseId);
    const t = transitionFor(row.state as State, 'draft_response');
    if (!t) throw new AppError('TRANSITION_NOT_ALLOWED', 409, `舆情当前处于“${STATES[row.state as State]}”环节，不能起草回应`);
    if (!(await actorsFor(db, person, row)).has('responsible_unit')) throw forbidden('只有责任单位可以起草回应');
    if (!draft.title.trim() || !draft.body.trim()) throw badRequest('RESPONSE_TEXT_REQUIRED', '请填写回应信息的标题和正文');
    const item = await createItem({ ...deps, db }, person, {
      kind: 'other', title: draft.title.trim(), body: draft.body, summary: draft.summary ?? row.title, dateMade: chinaToday(deps.clock), category: 'response', attribute: 'proactive',
    });
    const now = isoNow(deps.clock);
    await db.insertInto('opinion_responses').values({ id: newId(), case_id: row.id, form: draft.form, item_id: item.id, description: '', responded_at: null, created_by: person.userId, created_at: now }).execute();
    const { responseItemHours } = await opinionSettings(db, row.agency_id);
    await setDeadline(db, await loadCalendar(db), deps.clock, { agencyId: row.agency_id, ...responseItemSubject(item.id) }, { rule: RESPONSE_ITEM_RULE, term: { unit: 'hours', n: responseItemHours }, startedAt: now, startedAs: '起草' });
    await db.updateTable('opinion_cases').set({ updated_at: now }).where('id', '=', row.id).execute();
    await addStep(db, deps.clock, row, { person, role: 'responsible_unit' }, 'draft_response', t.to, draft.title.trim(), { itemId: item.id, form: draft.form });
    await audit(db, deps.clock, person, null, row, 'draft_response', { itemId: item.id, form: draft.form });
    return { itemId: item.id };
  });
}


/** What a case in each open state waits for. */
const AWAITING: Record<State, string> = { registered: '待研判', assessed: '待转办', transferred: '待回应', responded: '待反馈', fed_back: '待办结', closed: '已办结' };

/**
 * The to-do list's opinion entries: for the opinion lead, cases waiting for assessment,
 * transfer, closing or a report upward; for a responsible unit's staff, the cases it answers.
 * Each is dated by its next running clock.
 */
export async function opinionTodos(deps: Deps, person: Person) {
  const lead = person.reach.get('opinion_lead')?.has(person.agencyId) ?? false;
  const staff = ITEM_ROLES.some((r) => person.reach.get(r)?.has(person.agencyId));
  if (!staff) return [];
  const user = await deps.db.selectFrom('users').select('unit_id').where('id', '=', person.userId).executeTakeFirstOrThrow();
  const rows = await caseQuery(deps.db)
    .where('opinion_cases.agency_id', '=', person.agencyId)
    .where('opinion_cases.state', '!=', 'closed')
    .execute();
  const mine = rows.filter((r) => {
    const forLead = lead && (['registered', 'assessed', 'fed_back'].includes(r.state) || (r.reported_at === null && isMajor(r.risk_level as RiskLevel)));
    const forUnit = user.unit_id !== null && r.responsible_unit_id === user.unit_id && ['transferred', 'responded'].includes(r.state);
    return forLead || forUnit;
  });
  const clocks = await clocksOf(deps.db, deps.clock, mine.map((r) => r.id));
  return mine.map((r) => {
    const next = (clocks.get(r.id) ?? []).find((k) => !k.met);
    const what = lead && r.reported_at === null && isMajor(r.risk_level as RiskLevel) ? '待向上级报告' : AWAITING[r.state as State];
    return { id: r.id, kind: 'opinion', title: `${what}：${r.title}`, due: next ? chinaDateOf(next.dueAt) : null, light: next?.light ?? null, link: `/opinion/${r.id}`, attribute: null };
  });
}
