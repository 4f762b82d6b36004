import { chinaDateOf, chinaToday, isoNow } from '../../core/clock.ts';
import { notFound } from '../../core/errors.ts';
import { offsetOf, type Page, type Paging } from '../../core/paging.ts';
import { inOneTransaction, type Tx } from '../../db/database.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { auditActor, requireRoleIn, type Actor } from '../auth/actor.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { presentDeadline, type DeadlinePresentation } from '../deadlines/deadlines.service.ts';
import { ITEM_ROLES, loadItem, readableItem, type Deps } from '../documents/documents.repo.ts';
import { createItem, getItem, refuse, updateItem, type ItemInput } from '../documents/documents.service.ts';
import {
  daysSettingProblems, INTERPRETATION_CATEGORY, INTERPRETATION_RULE, linkProblems, reissueProblems, syncRate, yearWarning,
  type Checklist, type Form, type FormContent,
} from './interpretation.rules.ts';
import { draftProblems, interpretationDays, interpretationSubject, linkedPolicies } from './interpretation.workflow.ts';

/**
 * Interpretations (政策解读) as items of their own: drafted with their form, checklist and the
 * policies they explain, reviewed through the documents workflow, and watched by the 三同步
 * clocks, rate and year view.
 */

export type InterpretationInput = {
  title: string;
  summary?: string | undefined;
  body?: string | undefined;
  dateMade: string;
  form: Form;
  content?: FormContent | undefined;
  checklist?: Checklist | undefined;
  policyIds: string[];
};

/** The item fields of an interpretation: other information of category 政策解读, proactive. */
const itemInputOf = (i: Partial<InterpretationInput>): Partial<ItemInput> => ({
  ...(i.title !== undefined && { title: i.title }),
  ...(i.summary !== undefined && { summary: i.summary }),
  ...(i.body !== undefined && { body: i.body }),
  ...(i.dateMade !== undefined && { dateMade: i.dateMade }),
});

async function policiesFor(tx: Tx, ids: string[]) {
  const rows = ids.length ? await tx.selectFrom('items').select(['id', 'title', 'agency_id', 'unit_id', 'category', 'policy_level', 'state']).where('id', 'in', ids).execute() : [];
  if (rows.length !== new Set(ids).size) throw notFound('政策文件');
  return rows.map((r) => ({ id: r.id, title: r.title, agencyId: r.agency_id, unitId: r.unit_id, category: r.category, policyLevel: r.policy_level, state: r.state }));
}

async function writeLinks(tx: Tx, interpretationId: string, policyIds: string[]) {
  await tx.deleteFrom('interpretation_links').where('interpretation_id', '=', interpretationId).execute();
  for (const policyId of new Set(policyIds)) await tx.insertInto('interpretation_links').values({ interpretation_id: interpretationId, policy_id: policyId }).execute();
}

/** INT-2: the drafter writes the interpretation for policies of their own unit (the lead unit of a joint document). */
export async function createInterpretation(deps: Deps, actor: Actor, input: InterpretationInput, reissue?: { of: string; reason: string }) {
  const id = await inOneTransaction(deps.db, async (db) => {
    const item = await createItem({ ...deps, db }, actor, {
      kind: 'other', category: INTERPRETATION_CATEGORY, attribute: 'proactive', policyLevel: 'none', title: input.title, dateMade: input.dateMade,
      summary: input.summary, body: input.body,
    });
    refuse(linkProblems({ agencyId: item.agencyId, unitId: item.unitId }, await policiesFor(db, input.policyIds)));
    await db.insertInto('interpretations').values({
      item_id: item.id, form: input.form, content_json: JSON.stringify(input.content ?? {}), checklist_json: JSON.stringify(input.checklist ?? {}),
      reissue_of: reissue?.of ?? null, reissue_reason: reissue?.reason ?? '',
    }).execute();
    await writeLinks(db, item.id, input.policyIds);
    await appendAudit(db, deps.clock, { actor: auditActor(actor, 'drafter'), agencyId: item.agencyId, action: reissue ? 'interpretation.reissue' : 'interpretation.create', entityType: 'item', entityId: item.id, after: { form: input.form, policyIds: input.policyIds, ...(reissue && { reissueOf: reissue.of, reason: reissue.reason }) }, ip: actor.ip });
    return item.id;
  });
  return getInterpretation(deps, actor, id);
}

/** The drafter edits a draft interpretation: the item's fields through the documents service, then form, checklist and links. */
export async function updateInterpretation(deps: Deps, actor: Actor, id: string, patch: Partial<InterpretationInput>) {
  await inOneTransaction(deps.db, async (db) => {
    const meta = await db.selectFrom('interpretations').selectAll().where('item_id', '=', id).executeTakeFirst();
    if (!meta) throw notFound('政策解读');
    const item = await updateItem({ ...deps, db }, actor, id, itemInputOf(patch));
    if (patch.policyIds) {
      refuse(linkProblems({ agencyId: item.agencyId, unitId: item.unitId }, await policiesFor(db, patch.policyIds)));
      await writeLinks(db, id, patch.policyIds);
    }
    await db.updateTable('interpretations').set({
      ...(patch.form !== undefined && { form: patch.form }),
      ...(patch.content !== undefined && { content_json: JSON.stringify(patch.content) }),
      ...(patch.checklist !== undefined && { checklist_json: JSON.stringify(patch.checklist) }),
    }).where('item_id', '=', id).execute();
    await appendAudit(db, deps.clock, { actor: auditActor(actor, 'drafter'), agencyId: item.agencyId, action: 'interpretation.update', entityType: 'item', entityId: id, after: { form: patch.form, policyIds: patch.policyIds }, ip: actor.ip });
  });
  return getInterpretation(deps, actor, id);
}

/** INT-9: a published interpretation is interpreted again, with the reason, for the same policies. */
export async function reissueInterpretation(deps: Deps, actor: Actor, firstId: string, reason: string, input: Omit<InterpretationInput, 'policyIds'>) {
  const first = await readableItem(deps.db, actor, firstId);
  refuse(reissueProblems({ category: first.category, published: first.published_at !== null }, reason));
  const policyIds = (await linkedPolicies(deps.db, firstId)).map((p) => p.id);
  return createInterpretation(deps, actor, { ...input, policyIds }, { of: firstId, reason: reason.trim() });
}

export async function getInterpretation(deps: Deps, actor: Actor, id: string) {
  const detail = await getItem(deps, actor, id);
  const meta = await deps.db.selectFrom('interpretations').selectAll().where('item_id', '=', id).executeTakeFirst();
  if (!meta) throw notFound('政策解读');
  const row = await loadItem(deps.db, id);
  const [policies, reissues, first, problems] = await Promise.all([
    linkedPolicies(deps.db, id),
    deps.db.selectFrom('interpretations').innerJoin('items', 'items.id', 'interpretations.item_id').select(['items.id', 'items.title', 'items.state', 'interpretations.reissue_reason']).where('interpretations.reissue_of', '=', id).orderBy('items.created_at').execute(),
    meta.reissue_of ? deps.db.selectFrom('items').select(['id', 'title']).where('id', '=', meta.reissue_of).executeTakeFirst() : undefined,
    row.state === 'draft' ? draftProblems(deps.db, row) : [],
  ]);
  return {
    ...detail,
    interpretation: {
      form: meta.form, content: JSON.parse(meta.content_json) as FormContent, checklist: JSON.parse(meta.checklist_json) as Checklist,
      policies: policies.map((p) => ({ id: p.id, title: p.title, state: p.state, publishedAt: p.publishedAt })),
      reissueOf: first ? { id: first.id, title: first.title, reason: meta.reissue_reason } : null,
      reissues: reissues.map((r) => ({ id: r.id, title: r.title, state: r.state, reason: r.reissue_reason })),
      /** What the office check would refuse now (shown to the drafter while drafting). */
      problems: problems.map((p) => p.message),
    },
  };
}

// ---- 三同步: the policies that must be interpreted, their clocks, the rate ----

const clockRows = (tx: Tx, agencyId: string) =>
  tx.selectFrom('deadlines').select(['deadlines.subject_id', 'deadlines.spec_json', 'deadlines.met_at', 'deadlines.due_at'])
    .where('deadlines.agency_id', '=', agencyId).where('deadlines.subject_type', '=', interpretationSubject('').type).where('deadlines.rule', '=', INTERPRETATION_RULE);

/**
 * The agency's interpretation clocks as presented at `now`, and its 三同步 rate over them
 * (INT-3, INT-5); `due` keeps only the clocks falling due in [from, to), as supervision's
 * indicator reads a period (SUP-2).
 */
export async function syncClocks(db: Tx, agencyId: string, now: string, due?: { from: string; to: string }) {
  const cal = await loadCalendar(db);
  let q = clockRows(db, agencyId);
  if (due) q = q.where('deadlines.due_at', '>=', due.from).where('deadlines.due_at', '<', due.to);
  const clocks = await q.execute();
  const views = new Map(clocks.map((c) => [c.subject_id, presentDeadline(cal, c, now)]));
  return { clocks, views, rate: syncRate([...views.values()]) };
}

export type PolicyClockRow = {
  policyId: string; title: string; docNumber: string; unitName: string; publishedAt: string | null; policyLevel: string;
  deadline: DeadlinePresentation | null;
  interpretations: { id: string; title: string; state: string; publishedAt: string | null }[];
};

/**
 * The agency's policies that must be interpreted (INT-1), newest first, each with its
 * interpretations and its 10-working-day clock (INT-5), and the agency's 三同步 rate.
 */
export async function syncOverview(deps: Deps, actor: Actor, filter: { pending?: boolean | undefined }, page: Paging) {
  requireRoleIn(actor, ITEM_ROLES, actor.agencyId);
  const { clocks, views, rate } = await syncClocks(deps.db, actor.agencyId, isoNow(deps.clock));
  const figures = { rate, days: await interpretationDays(deps.db, actor.agencyId) };
  let q = deps.db.selectFrom('items').innerJoin('units', 'units.id', 'items.unit_id')
    .select(['items.id', 'items.title', 'items.doc_number', 'items.published_at', 'items.policy_level', 'units.name as unit_name'])
    .where('items.agency_id', '=', actor.agencyId).where('items.category', '!=', INTERPRETATION_CATEGORY).where('items.policy_level', '!=', 'none');
  if (filter.pending) {
    const open = clocks.filter((c) => c.met_at === null).map((c) => c.subject_id);
    if (open.length === 0) return { ...page, total: 0, items: [] as PolicyClockRow[], ...figures };
    q = q.where('items.id', 'in', open);
  }
  const [{ total }] = (await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).execute()) as [{ total: number }];
  const rows = await q.orderBy('items.published_at', 'desc').orderBy('items.updated_at', 'desc').limit(page.pageSize).offset(offsetOf(page)).execute();
  const links = rows.length
    ? await deps.db.selectFrom('interpretation_links').innerJoin('items', 'items.id', 'interpretation_links.interpretation_id')
      .select(['interpretation_links.policy_id', 'items.id', 'items.title', 'items.state', 'items.published_at'])
      .where('interpretation_links.policy_id', 'in', rows.map((r) => r.id)).orderBy('items.created_at').execute()
    : [];
  const items: PolicyClockRow[] = rows.map((r) => ({
    policyId: r.id, title: r.title, docNumber: r.doc_number, unitName: r.unit_name, publishedAt: r.published_at, policyLevel: r.policy_level,
    deadline: views.get(r.id) ?? null,
    interpretations: links.filter((l) => l.policy_id === r.id).map((l) => ({ id: l.id, title: l.title, state: l.state, publishedAt: l.published_at })),
  }));
  const result: Page<PolicyClockRow> = { ...page, total: Number(total), items };
  return { ...result, ...figures };
}

/** INT-8: the year's interpreted policies, the important ones apart, and the fourth-quarter warning. */
export async function yearView(deps: Deps, actor: Actor, year: number) {
  requireRoleIn(actor, ITEM_ROLES, actor.agencyId);
  const rows = await deps.db.selectFrom('interpretation_links')
    .innerJoin('items as i', 'i.id', 'interpretation_links.interpretation_id')
    .innerJoin('items as p', 'p.id', 'interpretation_links.policy_id')
    .select(['p.id as policyId', 'p.title as policyTitle', 'p.policy_level as policyLevel', 'i.id as interpretationId', 'i.title as interpretationTitle', 'i.published_at as publishedAt'])
    .where('i.agency_id', '=', actor.agencyId).where('i.published_at', 'is not', null)
    .orderBy('i.published_at')
    .execute();
  const thisYear = rows.filter((r) => chinaDateOf(r.publishedAt!).startsWith(`${year}-`));
  const important = new Set(thisYear.filter((r) => r.policyLevel === 'important').map((r) => r.policyId));
  const today = chinaToday(deps.clock);
  return {
    year, importantInterpreted: important.size, interpreted: thisYear,
    warning: today.startsWith(`${year}-`) ? yearWarning(today, important.size) : null,
  };
}

export async function interpretationSettings(deps: Deps, actor: Actor) {
  requireRoleIn(actor, ITEM_ROLES, actor.agencyId);
  return { days: await interpretationDays(deps.db, actor.agencyId) };
}

/** INT-5: the office may set a stricter figure; open clocks keep the term they started with. */
export async function setInterpretationDays(deps: Deps, actor: Actor, days: number) {
  const role = requireRoleIn(actor, ['office'], actor.agencyId);
  refuse(daysSettingProblems(days));
  await deps.db.transaction().execute(async (tx) => {
    const before = await interpretationDays(tx, actor.agencyId);
    const now = isoNow(deps.clock);
    await tx.insertInto('interpretation_settings').values({ agency_id: actor.agencyId, days, updated_by: actor.userId, updated_at: now })
      .onConflict((oc) => oc.column('agency_id').doUpdateSet({ days, updated_by: actor.userId, updated_at: now })).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: actor.agencyId, action: 'interpretation.settings', entityType: 'agency', entityId: actor.agencyId, before: { days: before }, after: { days }, ip: actor.ip });
  });
  return { days };
}

/** The drafting unit's to-dos (INT-2, INT-5): each published policy of the unit whose interpretation is still owed. */
export async function interpretationTodos(deps: Deps, actor: Actor) {
  if (!actor.reach.get('drafter')?.has(actor.agencyId)) return [];
  const user = await deps.db.selectFrom('users').select('unit_id').where('id', '=', actor.userId).executeTakeFirstOrThrow();
  if (!user.unit_id) return [];
  const rows = await clockRows(deps.db, actor.agencyId).where('deadlines.met_at', 'is', null)
    .innerJoin('items', 'items.id', 'deadlines.subject_id').select(['items.title']).where('items.unit_id', '=', user.unit_id).execute();
  const cal = await loadCalendar(deps.db);
  const now = isoNow(deps.clock);
  return rows.map((r) => {
    const d = presentDeadline(cal, r, now);
    return { id: r.subject_id, kind: 'interpretation', title: `待发布政策解读：${r.title}`, due: d.dueDate, light: d.light, link: `/interpretation/new?policy=${r.subject_id}`, attribute: null };
  });
}
