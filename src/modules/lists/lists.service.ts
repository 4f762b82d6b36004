import { chinaToday, isoNow, type Clock } from '../../core/clock.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { offsetOf, type Page, type Paging } from '../../core/paging.ts';
import type { Db, Tx } from '../../db/database.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { auditActor, requireRoleIn, type Actor } from '../auth/actor.ts';
import { ITEM_ROLES } from '../documents/documents.repo.ts';
import type { Problem } from '../documents/documents.rules.ts';
import type { Role } from '../org/org.rules.ts';
import type { NegativeListEntryTable, PowerTable, ServiceItemTable } from './lists.tables.ts';
import { negativeEntryProblems, type NegativeEntryFields, type ReasonCategory } from './negative-list.rules.ts';
import { POWER_CATEGORIES, powerProblems, tidyPower, type PowerCategory, type PowerFields, type PowerStep } from './powers.rules.ts';
import { serviceProblems, tidyService, type SampleForm, type ServiceFields } from './services.rules.ts';

export type Deps = { db: Db; clock: Clock };

/** Optional text: absent, null (what a cleared form field sends) or '' all mean no value. */
type Blank = string | null | undefined;

/**
 * The disclosure office (公开办) keeps the three lists, as it compiles the guide and the
 * catalog (ORG-1); every business role of the agency reads them in the console.
 */
const EDITORS: readonly Role[] = ['office'];

/** The audit entity types; the portal dates each list by its latest audited change, deletions included. */
export const LIST_ENTITIES = { negative: 'negative_list_entry', service: 'service_item', power: 'power' } as const;
type ListEntity = (typeof LIST_ENTITIES)[keyof typeof LIST_ENTITIES];

function refuse(problems: Problem[]): void {
  if (!problems.length) return;
  const [first] = problems as [Problem, ...Problem[]];
  throw new AppError(problems.length === 1 ? first.code : 'LIST_ENTRY_INVALID', 400, problems.map((p) => p.message).join('；'), { problems });
}

const like = (q: string) => `%${q.trim()}%`;

async function audit(tx: Tx, deps: Deps, actor: Actor, role: Role, agencyId: string, entityType: ListEntity, verb: string, entityId: string, change: { before?: unknown; after?: unknown }) {
  await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId, action: `${entityType}.${verb}`, entityType, entityId, ...change, ip: actor.ip });
}

/** When a list last changed: its latest audited write, so a deletion counts as an update too. */
export async function listChangedAt(db: Db, agencyId: string, entity: ListEntity): Promise<string | null> {
  const row = await db.selectFrom('audit_events').select((eb) => eb.fn.max('at').as('at')).where('agency_id', '=', agencyId).where('entity_type', '=', entity).executeTakeFirst();
  return (row?.at as string | null | undefined) ?? null;
}

// ---- CAT-5 负面清单 ----

export const presentNegativeEntry = (r: NegativeListEntryTable) => ({
  id: r.id, agencyId: r.agency_id, matter: r.matter, reasonCategory: r.reason_category as ReasonCategory, legalBasis: r.legal_basis, note: r.note,
  listedOn: r.listed_on, reviewedOn: r.reviewed_on, updatedAt: r.updated_at,
});
export type NegativeEntryView = ReturnType<typeof presentNegativeEntry>;

export type NegativeEntryInput = Omit<NegativeEntryFields, 'note' | 'listedOn' | 'reviewedOn'> & { note?: Blank; listedOn?: string | undefined; reviewedOn?: string | undefined };

const negativeColumns = (f: NegativeEntryFields) => ({
  matter: f.matter.trim(), reason_category: f.reasonCategory, legal_basis: f.legalBasis.trim(), note: f.note.trim(), listed_on: f.listedOn, reviewed_on: f.reviewedOn,
});

async function loadNegativeEntry(tx: Tx, id: string) {
  const row = await tx.selectFrom('negative_list_entries').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('负面清单事项');
  return row;
}

export async function listNegativeEntries(deps: Deps, actor: Actor, filter: { q?: string | undefined; reasonCategory?: ReasonCategory | undefined }, page: Paging): Promise<Page<NegativeEntryView>> {
  requireRoleIn(actor, ITEM_ROLES, actor.agencyId);
  let q = deps.db.selectFrom('negative_list_entries').where('agency_id', '=', actor.agencyId);
  if (filter.q?.trim()) q = q.where((eb) => eb.or([eb('matter', 'like', like(filter.q!)), eb('legal_basis', 'like', like(filter.q!))]));
  if (filter.reasonCategory) q = q.where('reason_category', '=', filter.reasonCategory);
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('listed_on').orderBy('created_at').limit(page.pageSize).offset(offsetOf(page)).execute();
  return { ...page, total: Number(total), items: rows.map(presentNegativeEntry) };
}

/** A new matter is listed and reviewed today unless the office records the earlier dates it was decided on. */
export async function createNegativeEntry(deps: Deps, actor: Actor, input: NegativeEntryInput): Promise<NegativeEntryView> {
  const role = requireRoleIn(actor, EDITORS, actor.agencyId);
  const today = chinaToday(deps.clock);
  const fields: NegativeEntryFields = { ...input, note: input.note ?? '', listedOn: input.listedOn ?? today, reviewedOn: input.reviewedOn ?? input.listedOn ?? today };
  refuse(negativeEntryProblems(fields, today));
  return deps.db.transaction().execute(async (tx) => {
    const now = isoNow(deps.clock);
    const row: NegativeListEntryTable = { id: newId(), agency_id: actor.agencyId, ...negativeColumns(fields), created_at: now, updated_at: now };
    await tx.insertInto('negative_list_entries').values(row).execute();
    const view = presentNegativeEntry(row);
    await audit(tx, deps, actor, role, row.agency_id, LIST_ENTITIES.negative, 'create', row.id, { after: view });
    return view;
  });
}

export async function updateNegativeEntry(deps: Deps, actor: Actor, id: string, patch: Partial<NegativeEntryInput>): Promise<NegativeEntryView> {
  return deps.db.transaction().execute(async (tx) => {
    const before = await loadNegativeEntry(tx, id);
    const role = requireRoleIn(actor, EDITORS, before.agency_id);
    const fields = { ...presentNegativeEntry(before), ...sentFields(patch) };
    refuse(negativeEntryProblems(fields, chinaToday(deps.clock)));
    const changes = { ...negativeColumns(fields), updated_at: isoNow(deps.clock) };
    await tx.updateTable('negative_list_entries').set(changes).where('id', '=', id).execute();
    const after = presentNegativeEntry({ ...before, ...changes });
    await audit(tx, deps, actor, role, before.agency_id, LIST_ENTITIES.negative, 'update', id, { before: presentNegativeEntry(before), after });
    return after;
  });
}

export async function deleteNegativeEntry(deps: Deps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const before = await loadNegativeEntry(tx, id);
    const role = requireRoleIn(actor, EDITORS, before.agency_id);
    await tx.deleteFrom('negative_list_entries').where('id', '=', id).execute();
    await audit(tx, deps, actor, role, before.agency_id, LIST_ENTITIES.negative, 'delete', id, { before: presentNegativeEntry(before) });
  });
}

/** The whole list as the portal shows it, oldest listing first. */
export async function publicNegativeList(db: Db, agencyId: string): Promise<NegativeEntryView[]> {
  const rows = await db.selectFrom('negative_list_entries').selectAll().where('agency_id', '=', agencyId).orderBy('listed_on').orderBy('created_at').execute();
  return rows.map(presentNegativeEntry);
}

/** A PATCH's fields that were sent: absent means unchanged, null (a cleared form field) means empty. */
function sentFields<T extends object>(patch: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined).map(([k, v]) => [k, v ?? ''])) as { [K in keyof T]?: Exclude<T[K], null> };
}

// ---- FIVE-4 公共服务事项目录 ----

export const presentService = (r: ServiceItemTable) => ({
  id: r.id, agencyId: r.agency_id, name: r.name, dutyPost: r.duty_post, legalBasis: r.legal_basis, acceptingUnit: r.accepting_unit, place: r.place,
  eligibility: r.eligibility, process: r.process, materials: JSON.parse(r.materials_json) as string[], forms: JSON.parse(r.forms_json) as SampleForm[],
  fee: r.fee, feeBasis: r.fee_basis, timeLimit: r.time_limit, enquiries: r.enquiries, complaints: r.complaints, updatedAt: r.updated_at,
});
export type ServiceView = ReturnType<typeof presentService>;

type FormInput = { name: string; url?: Blank; text?: Blank };
export type ServiceInput = Omit<ServiceFields, 'forms' | 'feeBasis'> & { forms: FormInput[]; feeBasis?: Blank };

const serviceFields = (s: ServiceInput): ServiceFields =>
  tidyService({ ...s, feeBasis: s.feeBasis ?? '', forms: s.forms.map((f) => ({ name: f.name, url: f.url ?? '', text: f.text ?? '' })) });

const serviceColumns = (s: ServiceFields) => ({
  name: s.name, duty_post: s.dutyPost, legal_basis: s.legalBasis, accepting_unit: s.acceptingUnit, place: s.place, eligibility: s.eligibility, process: s.process,
  materials_json: JSON.stringify(s.materials), forms_json: JSON.stringify(s.forms), fee: s.fee, fee_basis: s.feeBasis, time_limit: s.timeLimit,
  enquiries: s.enquiries, complaints: s.complaints,
});

async function loadService(tx: Tx, id: string) {
  const row = await tx.selectFrom('service_items').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('服务事项');
  return row;
}

export async function listServices(deps: Deps, actor: Actor, filter: { q?: string | undefined }, page: Paging): Promise<Page<ServiceView>> {
  requireRoleIn(actor, ITEM_ROLES, actor.agencyId);
  let q = deps.db.selectFrom('service_items').where('agency_id', '=', actor.agencyId);
  if (filter.q?.trim()) q = q.where((eb) => eb.or([eb('name', 'like', like(filter.q!)), eb('accepting_unit', 'like', like(filter.q!))]));
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('name').limit(page.pageSize).offset(offsetOf(page)).execute();
  return { ...page, total: Number(total), items: rows.map(presentService) };
}

export async function getService(deps: Deps, actor: Actor, id: string): Promise<ServiceView> {
  const row = await loadService(deps.db, id);
  requireRoleIn(actor, ITEM_ROLES, row.agency_id);
  return presentService(row);
}

export async function createService(deps: Deps, actor: Actor, input: ServiceInput): Promise<ServiceView> {
  const role = requireRoleIn(actor, EDITORS, actor.agencyId);
  const fields = serviceFields(input);
  refuse(serviceProblems(fields));
  return deps.db.transaction().execute(async (tx) => {
    const now = isoNow(deps.clock);
    const row: ServiceItemTable = { id: newId(), agency_id: actor.agencyId, ...serviceColumns(fields), created_at: now, updated_at: now };
    await tx.insertInto('service_items').values(row).execute();
    const view = presentService(row);
    await audit(tx, deps, actor, role, row.agency_id, LIST_ENTITIES.service, 'create', row.id, { after: view });
    return view;
  });
}

export async function updateService(deps: Deps, actor: Actor, id: string, patch: Partial<ServiceInput>): Promise<ServiceView> {
  return deps.db.transaction().execute(async (tx) => {
    const before = await loadService(tx, id);
    const role = requireRoleIn(actor, EDITORS, before.agency_id);
    const fields = serviceFields({ ...presentService(before), ...sentFields(patch) });
    refuse(serviceProblems(fields));
    const changes = { ...serviceColumns(fields), updated_at: isoNow(deps.clock) };
    await tx.updateTable('service_items').set(changes).where('id', '=', id).execute();
    const after = presentService({ ...before, ...changes });
    await audit(tx, deps, actor, role, before.agency_id, LIST_ENTITIES.service, 'update', id, { before: presentService(before), after });
    return after;
  });
}

export async function deleteService(deps: Deps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const before = await loadService(tx, id);
    const role = requireRoleIn(actor, EDITORS, before.agency_id);
    await tx.deleteFrom('service_items').where('id', '=', id).execute();
    await audit(tx, deps, actor, role, before.agency_id, LIST_ENTITIES.service, 'delete', id, { before: presentService(before) });
  });
}

export async function publicServices(db: Db, agencyId: string): Promise<ServiceView[]> {
  return (await db.selectFrom('service_items').selectAll().where('agency_id', '=', agencyId).orderBy('name').execute()).map(presentService);
}

export async function publicService(db: Db, agencyId: string, id: string): Promise<ServiceView | null> {
  const row = await db.selectFrom('service_items').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst();
  return row ? presentService(row) : null;
}

// ---- FIVE-3 行政职权目录 ----

export const presentPower = (r: PowerTable) => ({
  id: r.id, agencyId: r.agency_id, name: r.name, category: r.category as PowerCategory, actor: r.actor, legalBasis: r.legal_basis,
  timeLimit: r.time_limit, oversight: r.oversight, steps: JSON.parse(r.steps_json) as PowerStep[], updatedAt: r.updated_at,
});
export type PowerView = ReturnType<typeof presentPower>;

type StepInput = { name: string; actor: string; timeLimit?: Blank; note?: Blank };
export type PowerInput = Omit<PowerFields, 'steps'> & { steps: StepInput[] };

/** The steps as stored and drawn: every field a string, blank rows dropped. */
export const powerFields = (p: PowerInput): PowerFields =>
  tidyPower({ ...p, steps: p.steps.map((s) => ({ name: s.name, actor: s.actor, timeLimit: s.timeLimit ?? '', note: s.note ?? '' })) });

const powerColumns = (p: PowerFields) => ({
  name: p.name, category: p.category, actor: p.actor, legal_basis: p.legalBasis, time_limit: p.timeLimit, oversight: p.oversight, steps_json: JSON.stringify(p.steps),
});

async function loadPower(tx: Tx, id: string) {
  const row = await tx.selectFrom('powers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('行政职权');
  return row;
}

export async function listPowers(deps: Deps, actor: Actor, filter: { q?: string | undefined; category?: PowerCategory | undefined }, page: Paging): Promise<Page<PowerView>> {
  requireRoleIn(actor, ITEM_ROLES, actor.agencyId);
  let q = deps.db.selectFrom('powers').where('agency_id', '=', actor.agencyId);
  if (filter.q?.trim()) q = q.where((eb) => eb.or([eb('name', 'like', like(filter.q!)), eb('actor', 'like', like(filter.q!))]));
  if (filter.category) q = q.where('category', '=', filter.category);
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('category').orderBy('name').limit(page.pageSize).offset(offsetOf(page)).execute();
  return { ...page, total: Number(total), items: rows.map(presentPower) };
}

export async function getPower(deps: Deps, actor: Actor, id: string): Promise<PowerView> {
  const row = await loadPower(deps.db, id);
  requireRoleIn(actor, ITEM_ROLES, row.agency_id);
  return presentPower(row);
}

export async function createPower(deps: Deps, actor: Actor, input: PowerInput): Promise<PowerView> {
  const role = requireRoleIn(actor, EDITORS, actor.agencyId);
  const fields = powerFields(input);
  refuse(powerProblems(fields));
  return deps.db.transaction().execute(async (tx) => {
    const now = isoNow(deps.clock);
    const row: PowerTable = { id: newId(), agency_id: actor.agencyId, ...powerColumns(fields), created_at: now, updated_at: now };
    await tx.insertInto('powers').values(row).execute();
    const view = presentPower(row);
    await audit(tx, deps, actor, role, row.agency_id, LIST_ENTITIES.power, 'create', row.id, { after: view });
    return view;
  });
}

export async function updatePower(deps: Deps, actor: Actor, id: string, patch: Partial<PowerInput>): Promise<PowerView> {
  return deps.db.transaction().execute(async (tx) => {
    const before = await loadPower(tx, id);
    const role = requireRoleIn(actor, EDITORS, before.agency_id);
    const fields = powerFields({ ...presentPower(before), ...sentFields(patch) });
    refuse(powerProblems(fields));
    const changes = { ...powerColumns(fields), updated_at: isoNow(deps.clock) };
    await tx.updateTable('powers').set(changes).where('id', '=', id).execute();
    const after = presentPower({ ...before, ...changes });
    await audit(tx, deps, actor, role, before.agency_id, LIST_ENTITIES.power, 'update', id, { before: presentPower(before), after });
    return after;
  });
}

export async function deletePower(deps: Deps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const before = await loadPower(tx, id);
    const role = requireRoleIn(actor, EDITORS, before.agency_id);
    await tx.deleteFrom('powers').where('id', '=', id).execute();
    await audit(tx, deps, actor, role, before.agency_id, LIST_ENTITIES.power, 'delete', id, { before: presentPower(before) });
  });
}

/** The whole list in the order of POWER_CATEGORIES (行政许可 first, as 权责清单 are printed), then by name. */
export async function publicPowers(db: Db, agencyId: string): Promise<PowerView[]> {
  const order = Object.keys(POWER_CATEGORIES);
  const rows = await db.selectFrom('powers').selectAll().where('agency_id', '=', agencyId).orderBy('name').execute();
  return rows.map(presentPower).sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category));
}

export async function publicPower(db: Db, agencyId: string, id: string): Promise<PowerView | null> {
  const row = await db.selectFrom('powers').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst();
  return row ? presentPower(row) : null;
}

// ---- search (CAT-4): the published lists found by the same words as the catalog ----

export type ListKind = 'service' | 'power' | 'negative';
export type ListHit = { kind: ListKind; id: string; agencyCode: string; agencyName: string; name: string };

/** Where each list's entries are searched: the name first, then the texts a citizen would recognise. */
const LIST_SEARCH = {
  service: { table: 'service_items', name: 'name', fields: ['name', 'accepting_unit', 'eligibility', 'process', 'materials_json'] },
  power: { table: 'powers', name: 'name', fields: ['name', 'actor', 'legal_basis'] },
  negative: { table: 'negative_list_entries', name: 'matter', fields: ['matter', 'legal_basis', 'note'] },
} as const;

/**
 * Service guides, powers and negative-list matters whose name or text holds every query word
 * (each word satisfied by any of its synonyms), names first, at most `limit` per list. The
 * lists are short (tens of entries an agency), so a substring scan serves.
 */
export async function searchPublicLists(db: Db, words: string[][], agencyId: string | undefined, limit = 5): Promise<ListHit[]> {
  if (words.length === 0) return [];
  const found = await Promise.all(
    (Object.entries(LIST_SEARCH) as [ListKind, (typeof LIST_SEARCH)[ListKind]][]).map(async ([kind, spec]) => {
      const rows = await db
        .selectFrom(`${spec.table} as l` as 'service_items as l')
        .innerJoin('agencies', 'agencies.id', 'l.agency_id')
        .select((eb) => ['l.id', eb.ref(`l.${spec.name}` as 'l.name').as('name'), 'agencies.code as agencyCode', 'agencies.name as agencyName'])
        .where((eb) => eb.and(words.map((alternatives) => eb.or(alternatives.flatMap((w) => spec.fields.map((f) => eb(eb.fn('lower', [`l.${f}` as 'l.name']), 'like', `%${w}%`)))))))
        .$if(agencyId !== undefined, (q) => q.where('l.agency_id', '=', agencyId!))
        .orderBy('agencies.level', 'desc').orderBy('agencies.code').orderBy(`l.${spec.name}` as 'l.name')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ kind, id: r.id, agencyCode: r.agencyCode, agencyName: r.agencyName, name: r.name }));
    }),
  );
  return found.flat();
}
