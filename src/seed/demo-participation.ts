import { isoDate, shiftDate } from '../core/calendar.ts';
import { chinaToday, type Clock } from '../core/clock.ts';
import type { Db } from '../db/database.ts';
import { loadActor } from '../modules/auth/auth.service.ts';
import { createConsultation, openConsultation } from '../modules/consultation/consultation.service.ts';
import type { Action } from '../modules/documents/documents.rules.ts';
import { act, createItem, type ActionInput } from '../modules/documents/documents.service.ts';
import { addProgress, createKeyTask } from '../modules/keytasks/keytasks.service.ts';

type Deps = { db: Db; clock: Clock; dataDir: string };

const REVIEW: [string, Action, ActionInput][] = [
  ['rsj.drafter', 'submit', {}], ['rsj.office', 'pass_check', {}], ['rsj.head', 'dept_opinion', { opinion: '同意公开征求意见。' }],
  ['rsj.secrecy', 'secrecy_opinion', { conclusion: 'proactive', opinion: '不涉及国家秘密和个人隐私，同意公开。' }],
  ['rsj.leader', 'approve', { opinion: '同意公开征求意见。' }], ['rsj.office', 'publish', { channels: ['platform', 'website'] }],
];

/** RSJ's draft open for comment (FIVE-1) and one key task with its progress (FIVE-2), made through the services. */
export async function seedDemoParticipation(deps: Deps): Promise<number> {
  const actorFor = async (username: string) => {
    const user = await deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    return (await loadActor(deps.db, user.id, '127.0.0.1'))!;
  };
  const today = isoDate(chinaToday(deps.clock));
  const draft = await createItem(deps, await actorFor('rsj.drafter'), {
    kind: 'other', title: '示例市创业担保贷款实施办法（征求意见稿）', category: 'policy', attribute: 'proactive', dateMade: shiftDate(today, -2),
    summary: '征求意见稿及起草说明。',
    body: '第一条 为支持创业带动就业，规范创业担保贷款工作，制定本办法。\n第二条 个人创业担保贷款额度最高为30万元，贷款期限最长3年。\n起草说明：本办法依据国家和省有关创业担保贷款的规定起草，主要调整贷款额度和贴息范围。',
  });
  const office = await actorFor('rsj.office');
  for (const [who, action, input] of REVIEW) await act(deps, who === 'rsj.office' ? office : await actorFor(who), draft.id, action, input);
  const consultation = await createConsultation(deps, office, {
    itemId: draft.id, unit: '就业促进和失业保险科', normative: false, closesOn: shiftDate(today, 30),
    howToComment: '除在本页提交意见外，也可发送电子邮件至 rsj@example.gov.cn，或寄信至示例市人民路1号市人力资源和社会保障局就业促进和失业保险科（邮编 063000），请在信封上注明“创业担保贷款意见”。',
  });
  await openConsultation(deps, office, consultation);
  const task = await createKeyTask(deps, office, {
    year: Number(today.slice(0, 4)), title: '实施高校毕业生就业见习计划', published: true,
    measures: '募集见习岗位不少于3000个；落实见习补贴，标准为当地最低工资标准的70%。', steps: '一季度认定见习基地、募集岗位\n二、三季度组织见习\n四季度总结评估', units: '就业促进和失业保险科、市就业服务中心',
  });
  await addProgress(deps, office, task.id, { onDate: shiftDate(today, -3), text: '已认定第三批就业见习基地12家，累计募集见习岗位2860个。' });
  return 1;
}
