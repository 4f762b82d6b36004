import { isoDate, shiftDate } from '../core/calendar.ts';
import { chinaToday, type Clock } from '../core/clock.ts';
import type { Db } from '../db/database.ts';
import { loadActor } from '../modules/auth/auth.service.ts';
import { act, createItem } from '../modules/documents/documents.service.ts';
import { createUser, grantRole } from '../modules/org/org.service.ts';
import { DEMO_PASSWORD } from './demo.ts';

/**
 * The city's disclosure office (市政务公开办) for supervision: an `office` grant at the
 * city-level agency reaches every agency, so this account sees the whole city's dashboard,
 * runs spot checks and the year-end assessment (SUP-1, SUP-2).
 */
export const CITY_OFFICE = { username: 'szf.office', name: '林督查', phone: '13800000004' };

export async function seedCityOffice(deps: { db: Db; clock: Clock }): Promise<void> {
  const city = await deps.db.selectFrom('agencies').select('id').where('level', '=', 'city').executeTakeFirstOrThrow();
  const unit = await deps.db.selectFrom('units').select('id').where('agency_id', '=', city.id).orderBy('created_at').executeTakeFirstOrThrow();
  const user = await createUser(deps, null, {
    username: CITY_OFFICE.username, name: CITY_OFFICE.name, agencyId: city.id, unitId: unit.id, phone: CITY_OFFICE.phone, email: `${CITY_OFFICE.username}@example.gov.cn`, password: DEMO_PASSWORD,
  });
  await grantRole(deps, null, user.id, city.id, 'office');
}

/**
 * Supervision's demo: the city office, and one YBJ item made 40 days ago and still waiting
 * at the office's check, so the dashboard shows a red clock and the unit's weekly check
 * finds it (SUP-1, SUP-4). Returns the accounts and items it added.
 */
export async function seedDemoSupervision(deps: { db: Db; clock: Clock; dataDir: string }): Promise<{ users: number; items: number }> {
  await seedCityOffice(deps);
  const user = await deps.db.selectFrom('users').select('id').where('username', '=', 'ybj.drafter').executeTakeFirstOrThrow();
  const drafter = (await loadActor(deps.db, user.id, '127.0.0.1'))!;
  const item = await createItem(deps, drafter, {
    kind: 'other', title: '示例市2026年第三季度医保基金支出情况', category: 'finance', attribute: 'proactive',
    summary: '2026年第三季度全市职工医保和居民医保基金支出情况。', body: '2026年第三季度，全市职工基本医疗保险基金支出4.2亿元，城乡居民基本医疗保险基金支出2.8亿元。',
    dateMade: shiftDate(isoDate(chinaToday(deps.clock)), -40),
  });
  await act(deps, drafter, item.id, 'submit', {});
  return { users: 1, items: 1 };
}
