import { isoDate } from '../../core/calendar.ts';
import { chinaToday, isoNow } from '../../core/clock.ts';
import { AppError, badRequest, forbidden } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { offsetOf, type Page, type Paging } from '../../core/paging.ts';
import type { Tx } from '../../db/database.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { auditActor, requireRoleIn, type Actor } from '../auth/actor.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { dropDeadline, presentDeadline, setDeadline, type DeadlinePresentation } from '../deadlines/deadlines.service.ts';
import {
  actingRoleFor, attachmentActions, availableActions, finalAttribute, passCheckProblems, submitProblems, transitionFor, approveProblems, opinionProblems,
  type Action, type Attribute, type Category, type Channel, type Conclusion, type DocKind, type InterpretationPlan, type ItemFacts,
  type PolicyLevel, type Problem, type State, STATES, type FILE_STEP_LABELS,
} from './documents.rules.ts';
import type { Role } from '../org/org.rules.ts';
import type { ItemTable } from './documents.tables.ts';
import { ITEM_ROLES, itemQuery, itemSubject, loadItem, presentItem, readableItem, type Deps, type ItemView } from './documents.repo.ts';
import { answerReferral, consultationFacts, openReferral } from './documents.review.ts';
import { publishItem } from './documents.publication.ts';
import { rescan } from './documents.findings.ts';
import { pendingCoordination } from '../coordination/coordination.service.ts';
import { recordResponsePublished } from '../opinion/opinion.repo.ts';
import { afterPublication, companionsOf, interpretationGuard, interpretationScanSources, itemInterpretationLinks } from '../interpretation/interpretation.workflow.ts';

const PUB3 = 'PUB-3';

export async function itemFacts(tx: Tx, row: ItemTable, now: string): Promise<ItemFacts> {
  const findings = await tx.selectFrom('item_findings').select(['kind', 'status']).where('item_id', '=', row.id).execute();
  const secrecyMarks = findings.filter((f) => f.kind === 'secrecy_mark' && f.status !== 'not_a_mark').length;
  const openFindings = findings.filter((f) => f.kind !== 'secrecy_mark' && f.status === 'open').length;
  return {
    state: row.state, kind: row.kind, docKind: row.doc_kind, attribute: row.attribute, attributeReason: row.attribute_reason,
    nonPublicParts: row.non_public_parts, policyLevel: row.policy_level,
    interpretationPlan: row.interpretation_plan_json ? JSON.parse(row.interpretation_plan_json) : null,
    leadingGroupReview: row.leading_group_review, major: row.major === 1, collectiveDecision: row.collective_decision,
    conclusion: row.conclusion, openFindings, secrecyMarks, consultations: await consultationFacts(tx, row.id, now),
    channels: JSON.parse(row.channels_json), pendingCoordination: await pendingCoordination(tx, 'item', row.id, now),
  };
}

/** Refuses with the rules' Chinese reasons: one problem's own code, several as ITEM_NOT_READY. */
export function refuse(problems: Problem[]): void {
  if (problems.length === 0) return;
  const [first] = problems as [Problem, ...Problem[]];
  throw new AppError(problems.length === 1 ? first.code : 'ITEM_NOT_READY', 409, problems.map((p) => p.message).join('；'), { problems });
}

// ---- drafting ----

export type ItemInput = {
  kind: 'document' | 'other';
  docKind?: DocKind | null | undefined;
  docNumber?: string | undefined;
  title: string;
  summary?: string | undefined;
  body?: string | undefined;
  dateMade: string;
  validUntil?: string | null | undefined;
  category: Category;
  attribute?: Attribute | null | undefined;
  attributeReason?: string | undefined;
  nonPublicParts?: string | undefined;
  policyLevel?: PolicyLevel | undefined;
  interpretationPlan?: InterpretationPlan | null | undefined;
  major?: boolean | undefined;
};

const columnsOf = (input: Partial<ItemInput>) => ({
  ...(input.kind !== undefined && { kind: input.kind }),
  ...(input.docKind !== undefined && { doc_kind: input.docKind }),
  ...(input.docNumber !== undefined && { doc_number: input.docNumber }),
  ...(input.title !== undefined && { title: input.title }),
  ...(input.summary !== undefined && { summary: input.summary }),
  ...(input.body !== undefined && { body: input.body }),
  ...(input.dateMade !== undefined && { date_made: input.dateMade }),
  ...(input.validUntil !== undefined && { valid_until: input.validUntil }),
  ...(input.category !== undefined && { category: input.category }),
  ...(input.attribute !== undefined && { attribute: input.attribute }),
  ...(input.attributeReason !== undefined && { attribute_reason: input.attributeReason }),
  ...(input.nonPublicParts !== undefined && { non_public_parts: input.nonPublicParts }),
  ...(input.policyLevel !== undefined && { policy_level: input.policyLevel }),
  ...(input.interpretationPlan !== undefined && { interpretation_plan_json: input.interpretationPlan ? JSON.stringify(input.interpretationPlan) : null }),
  ...(input.major !== undefined && { major: input.major ? 1 : 0 }),
});

function checkDate(s: string): string {
  try {
    return isoDate(s);
  } catch {
    throw badRequest('DATE_INVALID', `成文日期 ${s} 无效`);
  }
}

/**
 * PUB-3, LAW-26: a proactive item is published within 20 working days of being made or
 * changed; the term starts on that date (a working day counts as day 0).
 */
async function syncPublicationDeadline(tx: Tx, deps: Deps, row: ItemTable) {
  const subject = itemSubject(row.id);
  if (row.attribute !== 'proactive' && row.conclusion !== 'proactive') return dropDeadline(tx, subject, PUB3);
  const startedAt = `${row.changed_on}T09:00:00+08:00`;
  // The term of this version already exists, open or met at publication: nothing to start.
  const same = await tx.selectFrom('deadlines').select('spec_json').where('subject_type', '=', subject.type).where('subject_id', '=', subject.id).where('rule', '=', PUB3).execute();
  if (same.some((d) => JSON.parse(d.spec_json).startedAt === startedAt)) return;
  await setDeadline(tx, await loadCalendar(tx), deps.clock, { agencyId: row.agency_id, ...subject }, { rule: PUB3, term: { unit: 'workdays', n: 20 }, startedAt });
}

/** 谁制作、谁公开: the drafter's own department makes the item and later discloses it. */
export async function createItem(deps: Deps, actor: Actor, input: ItemInput): Promise<ItemView> {
  const role = requireRoleIn(actor, ['drafter'], actor.agencyId);
  const dateMade = checkDate(input.dateMade);
  return deps.db.transaction().execute(async (tx) => {
    const user = await tx.selectFrom('users').select('unit_id').where('id', '=', actor.userId).executeTakeFirstOrThrow();
    if (!user.unit_id) throw badRequest('DRAFTER_UNIT_REQUIRED', '您的账号未归属任何部门，请联系系统管理员');
    const now = isoNow(deps.clock);
    const row: ItemTable = {
      id: newId(), agency_id: actor.agencyId, unit_id: user.unit_id, drafter_id: actor.userId, kind: input.kind, doc_kind: input.docKind ?? null,
      doc_number: input.docNumber ?? '', title: input.title, summary: input.summary ?? '', body: input.body ?? '', date_made: dateMade,
      category: input.category, attribute: input.attribute ?? null, attribute_reason: input.attributeReason ?? '', non_public_parts: input.nonPublicParts ?? '',
      policy_level: input.policyLevel ?? 'none', interpretation_plan_json: input.interpretationPlan ? JSON.stringify(input.interpretationPlan) : null,
      leading_group_review: '', major: input.major ? 1 : 0, collective_decision: '', conclusion: null, state: 'draft', validity: 'valid', valid_until: input.validUntil ?? null, version: 1,
      change_reason: '', changed_on: dateMade, channels_json: '[]', paper_copies: 0, index_number: null, public_body: null, published_at: null,
      created_at: now, updated_at: now,
    };
    await tx.insertInto('items').values(row).execute();
    await syncPublicationDeadline(tx, deps, row);
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'item.create', entityType: 'item', entityId: row.id, after: { title: row.title, attribute: row.attribute }, ip: actor.ip });
    return presentItem(await loadItem(tx, row.id));
  });
}

/** Only the drafter edits, and only while the item is a draft (a returned item is a draft again). */
export async function updateItem(deps: Deps, actor: Actor, id: string, patch: Partial<ItemInput>): Promise<ItemView> {
  return deps.db.transaction().execute(async (tx) => {
    const before = await readableItem(tx, actor, id);
    const role = requireRoleIn(actor, ['drafter'], before.agency_id);
    if (before.drafter_id !== actor.userId) throw badRequest('ITEM_NOT_DRAFTER', '只有拟稿人可以修改草稿');
    if (before.state !== 'draft') throw badRequest('ITEM_NOT_DRAFT', `信息处于“${STATES[before.state]}”状态，不能修改`);
    const changes = columnsOf({ ...patch, ...(patch.dateMade !== undefined && { dateMade: checkDate(patch.dateMade) }) });
    const changedOn = before.version === 1 && changes.date_made ? { changed_on: changes.date_made } : {};
    await tx.updateTable('items').set({ ...changes, ...changedOn, updated_at: isoNow(deps.clock) }).where('id', '=', id).execute();
    const after = await loadItem(tx, id);
    await syncPublicationDeadline(tx, deps, after);
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: before.agency_id, action: 'item.update', entityType: 'item', entityId: id, changed: { before: presentItem(before), after: presentItem(after) }, ip: actor.ip });
    return presentItem(after);
  });
}

// ---- reading ----

export type ItemListFilter = { state?: State | undefined; q?: string | undefined; attribute?: Attribute | undefined };

export async function listItems(deps: Deps, actor: Actor, filter: ItemListFilter, page: Paging): Promise<Page<ItemView & { deadline: DeadlinePresentation | null }>> {
  requireRoleIn(actor, ITEM_ROLES, actor.agencyId);
  let q = itemQuery(deps.db).where('items.agency_id', '=', actor.agencyId);
  if (filter.state) q = q.where('items.state', '=', filter.state);
  if (filter.attribute) q = q.where('items.attribute', '=', filter.attribute);
  if (filter.q) q = q.where((eb) => eb.or([eb('items.title', 'like', `%${filter.q}%`), eb('items.doc_number', 'like', `%${filter.q}%`)]));
  const [{ total }] = (await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).execute()) as [{ total: number }];
  const rows = await q.orderBy('items.updated_at', 'desc').limit(page.pageSize).offset(offsetOf(page)).execute();
  const deadlines = await deadlinesOf(deps, rows.map((r) => r.id));
  return { ...page, total: Number(total), items: rows.map((r) => ({ ...presentItem(r), deadline: deadlines.get(r.id) ?? null })) };
}

export async function deadlinesOf(deps: Deps, ids: string[]): Promise<Map<string, DeadlinePresentation>> {
  const out = new Map<string, DeadlinePresentation>();
  if (!ids.length) return out;
  const rows = await deps.db.selectFrom('deadlines').select(['subject_id', 'spec_json', 'met_at', 'created_at']).where('subject_type', '=', 'item').where('rule', '=', PUB3).where('subject_id', 'in', ids).orderBy('created_at').execute();
  const cal = await loadCalendar(deps.db);
  const now = isoNow(deps.clock);
  for (const r of rows) out.set(r.subject_id, presentDeadline(cal, r, now));
  return out;
}

export async function getItem(deps: Deps, actor: Actor, id: string) {
  const row = await readableItem(deps.db, actor, id);
  const [steps, consultations, attachments, findings, redactions, deadlines, interpretationLinks] = await Promise.all([
    deps.db.selectFrom('item_steps').selectAll().where('item_id', '=', id).orderBy('at').execute(),
    deps.db.selectFrom('item_consultations').selectAll().where('item_id', '=', id).orderBy('requested_at').execute(),
    deps.db.selectFrom('item_attachments').select(['id', 'name', 'kind', 'mime', 'size', 'sha256', 'public_sha256', 'created_at']).where('item_id', '=', id).orderBy('created_at').execute(),
    deps.db.selectFrom('item_findings').selectAll().where('item_id', '=', id).orderBy('source').orderBy('start').execute(),
    deps.db.selectFrom('item_redactions').selectAll().where('item_id', '=', id).orderBy('created_at').execute(),
    deadlinesOf(deps, [id]),
    itemInterpretationLinks(deps.db, id),
  ]);
  const { roles, who } = await standing(deps.db, actor, row);
  const facts = await itemFacts(deps.db, row, isoNow(deps.clock));
  return {
    item: presentItem(row),
    deadline: deadlines.get(id) ?? null,
    actions: availableActions(row.state, roles, { ...who, attribute: finalAttribute(row.conclusion) ?? row.attribute }),
    attachmentActions: attachmentActions(row.state, roles, who),
    steps: steps.map((s) => ({ id: s.id, at: s.at, actorName: s.actor_name, role: s.role as Role, action: s.action as Action | keyof typeof FILE_STEP_LABELS, fromState: s.from_state as State, toState: s.to_state as State, opinion: s.opinion, data: s.data_json ? JSON.parse(s.data_json) : null })),
    consultations: consultations.map((c) => ({ id: c.id, kind: c.kind, party: c.party, requestedAt: c.requested_at, answer: c.answer, answerText: c.answer_text, answeredAt: c.answered_at, overrideReason: c.override_reason, expired: facts.consultations.find((f) => f.id === c.id)?.expired ?? false })),
    attachments: attachments.map((a) => ({ id: a.id, name: a.name, kind: a.kind, mime: a.mime, size: a.size, hasPublicVersion: a.public_sha256 !== null, createdAt: a.created_at })),
    findings: findings.map((f) => ({ id: f.id, source: f.source, kind: f.kind, start: f.start, end: f.end, text: f.text, status: f.status, reason: f.reason })),
    redactions: redactions.map((r) => ({ id: r.id, phrase: r.phrase, reason: r.reason, createdAt: r.created_at })),
    interpretationLinks,
  };
}

// ---- the workflow ----

export type ActionInput = {
  opinion?: string | undefined;
  conclusion?: Conclusion | undefined;
  leadingGroupReview?: string | undefined;
  channels?: Channel[] | undefined;
  reason?: string | undefined;
};

/** The item's relation to the actor and the roles the actor holds in its agency. */
async function standing(tx: Tx, actor: Actor, row: ItemTable, policy?: ItemTable) {
  const user = await tx.selectFrom('users').select('unit_id').where('id', '=', actor.userId).executeTakeFirstOrThrow();
  const roles = new Set(ITEM_ROLES.filter((r) => actor.reach.get(r)?.has(row.agency_id)));
  // INT-2: the policy's drafter submits with it the interpretation a colleague of the drafting unit wrote.
  const isDrafter = row.drafter_id === actor.userId || policy?.drafter_id === actor.userId;
  return { roles, who: { isDrafter, isDeptHeadOfUnit: user.unit_id === row.unit_id } };
}

/**
 * Moves an item along the workflow: checks the table (state, action, role), the guards of
 * the rules, writes the move, its step (the written record of SEC-13) and its audit event in
 * one transaction.
 */
export async function act(deps: Deps, actor: Actor, id: string, action: Action, input: ActionInput) {
  await deps.db.transaction().execute(async (tx) => {
    const row = await moveItem(tx, deps, actor, id, action, input);
    // INT-3: the reviewer decides on the policy and its interpretation together.
    for (const c of await companionsOf(tx, row, action)) {
      await moveItem(tx, deps, actor, c.id, action, input, row).catch((err: unknown) => {
        throw err instanceof AppError ? new AppError(err.code, err.status, `同步审查的解读材料“${c.title}”：${err.message}`, err.details) : err;
      });
    }
  });
  return getItem(deps, actor, id);
}

/** One move of one item (of an interpretation along with `policy`), inside the caller's transaction; answers the item as it was before. */
async function moveItem(tx: Tx, deps: Deps, actor: Actor, id: string, action: Action, input: ActionInput, policy?: ItemTable): Promise<ItemTable> {
  const row = await readableItem(tx, actor, id);
  const t = transitionFor(row.state, action);
  if (!t) throw new AppError('TRANSITION_NOT_ALLOWED', 409, `信息当前处于“${STATES[row.state]}”状态，不能执行该操作`);
  const { roles, who } = await standing(tx, actor, row, policy);
  const role = actingRoleFor(t, roles, who);
  if (!role) {
    throw forbidden(t.roles.includes('drafter') && roles.has('drafter') ? '只有拟稿人本人可以提交' : t.roles.includes('dept_head') && roles.has('dept_head') ? '只有本科室负责人可以提出初审意见' : '您没有执行此操作的角色');
  }
  const now = isoNow(deps.clock);
  const facts = await itemFacts(tx, row, now);
  refuse(await interpretationGuard(tx, row, action));
  let to: State = t.to;
  let changes: Partial<ItemTable> = {};
  const needs = (field: string | undefined, code: string, message: string) => {
    if (!field || !field.trim()) throw badRequest(code, message);
    return field.trim();
  };

  switch (action) {
    case 'submit':
      refuse(submitProblems(facts));
      await rescan(tx, deps, row, await interpretationScanSources(tx, row));
      break;
    case 'return':
      needs(input.opinion, 'OPINION_REQUIRED', '退回须写明意见');
      // The draft is reviewed afresh: an earlier conclusion must not outlive the changes.
      changes = { conclusion: null };
      break;
    case 'pass_check': {
      const leadingGroupReview = input.leadingGroupReview?.trim() || row.leading_group_review;
      refuse(passCheckProblems({ ...facts, leadingGroupReview }));
      changes = { leading_group_review: leadingGroupReview };
      break;
    }
    case 'dept_opinion':
      needs(input.opinion, 'OPINION_REQUIRED', '请填写科室初审意见');
      break;
    case 'secrecy_opinion': {
      if (!input.conclusion) throw badRequest('CONCLUSION_REQUIRED', '请选择审查结论：主动公开、依申请公开、免予公开或需报审');
      const opinion = needs(input.opinion, 'OPINION_REQUIRED', '请填写保密审查意见');
      refuse(opinionProblems(facts, input.conclusion));
      changes = { conclusion: input.conclusion };
      if (input.conclusion === 'refer') {
        to = 'referred';
        await openReferral(tx, deps, actor, row, opinion);
      }
      break;
    }
    case 'refer_answer':
      await answerReferral(tx, deps, row, needs(input.opinion, 'OPINION_REQUIRED', '请登记保密行政管理部门的书面答复'));
      changes = { conclusion: null };
      break;
    case 'approve': {
      refuse(approveProblems(facts));
      changes = { attribute: finalAttribute(row.conclusion) };
      break;
    }
    case 'publish':
      changes = await publishItem(tx, deps, row, facts, input.channels ?? []);
      await recordResponsePublished(tx, deps.clock, row.id);
      break;
    case 'convert_to_proactive':
      needs(input.reason, 'REASON_REQUIRED', '请说明转为主动公开的理由');
      // Deciding to publish is a change (PUB-3): the 20 working days run from today.
      changes = { attribute: 'proactive', attribute_reason: '', conclusion: null, changed_on: chinaToday(deps.clock) };
      break;
    case 'revise':
      changes = {
        version: row.version + 1,
        change_reason: needs(input.reason, 'REASON_REQUIRED', '请说明修订理由'),
        changed_on: chinaToday(deps.clock),
        conclusion: null,
        // 谁起草、谁解读: whoever takes up the revision drafts the new version.
        ...(role === 'drafter' && { drafter_id: actor.userId }),
      };
      break;
  }

  await tx.updateTable('items').set({ ...changes, state: to, updated_at: now }).where('id', '=', id).execute();
  const after = await loadItem(tx, id);
  await syncPublicationDeadline(tx, deps, after);
  await tx.insertInto('item_steps').values({
    id: newId(), item_id: id, at: now, actor_id: actor.userId, actor_name: actor.name, role, action, from_state: row.state, to_state: to,
    opinion: (input.opinion ?? input.reason ?? '').trim(),
    data_json: JSON.stringify({ ...(input.conclusion && { conclusion: input.conclusion }), ...(input.channels && { channels: input.channels }), ...(action === 'publish' && { indexNumber: after.index_number }) }),
  }).execute();
  await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: `item.${action}`, entityType: 'item', entityId: id, before: { state: row.state }, after: { state: to, ...changes }, ip: actor.ip });
  if (after.published_at && action === 'publish') await afterPublication(tx, deps.clock, { ...after, published_at: after.published_at });
  return row;
}
