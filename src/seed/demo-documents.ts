import { isoDate, shiftDate } from '../core/calendar.ts';
import { chinaToday, type Clock } from '../core/clock.ts';
import type { Db } from '../db/database.ts';
import { loadActor } from '../modules/auth/auth.service.ts';
import type { Action, Channel } from '../modules/documents/documents.rules.ts';
import { act, createItem, type ActionInput, type ItemInput } from '../modules/documents/documents.service.ts';

type Deps = { db: Db; clock: Clock; dataDir: string };

/** The path each demo item walks, as (account, action, input) steps after its creation. */
const TO_PUBLICATION = (channels: Channel[]): [string, Action, ActionInput][] => [
  ['submit', 'submit', {}], ['office', 'pass_check', {}], ['head', 'dept_opinion', { opinion: '内容准确，同意公开。' }],
  ['secrecy', 'secrecy_opinion', { conclusion: 'proactive', opinion: '经审查，不涉及国家秘密、商业秘密和个人隐私，同意主动公开。' }],
  ['leader', 'approve', { opinion: '同意。' }], ['office', 'publish', { channels }],
];

type DemoItem = { agency: 'rsj' | 'ybj'; drafter: string; daysAgo: number; input: Omit<ItemInput, 'dateMade'>; steps: [string, Action, ActionInput][] };

const ITEMS: DemoItem[] = [
  {
    agency: 'rsj', drafter: 'rsj.drafter', daysAgo: 12,
    input: {
      kind: 'document', docKind: 'notice', docNumber: '示人社发〔2026〕31号', title: '关于做好2026年高校毕业生就业见习工作的通知', category: 'work', attribute: 'proactive',
      summary: '部署2026年度高校毕业生就业见习基地认定、见习补贴发放等工作。',
      body: '各县（市、区）人力资源和社会保障局，各有关单位：\n为促进高校毕业生等青年就业，现就做好2026年就业见习工作通知如下。\n一、扩大见习岗位规模。各地要广泛动员企事业单位开发见习岗位，全年新增见习岗位不少于3000个。\n二、落实见习补贴政策。见习单位按规定享受见习补贴，补贴标准为当地最低工资标准的70%。\n三、加强见习过程管理。见习期限一般为3至12个月。\n咨询电话：12333。',
    },
    steps: TO_PUBLICATION(['platform', 'website', 'app_wechat']),
  },
  {
    agency: 'rsj', drafter: 'rsj.drafter', daysAgo: 20,
    input: {
      kind: 'other', title: '示例市2026年10月社会保险基金运行情况', category: 'finance', attribute: 'proactive',
      summary: '2026年10月全市企业职工基本养老保险、失业保险、工伤保险基金收支情况。',
      body: '2026年10月，全市企业职工基本养老保险基金收入12.6亿元，支出11.9亿元；失业保险基金收入0.8亿元，支出0.5亿元；工伤保险基金收入0.3亿元，支出0.2亿元。',
    },
    steps: TO_PUBLICATION(['platform', 'website']),
  },
  {
    agency: 'rsj', drafter: 'rsj.drafter', daysAgo: 3,
    input: {
      kind: 'document', docKind: 'notice', docNumber: '示人社函〔2026〕58号', title: '关于公布2026年第三批就业见习基地名单的通知', category: 'work', attribute: 'proactive',
      body: '经单位申报、县区推荐、实地核查，确定以下单位为2026年第三批就业见习基地：示例市滨海物流有限公司、示例市第一人民医院等12家单位。\n联系人：刘晓明，身份证号码110105194912310021，手机13912345678。',
    },
    steps: [['submit', 'submit', {}], ['office', 'pass_check', {}], ['head', 'dept_opinion', { opinion: '名单经科务会研究，同意公开。' }]],
  },
  {
    agency: 'rsj', drafter: 'rsj.drafter', daysAgo: 1,
    input: {
      kind: 'document', docKind: 'notice', docNumber: '', title: '关于调整失业保险金标准的通知（征求意见稿）', category: 'policy', attribute: 'proactive', policyLevel: 'normative',
      body: '根据省人力资源和社会保障厅有关规定，结合本市实际，决定自2027年1月1日起调整失业保险金标准……',
      interpretationPlan: { outline: '调整背景、调整标准、适用范围、与原政策的区别', form: '图文解读和问答', channel: '门户网站政策解读栏目', time: '与文件同步发布' },
    },
    steps: [],
  },
  {
    agency: 'rsj', drafter: 'rsj.drafter', daysAgo: 30,
    input: {
      kind: 'document', docKind: 'letter', docNumber: '示人社函〔2026〕40号', title: '关于2026年度机关内部绩效考核安排的函', category: 'other', attribute: 'not_disclosed',
      attributeReason: '属于机关内部人事管理信息（三类内部事务信息），依据《政府信息公开条例》第十六条不予公开。',
      body: '各科室、局属各单位：现将2026年度内部绩效考核安排函告如下……',
    },
    steps: [['submit', 'submit', {}], ['office', 'pass_check', {}], ['head', 'dept_opinion', { opinion: '同意不予公开。' }],
      ['secrecy', 'secrecy_opinion', { conclusion: 'exempt', opinion: '属内部事务信息，同意免予公开。' }], ['leader', 'approve', { opinion: '同意。' }]],
  },
  {
    agency: 'ybj', drafter: 'ybj.drafter', daysAgo: 8,
    input: {
      kind: 'document', docKind: 'notice', docNumber: '示医保发〔2026〕12号', title: '关于做好2027年度城乡居民医疗保险参保缴费工作的通知', category: 'services', attribute: 'proactive',
      body: '2027年度城乡居民基本医疗保险集中参保缴费期为2026年9月1日至12月31日，个人缴费标准为每人每年400元。参保人可通过手机APP、银行网点或社区服务站缴费。',
    },
    steps: [['submit', 'submit', {}]],
  },
];

/** The account that takes a step: `submit` is the drafter, the rest are the agency's role holders. */
const accountFor = (item: DemoItem, who: string) => (who === 'submit' ? item.drafter : `${item.agency}.${who}`);

/** A demo account as the services see it, by user name. */
export const demoActor = (db: Db) => async (username: string) => {
  const user = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  return (await loadActor(db, user.id, '127.0.0.1'))!;
};

/** Demo items of several states, made through the real workflow so their timelines and audit records are genuine. */
export async function seedDemoDocuments(deps: Deps): Promise<number> {
  const today = isoDate(chinaToday(deps.clock));
  const actorFor = demoActor(deps.db);
  for (const item of ITEMS) {
    const created = await createItem(deps, await actorFor(item.drafter), { ...item.input, dateMade: shiftDate(today, -item.daysAgo) });
    for (const [who, action, input] of item.steps) await act(deps, await actorFor(accountFor(item, who)), created.id, action, input);
  }
  return ITEMS.length;
}
