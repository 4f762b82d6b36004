import { isoDate, shiftDate } from '../core/calendar.ts';
import { chinaToday } from '../core/clock.ts';
import { loadActor } from '../modules/auth/auth.service.ts';
import {
  createNegativeEntry, createPower, createService, type Deps, type NegativeEntryInput, type PowerInput, type ServiceInput,
} from '../modules/lists/lists.service.ts';

const REGULATION = '《中华人民共和国政府信息公开条例》';

/** CAT-5: what the bureau keeps out of disclosure; `daysAgo` dates the listing, reviewed since. */
const NEGATIVE: Array<NegativeEntryInput & { daysAgo: number }> = [
  { daysAgo: 400, matter: '涉及国家秘密的劳动保障工作文件、统计资料', reasonCategory: 'state_secret', legalBasis: `${REGULATION}第十四条；《中华人民共和国保守国家秘密法》`, note: '经保密审查确定为国家秘密的事项，解密后依法公开。' },
  { daysAgo: 400, matter: '参保人员个人社会保险缴费记录、待遇领取明细', reasonCategory: 'trade_secret_privacy', legalBasis: `${REGULATION}第十五条；《中华人民共和国社会保险法》第八十一条`, note: '本人可凭有效身份证件查询本人信息。' },
  { daysAgo: 200, matter: '局内部人事管理、后勤管理、内部工作流程等内部事务信息', reasonCategory: 'internal_affairs', legalBasis: `${REGULATION}第十六条第一款` },
  { daysAgo: 120, matter: '劳动保障监察案件调查过程中形成的讨论记录、请示报告等过程性信息', reasonCategory: 'process_information', legalBasis: `${REGULATION}第十六条第二款`, note: '处罚决定作出后，依法公开行政处罚决定信息。' },
];

const SERVICES: ServiceInput[] = [
  {
    name: '失业保险金申领', dutyPost: '市社会保险事业服务中心失业保险科待遇审核岗', legalBasis: '《中华人民共和国社会保险法》第四十五条至第五十条；《失业保险条例》第十四条至第十七条',
    acceptingUnit: '市社会保险事业服务中心', place: '示例市建设路18号市民服务中心一楼社保窗口（工作日 9:00—12:00，13:30—17:00）',
    eligibility: '同时符合下列条件的失业人员：\n失业前用人单位和本人已经缴纳失业保险费满一年的；\n非因本人意愿中断就业的；\n已经进行失业登记，并有求职要求的。',
    process: '申请：失业人员通过窗口或网上服务大厅提交申请。\n受理：窗口当场核对材料，材料齐全的当场受理。\n审核：待遇审核岗核定领取期限和标准。\n发放：审核通过后按月发放至本人社会保障卡金融账户。',
    materials: ['居民身份证或社会保障卡', '与用人单位解除或终止劳动关系的证明', '本人银行账户信息（已激活金融功能的社会保障卡免交）'],
    forms: [{ name: '失业保险金申领登记表', url: 'https://rsj.example.gov.cn/bszn/shiye-shenling.docx', text: '' }, { name: '失业人员承诺书', text: '本人承诺：领取失业保险金期间如实报告就业和参保情况，重新就业的，自就业之日起停止领取。' }],
    fee: '不收费', timeLimit: '受理之日起5个工作日内办结', enquiries: '0310-1234333（工作日 9:00—17:00）；12333 人社服务热线',
    complaints: '示例市人力资源和社会保障局政策法规科 0310-1234300；12345 政务服务便民热线',
  },
  {
    name: '就业困难人员认定', dutyPost: '就业促进科就业援助岗', legalBasis: '《中华人民共和国就业促进法》第五十二条；《就业服务与就业管理规定》第三十七条',
    acceptingUnit: '户籍或常住地街道（乡镇）公共就业服务机构', place: '各街道（乡镇）便民服务中心就业服务窗口',
    eligibility: '法定劳动年龄内、有劳动能力和就业要求、处于失业状态，且属于大龄失业人员、残疾人、零就业家庭成员、低保家庭成员等情形之一的人员。',
    process: '本人申请 → 街道（乡镇）初审并公示5个工作日 → 区县人社部门审核认定 → 录入就业信息系统并告知本人。',
    materials: ['居民身份证', '就业创业证', '属于相应困难类别的证明材料（如残疾人证、低保证等）'],
    forms: [{ name: '就业困难人员认定申请表', text: '申请人姓名、性别、身份证号码、户籍地址、常住地址、联系电话；\n困难类别（大龄失业 / 残疾 / 零就业家庭 / 低保家庭 / 其他）；\n申请人签字及日期；街道（乡镇）初审意见；区县人社部门认定意见。' }],
    fee: '不收费', timeLimit: '受理之日起15个工作日内办结（公示期不计算在内）', enquiries: '0310-1234345', complaints: '示例市人力资源和社会保障局办公室 0310-1234333',
  },
  {
    name: '职业技能等级证书查询', dutyPost: '市职业技能鉴定指导中心证书管理岗', legalBasis: '《国家职业资格目录》；《人力资源社会保障部关于改革完善技能人才评价制度的意见》（人社部发〔2019〕90号）',
    acceptingUnit: '市职业技能鉴定指导中心', place: '网上办理：技能人才评价证书全国联网查询系统；窗口办理：示例市建设路18号三楼',
    eligibility: '持有职业技能等级证书或职业资格证书的本人，以及经本人授权的用人单位。',
    process: '登录查询系统或到窗口提出查询 → 输入姓名、证件号码和证书编号 → 即时显示查询结果；窗口查询可出具书面查询结果。',
    materials: ['居民身份证', '证书编号（或证书原件）'], forms: [],
    fee: '不收费', timeLimit: '即时办结', enquiries: '0310-1234366', complaints: '12333 人社服务热线；示例市人力资源和社会保障局政策法规科 0310-1234300',
  },
];

const POWERS: PowerInput[] = [
  {
    name: '对用人单位违反劳动保障法律法规行为的行政处罚', category: 'penalty', actor: '示例市人力资源和社会保障局（劳动保障监察支队具体实施）',
    legalBasis: '《劳动保障监察条例》第二十三条至第三十条；《中华人民共和国行政处罚法》', timeLimit: '立案之日起60个工作日内作出处理决定；情况复杂的经批准可延长30个工作日',
    oversight: '局政策法规科法制审核；市人民政府行政复议；12345 政务服务便民热线投诉；纪检监察机关监督',
    steps: [
      { name: '立案', actor: '劳动保障监察支队', timeLimit: '发现违法线索之日起5个工作日内', note: '' },
      { name: '调查取证', actor: '两名以上监察员', timeLimit: '', note: '出示执法证件，制作询问笔录' },
      { name: '告知', actor: '劳动保障监察支队', timeLimit: '', note: '书面告知拟处罚的事实、理由、依据及陈述申辩、听证权利' },
      { name: '听证', actor: '局政策法规科', timeLimit: '当事人提出申请之日起5日内', note: '可选：较大数额罚款等依当事人申请举行' },
      { name: '作出处罚决定', actor: '局负责人；情节复杂或重大的经集体讨论决定', timeLimit: '', note: '' },
      { name: '送达', actor: '劳动保障监察支队', timeLimit: '决定作出之日起7日内', note: '' },
      { name: '执行', actor: '劳动保障监察支队', timeLimit: '', note: '当事人逾期不履行的，依法申请人民法院强制执行' },
    ],
  },
  {
    name: '人力资源服务许可', category: 'licensing', actor: '示例市人力资源和社会保障局', legalBasis: '《人力资源市场暂行条例》第十八条；《中华人民共和国就业促进法》第四十条',
    timeLimit: '受理之日起20个工作日内', oversight: '许可决定在门户网站公示；12345 政务服务便民热线投诉；市人民政府行政复议',
    steps: [
      { name: '申请', actor: '申请单位', timeLimit: '', note: '通过政务服务网或窗口提交' },
      { name: '受理', actor: '市民服务中心人社窗口', timeLimit: '当场或5个工作日内', note: '材料不全的一次性告知补正' },
      { name: '审查', actor: '就业促进科', timeLimit: '10个工作日内', note: '必要时实地核查' },
      { name: '决定', actor: '分管局领导', timeLimit: '', note: '' },
      { name: '送达及公示', actor: '就业促进科', timeLimit: '决定之日起10个工作日内', note: '' },
    ],
  },
  {
    name: '劳动保障监察日常巡视检查', category: 'inspection', actor: '示例市人力资源和社会保障局（劳动保障监察支队具体实施）', legalBasis: '《劳动保障监察条例》第十五条、第十六条',
    timeLimit: '按年度检查计划实施；单次检查当场完成', oversight: '“双随机、一公开”抽查结果向社会公示；局政策法规科法制监督',
    steps: [
      { name: '制定检查计划', actor: '劳动保障监察支队', timeLimit: '', note: '随机抽取检查对象和执法人员' },
      { name: '实施检查', actor: '两名以上监察员', timeLimit: '', note: '' },
      { name: '制作检查记录', actor: '监察员', timeLimit: '当场', note: '' },
      { name: '处理', actor: '劳动保障监察支队', timeLimit: '', note: '发现违法行为的责令改正或立案查处' },
    ],
  },
];

/** The RSJ bureau's published lists, written by its office through the services so each entry is audited. */
export async function seedDemoLists(deps: Deps): Promise<void> {
  const office = await deps.db.selectFrom('users').select('id').where('username', '=', 'rsj.office').executeTakeFirstOrThrow();
  const actor = (await loadActor(deps.db, office.id, '127.0.0.1'))!;
  const today = isoDate(chinaToday(deps.clock));
  for (const { daysAgo, ...entry } of NEGATIVE) await createNegativeEntry(deps, actor, { ...entry, listedOn: shiftDate(today, -daysAgo), reviewedOn: shiftDate(today, -30) });
  for (const service of SERVICES) await createService(deps, actor, service);
  for (const power of POWERS) await createPower(deps, actor, power);
}
