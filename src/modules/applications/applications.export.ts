import { chinaDateTimeOf } from '../../core/clock.ts';
import { badRequest } from '../../core/errors.ts';
import { EXPORT_LIMIT, workbookOf } from '../../http/workbook.ts';
import type { Actor } from '../auth/actor.ts';
import { CHANNELS, OUTCOMES, STATES, type Outcome, type ReceiptChannel } from './applications.rules.ts';
import { listApplications } from './applications.service.ts';
import type { Deps } from './applications.repo.ts';

const LIGHTS = { green: '正常', yellow: '临期', red: '逾期' } as const;

/**
 * The application queue as Excel (issue 8), filtered as the console shows it: applicants
 * masked as in the queue, received in Beijing time, each case's reply deadline and its light.
 */
export async function queueWorkbook(deps: Deps, actor: Actor, filter: Parameters<typeof listApplications>[2]): Promise<Buffer> {
  const { items, total } = await listApplications(deps, actor, filter, { page: 1, pageSize: EXPORT_LIMIT });
  if (total > EXPORT_LIMIT) throw badRequest('EXPORT_TOO_LARGE', `符合条件的申请有 ${total} 件，超过一次导出的上限 ${EXPORT_LIMIT} 件，请按状态或关键词筛选后导出`);
  return workbookOf('申请队列', [
    { header: '登记编号', key: 'regNumber', width: 22 }, { header: '收到时间', key: 'receivedAt', width: 18 }, { header: '收到方式', key: 'channel', width: 14 },
    { header: '申请人', key: 'applicant', width: 16 }, { header: '所需信息', key: 'description', width: 50 }, { header: '状态', key: 'state', width: 10 },
    { header: '承办部门', key: 'unit', width: 16 }, { header: '答复期限', key: 'due', width: 12 }, { header: '期限状态', key: 'light', width: 10 },
    { header: '办理结果', key: 'outcome', width: 20 },
  ], items.map((a) => ({
    regNumber: a.regNumber, receivedAt: a.receivedAt ? chinaDateTimeOf(a.receivedAt) : `待确认（${chinaDateTimeOf(a.arrivedAt)}到达）`, channel: CHANNELS[a.channel as ReceiptChannel] ?? '', applicant: a.applicant.name,
    description: a.description, state: STATES[a.state], unit: a.unitName ?? '', due: a.due?.dueDate ?? '', light: a.due ? LIGHTS[a.due.light] : '',
    outcome: a.outcome ? OUTCOMES[a.outcome as Outcome].group : '',
  })));
}
