import type { Selectable } from 'kysely';
import { isoNow, type Clock } from '../../core/clock.ts';
import { badRequest, conflict, forbidden, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { offsetOf, type Page, type Paging } from '../../core/paging.ts';
import type { Db, Tx } from '../../db/database.ts';
import { appendAudit, CLI_ACTOR } from '../audit/audit.service.ts';
import { auditActor, reach, requireRoleIn, type Actor } from '../auth/actor.ts';
import { assertPasswordAcceptable } from '../auth/password-policy.ts';
import { requireCityRole } from './city.ts';
import { hashPassword } from '../auth/password-hash.ts';
import type { AgencyRow, UnitTable, UserTable } from './org.tables.ts';
import { isRole, ROLES, successorProblem, triadConflict, type Role } from './org.rules.ts';

export type Deps = { db: Db; clock: Clock };

const DEFAULT_INDEX_FORMAT = '{orgCode}/{year}-{seq:5}';

// ---- presenters: the shapes the API returns (never a password hash or TOTP secret) ----

export const presentAgency = (a: AgencyRow) => ({
  id: a.id, code: a.code, name: a.name, parentId: a.parent_id, level: a.level,
  address: a.address, phone: a.phone, fax: a.fax, email: a.email, indexFormat: a.index_format,
  replyWorkdays: a.reply_workdays, extensionWorkdays: a.extension_workdays, guideText: a.guide_text,
});
export type AgencyView = ReturnType<typeof presentAgency>;

const presentUnit = (u: UnitTable & { contact_name: string | null; contact_phone: string | null }) => ({
  id: u.id, agencyId: u.agency_id, parentId: u.parent_id, name: u.name, kind: u.kind, status: u.status,
  successorId: u.successor_id, contactUserId: u.contact_user_id, contactName: u.contact_name, contactPhone: u.contact_phone,
});
export type UnitView = ReturnType<typeof presentUnit>;

type UserRow = Selectable<UserTable> & { agency_name: string; unit_name: string | null };
const presentUser = (u: UserRow, roles: Role[]) => ({
  id: u.id, username: u.username, name: u.name, agencyId: u.agency_id, agencyName: u.agency_name,
  unitId: u.unit_id, unitName: u.unit_name, phone: u.phone, email: u.email, status: u.status,
  lockedUntil: u.locked_until, mfaEnabled: u.totp_enabled === 1, roles,
});
export type UserView = ReturnType<typeof presentUser>;

// ---- agencies ----

export async function listAgencies(db: Db): Promise<AgencyView[]> {
  const rows = await db.selectFrom('agencies').selectAll().orderBy('level').orderBy('code').execute();
  return rows.map(presentAgency);
}

/** Optional text: absent = unchanged, null or '' = empty. */
type Blank = string | null | undefined;

export type AgencyInput = { code: string; name: string; parentId: string; address?: Blank; phone?: Blank; fax?: Blank; email?: Blank; indexFormat?: string | undefined; replyWorkdays?: number | undefined; extensionWorkdays?: number | undefined; guideText?: Blank };

/** The agency tree is the city's: only a city-level system administrator adds to it. */
export async function createAgency(deps: Deps, actor: Actor, input: AgencyInput): Promise<AgencyView> {
  const { role } = await requireCityRole(deps.db, actor, 'sys_admin');
  return deps.db.transaction().execute(async (tx) => {
    if (!(await tx.selectFrom('agencies').select('id').where('id', '=', input.parentId).executeTakeFirst())) throw notFound('上级机关');
    if (await tx.selectFrom('agencies').select('id').where('code', '=', input.code).executeTakeFirst()) {
      throw conflict('AGENCY_CODE_TAKEN', `机关代码 ${input.code} 已被使用`);
    }
    const now = isoNow(deps.clock);
    const row: AgencyRow = {
      id: newId(), code: input.code, name: input.name, parent_id: input.parentId, level: 'agency',
      address: input.address ?? '', phone: input.phone ?? '', fax: input.fax ?? '', email: input.email ?? '',
      index_format: input.indexFormat ?? DEFAULT_INDEX_FORMAT, reply_workdays: input.replyWorkdays ?? 20, extension_workdays: input.extensionWorkdays ?? 20, guide_text: '', created_at: now, updated_at: now,
    };
    await tx.insertInto('agencies').values(row).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.id, action: 'agency.create', entityType: 'agency', entityId: row.id, after: presentAgency(row), ip: actor.ip });
    return presentAgency(row);
  });
}

export type AgencyPatch = Partial<Omit<AgencyInput, 'parentId' | 'code'>>;

export async function updateAgency(deps: Deps, actor: Actor, id: string, patch: AgencyPatch): Promise<AgencyView> {
  const role = requireRoleIn(actor, ['sys_admin'], id);
  return deps.db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('机关');
    const changes = {
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.address !== undefined && { address: patch.address ?? '' }),
      ...(patch.phone !== undefined && { phone: patch.phone ?? '' }),
      ...(patch.fax !== undefined && { fax: patch.fax ?? '' }),
      ...(patch.email !== undefined && { email: patch.email ?? '' }),
      ...(patch.indexFormat !== undefined && { index_format: patch.indexFormat }),
      ...(patch.replyWorkdays !== undefined && { reply_workdays: patch.replyWorkdays }),
      ...(patch.extensionWorkdays !== undefined && { extension_workdays: patch.extensionWorkdays }),
      ...(patch.guideText !== undefined && { guide_text: patch.guideText ?? '' }),
      updated_at: isoNow(deps.clock),
    };
    await tx.updateTable('agencies').set(changes).where('id', '=', id).execute();
    const after = { ...before, ...changes };
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: id, action: 'agency.update', entityType: 'agency', entityId: id, before: presentAgency(before), after: presentAgency(after), ip: actor.ip });
    return presentAgency(after);
  });
}

// ---- units ----

const STAFF_ROLES = Object.keys(ROLES) as Role[];

export async function listUnits(deps: Deps, actor: Actor, agencyId: string): Promise<UnitView[]> {
  requireRoleIn(actor, STAFF_ROLES, agencyId);
  const rows = await deps.db
    .selectFrom('units')
    .leftJoin('users', 'users.id', 'units.contact_user_id')
    .selectAll('units')
    .select(['users.name as contact_name', 'users.phone as contact_phone'])
    .where('units.agency_id', '=', agencyId)
    .orderBy('units.kind')
    .orderBy('units.name')
    .execute();
  return rows.map(presentUnit);
}

async function unitWithContact(tx: Tx, id: string) {
  const row = await tx
    .selectFrom('units')
    .leftJoin('users', 'users.id', 'units.contact_user_id')
    .selectAll('units')
    .select(['users.name as contact_name', 'users.phone as contact_phone'])
    .where('units.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('部门或单位');
  return row;
}

async function assertParentUnit(tx: Tx, agencyId: string, parentId: string | null | undefined, selfId?: string) {
  if (!parentId) return;
  if (parentId === selfId) throw badRequest('UNIT_PARENT_INVALID', '上级单位不能是其本身');
  const parent = await tx.selectFrom('units').select(['agency_id', 'status']).where('id', '=', parentId).executeTakeFirst();
  if (!parent || parent.agency_id !== agencyId) throw badRequest('UNIT_PARENT_INVALID', '上级单位必须是同一机关的部门或单位');
}

export type UnitInput = { name: string; kind: UnitTable['kind']; parentId?: string | null | undefined };

export async function createUnit(deps: Deps, actor: Actor, agencyId: string, input: UnitInput): Promise<UnitView> {
  const role = requireRoleIn(actor, ['sys_admin'], agencyId);
  return deps.db.transaction().execute(async (tx) => {
    if (!(await tx.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst())) throw notFound('机关');
    await assertParentUnit(tx, agencyId, input.parentId);
    const now = isoNow(deps.clock);
    const row: UnitTable = {
      id: newId(), agency_id: agencyId, parent_id: input.parentId ?? null, name: input.name, kind: input.kind,
      status: 'active', successor_id: null, contact_user_id: null, created_at: now, updated_at: now,
    };
    await tx.insertInto('units').values(row).execute();
    const view = presentUnit({ ...row, contact_name: null, contact_phone: null });
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId, action: 'unit.create', entityType: 'unit', entityId: row.id, after: view, ip: actor.ip });
    return view;
  });
}

export async function updateUnit(deps: Deps, actor: Actor, id: string, patch: Partial<UnitInput>): Promise<UnitView> {
  return deps.db.transaction().execute(async (tx) => {
    const before = await unitWithContact(tx, id);
    const role = requireRoleIn(actor, ['sys_admin'], before.agency_id);
    if (before.status !== 'active') throw badRequest('UNIT_DISSOLVED', '该单位已撤销，不能修改');
    await assertParentUnit(tx, before.agency_id, patch.parentId, id);
    await tx
      .updateTable('units')
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.kind !== undefined && { kind: patch.kind }),
        ...(patch.parentId !== undefined && { parent_id: patch.parentId }),
        updated_at: isoNow(deps.clock),
      })
      .where('id', '=', id)
      .execute();
    const after = presentUnit(await unitWithContact(tx, id));
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: before.agency_id, action: 'unit.update', entityType: 'unit', entityId: id, before: presentUnit(before), after, ip: actor.ip });
    return after;
  });
}

/** ORG-4: a dissolved unit keeps its row (its information stays attributable) and names its successor. */
export async function dissolveUnit(deps: Deps, actor: Actor, id: string, successorId: string): Promise<UnitView> {
  return deps.db.transaction().execute(async (tx) => {
    const before = await unitWithContact(tx, id);
    const role = requireRoleIn(actor, ['sys_admin'], before.agency_id);
    if (before.status !== 'active') throw badRequest('UNIT_DISSOLVED', '该单位已撤销');
    const successor = await tx.selectFrom('units').select(['id', 'agency_id', 'status']).where('id', '=', successorId).executeTakeFirst();
    const problem = successorProblem(before, successor);
    if (problem) throw badRequest('UNIT_SUCCESSOR_INVALID', problem);
    const now = isoNow(deps.clock);
    await tx.updateTable('units').set({ status: 'dissolved', successor_id: successorId, updated_at: now }).where('id', '=', id).execute();
    // Sub-units and staff move to the successor, so no one is left in a unit that no longer exists.
    await tx.updateTable('units').set({ parent_id: successorId, updated_at: now }).where('parent_id', '=', id).execute();
    await tx.updateTable('users').set({ unit_id: successorId, updated_at: now }).where('unit_id', '=', id).execute();
    const after = presentUnit(await unitWithContact(tx, id));
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: before.agency_id, action: 'unit.dissolve', entityType: 'unit', entityId: id, before: presentUnit(before), after, ip: actor.ip });
    return after;
  });
}

/** ORG-2: every department and affiliated unit names one contact person from its agency. */
export async function setUnitContact(deps: Deps, actor: Actor, id: string, userId: string): Promise<UnitView> {
  return deps.db.transaction().execute(async (tx) => {
    const before = await unitWithContact(tx, id);
    const role = requireRoleIn(actor, ['sys_admin'], before.agency_id);
    const user = await tx.selectFrom('users').select(['agency_id', 'status']).where('id', '=', userId).executeTakeFirst();
    if (!user || user.agency_id !== before.agency_id || user.status !== 'active') {
      throw badRequest('UNIT_CONTACT_INVALID', '联系人必须是本机关的在用账号');
    }
    await tx.updateTable('units').set({ contact_user_id: userId, updated_at: isoNow(deps.clock) }).where('id', '=', id).execute();
    const after = presentUnit(await unitWithContact(tx, id));
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: before.agency_id, action: 'unit.contact.set', entityType: 'unit', entityId: id, before: presentUnit(before), after, ip: actor.ip });
    return after;
  });
}

// ---- users ----

const USER_ADMINS: Role[] = ['sys_admin', 'security_admin'];

function userQuery(db: Tx) {
  return db
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .leftJoin('units', 'units.id', 'users.unit_id')
    .selectAll('users')
    .select(['agencies.name as agency_name', 'units.name as unit_name']);
}

async function rolesByUser(db: Tx, userIds: string[]): Promise<Map<string, Role[]>> {
  const map = new Map<string, Role[]>();
  if (!userIds.length) return map;
  const rows = await db.selectFrom('role_grants').select(['user_id', 'role']).where('user_id', 'in', userIds).execute();
  for (const r of rows) if (isRole(r.role)) map.set(r.user_id, [...new Set([...(map.get(r.user_id) ?? []), r.role])]);
  return map;
}

async function userView(tx: Tx, id: string): Promise<UserView> {
  const row = await userQuery(tx).where('users.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('用户');
  return presentUser(row, (await rolesByUser(tx, [id])).get(id) ?? []);
}

export async function getUser(deps: Deps, actor: Actor, id: string): Promise<UserView> {
  const view = await userView(deps.db, id);
  if (id !== actor.userId) requireRoleIn(actor, USER_ADMINS, view.agencyId);
  return view;
}

export async function listUsers(deps: Deps, actor: Actor, filter: { agencyId?: string | undefined; q?: string | undefined }, page: Paging): Promise<Page<UserView>> {
  const visible = [...reach(actor, USER_ADMINS)];
  if (filter.agencyId && !visible.includes(filter.agencyId)) throw forbidden('您无权查看该机关的用户');
  const agencyIds = filter.agencyId ? [filter.agencyId] : visible;
  if (!agencyIds.length) throw forbidden();
  let q = userQuery(deps.db).where('users.agency_id', 'in', agencyIds);
  if (filter.q) {
    const like = `%${filter.q}%`;
    q = q.where((eb) => eb.or([eb('users.username', 'like', like), eb('users.name', 'like', like)]));
  }
  const [{ total }] = (await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).execute()) as [{ total: number }];
  const rows = await q.orderBy('users.username').limit(page.pageSize).offset(offsetOf(page)).execute();
  const roles = await rolesByUser(deps.db, rows.map((r) => r.id));
  return { ...page, total: Number(total), items: rows.map((r) => presentUser(r, roles.get(r.id) ?? [])) };
}

export type UserInput = { username: string; name: string; agencyId: string; unitId?: string | null | undefined; phone?: Blank; email?: Blank; password: string };

async function assertUnitOf(tx: Tx, agencyId: string, unitId: string | null | undefined) {
  if (!unitId) return;
  const unit = await tx.selectFrom('units').select(['agency_id', 'status']).where('id', '=', unitId).executeTakeFirst();
  if (!unit || unit.agency_id !== agencyId || unit.status !== 'active') throw badRequest('USER_UNIT_INVALID', '所属部门必须是该机关在用的部门或单位');
}

/** Creates an account (system administrator's duty); roles are granted separately by the security administrator. */
export async function createUser(deps: Deps, actor: Actor | null, input: UserInput): Promise<UserView> {
  const role = actor ? requireRoleIn(actor, ['sys_admin'], input.agencyId) : null;
  await assertPasswordAcceptable(deps.db, input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (tx) => {
    if (!(await tx.selectFrom('agencies').select('id').where('id', '=', input.agencyId).executeTakeFirst())) throw notFound('机关');
    if (await tx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst()) {
      throw conflict('USERNAME_TAKEN', `用户名 ${input.username} 已被使用`);
    }
    await assertUnitOf(tx, input.agencyId, input.unitId);
    const now = isoNow(deps.clock);
    const id = newId();
    await tx
      .insertInto('users')
      .values({
        id, agency_id: input.agencyId, unit_id: input.unitId ?? null, username: input.username, name: input.name,
        phone: input.phone ?? '', email: input.email ?? '', password_hash: passwordHash, password_changed_at: now,
        status: 'active', failed_logins: 0, locked_until: null, totp_secret: null, totp_enabled: 0, created_at: now, updated_at: now,
      })
      .execute();
    const view = await userView(tx, id);
    await appendAudit(tx, deps.clock, { actor: actor ? auditActor(actor, role) : CLI_ACTOR, agencyId: input.agencyId, action: 'user.create', entityType: 'user', entityId: id, after: view, ip: actor?.ip ?? null });
    return view;
  });
}

export type UserPatch = { name?: string | undefined; unitId?: string | null | undefined; phone?: Blank; email?: Blank; status?: UserTable['status'] | undefined };

export async function updateUser(deps: Deps, actor: Actor, id: string, patch: UserPatch): Promise<UserView> {
  return deps.db.transaction().execute(async (tx) => {
    const before = await userView(tx, id);
    const role = requireRoleIn(actor, ['sys_admin'], before.agencyId);
    if (patch.status === 'disabled' && id === actor.userId) throw badRequest('USER_SELF_DISABLE', '不能停用自己的账号');
    await assertUnitOf(tx, before.agencyId, patch.unitId);
    await tx
      .updateTable('users')
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.unitId !== undefined && { unit_id: patch.unitId }),
        ...(patch.phone !== undefined && { phone: patch.phone ?? '' }),
        ...(patch.email !== undefined && { email: patch.email ?? '' }),
        ...(patch.status !== undefined && { status: patch.status }),
        updated_at: isoNow(deps.clock),
      })
      .where('id', '=', id)
      .execute();
    if (patch.status === 'disabled') await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
    const after = await userView(tx, id);
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: before.agencyId, action: 'user.update', entityType: 'user', entityId: id, before, after, ip: actor.ip });
    return after;
  });
}

export async function unlockUser(deps: Deps, actor: Actor, id: string): Promise<UserView> {
  return deps.db.transaction().execute(async (tx) => {
    const before = await userView(tx, id);
    const role = requireRoleIn(actor, ['security_admin'], before.agencyId);
    await tx.updateTable('users').set({ failed_logins: 0, locked_until: null, updated_at: isoNow(deps.clock) }).where('id', '=', id).execute();
    const after = await userView(tx, id);
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: before.agencyId, action: 'user.unlock', entityType: 'user', entityId: id, before, after, ip: actor.ip });
    return after;
  });
}

export async function resetPassword(deps: Deps, actor: Actor, id: string, newPassword: string): Promise<void> {
  const target = await userView(deps.db, id);
  const role = requireRoleIn(actor, ['security_admin'], target.agencyId);
  await assertPasswordAcceptable(deps.db, newPassword, target.username);
  const passwordHash = await hashPassword(newPassword);
  await deps.db.transaction().execute(async (tx) => {
    const now = isoNow(deps.clock);
    // The administrator knows this password: its owner must replace it before doing anything (issue 9).
    await tx.updateTable('users').set({ password_hash: passwordHash, password_changed_at: now, failed_logins: 0, locked_until: null, must_change_password: 1, updated_at: now }).where('id', '=', id).execute();
    await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: target.agencyId, action: 'user.password.reset', entityType: 'user', entityId: id, ip: actor.ip });
  });
}

// ---- role grants (security administrator's duty under 三员分立) ----

export type GrantView = { id: string; agencyId: string; agencyName: string; role: Role };

async function grantsOf(tx: Tx, userId: string): Promise<GrantView[]> {
  const rows = await tx
    .selectFrom('role_grants')
    .innerJoin('agencies', 'agencies.id', 'role_grants.agency_id')
    .select(['role_grants.id', 'role_grants.agency_id', 'agencies.name', 'role_grants.role'])
    .where('role_grants.user_id', '=', userId)
    .orderBy('agencies.code')
    .orderBy('role_grants.role')
    .execute();
  return rows.flatMap((r) => (isRole(r.role) ? [{ id: r.id, agencyId: r.agency_id, agencyName: r.name, role: r.role }] : []));
}

export async function listGrants(deps: Deps, actor: Actor, userId: string): Promise<GrantView[]> {
  const user = await userView(deps.db, userId);
  if (userId !== actor.userId) requireRoleIn(actor, USER_ADMINS, user.agencyId);
  return grantsOf(deps.db, userId);
}

/** The granting security administrator must reach both the agency of the role and the user's own agency. */
export async function grantRole(deps: Deps, actor: Actor | null, userId: string, agencyId: string, role: Role): Promise<GrantView> {
  const actingRole = actor ? requireRoleIn(actor, ['security_admin'], agencyId) : null;
  if (actor && userId === actor.userId) throw badRequest('GRANT_SELF', '不能给自己授予角色');
  return deps.db.transaction().execute(async (tx) => {
    const user = await userView(tx, userId);
    if (actor) requireRoleIn(actor, ['security_admin'], user.agencyId);
    if (!(await tx.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst())) throw notFound('机关');
    const held = await grantsOf(tx, userId);
    if (held.some((g) => g.agencyId === agencyId && g.role === role)) throw conflict('GRANT_EXISTS', '该用户在该机关已有此角色');
    const clash = triadConflict(held.map((g) => g.role), role);
    if (clash) {
      throw conflict('TRIAD_SEPARATION', `三员分立：${user.name}已是${ROLES[clash].label}，不能再担任${ROLES[role].label}`, { held: clash, requested: role });
    }
    const id = newId();
    await tx.insertInto('role_grants').values({ id, user_id: userId, agency_id: agencyId, role, created_at: isoNow(deps.clock) }).execute();
    const grant = (await grantsOf(tx, userId)).find((g) => g.id === id)!;
    await appendAudit(tx, deps.clock, { actor: actor ? auditActor(actor, actingRole) : CLI_ACTOR, agencyId, action: 'grant.add', entityType: 'user', entityId: userId, after: grant, ip: actor?.ip ?? null });
    return grant;
  });
}

export async function revokeGrant(deps: Deps, actor: Actor, grantId: string): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const grant = await tx.selectFrom('role_grants').selectAll().where('id', '=', grantId).executeTakeFirst();
    if (!grant) throw notFound('角色授权');
    const role = requireRoleIn(actor, ['security_admin'], grant.agency_id);
    if (grant.user_id === actor.userId) throw badRequest('GRANT_SELF', '不能撤销自己的角色');
    await tx.deleteFrom('role_grants').where('id', '=', grantId).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: grant.agency_id, action: 'grant.remove', entityType: 'user', entityId: grant.user_id, before: { agencyId: grant.agency_id, role: grant.role }, ip: actor.ip });
  });
}

export const roleCatalog = () =>
  (Object.keys(ROLES) as Role[]).map((role) => ({ role, label: ROLES[role].label, description: ROLES[role].description, adminTriad: ROLES[role].triad }));
