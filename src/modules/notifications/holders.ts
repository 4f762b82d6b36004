import type { Tx } from '../../db/database.ts';
import { CLOCK_SUBJECTS, isClockSubjectType, subjectPath, type ClockSubjectType } from '../deadlines/subjects.rules.ts';
import type { Role } from '../org/org.rules.ts';

/**
 * Who holds a subject now, per `subject_type` of the deadlines table: the people a reminder
 * goes to, the unit whose head an escalation reaches, and what the message may say about it
 * (a title and a console link, never a citizen's personal data). The resolvers are a record
 * over the subject types of deadlines/subjects.rules.ts, whose names and links they use: a
 * type added there without a resolver here does not compile. A type stored by no registered
 * capability falls back to the agency's disclosure office (公开办).
 */
export type Holder = { title: string; link: string | null; unitId: string | null; userIds: string[] };
export type HolderResolver = (tx: Tx, subjectId: string, agencyId: string) => Promise<Holder | undefined>;

/** Active users holding `role` by a grant on the agency itself, optionally of one unit. */
export async function roleHolders(tx: Tx, agencyId: string, role: Role, unitId?: string | null): Promise<string[]> {
  let q = tx
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .select('users.id')
    .where('role_grants.agency_id', '=', agencyId)
    .where('role_grants.role', '=', role)
    .where('users.status', '=', 'active');
  if (unitId) q = q.where('users.unit_id', '=', unitId);
  return [...new Set((await q.orderBy('users.username').execute()).map((r) => r.id))];
}

export async function resolveHolder(tx: Tx, subjectType: string, subjectId: string, agencyId: string): Promise<Holder> {
  const found = isClockSubjectType(subjectType) ? await RESOLVERS[subjectType](tx, subjectId, agencyId) : undefined;
  const userIds = found?.userIds.length ? found.userIds : await roleHolders(tx, agencyId, 'office');
  return { title: found?.title ?? '办理事项', link: found?.link ?? null, unitId: found?.unitId ?? null, userIds };
}

/** Who acts on an item in each state of its workflow (documents.rules.ts TRANSITIONS). */
const ITEM_HOLDER: Record<string, Role | 'drafter_self'> = {
  draft: 'drafter_self', office_check: 'office', dept_review: 'dept_head', secrecy_review: 'secrecy_reviewer',
  referred: 'office', leader_approval: 'leader', approved: 'office', published: 'office',
};

async function itemHolder(tx: Tx, itemId: string): Promise<Holder | undefined> {
  const item = await tx.selectFrom('items').select(['id', 'agency_id', 'unit_id', 'drafter_id', 'title', 'state']).where('id', '=', itemId).executeTakeFirst();
  if (!item) return undefined;
  const who = ITEM_HOLDER[item.state] ?? 'office';
  const userIds = who === 'drafter_self' ? [item.drafter_id] : await roleHolders(tx, item.agency_id, who, who === 'dept_head' ? item.unit_id : null);
  return { title: `“${item.title}”`, link: subjectPath('item', item.id), unitId: item.unit_id, userIds };
}

/** A consultation or secrecy referral of an item (LAW-32, LAW-34, SEC-8): the office chases it. */
const itemConsultationHolder: HolderResolver = async (tx, id) => {
  const c = await tx.selectFrom('item_consultations').innerJoin('items', 'items.id', 'item_consultations.item_id').select(['items.id', 'items.agency_id', 'items.unit_id', 'items.title']).where('item_consultations.id', '=', id).executeTakeFirst();
  if (!c) return undefined;
  return { title: `“${c.title}”的征求意见`, link: subjectPath('item', c.id), unitId: c.unit_id, userIds: await roleHolders(tx, c.agency_id, 'office') };
};

/** An application: the office, and the unit's contact person once it is assigned to a unit (ORG-3). */
async function applicationHolder(tx: Tx, id: string): Promise<Holder | undefined> {
  const a = await tx.selectFrom('applications').leftJoin('units', 'units.id', 'applications.unit_id').select(['applications.id', 'applications.agency_id', 'applications.unit_id', 'applications.reg_number', 'units.contact_user_id']).where('applications.id', '=', id).executeTakeFirst();
  if (!a) return undefined;
  const office = await roleHolders(tx, a.agency_id, 'office');
  return { title: `申请 ${a.reg_number}`, link: subjectPath('application', a.id), unitId: a.unit_id, userIds: [...new Set([...office, ...(a.contact_user_id ? [a.contact_user_id] : [])])] };
}

const applicationConsultationHolder: HolderResolver = async (tx, id) => {
  const c = await tx.selectFrom('application_consultations').select('application_id').where('id', '=', id).executeTakeFirst();
  const holder = c && (await applicationHolder(tx, c.application_id));
  return holder && { ...holder, title: `${holder.title}的征求意见` };
};

/** A citizen's message (OP-6): the unit it is assigned to answers it; before and after, the office. */
const messageHolder: HolderResolver = async (tx, id) => {
  const m = await tx.selectFrom('citizen_messages').select(['id', 'agency_id', 'unit_id', 'state', 'topic']).where('id', '=', id).executeTakeFirst();
  if (!m) return undefined;
  const unitHolders = m.state === 'assigned' && m.unit_id ? [...(await roleHolders(tx, m.agency_id, 'dept_head', m.unit_id)), ...(await roleHolders(tx, m.agency_id, 'drafter', m.unit_id))] : [];
  const userIds = unitHolders.length ? unitHolders : await roleHolders(tx, m.agency_id, 'office');
  return { title: `网民留言“${m.topic}”`, link: subjectPath('citizen_message', m.id), unitId: m.unit_id, userIds: [...new Set(userIds)] };
};

/** A coordination request (COORD-1): its clock belongs to the agency that owes the answer, whose office answers. */
const coordinationHolder: HolderResolver = async (tx, id, agencyId) => {
  const r = await tx.selectFrom('coordination_requests').select(['id', 'subject_title']).where('id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  return { title: `“${r.subject_title}”的发布协调`, link: subjectPath('coordination_request', r.id), unitId: null, userIds: await roleHolders(tx, agencyId, 'office') };
};

/** The published feedback on a consultation (FIVE-1): the office publishes it. */
const feedbackHolder: HolderResolver = async (tx, id) => {
  const c = await tx.selectFrom('consultations').select(['id', 'agency_id', 'title']).where('id', '=', id).executeTakeFirst();
  if (!c) return undefined;
  return { title: `“${c.title}”的意见采纳情况`, link: subjectPath('consultation_feedback', c.id), unitId: null, userIds: await roleHolders(tx, c.agency_id, 'office') };
};

/** A major policy's evaluation report one year on (FIVE-5): the drafting unit writes it, the office publishes it. */
const evaluationHolder: HolderResolver = async (tx, id) => {
  const e = await tx.selectFrom('policy_evaluations').innerJoin('items', 'items.id', 'policy_evaluations.policy_item_id').select(['items.agency_id', 'items.unit_id', 'items.title']).where('policy_evaluations.id', '=', id).executeTakeFirst();
  if (!e) return undefined;
  return { title: `“${e.title}”的实施评估报告`, link: subjectPath('policy_evaluation', id), unitId: e.unit_id, userIds: await roleHolders(tx, e.agency_id, 'office') };
};

/** An opinion case (OP-3): the opinion lead runs it; once transferred, the responsible unit's staff answer too. */
const opinionCaseHolder: HolderResolver = async (tx, id) => {
  const c = await tx.selectFrom('opinion_cases').select(['id', 'agency_id', 'title', 'responsible_unit_id']).where('id', '=', id).executeTakeFirst();
  if (!c) return undefined;
  const unit = c.responsible_unit_id ? await roleHolders(tx, c.agency_id, 'dept_head', c.responsible_unit_id) : [];
  return { title: `舆情“${c.title}”`, link: subjectPath('opinion_case', c.id), unitId: c.responsible_unit_id, userIds: [...new Set([...(await roleHolders(tx, c.agency_id, 'opinion_lead')), ...unit])] };
};

/** The response item of an opinion case (OP-4) on its expedited route: whoever holds the item now. */
const responseItemHolder: HolderResolver = async (tx, id) => {
  const holder = await itemHolder(tx, id);
  return holder && { ...holder, title: `舆情回应${holder.title}` };
};

/** A policy still waiting for its interpretation (INT-5): the policy's drafting unit writes it. */
const interpretationHolder: HolderResolver = async (tx, id) => {
  const p = await tx.selectFrom('items').select(['id', 'agency_id', 'unit_id', 'title']).where('id', '=', id).executeTakeFirst();
  if (!p) return undefined;
  return { title: `“${p.title}”的政策解读`, link: subjectPath('policy_interpretation', id), unitId: p.unit_id, userIds: await roleHolders(tx, p.agency_id, 'drafter', p.unit_id) };
};

/** The annual and the monthly report (LAW-49, SUP-5): the office drafts them; the subject id is `agency:period`. */
const reportHolder = (type: 'annual_report' | 'monthly_report'): HolderResolver => async (tx, id, agencyId) =>
  ({ title: `${id.split(':')[1] ?? ''}${CLOCK_SUBJECTS[type].label}`, link: subjectPath(type, id), unitId: null, userIds: await roleHolders(tx, agencyId, 'office') });

const RESOLVERS: Record<ClockSubjectType, HolderResolver> = {
  item: itemHolder, consultation: itemConsultationHolder, application: applicationHolder, application_consultation: applicationConsultationHolder,
  citizen_message: messageHolder, coordination_request: coordinationHolder, consultation_feedback: feedbackHolder, policy_evaluation: evaluationHolder,
  opinion_case: opinionCaseHolder, opinion_response_item: responseItemHolder, policy_interpretation: interpretationHolder,
  annual_report: reportHolder('annual_report'), monthly_report: reportHolder('monthly_report'),
};
