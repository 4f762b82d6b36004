import { workbookOf } from '../../http/workbook.ts';
import type { Actor } from '../auth/actor.ts';
import type { Deps } from './messages.service.ts';
import { messageStats, type Period, type summarise } from './messages.stats.ts';

/** The statistics as an Excel sheet, one row per agency and the total (OP-6). */
export async function messageStatsWorkbook(deps: Deps, actor: Actor, period: Period): Promise<Buffer> {
  const report = await messageStats(deps, actor, period);
  const row = (agency: string, s: ReturnType<typeof summarise>) => ({
    agency, received: s.received, answered: s.answered, onTime: s.onTime, refused: s.refused, averageWorkdays: s.averageWorkdays ?? '—',
    satisfied: s.ratings.satisfied, basic: s.ratings.basic, unsatisfied: s.ratings.unsatisfied, satisfaction: s.satisfaction === null ? '—' : `${s.satisfaction}%`,
  });
  return workbookOf(`网民留言统计`, [
    { header: '机关', key: 'agency', width: 30 }, { header: '收到', key: 'received', width: 8 }, { header: '已答复', key: 'answered', width: 8 },
    { header: '按期答复', key: 'onTime', width: 10 }, { header: '不予受理', key: 'refused', width: 10 }, { header: '平均办理工作日', key: 'averageWorkdays', width: 14 },
    { header: '满意', key: 'satisfied', width: 8 }, { header: '基本满意', key: 'basic', width: 10 }, { header: '不满意', key: 'unsatisfied', width: 8 }, { header: '满意率', key: 'satisfaction', width: 10 },
  ], [...report.agencies.map((a) => row(a.agency, a)), row(`合计（${period.from}至${period.to}）`, report.total)]);
}
