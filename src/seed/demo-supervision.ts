import { isoDate, shiftDate } from '../core/calendar.ts';
import { chinaToday, type Clock } from '../core/clock.ts';
import type { Db } from '../db/database.ts';
import { loadActor } from '../modules/auth/auth.service.ts';
import { act, createItem } from '../modules/documents/documents.service.ts';

/**
 * Supervision's demo: one YBJ item made 40 days ago and still waiting
 * at the office's check, so the dashboard shows a red clock and the unit's weekly check
 * finds it (SUP-1, SUP-4); the city office (`szf.office`) comes with the demo city. Returns the items it added.
 */
export async function seedDemoSupervision(deps: { db: Db; clock: Clock; dataDir: string }): Promise<number> {
  const user = await deps.db.selectFrom('users').select('id').where('username', '=', 'ybj.drafter').executeTakeFirstOrThrow();
  const drafter = (await loadActor(deps.db, user.id, '127.0.0.1'))!;
  const item = await createItem(deps, drafter, {
    kind: 'other', title: '示例市2026年第三季度医保基金支出情况', category: 'finance', attribute: 'proactive',
    summary: '2026年第三季度全市职工医保和居民医保基金支出情况。', body: '2026年第三季度，全市职工基本医疗保险基金支出4.2亿元，城乡居民基本医疗保险基金支出2.8亿元。',
    dateMade: shiftDate(isoDate(chinaToday(deps.clock)), -40),
  });
  await act(deps, drafter, item.id, 'submit', {});
  return 1;
}
