import { isoNow, type Clock } from '../../core/clock.ts';
import { badRequest, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Db, Tx } from '../../db/database.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { auditActor, reach, requireRoleIn, type Actor } from '../auth/actor.ts';
import type { Role } from '../org/org.rules.ts';

/**
 * OP-7 领导值班: the leader responsible for a major case is reachable 24 hours. Each agency
 * keeps a roster of leaders on duty by time range, with the phone to reach them (sealed at
 * rest). Hour clocks notify whoever is on duty; the opinion cases show them.
 */
type Deps = { db: Db; clock: Clock };

export const DUTY_EDITORS: readonly Role[] = ['office', 'leader'];
export const DUTY_READERS: readonly Role[] = ['office', 'leader', 'opinion_lead', 'dept_head', 'drafter', 'secrecy_reviewer'];

export type DutyShift = { id: string; agencyId: string; userId: string; name: string; phone: string; startsAt: string; endsAt: string; note: string };

const shiftQuery = (tx: Tx) =>
  tx.selectFrom('duty_shifts').innerJoin('users', 'users.id', 'duty_shifts.user_id')
    .select(['duty_shifts.id', 'duty_shifts.agency_id', 'duty_shifts.user_id', 'users.name', 'duty_shifts.phone', 'duty_shifts.starts_at', 'duty_shifts.ends_at', 'duty_shifts.note']);

const present = (r: { id: string; agency_id: string; user_id: string; name: string; phone: string; starts_at: string; ends_at: string; note: string }): DutyShift => ({
  id: r.id, agencyId: r.agency_id, userId: r.user_id, name: r.name, phone: r.phone, startsAt: r.starts_at, endsAt: r.ends_at, note: r.note,
});

/** OP-7: the leaders on duty for an agency at a moment (a shift covers [startsAt, endsAt)). */
export async function dutyLeaders(db: Tx, agencyId: string, at: Date): Promise<DutyShift[]> {
  const t = at.toISOString();
  const rows = await shiftQuery(db).where('duty_shifts.agency_id', '=', agencyId).where('duty_shifts.starts_at', '<=', t).where('duty_shifts.ends_at', '>', t).orderBy('duty_shifts.starts_at').execute();
  return rows.map(present);
}

export async function listDuty(deps: Deps, actor: Actor, agencyId: string, range: { from: string; to: string }): Promise<DutyShift[]> {
  requireRoleIn(actor, DUTY_READERS, agencyId);
  const rows = await shiftQuery(deps.db).where('duty_shifts.agency_id', '=', agencyId).where('duty_shifts.ends_at', '>', range.from).where('duty_shifts.starts_at', '<', range.to).orderBy('duty_shifts.starts_at').execute();
  return rows.map(present);
}

/** Who may be put on duty: the agency's leaders (分管领导). */
export async function dutyCandidates(deps: Deps, actor: Actor, agencyId: string): Promise<{ id: string; name: string }[]> {
  requireRoleIn(actor, DUTY_EDITORS, agencyId);
  return deps.db.selectFrom('role_grants').innerJoin('users', 'users.id', 'role_grants.user_id').select(['users.id', 'users.name'])
    .where('role_grants.agency_id', '=', agencyId).where('role_grants.role', '=', 'leader').where('users.status', '=', 'active').orderBy('users.username').execute();
}

export type DutyInput = { agencyId: string; userId: string; phone: string; startsAt: string; endsAt: string; note?: string | undefined };

const instant = (s: string, what: string): string => {
  if (!/(?:Z|[+-]\d{2}:?\d{2})$/i.test(s) || Number.isNaN(Date.parse(s))) throw badRequest('DUTY_TIME_INVALID', `${what}须为带时区的时间`);
  return new Date(s).toISOString();
};

export async function addDuty(deps: Deps, actor: Actor, input: DutyInput): Promise<DutyShift> {
  const role = requireRoleIn(actor, DUTY_EDITORS, input.agencyId);
  const startsAt = instant(input.startsAt, '开始时间');
  const endsAt = instant(input.endsAt, '结束时间');
  if (endsAt <= startsAt) throw badRequest('DUTY_RANGE_INVALID', '值班结束时间须晚于开始时间');
  if (!input.phone.trim()) throw badRequest('DUTY_PHONE_REQUIRED', '请填写值班联系电话');
  return deps.db.transaction().execute(async (tx) => {
    const user = await tx.selectFrom('users').select(['id', 'agency_id', 'status']).where('id', '=', input.userId).executeTakeFirst();
    if (!user || user.agency_id !== input.agencyId || user.status !== 'active') throw badRequest('DUTY_USER_INVALID', '值班领导须为本机关的在用账号');
    const id = newId();
    await tx.insertInto('duty_shifts').values({ id, agency_id: input.agencyId, user_id: input.userId, phone: input.phone.trim(), starts_at: startsAt, ends_at: endsAt, note: input.note?.trim() ?? '', created_by: actor.userId, created_at: isoNow(deps.clock) }).execute();
    // The phone is personal: the record keeps who is on duty and when, not the number.
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: input.agencyId, action: 'duty.create', entityType: 'duty_shift', entityId: id, after: { userId: input.userId, startsAt, endsAt } });
    return present((await shiftQuery(tx).where('duty_shifts.id', '=', id).executeTakeFirstOrThrow()));
  });
}

export async function removeDuty(deps: Deps, actor: Actor, id: string): Promise<void> {
  const row = await deps.db.selectFrom('duty_shifts').select(['id', 'agency_id', 'user_id', 'starts_at', 'ends_at']).where('id', '=', id).executeTakeFirst();
  if (!row || !reach(actor, DUTY_READERS).has(row.agency_id)) throw notFound('值班安排');
  const role = requireRoleIn(actor, DUTY_EDITORS, row.agency_id);
  await deps.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('duty_shifts').where('id', '=', id).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'duty.delete', entityType: 'duty_shift', entityId: id, before: { userId: row.user_id, startsAt: row.starts_at, endsAt: row.ends_at } });
  });
}
