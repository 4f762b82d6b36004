import { isoDate } from '../../core/calendar.ts';
import { chinaToday, isoNow, type Clock } from '../../core/clock.ts';
import { AppError, badRequest, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Db, Tx } from '../../db/database.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { auditActor, requireRoleIn, type Actor } from '../auth/actor.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { meetDeadline, openDeadline, presentDeadline, setDeadline } from '../deadlines/deadlines.service.ts';
import { ITEM_ROLES } from '../documents/documents.repo.ts';
import type { Problem } from '../documents/documents.rules.ts';
import type { Role } from '../org/org.rules.ts';
import { evaluationDue, evaluationTermDays, isEvaluablePolicy, keyTaskProblems, progressProblems, type KeyTaskFields } from './keytasks.rules.ts';
import type { KeyTaskTable } from './keytasks.tables.ts';

export type Deps = { db: Db; clock: Clock };

const EVALUATION_RULE = 'FIVE-5';
export const evaluationSubject = (id: string) => ({ type: 'policy_evaluation', id });
/** An evaluation shows on the office's to-do list this many days before its report is due. */
const TODO_AHEAD_DAYS = 30;

function refuse(problems: Problem[]): void {
  if (!problems.length) return;
  throw new AppError(problems[0]!.code, 400, problems.map((p) => p.message).join('；'), { problems });
}

const present = (r: KeyTaskTable, progress: { id: string; on_date: string; text: string }[]) => ({
  id: r.id, year: r.year, title: r.title, measures: r.measures, steps: r.steps, units: r.units, published: r.published === 1, updatedAt: r.updated_at,
  progress: progress.map((p) => ({ id: p.id, onDate: p.on_date, text: p.text })),
});

async function withProgress(db: Tx, rows: KeyTaskTable[]) {
  const progress = rows.length
    ? await db.selectFrom('key_task_progress').select(['id', 'task_id', 'on_date', 'text']).where('task_id', 'in', rows.map((r) => r.id)).orderBy('on_date').orderBy('created_at').execute()
    : [];
  return rows.map((r) => present(r, progress.filter((p) => p.task_id === r.id)));
}

/** The agency's key tasks, newest year first, each with its progress. */
export async function listKeyTasks(deps: Deps, actor: Actor) {
  requireRoleIn(actor, ITEM_ROLES, actor.agencyId);
  const rows = await deps.db.selectFrom('key_tasks').selectAll().where('agency_id', '=', actor.agencyId).orderBy('year', 'desc').orderBy('created_at').execute();
  return { items: await withProgress(deps.db, rows) };
}

export async function publicKeyTasks(db: Db, agencyId: string) {
  const rows = await db.selectFrom('key_tasks').selectAll().where('agency_id', '=', agencyId).where('published', '=', 1).orderBy('year', 'desc').orderBy('created_at').execute();
  return withProgress(db, rows);
}

export type KeyTaskInput = KeyTaskFields & { published: boolean };

const columns = (f: KeyTaskInput) => ({ year: f.year, title: f.title.trim(), measures: f.measures.trim(), steps: f.steps.trim(), units: f.units.trim(), published: f.published ? 1 : 0 });

async function audit(tx: Tx, deps: Deps, actor: Actor, role: Role, agencyId: string, action: string, entityType: string, entityId: string, change: { before?: unknown; after?: unknown }) {
  await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId, action, entityType, entityId, ...change, ip: actor.ip });
}

/** The office keeps the list (FIVE-2). */
export async function createKeyTask(deps: Deps, actor: Actor, input: KeyTaskInput) {
  const role = requireRoleIn(actor, ['office'], actor.agencyId);
  refuse(keyTaskProblems(input));
  return deps.db.transaction().execute(async (tx) => {
    const id = newId();
    const now = isoNow(deps.clock);
    await tx.insertInto('key_tasks').values({ id, agency_id: actor.agencyId, ...columns(input), created_at: now, updated_at: now }).execute();
    await audit(tx, deps, actor, role, actor.agencyId, 'key_task.create', 'key_task', id, { after: columns(input) });
    return { id };
  });
}

async function ownTask(tx: Tx, actor: Actor, id: string) {
  const row = await tx.selectFrom('key_tasks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('重点工作');
  return { row, role: requireRoleIn(actor, ['office'], row.agency_id) };
}

export async function updateKeyTask(deps: Deps, actor: Actor, id: string, input: KeyTaskInput) {
  refuse(keyTaskProblems(input));
  await deps.db.transaction().execute(async (tx) => {
    const { row, role } = await ownTask(tx, actor, id);
    await tx.updateTable('key_tasks').set({ ...columns(input), updated_at: isoNow(deps.clock) }).where('id', '=', id).execute();
    await audit(tx, deps, actor, role, row.agency_id, 'key_task.update', 'key_task', id, { before: row, after: columns(input) });
  });
}

export async function deleteKeyTask(deps: Deps, actor: Actor, id: string) {
  await deps.db.transaction().execute(async (tx) => {
    const { row, role } = await ownTask(tx, actor, id);
    await tx.deleteFrom('key_task_progress').where('task_id', '=', id).execute();
    await tx.deleteFrom('key_tasks').where('id', '=', id).execute();
    await audit(tx, deps, actor, role, row.agency_id, 'key_task.delete', 'key_task', id, { before: row });
  });
}

/** A dated progress entry (FIVE-2). */
export async function addProgress(deps: Deps, actor: Actor, id: string, input: { onDate: string; text: string }) {
  refuse(progressProblems(input.onDate, input.text, chinaToday(deps.clock)));
  await deps.db.transaction().execute(async (tx) => {
    const { row, role } = await ownTask(tx, actor, id);
    const now = isoNow(deps.clock);
    await tx.insertInto('key_task_progress').values({ id: newId(), task_id: id, on_date: input.onDate, text: input.text.trim(), created_by: actor.userId, created_at: now }).execute();
    await tx.updateTable('key_tasks').set({ updated_at: now }).where('id', '=', id).execute();
    await audit(tx, deps, actor, role, row.agency_id, 'key_task.progress', 'key_task', id, { after: input });
  });
}

// ---- FIVE-5: the evaluation of a major policy one year after it takes effect ----

async function publishedItem(tx: Tx, agencyId: string, itemId: string, what: string) {
  const item = await tx.selectFrom('items').select(['id', 'agency_id', 'title', 'state', 'published_at', 'policy_level', 'major']).where('id', '=', itemId).executeTakeFirst();
  if (!item || item.agency_id !== agencyId || !item.published_at) throw badRequest('ITEM_NOT_PUBLISHED', `请选择本机关已发布的${what}`);
  return item;
}

/** The office registers a published major policy with the day it took effect; the report's clock starts then. */
export async function registerEvaluation(deps: Deps, actor: Actor, input: { policyItemId: string; effectiveOn: string }) {
  const role = requireRoleIn(actor, ['office'], actor.agencyId);
  return deps.db.transaction().execute(async (tx) => {
    const item = await publishedItem(tx, actor.agencyId, input.policyItemId, '政策文件');
    if (!isEvaluablePolicy(item)) throw badRequest('NOT_A_POLICY', '只有政策性文件或重大事项需要开展实施评估');
    if (await tx.selectFrom('policy_evaluations').select('id').where('policy_item_id', '=', item.id).executeTakeFirst()) throw badRequest('EVALUATION_EXISTS', '该政策已登记实施评估');
    const effectiveOn = isoDate(input.effectiveOn);
    const id = newId();
    await tx.insertInto('policy_evaluations').values({ id, agency_id: actor.agencyId, policy_item_id: item.id, effective_on: effectiveOn, report_item_id: null, created_at: isoNow(deps.clock) }).execute();
    await setDeadline(tx, await loadCalendar(tx), deps.clock, { agencyId: actor.agencyId, ...evaluationSubject(id) }, {
      rule: EVALUATION_RULE, term: { unit: 'calendarDays', n: evaluationTermDays(effectiveOn) }, startedAt: new Date(`${effectiveOn}T00:00:00+08:00`).toISOString(), startedAs: '政策施行',
    });
    await audit(tx, deps, actor, role, actor.agencyId, 'policy_evaluation.create', 'policy_evaluation', id, { after: { policyItemId: item.id, effectiveOn } });
    return { id };
  });
}

/** The published evaluation report is linked to its policy; the clock is met. */
export async function linkEvaluationReport(deps: Deps, actor: Actor, id: string, reportItemId: string) {
  await deps.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('policy_evaluations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('实施评估');
    const role = requireRoleIn(actor, ['office'], row.agency_id);
    const report = await publishedItem(tx, row.agency_id, reportItemId, '评估报告');
    if (report.id === row.policy_item_id) throw badRequest('REPORT_IS_POLICY', '评估报告不能是政策文件本身');
    await tx.updateTable('policy_evaluations').set({ report_item_id: report.id }).where('id', '=', id).execute();
    await meetDeadline(tx, evaluationSubject(id), EVALUATION_RULE, isoNow(deps.clock));
    await audit(tx, deps, actor, role, row.agency_id, 'policy_evaluation.report', 'policy_evaluation', id, { after: { reportItemId: report.id } });
  });
}

async function evaluationRows(db: Tx, agencyId: string) {
  return db.selectFrom('policy_evaluations as e')
    .innerJoin('items as p', 'p.id', 'e.policy_item_id')
    .leftJoin('items as r', 'r.id', 'e.report_item_id')
    .select(['e.id', 'e.policy_item_id', 'e.effective_on', 'e.report_item_id', 'p.title as policy_title', 'r.title as report_title'])
    .where('e.agency_id', '=', agencyId)
    .orderBy('e.effective_on', 'desc')
    .execute();
}

export async function listEvaluations(deps: Deps, actor: Actor) {
  requireRoleIn(actor, ITEM_ROLES, actor.agencyId);
  const rows = await evaluationRows(deps.db, actor.agencyId);
  const cal = await loadCalendar(deps.db);
  const now = isoNow(deps.clock);
  const items = [];
  for (const r of rows) {
    const d = await deps.db.selectFrom('deadlines').select('spec_json').where('subject_type', '=', 'policy_evaluation').where('subject_id', '=', r.id).where('rule', '=', EVALUATION_RULE).executeTakeFirst();
    items.push({
      id: r.id, policyItemId: r.policy_item_id, policyTitle: r.policy_title, effectiveOn: r.effective_on, dueOn: evaluationDue(isoDate(r.effective_on)),
      reportItemId: r.report_item_id, reportTitle: r.report_title, deadline: d ? presentDeadline(cal, d, now) : null,
    });
  }
  return { items };
}

export async function publicEvaluations(db: Db, agencyId: string) {
  return (await evaluationRows(db, agencyId)).map((r) => ({
    policyItemId: r.policy_item_id, policyTitle: r.policy_title, effectiveOn: r.effective_on, dueOn: evaluationDue(isoDate(r.effective_on)), reportItemId: r.report_item_id, reportTitle: r.report_title,
  }));
}

/** The office's to-do: evaluation reports due within 30 days or overdue. */
export async function evaluationTodos(deps: Deps, actor: Actor) {
  if (!actor.reach.get('office')?.has(actor.agencyId)) return [];
  const horizon = new Date(deps.clock().getTime() + TODO_AHEAD_DAYS * 86_400_000).toISOString();
  const rows = await deps.db.selectFrom('policy_evaluations as e').innerJoin('items as p', 'p.id', 'e.policy_item_id').select(['e.id', 'p.title']).where('e.agency_id', '=', actor.agencyId).where('e.report_item_id', 'is', null).execute();
  const cal = await loadCalendar(deps.db);
  const now = isoNow(deps.clock);
  const out = [];
  for (const r of rows) {
    const d = await openDeadline(deps.db, evaluationSubject(r.id), EVALUATION_RULE);
    if (!d || d.due_at > horizon) continue;
    const view = presentDeadline(cal, d, now);
    out.push({ id: r.id, kind: 'policy_evaluation', title: `待公开政策实施评估报告：${r.title}`, due: view.dueDate, light: view.light, link: '/key-tasks', attribute: null });
  }
  return out;
}
