import { createHash } from 'node:crypto';
import { isoNow, type Clock } from '../../core/clock.ts';
import { AppError, badRequest, unauthorized } from '../../core/errors.ts';
import { newToken } from '../../core/ids.ts';
import type { Db, Tx } from '../../db/database.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { isRole, requiresSecondFactor, type AgencyNode, type Role } from '../org/org.rules.ts';
import { getSecurityPolicy } from '../settings/security-policy.ts';
import { buildReach, type Actor, type Grant } from './actor.ts';
import type { SessionTable } from './auth.tables.ts';
import { DUMMY_HASH, hashPassword, passwordMatches } from './password-hash.ts';
import { assertPasswordAcceptable } from './password-policy.ts';
import { afterFailure, isLocked, sessionExpired, sessionExpiry, shouldTouch } from './session.rules.ts';
import { newTotpSecret, totpEnrolment, totpStep } from './totp.ts';

export type Deps = { db: Db; clock: Clock };
export type Client = { ip: string; userAgent: string };
export type LoginStatus = 'ok' | 'mfa_required' | 'mfa_enroll_required' | 'password_change_required';
/** `notice`: told at the first successful sign-in after failures or a lockout, never to whoever is guessing. */
export type Issued = { status: LoginStatus; token: string; csrfToken: string; notice?: string };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const STATUS: Record<SessionTable['state'], LoginStatus> = { active: 'ok', mfa_pending: 'mfa_required', mfa_enroll: 'mfa_enroll_required', password_change: 'password_change_required' };

/**
 * One answer for an unknown name, a wrong password, a locked and a disabled account (issue 9:
 * no account enumeration): the lock is told to the account's owner at the next successful
 * sign-in and shown to the security administrator, never to whoever is guessing.
 */
const INVALID = () => unauthorized('AUTH_INVALID', '用户名或密码错误');

async function rolesOf(tx: Tx, userId: string): Promise<Role[]> {
  const rows = await tx.selectFrom('role_grants').select('role').where('user_id', '=', userId).execute();
  return rows.map((r) => r.role).filter(isRole);
}

/** A new session id on every step up (login, second factor): a fixated id never gains rights. */
async function issueSession(tx: Tx, clock: Clock, userId: string, state: SessionTable['state'], client: Client): Promise<Issued> {
  const token = newToken();
  const csrfToken = newToken();
  const now = isoNow(clock);
  await tx
    .insertInto('sessions')
    .values({ id: sha256(token), user_id: userId, state, csrf_token: csrfToken, created_at: now, last_seen_at: now, ip: client.ip, user_agent: client.userAgent.slice(0, 300) })
    .execute();
  return { status: STATUS[state], token, csrfToken };
}

type FailureOutcome = { error: AppError };

/** Records a failed password or code: counts it, locks the account at the threshold, audits both. */
async function recordFailure(deps: Deps, user: { id: string; name: string; agency_id: string; failed_logins: number; locked_until: string | null }, action: string, client: Client): Promise<FailureOutcome> {
  const policy = await getSecurityPolicy(deps.db);
  const next = afterFailure(user, policy, deps.clock());
  await deps.db.transaction().execute(async (tx) => {
    await tx.updateTable('users').set({ failed_logins: next.failed_logins, locked_until: next.locked_until }).where('id', '=', user.id).execute();
    const actor = { id: user.id, name: user.name, role: null };
    await appendAudit(tx, deps.clock, { actor, agencyId: user.agency_id, action, entityType: 'user', entityId: user.id, ip: client.ip });
    if (next.lockedNow) {
      await appendAudit(tx, deps.clock, { actor, agencyId: user.agency_id, action: 'auth.lockout', entityType: 'user', entityId: user.id, after: { lockedUntil: next.locked_until }, ip: client.ip });
    }
  });
  return { error: action === 'auth.mfa.failed' ? unauthorized('AUTH_MFA_INVALID', '动态验证码不正确') : INVALID() };
}

/** The second step comes after the right password: its owner may be told the account is locked. */
const lockedError = (minutes: number) => new AppError('AUTH_LOCKED', 423, `连续验证失败次数过多，账号已锁定 ${minutes} 分钟，请稍后再试或联系安全管理员`);

const refused = async (deps: Deps, user: { id: string; name: string; agency_id: string }, action: string, client: Client) => {
  await deps.db.transaction().execute((tx) =>
    appendAudit(tx, deps.clock, { actor: { id: user.id, name: user.name, role: null }, agencyId: user.agency_id, action, entityType: 'user', entityId: user.id, ip: client.ip }));
  return INVALID();
};

export async function login(deps: Deps, input: { username: string; password: string }, client: Client): Promise<Issued> {
  const { db, clock } = deps;
  const user = await db.selectFrom('users').selectAll().where('username', '=', input.username).executeTakeFirst();
  if (!user) {
    await passwordMatches(DUMMY_HASH, input.password);
    await db.transaction().execute((tx) =>
      appendAudit(tx, clock, { actor: null, agencyId: null, action: 'auth.login.failed', entityType: 'user', after: { username: input.username.slice(0, 64) }, ip: client.ip }),
    );
    throw INVALID();
  }
  const matches = await passwordMatches(user.password_hash, input.password);
  if (isLocked(user, clock())) throw await refused(deps, user, 'auth.login.locked', client);
  if (!matches) throw (await recordFailure(deps, user, 'auth.login.failed', client)).error;
  if (user.status !== 'active') throw await refused(deps, user, 'auth.login.disabled', client);
  const since = user.locked_until ? '因连续登录失败曾被锁定' : user.failed_logins > 0 ? `有 ${user.failed_logins} 次登录失败` : null;
  const notice = since ? `自上次登录以来，您的账号${since}。如非本人操作，请立即修改密码并告知安全管理员。` : undefined;
  return db.transaction().execute(async (tx) => {
    const roles = await rolesOf(tx, user.id);
    const state: SessionTable['state'] = user.must_change_password ? 'password_change' : user.totp_enabled ? 'mfa_pending' : requiresSecondFactor(roles) ? 'mfa_enroll' : 'active';
    await tx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    const issued = await issueSession(tx, clock, user.id, state, client);
    await appendAudit(tx, clock, { actor: { id: user.id, name: user.name, role: null }, agencyId: user.agency_id, action: 'auth.login', entityType: 'user', entityId: user.id, after: { status: issued.status }, ip: client.ip });
    return notice ? { ...issued, notice } : issued;
  });
}

export type SessionView = { sessionId: string; userId: string; state: SessionTable['state']; csrfToken: string; created_at: string; last_seen_at: string };

/** Resolves a cookie to a live session, ending it when idle or too old. */
export async function resumeSession(deps: Deps, token: string): Promise<SessionView | null> {
  const { db, clock } = deps;
  const id = sha256(token);
  const s = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!s) return null;
  const now = clock();
  if (sessionExpired(s, await getSecurityPolicy(db), now)) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  if (shouldTouch(s, now)) await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
  return { sessionId: id, userId: s.user_id, state: s.state, csrfToken: s.csrf_token, created_at: s.created_at, last_seen_at: s.last_seen_at };
}

export async function sessionTimes(deps: Deps, s: SessionView) {
  return sessionExpiry({ created_at: s.created_at, last_seen_at: deps.clock().toISOString() }, await getSecurityPolicy(deps.db));
}

export async function loadActor(db: Db, userId: string, ip: string): Promise<Actor | null> {
  const user = await db.selectFrom('users').select(['id', 'username', 'name', 'agency_id', 'status']).where('id', '=', userId).executeTakeFirst();
  if (!user || user.status !== 'active') return null;
  const rows = await db.selectFrom('role_grants').select(['id', 'agency_id', 'role']).where('user_id', '=', userId).execute();
  const grants: Grant[] = rows.flatMap((r) => (isRole(r.role) ? [{ id: r.id, agencyId: r.agency_id, role: r.role }] : []));
  const tree: AgencyNode[] = await db.selectFrom('agencies').select(['id', 'parent_id']).execute();
  return { userId: user.id, username: user.username, name: user.name, agencyId: user.agency_id, grants, reach: buildReach(grants, tree), ip };
}

async function endSession(tx: Tx, sessionId: string) {
  await tx.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function verifySecondFactor(deps: Deps, session: SessionView, code: string, client: Client): Promise<Issued> {
  if (session.state !== 'mfa_pending') throw badRequest('AUTH_MFA_NOT_PENDING', '当前登录不需要动态验证码');
  const user = await deps.db.selectFrom('users').selectAll().where('id', '=', session.userId).executeTakeFirstOrThrow();
  const policy = await getSecurityPolicy(deps.db);
  if (isLocked(user, deps.clock())) throw lockedError(policy.lockoutMinutes);
  const step = user.totp_secret ? totpStep(user.totp_secret, code, deps.clock(), user.totp_last_step) : null;
  if (step === null) throw (await recordFailure(deps, user, 'auth.mfa.failed', client)).error;
  return deps.db.transaction().execute(async (tx) => {
    await endSession(tx, session.sessionId);
    await tx.updateTable('users').set({ failed_logins: 0, totp_last_step: step }).where('id', '=', user.id).execute();
    const issued = await issueSession(tx, deps.clock, user.id, 'active', client);
    await appendAudit(tx, deps.clock, { actor: { id: user.id, name: user.name, role: null }, agencyId: user.agency_id, action: 'auth.mfa.verified', entityType: 'user', entityId: user.id, ip: client.ip });
    return issued;
  });
}

/** Enrolment is for a signed-in user or one at the enrolment step; not before the second factor, nor before a forced password change. */
function refuseBeforeSecondStep(session: SessionView) {
  if (session.state === 'mfa_pending') throw badRequest('AUTH_MFA_REQUIRED', '请先完成动态验证码验证');
  if (session.state === 'password_change') throw badRequest('AUTH_PASSWORD_CHANGE_REQUIRED', '管理员重置了您的密码，请先修改密码');
}

/** Starts TOTP enrolment: a fresh secret is stored, but only counts once a code proves the app has it. */
export async function startTotpEnrolment(deps: Deps, session: SessionView) {
  refuseBeforeSecondStep(session);
  const user = await deps.db.selectFrom('users').select(['id', 'username', 'totp_enabled']).where('id', '=', session.userId).executeTakeFirstOrThrow();
  if (user.totp_enabled) throw badRequest('AUTH_MFA_ALREADY_ENABLED', '已启用动态验证码');
  const secret = newTotpSecret();
  await deps.db.updateTable('users').set({ totp_secret: secret }).where('id', '=', user.id).execute();
  return totpEnrolment(secret, user.username);
}

export async function enableTotp(deps: Deps, session: SessionView, code: string, client: Client): Promise<Issued> {
  refuseBeforeSecondStep(session);
  const user = await deps.db.selectFrom('users').selectAll().where('id', '=', session.userId).executeTakeFirstOrThrow();
  if (user.totp_enabled) throw badRequest('AUTH_MFA_ALREADY_ENABLED', '已启用动态验证码');
  if (!user.totp_secret) throw badRequest('AUTH_MFA_NOT_STARTED', '请先获取动态验证码密钥');
  const step = totpStep(user.totp_secret, code, deps.clock(), user.totp_last_step);
  if (step === null) throw unauthorized('AUTH_MFA_INVALID', '动态验证码不正确');
  return deps.db.transaction().execute(async (tx) => {
    await tx.updateTable('users').set({ totp_enabled: 1, totp_last_step: step, updated_at: isoNow(deps.clock) }).where('id', '=', user.id).execute();
    await endSession(tx, session.sessionId);
    const issued = await issueSession(tx, deps.clock, user.id, 'active', client);
    await appendAudit(tx, deps.clock, { actor: { id: user.id, name: user.name, role: null }, agencyId: user.agency_id, action: 'auth.mfa.enabled', entityType: 'user', entityId: user.id, ip: client.ip });
    return issued;
  });
}

export async function logout(deps: Deps, session: SessionView, client: Client): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const user = await tx.selectFrom('users').select(['id', 'name', 'agency_id']).where('id', '=', session.userId).executeTakeFirstOrThrow();
    await endSession(tx, session.sessionId);
    await appendAudit(tx, deps.clock, { actor: { id: user.id, name: user.name, role: null }, agencyId: user.agency_id, action: 'auth.logout', entityType: 'user', entityId: user.id, ip: client.ip });
  });
}

/**
 * Changes the user's own password: from a full session, or from the session of a sign-in with
 * a password an administrator set (which then ends: the user signs in again with the new
 * password and, for the administrators, the second factor).
 */
export async function changePassword(deps: Deps, session: SessionView, input: { currentPassword: string; newPassword: string }, client: Client): Promise<void> {
  if (session.state !== 'active' && session.state !== 'password_change') throw unauthorized('AUTH_MFA_REQUIRED', '请先完成动态验证码验证');
  const user = await deps.db.selectFrom('users').selectAll().where('id', '=', session.userId).executeTakeFirstOrThrow();
  if (!(await passwordMatches(user.password_hash, input.currentPassword))) throw badRequest('PASSWORD_CURRENT_WRONG', '当前密码不正确');
  if (input.newPassword === input.currentPassword) throw badRequest('PASSWORD_UNCHANGED', '新密码不能与当前密码相同');
  await assertPasswordAcceptable(deps.db, input.newPassword, user.username);
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction().execute(async (tx) => {
    const now = isoNow(deps.clock);
    await tx.updateTable('users').set({ password_hash: passwordHash, password_changed_at: now, must_change_password: 0, updated_at: now }).where('id', '=', user.id).execute();
    // Other sessions of the user end: a changed password must lock out whoever knew the old one.
    await tx.deleteFrom('sessions').where('user_id', '=', user.id).where('id', '!=', session.sessionId).execute();
    if (session.state === 'password_change') await endSession(tx, session.sessionId);
    await appendAudit(tx, deps.clock, { actor: { id: user.id, name: user.name, role: null }, agencyId: user.agency_id, action: 'auth.password.changed', entityType: 'user', entityId: user.id, ip: client.ip });
  });
}
