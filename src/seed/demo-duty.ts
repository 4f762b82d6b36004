import { chinaToday, type Clock } from '../core/clock.ts';
import { isoDate, shiftDate } from '../core/calendar.ts';
import type { Db } from '../db/database.ts';
import { loadActor } from '../modules/auth/auth.service.ts';
import { addDuty } from '../modules/notifications/duty.service.ts';

/** OP-7: each bureau's leader on duty for the demo's first week, entered by its office through the roster. */
export async function seedDemoDuty(deps: { db: Db; clock: Clock }): Promise<void> {
  const today = isoDate(chinaToday(deps.clock));
  for (const [office, leader, phone] of [['rsj.office', 'rsj.leader', '0310-1234399'], ['ybj.office', 'ybj.leader', '0310-1234699']] as const) {
    const [o, l] = await Promise.all([office, leader].map((u) => deps.db.selectFrom('users').select(['id', 'agency_id']).where('username', '=', u).executeTakeFirstOrThrow()));
    const actor = (await loadActor(deps.db, o!.id, '127.0.0.1'))!;
    await addDuty(deps, actor, { agencyId: l!.agency_id, userId: l!.id, phone, startsAt: `${today}T00:00:00+08:00`, endsAt: `${shiftDate(today, 7)}T00:00:00+08:00`, note: '示例值班安排' });
  }
}
