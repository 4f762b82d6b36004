import ExcelJS from 'exceljs';
import { chinaDateTimeOf, chinaToday, isoNow } from '../../core/clock.ts';
import { badRequest } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { offsetOf, type Paging } from '../../core/paging.ts';
import { countFacets, FACET_COLUMNS } from '../catalog/catalog.entries.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { auditActor, requireRoleIn, type Actor } from '../auth/actor.ts';
import type { Role } from '../org/org.rules.ts';
import { ATTRIBUTES, CATEGORIES, requiredPaperCopies, STATES, VALIDITIES, type Attribute, type State, type Validity } from './documents.rules.ts';
import { ITEM_ROLES, itemQuery, readableItem, type Deps } from './documents.repo.ts';
import { act, deadlinesOf } from './documents.service.ts';

/** The registers staff keep by hand today: the publication ledger (PUB-7), the non-public register (ATTR-3, ATTR-10). */

// ---- publication ledger (PUB-7): every published item with drafter, reviewers, approver and dates ----

export type LedgerFilter = { from?: string | undefined; to?: string | undefined; q?: string | undefined };

export async function ledger(deps: Deps, actor: Actor, filter: LedgerFilter, page: Paging) {
  requireRoleIn(actor, ITEM_ROLES, actor.agencyId);
  let q = itemQuery(deps.db).where('items.agency_id', '=', actor.agencyId).where('items.published_at', 'is not', null);
  // Moments are stored as UTC text: a bound given with another offset (+08:00) is compared as the same instant in UTC.
  if (filter.from) q = q.where('items.published_at', '>=', new Date(filter.from).toISOString());
  if (filter.to) q = q.where('items.published_at', '<=', new Date(filter.to).toISOString());
  if (filter.q) q = q.where((eb) => eb.or([eb('items.title', 'like', `%${filter.q}%`), eb('items.index_number', 'like', `%${filter.q}%`)]));
  const [{ total }] = (await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).execute()) as [{ total: number }];
  const rows = await q.orderBy('items.published_at', 'desc').limit(page.pageSize).offset(offsetOf(page)).execute();
  const steps = rows.length
    ? await deps.db.selectFrom('item_steps').select(['item_id', 'action', 'actor_name', 'at']).where('item_id', 'in', rows.map((r) => r.id)).orderBy('at').execute()
    : [];
  const last = (itemId: string, action: string) => steps.filter((s) => s.item_id === itemId && s.action === action).at(-1);
  const items = rows.map((r) => ({
    id: r.id, indexNumber: r.index_number!, title: r.title, docNumber: r.doc_number, category: r.category, unitName: r.unit_name,
    drafterName: r.drafter_name, deptReviewer: last(r.id, 'dept_opinion')?.actor_name ?? '', secrecyReviewer: last(r.id, 'secrecy_opinion')?.actor_name ?? '',
    approverName: last(r.id, 'approve')?.actor_name ?? '', approvedAt: last(r.id, 'approve')?.at ?? null, dateMade: r.date_made,
    publishedAt: r.published_at!, version: r.version, validity: r.validity, paperCopies: r.paper_copies,
  }));
  return { ...page, total: Number(total), items };
}

/** The ledger as an Excel workbook, the form the office files it in. */
export async function ledgerWorkbook(deps: Deps, actor: Actor, filter: LedgerFilter): Promise<Buffer> {
  const { items } = await ledger(deps, actor, filter, { page: 1, pageSize: 100_000 });
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('发布台账');
  sheet.columns = [
    { header: '索引号', key: 'indexNumber', width: 20 }, { header: '标题', key: 'title', width: 48 }, { header: '文号', key: 'docNumber', width: 22 },
    { header: '主题分类', key: 'category', width: 12 }, { header: '承办部门', key: 'unitName', width: 16 }, { header: '拟稿人', key: 'drafterName', width: 10 },
    { header: '科室初审', key: 'deptReviewer', width: 10 }, { header: '保密审查', key: 'secrecyReviewer', width: 10 }, { header: '审批人', key: 'approverName', width: 10 },
    { header: '成文日期', key: 'dateMade', width: 12 }, { header: '发布时间', key: 'publishedAt', width: 20 }, { header: '版本', key: 'version', width: 6 },
    { header: '有效性', key: 'validity', width: 8 }, { header: '纸质份数', key: 'paperCopies', width: 8 },
  ];
  for (const i of items) {
    sheet.addRow({ ...i, category: CATEGORIES[i.category], validity: VALIDITIES[i.validity], publishedAt: chinaDateTimeOf(i.publishedAt) });
  }
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}

// ---- non-public register (ATTR-3, ATTR-10, SEC-12, LAW-18) ----

export async function nonPublicRegister(deps: Deps, actor: Actor, filter: { year: number; unchecked?: boolean | undefined }, page: Paging) {
  requireRoleIn(actor, ITEM_ROLES, actor.agencyId);
  let q = itemQuery(deps.db)
    .where('items.agency_id', '=', actor.agencyId)
    .where('items.state', '=', 'approved')
    .where('items.attribute', 'in', ['on_application', 'not_disclosed']);
  if (filter.unchecked) {
    q = q.where((eb) => eb.not(eb.exists(eb.selectFrom('item_rechecks').select('item_rechecks.id').whereRef('item_rechecks.item_id', '=', 'items.id').where('item_rechecks.year', '=', filter.year))));
  }
  const [{ total }] = (await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).execute()) as [{ total: number }];
  const rows = await q.orderBy('items.date_made').limit(page.pageSize).offset(offsetOf(page)).execute();
  const checks = rows.length
    ? await deps.db.selectFrom('item_rechecks').selectAll().where('item_id', 'in', rows.map((r) => r.id)).orderBy('at').execute()
    : [];
  const items = rows.map((r) => {
    const lastCheck = checks.filter((c) => c.item_id === r.id).at(-1) ?? null;
    return {
      id: r.id, title: r.title, docNumber: r.doc_number, unitName: r.unit_name, attribute: r.attribute as Attribute, reason: r.attribute_reason, dateMade: r.date_made,
      lastCheck: lastCheck && { year: lastCheck.year, result: lastCheck.result, reason: lastCheck.reason, at: lastCheck.at },
      checkedThisYear: lastCheck?.year === filter.year,
    };
  });
  return { ...page, total: Number(total), items };
}

/** The yearly re-check: keep it non-public with a reason, or convert it, which sends it down the publication path. */
export async function recheckItem(deps: Deps, actor: Actor, itemId: string, result: 'keep' | 'convert', reason: string) {
  if (!reason.trim()) throw badRequest('REASON_REQUIRED', '请写明复核理由');
  const year = Number(chinaToday(deps.clock).slice(0, 4));
  await deps.db.transaction().execute(async (tx) => {
    const row = await readableItem(tx, actor, itemId);
    const role = requireRoleIn(actor, ['office'], row.agency_id);
    if (row.state !== 'approved' || row.attribute === 'proactive') throw badRequest('ITEM_NOT_NON_PUBLIC', '只能复核不公开登记中的信息');
    await tx.insertInto('item_rechecks').values({ id: newId(), item_id: row.id, year, result, reason: reason.trim(), by_id: actor.userId, at: isoNow(deps.clock) }).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'item.recheck', entityType: 'item', entityId: row.id, after: { year, result, reason }, ip: actor.ip });
  });
  if (result === 'convert') await act(deps, actor, itemId, 'convert_to_proactive', { reason });
}

// ---- after publication ----

/** Repeal or expiry keeps the catalog entry, marked 废止 / 失效 (the step 7). */
export async function setValidity(deps: Deps, actor: Actor, itemId: string, validity: Validity, reason: string) {
  await deps.db.transaction().execute(async (tx) => {
    const row = await readableItem(tx, actor, itemId);
    const role = requireRoleIn(actor, ['office'], row.agency_id);
    if (!row.published_at) throw badRequest('ITEM_NOT_PUBLISHED', '只有已发布的信息才有有效性');
    if (!reason.trim()) throw badRequest('REASON_REQUIRED', '请说明理由');
    await tx.updateTable('items').set({ validity, updated_at: isoNow(deps.clock) }).where('id', '=', row.id).execute();
    // The catalog shows validity as it is now, not as it was at publication, and counts it so (PUB-2).
    const entry = await tx.selectFrom('catalog_entries').select(FACET_COLUMNS).where('item_id', '=', row.id).executeTakeFirst();
    await tx.updateTable('catalog_entries').set({ validity }).where('item_id', '=', row.id).execute();
    if (entry) await countFacets(tx, [entry], [{ ...entry, validity }]);
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'item.validity', entityType: 'item', entityId: row.id, before: { validity: row.validity }, after: { validity, reason }, ip: actor.ip });
  });
}

/** ATTR-7: paper copies handed to the archives and reading points (policy documents: 10). */
export async function recordPaperCopies(deps: Deps, actor: Actor, itemId: string, copies: number) {
  await deps.db.transaction().execute(async (tx) => {
    const row = await readableItem(tx, actor, itemId);
    const role = requireRoleIn(actor, ['office'], row.agency_id);
    if (!row.published_at) throw badRequest('ITEM_NOT_PUBLISHED', '信息发布后才能登记纸质报送');
    const required = requiredPaperCopies(row.policy_level);
    if (copies < required) throw badRequest('PAPER_COPIES_TOO_FEW', `政策性文件须报送纸质文件 ${required} 份`);
    await tx.updateTable('items').set({ paper_copies: copies, updated_at: isoNow(deps.clock) }).where('id', '=', row.id).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'item.paper_copies', entityType: 'item', entityId: row.id, after: { copies }, ip: actor.ip });
  });
}

// ---- to-do list: what waits for the user's roles, oldest deadline first ----

const WAITING_FOR: Partial<Record<State, Role>> = {
  draft: 'drafter', office_check: 'office', dept_review: 'dept_head', secrecy_review: 'secrecy_reviewer',
  referred: 'office', leader_approval: 'leader',
};

export async function itemTodos(deps: Deps, actor: Actor) {
  const agencyRoles = ITEM_ROLES.filter((r) => actor.reach.get(r)?.has(actor.agencyId));
  if (!agencyRoles.length) return [];
  const user = await deps.db.selectFrom('users').select('unit_id').where('id', '=', actor.userId).executeTakeFirstOrThrow();
  const states = (Object.keys(WAITING_FOR) as State[]).filter((s) => agencyRoles.includes(WAITING_FOR[s]!));
  const rows = [
    ...(states.length ? await itemQuery(deps.db).where('items.agency_id', '=', actor.agencyId).where('items.state', 'in', states).execute() : []),
    ...(agencyRoles.includes('office') ? await itemQuery(deps.db).where('items.agency_id', '=', actor.agencyId).where('items.state', '=', 'approved').where('items.attribute', '=', 'proactive').execute() : []),
  ].filter((r) => (r.state !== 'draft' || r.drafter_id === actor.userId) && (r.state !== 'dept_review' || r.unit_id === user.unit_id));
  const deadlines = await deadlinesOf(deps, rows.map((r) => r.id));
  return rows
    .map((r) => {
      const d = deadlines.get(r.id);
      const what = r.state === 'approved' ? '待发布' : `待${STATES[r.state]}`;
      return { id: r.id, kind: 'item', title: `${what}：${r.title}`, due: d?.dueDate ?? null, light: d?.light ?? null, link: `/documents/${r.id}`, attribute: r.attribute ? ATTRIBUTES[r.attribute] : null };
    })
    .sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'));
}
