import { isoNow, type Clock } from '../../core/clock.ts';
import { notFound } from '../../core/errors.ts';
import { offsetOf, type Page, type Paging } from '../../core/paging.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { auditActor, type Actor } from '../auth/actor.ts';
import { preferencesOf } from './reminders.service.ts';
import { STAGES } from './reminders.rules.ts';

/** The console's notification centre (通知): each person reads only their own. */
type Deps = { db: Db; clock: Clock };

export type NotificationView = {
  id: string; kind: string; kindLabel: string; urgent: boolean; title: string; body: string; link: string | null; createdAt: string; readAt: string | null;
};

const kindLabel = (kind: string): string => (STAGES as Record<string, string>)[kind] ?? '通知';

export async function listNotifications(deps: Deps, actor: Actor, filter: { unread?: boolean | undefined }, page: Paging): Promise<Page<NotificationView> & { unread: number }> {
  let q = deps.db.selectFrom('notifications').where('user_id', '=', actor.userId);
  if (filter.unread) q = q.where('read_at', 'is', null);
  const rows = await q.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(page.pageSize).offset(offsetOf(page)).execute();
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  return {
    ...page,
    total: Number(total),
    unread: await unreadCount(deps, actor),
    items: rows.map((r) => ({ id: r.id, kind: r.kind, kindLabel: kindLabel(r.kind), urgent: r.urgent === 1, title: r.title, body: r.body, link: r.link, createdAt: r.created_at, readAt: r.read_at })),
  };
}

export async function unreadCount(deps: Deps, actor: Actor): Promise<number> {
  const row = await deps.db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', actor.userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markRead(deps: Deps, actor: Actor, id: string, read: boolean): Promise<void> {
  const res = await deps.db.updateTable('notifications').set({ read_at: read ? isoNow(deps.clock) : null }).where('id', '=', id).where('user_id', '=', actor.userId).executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw notFound('通知');
}

export async function markAllRead(deps: Deps, actor: Actor): Promise<{ marked: number }> {
  const res = await deps.db.updateTable('notifications').set({ read_at: isoNow(deps.clock) }).where('user_id', '=', actor.userId).where('read_at', 'is', null).executeTakeFirst();
  return { marked: Number(res.numUpdatedRows) };
}

export type Preferences = { email: boolean; sms: boolean; emailAddress: string; phoneSet: boolean };

export async function getPreferences(deps: Deps, actor: Actor): Promise<Preferences> {
  const pref = (await preferencesOf(deps.db, [actor.userId])).get(actor.userId)!;
  const user = await deps.db.selectFrom('users').select(['email', 'phone']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
  return { ...pref, emailAddress: user.email, phoneSet: user.phone !== '' };
}

/** Each person chooses e-mail and SMS besides the console; hour clocks reach the duty leader whatever the choice (OP-7). */
export async function setPreferences(deps: Deps, actor: Actor, input: { email: boolean; sms: boolean }): Promise<Preferences> {
  await deps.db.transaction().execute(async (tx) => {
    const row = { email: input.email ? 1 : 0, sms: input.sms ? 1 : 0, updated_at: isoNow(deps.clock) };
    await tx.insertInto('notification_preferences').values({ user_id: actor.userId, ...row }).onConflict((oc) => oc.column('user_id').doUpdateSet(row)).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, null), agencyId: actor.agencyId, action: 'user.notification_channels', entityType: 'user', entityId: actor.userId, after: input });
  });
  return getPreferences(deps, actor);
}
