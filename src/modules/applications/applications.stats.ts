import { badRequest } from '../../core/errors.ts';
import { requireRoleIn, type Actor } from '../auth/actor.ts';
import { gridsWorkbook } from '../reports/reports.render.ts';
import { table3Cells, table3Grid2021 } from '../reports/reports.rules.ts';
import { table3 } from './applications.rules.ts';
import { APPLICATION_ROLES, type Deps } from './applications.repo.ts';

/** Table 3 of the annual report (LAW-49/50) for any period of the actor's agency. */
export async function table3Report(deps: Deps, actor: Actor, period: { from: string; to: string }) {
  requireRoleIn(actor, APPLICATION_ROLES, actor.agencyId);
  if (period.from > period.to) throw badRequest('PERIOD_INVALID', '起始日期不能晚于截止日期');
  const rows = await deps.db
    .selectFrom('applications')
    .select(['applicant_kind', 'received_at', 'finished_at', 'outcome'])
    .where('agency_id', '=', actor.agencyId)
    .execute();
  return { period, ...table3(rows.map((r) => ({ kind: r.applicant_kind, receivedAt: r.received_at, finishedAt: r.finished_at, outcome: r.outcome })), period) };
}

/** The same table as a workbook laid out as the national template (merged headers, 三、本年度办理结果, (一)…(七), 1.…8.). */
export async function table3Workbook(deps: Deps, actor: Actor, period: { from: string; to: string }): Promise<Buffer> {
  const report = await table3Report(deps, actor, period);
  const grid = table3Grid2021({ cells: table3Cells(report) });
  const check = `校验：新收 + 上年结转 = ${report.check.left}；办理结果总计 + 结转下年 = ${report.check.right}；${report.check.ok ? '一致' : '不一致'}`;
  return gridsWorkbook([{ name: '表三', grid: { ...grid, caption: `${grid.caption}（${period.from} 至 ${period.to}）` }, note: check }], '依申请公开情况统计');
}
