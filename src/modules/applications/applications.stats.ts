import ExcelJS from 'exceljs';
import { badRequest } from '../../core/errors.ts';
import { requireRoleIn, type Actor } from '../auth/actor.ts';
import { APPLICANT_KINDS, OUTCOMES, OUTCOME_KEYS, table3, type ApplicantKind, type Table3Row } from './applications.rules.ts';
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

const ROW_LABELS: Record<Table3Row, string> = {
  new: '一、本年新收政府信息公开申请数量',
  carried_in: '二、上年结转政府信息公开申请数量',
  ...Object.fromEntries(OUTCOME_KEYS.map((k) => [k, `${OUTCOMES[k].group}：${OUTCOMES[k].label}`])),
  results_total: '三、本年度办理结果：总计',
  carried_out: '四、结转下年度继续办理',
} as Record<Table3Row, string>;

/** The same table as a workbook laid out like the national format (rows of outcomes × applicant columns). */
export async function table3Workbook(deps: Deps, actor: Actor, period: { from: string; to: string }): Promise<Buffer> {
  const report = await table3Report(deps, actor, period);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('表三');
  const kinds = Object.keys(APPLICANT_KINDS) as ApplicantKind[];
  sheet.addRow([`收到和处理政府信息公开申请情况（${period.from} 至 ${period.to}）`]);
  sheet.addRow(['', '自然人', '法人或其他组织', '', '', '', '', '总计']);
  sheet.addRow(['', '', ...kinds.slice(1).map((k) => APPLICANT_KINDS[k]), '']);
  for (const row of Object.keys(ROW_LABELS) as Table3Row[]) {
    sheet.addRow([ROW_LABELS[row], ...kinds.map((k) => report.rows[row][k]), report.rows[row].total]);
  }
  sheet.addRow([`校验：新收 + 上年结转 = ${report.check.left}；办理结果总计 + 结转下年 = ${report.check.right}；${report.check.ok ? '一致' : '不一致'}`]);
  sheet.getColumn(1).width = 60;
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
