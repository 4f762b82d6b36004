import { isoDate, shiftDate } from '../core/calendar.ts';
import { chinaToday } from '../core/clock.ts';
import type { Action } from '../modules/documents/documents.rules.ts';
import { act, createItem, type ActionInput } from '../modules/documents/documents.service.ts';
import { createInterpretation } from '../modules/interpretation/interpretation.service.ts';
import { CHECKLIST, type Checklist } from '../modules/interpretation/interpretation.rules.ts';
import type { Db } from '../db/database.ts';
import type { Clock } from '../core/clock.ts';
import { demoActor } from './demo-documents.ts';

const CONTENT: Record<keyof typeof CHECKLIST, string> = {
  background: '为落实国家和省稳就业政策，支持困难人员尽快就业，依据《中华人民共和国就业促进法》制定本通知。',
  goals: '帮助登记失业人员和就业困难人员尽快实现就业。',
  content: '对实现就业的登记失业人员发放一次性就业补贴。',
  scope: '在本市登记失业、2026年内实现就业并参加社会保险满3个月的人员。',
  criteria: '每人1000元，同一人只能享受一次。',
  application: '通过“示例人社”网上办事大厅或街道社区服务站申请，无需提交纸质材料。',
  cautions: '补贴直接发放到本人社会保障卡金融账户。',
  terms: '登记失业人员：在公共就业服务机构办理了失业登记的人员。',
  benefits: '全程网办、免申即享，预计惠及约2000人。',
  changes: '',
};
const checklist: Checklist = Object.fromEntries(
  (Object.keys(CHECKLIST) as (keyof typeof CHECKLIST)[]).map((k) => [k, CONTENT[k] ? { content: CONTENT[k], notApplicableReason: '' } : { content: '', notApplicableReason: '首次出台，无旧政策' }]),
);

/** One normative policy and its Q&A interpretation, reviewed and published together (三同步). */
export async function seedDemoInterpretation(deps: { db: Db; clock: Clock; dataDir: string }): Promise<number> {
  const actorFor = demoActor(deps.db);
  const dateMade = shiftDate(isoDate(chinaToday(deps.clock)), -5);
  const drafter = await actorFor('rsj.drafter');
  const policy = await createItem(deps, drafter, {
    kind: 'document', docKind: 'notice', docNumber: '示人社规〔2026〕3号', title: '关于发放一次性就业补贴的通知', category: 'policy', attribute: 'proactive', policyLevel: 'normative', dateMade,
    summary: '对实现就业的登记失业人员发放一次性就业补贴。',
    body: '各县（市、区）人力资源和社会保障局：\n为支持登记失业人员尽快就业，决定对2026年内实现就业并参加社会保险满3个月的登记失业人员发放一次性就业补贴，每人1000元。\n本通知自发布之日起施行。',
    interpretationPlan: { outline: '出台背景、补贴对象、标准和申领方式', form: '问答', channel: '门户网站政策解读栏目', time: '与文件同步发布' },
  });
  await createInterpretation(deps, drafter, {
    title: '《关于发放一次性就业补贴的通知》政策问答', summary: '五问五答，讲清谁能领、领多少、怎么领。', dateMade, form: 'qa', checklist, policyIds: [policy.id],
    content: {
      pairs: [
        { question: '哪些人可以领取一次性就业补贴？', answer: CONTENT.scope },
        { question: '补贴标准是多少？', answer: CONTENT.criteria },
        { question: '怎样申请？', answer: CONTENT.application },
        { question: '补贴发到哪里？', answer: CONTENT.cautions },
        { question: '以前领过类似补贴还能领吗？', answer: '本补贴为首次出台，此前领取过其他就业补贴的，符合条件仍可申请。' },
      ],
    },
  });
  const steps: [string, Action, ActionInput][] = [
    ['rsj.drafter', 'submit', {}], ['rsj.office', 'pass_check', {}], ['rsj.head', 'dept_opinion', { opinion: '政策文件和解读内容一致，同意。' }],
    ['rsj.secrecy', 'secrecy_opinion', { conclusion: 'proactive', opinion: '文件及其解读均不涉密，同意主动公开。' }],
    ['rsj.leader', 'approve', { opinion: '同意，文件与解读同步发布。' }], ['rsj.office', 'publish', { channels: ['platform', 'website'] }],
  ];
  for (const [who, action, input] of steps) await act(deps, await actorFor(who), policy.id, action, input);
  return 2;
}
