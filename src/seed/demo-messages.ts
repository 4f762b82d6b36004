import type { Clock } from '../core/clock.ts';
import { newToken } from '../core/ids.ts';
import type { Db } from '../db/database.ts';
import { loadActor } from '../modules/auth/auth.service.ts';
import type { Rating } from '../modules/messages/messages.rules.ts';
import { actOnMessage, rateMessage, submitMessage } from '../modules/messages/messages.service.ts';

type DemoMessage = { daysAgo: number; topic: string; content: string; name: string; phone: string; unit: string; answerer: string; answer?: string; rating?: Rating };

/** OP-6: a few messages to the bureau, answered by the responsible unit and published; one still waits for the office. */
const MESSAGES: DemoMessage[] = [
  {
    daysAgo: 20, topic: '失业保险金申领需要哪些材料', content: '我是张伟，上个月从公司离职，电话13912340001。请问申领失业保险金需要带哪些材料，在哪里办理？', name: '张伟', phone: '13912340001',
    unit: '市社会保险事业服务中心', answerer: 'rsj.sbzx', rating: 'satisfied',
    answer: '您好！申领失业保险金请携带居民身份证或社会保障卡、与用人单位解除或终止劳动关系的证明，到市民服务中心一楼社保窗口办理，也可通过网上服务大厅申请。受理之日起5个工作日内办结。',
  },
  {
    daysAgo: 14, topic: '高校毕业生就业见习补贴何时发放', content: '请问今年的高校毕业生就业见习补贴什么时候发放？见习单位需要提交什么材料？', name: '刘洋', phone: '13912340002',
    unit: '就业促进科', answerer: 'rsj.drafter', rating: 'basic',
    answer: '您好！就业见习补贴按季度发放，见习单位在每季度结束后10个工作日内提交见习人员名册、考勤记录和补贴发放凭证，经审核后拨付。具体可咨询0310-1234345。',
  },
  {
    daysAgo: 8, topic: '劳动合同到期不续签有没有经济补偿', content: '公司通知劳动合同到期不再续签，请问我能否获得经济补偿？', name: '陈静', phone: '13912340003',
    unit: '劳动关系科', answerer: 'rsj.ld',
    answer: '您好！根据《中华人民共和国劳动合同法》第四十六条，劳动合同期满，除用人单位维持或者提高劳动合同约定条件续订而劳动者不同意续订的情形外，用人单位终止固定期限劳动合同的，应当向劳动者支付经济补偿。',
  },
  { daysAgo: 0, topic: '社保卡丢失如何补办', content: '社会保障卡不慎丢失，请问如何挂失和补办？需要多长时间？', name: '赵敏', phone: '13912340004', unit: '', answerer: '' },
];

/** Written through the services with the clock set to each step's day, so every clock, step and audit event is real. */
export async function seedDemoMessages(deps: { db: Db; clock: Clock }): Promise<void> {
  const agency = await deps.db.selectFrom('agencies').select('id').where('code', '=', 'RSJ').executeTakeFirstOrThrow();
  const units = await deps.db.selectFrom('units').select(['id', 'name']).where('agency_id', '=', agency.id).execute();
  const actorOf = async (username: string) => {
    const user = await deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    return (await loadActor(deps.db, user.id, '127.0.0.1'))!;
  };
  const office = await actorOf('rsj.office');
  for (const m of MESSAGES) {
    const at = (days: number, hours = 0): Clock => () => new Date(deps.clock().getTime() - days * 86_400_000 + hours * 3_600_000);
    const done = await submitMessage({ ...deps, clock: at(m.daysAgo) }, agency.id, m, newToken(), null);
    if (!m.answer) continue;
    const unit = units.find((u) => u.name === m.unit)!;
    await actOnMessage({ ...deps, clock: at(m.daysAgo, 1) }, office, done.id, 'check', {});
    await actOnMessage({ ...deps, clock: at(m.daysAgo, 2) }, office, done.id, 'assign', { unitId: unit.id });
    await actOnMessage({ ...deps, clock: at(m.daysAgo - 2) }, await actorOf(m.answerer), done.id, 'answer', { answer: m.answer });
    await actOnMessage({ ...deps, clock: at(m.daysAgo - 2, 3) }, office, done.id, 'publish', {});
    if (m.rating) await rateMessage({ ...deps, clock: at(m.daysAgo - 3) }, done.token!, m.rating, null);
  }
}
