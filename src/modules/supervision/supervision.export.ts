import { chinaDateOf, chinaDateTimeOf } from '../../core/clock.ts';
import { workbookOf } from '../../http/workbook.ts';
import type { Actor } from '../auth/actor.ts';
import { accountability, ACCOUNTABILITY_EXPORT_LIMIT, type Deps } from './supervision.dashboard.ts';
import { results } from './supervision.service.ts';

/** SUP-6: every missed clock of the period with the steps that held it, as staff hand it on. */
export async function accountabilityWorkbook(deps: Deps, actor: Actor, filter: { agencyId?: string | undefined; from: string; to: string }): Promise<Buffer> {
  const report = await accountability(deps, actor, filter, { page: 1, pageSize: ACCOUNTABILITY_EXPORT_LIMIT });
  const rows = report.items.flatMap((c) => (c.steps.length ? c.steps : [null]).map((s) => ({
    agency: c.agency, subject: c.subjectLabel, title: c.title ?? c.subjectId, due: c.due, metAt: c.metAt ? chinaDateTimeOf(c.metAt) : '未办结', lateHours: c.lateHours,
    when: s?.when ?? '—', actor: s?.actor ?? '—', action: s?.action ?? '—', hours: s?.hours ?? '—', pastDue: s?.pastDue ? '是' : '否',
  })));
  return workbookOf(`责任追究（${filter.from}至${filter.to}）`, [
    { header: '机关', key: 'agency', width: 24 }, { header: '类别', key: 'subject', width: 14 }, { header: '事项', key: 'title', width: 38 },
    { header: '期限', key: 'due', width: 18 }, { header: '办结时间', key: 'metAt', width: 18 }, { header: '超期小时', key: 'lateHours', width: 10 },
    { header: '环节时间', key: 'when', width: 18 }, { header: '经办人', key: 'actor', width: 12 }, { header: '环节', key: 'action', width: 20 },
    { header: '停留小时', key: 'hours', width: 10 }, { header: '停留至期限后', key: 'pastDue', width: 12 },
  ], rows);
}

/** SUP-2: the results table across agencies. */
export async function resultsWorkbook(deps: Deps, actor: Actor, year: number): Promise<Buffer> {
  const { items } = await results(deps, actor, year);
  return workbookOf(`${year}年考评结果`, [
    { header: '机关', key: 'agency', width: 30 }, { header: '考评类型', key: 'kind', width: 12 }, { header: '模板', key: 'template', width: 40 },
    { header: '得分', key: 'total', width: 8 }, { header: '满分', key: 'max', width: 8 }, { header: '等次', key: 'grade', width: 8 },
    { header: '签署人', key: 'signedBy', width: 12 }, { header: '签署日期', key: 'signedAt', width: 14 },
  ], items.map((r) => ({
    agency: r.agency, kind: r.kindLabel, template: r.template, total: r.total ?? '—', max: r.max, grade: r.grade ?? '评分中', signedBy: r.signedBy ?? '—', signedAt: r.signedAt ? chinaDateOf(r.signedAt) : '—',
  })));
}
