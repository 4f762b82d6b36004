import { chinaToday, type Clock } from '../core/clock.ts';
import type { Db } from '../db/database.ts';
import { loadActor } from '../modules/auth/auth.service.ts';
import { addEntry } from '../modules/reports/reports.service.ts';

/**
 * The figures other systems hold for last year's annual report (LAW-50 table 2), entered by
 * the RSJ bureau's office with their sources, so the report's draft shows them.
 */
export async function seedDemoReports(deps: { db: Db; clock: Clock }): Promise<void> {
  const office = await deps.db.selectFrom('users').select('id').where('username', '=', 'rsj.office').executeTakeFirstOrThrow();
  const actor = (await loadActor(deps.db, office.id, '127.0.0.1'))!;
  const year = Number(chinaToday(deps.clock).slice(0, 4)) - 1;
  await addEntry(deps, actor, { year, key: 'licence', value: 1268, source: '省政务服务平台（办件统计）' });
  await addEntry(deps, actor, { year, key: 'penalty', value: 37, source: '行政执法监督平台' });
  await addEntry(deps, actor, { year, key: 'coercive', value: 2, source: '行政执法监督平台' });
  await addEntry(deps, actor, { year, key: 'fee', value: 0, source: '财政非税收入管理系统（本局无行政事业性收费项目）' });
}
