import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { OUTCOME_KEYS, REPLY_TYPES, type Outcome, type ReplyType } from './applications.rules.ts';
import { chineseDate, letterParagraphs, letterParts, reconsiderationBodyOf, remedySentence, type LetterInput } from './letters.ts';

const BASE = {
  agencyName: '示例市人力资源和社会保障局',
  regNumber: 'RSJ-YSQ-2026-0007',
  applicantName: '张三',
  receivedOn: '2026-11-02',
  description: '2026年度示例市就业补助资金分配明细',
  date: '2026-11-23',
} as const;

const REMEDY = '如对本答复不服，可以自收到本告知书之日起60日内向示例市人民政府申请行政复议，或者自收到本告知书之日起6个月内向有管辖权的人民法院提起行政诉讼。';

const reply = (outcome: Outcome, extra: Partial<LetterInput> = {}): LetterInput => ({ ...BASE, kind: 'reply', outcome, ...extra });
const textOf = (input: LetterInput) => letterParagraphs(input).paragraphs.join('\n');

/**
 * LAW-36 / LAW-37 / APP-7: every table-3 outcome, the reply type it is answered with, and the
 * provisions of the 条例 its letter must cite. `reasons` is given where the law needs one.
 */
const CASES: { outcome: Outcome; extra?: Partial<LetterInput>; type: ReplyType; cites: string[] }[] = [
  { outcome: 'granted', extra: { alreadyPublicWhere: '本局门户网站“政府信息公开—财政资金”栏目（http://rsj.example.gov.cn/zfxxgk/czzj/）' }, type: 'already_public', cites: ['第三十六条第一项'] },
  { outcome: 'granted', extra: { providedFiles: [{ name: '2026年度就业补助资金分配表.xlsx' }] }, type: 'provided', cites: ['第三十六条第二项'] },
  { outcome: 'partial', extra: { reasons: '分配明细中享受补贴人员的身份证号码属于个人隐私，公开会损害第三方合法权益，已作删除处理', providedFiles: [{ name: '分配表（删除个人信息）.xlsx' }] }, type: 'partial', cites: ['第三十七条'] },
  { outcome: 'refused_state_secret', type: 'not_disclosed', cites: ['第十四条', '第三十六条第三项'] },
  { outcome: 'refused_law', type: 'not_disclosed', cites: ['第十四条', '第三十六条第三项'] },
  { outcome: 'refused_safety', type: 'not_disclosed', cites: ['第十四条', '第三十六条第三项'] },
  { outcome: 'refused_third_party', type: 'not_disclosed', cites: ['第十五条', '第三十六条第三项'] },
  { outcome: 'refused_internal', type: 'not_disclosed', cites: ['第十六条第一款', '第三十六条第三项'] },
  { outcome: 'refused_process', type: 'not_disclosed', cites: ['第十六条第二款', '第三十六条第三项'] },
  { outcome: 'refused_enforcement', type: 'not_disclosed', cites: ['第十六条第二款', '第三十六条第三项'] },
  { outcome: 'refused_query', type: 'special_law', cites: ['第三十六条第七项'] },
  { outcome: 'unable_not_held', extra: { holderAgency: '示例市医疗保障局' }, type: 'not_held', cites: ['第三十六条第五项', '第十条第一款'] },
  { outcome: 'unable_create', type: 'not_exist', cites: ['第三十六条第四项', '第三十八条'] },
  { outcome: 'unable_unclear', type: 'not_exist', cites: ['第三十条', '第二十九条第二款第二项'] },
  { outcome: 'unprocessed_petition', type: 'not_processed', cites: ['第三十九条第一款'] },
  { outcome: 'unprocessed_repeat', type: 'repeat', cites: ['第三十六条第六项'] },
  { outcome: 'unprocessed_publication', type: 'not_processed', cites: ['第三十九条第二款'] },
  { outcome: 'unprocessed_excessive', type: 'not_processed', cites: ['第三十五条'] },
  { outcome: 'unprocessed_confirm', type: 'not_processed', cites: ['第二十七条'] },
  { outcome: 'other_no_correction', type: 'closed', cites: ['第三十条'] },
  { outcome: 'other_no_fee', type: 'closed', cites: ['第四十二条'] },
  { outcome: 'other', extra: { reasons: '申请人已书面撤回申请' }, type: 'closed', cites: [] },
];

describe('reply letters (LAW-36, LAW-37, APP-7)', () => {
  it('cover every outcome of table 3 and every LAW-36 reply type', () => {
    expect(new Set(CASES.map((c) => c.outcome))).toEqual(new Set(OUTCOME_KEYS));
    expect(new Set(CASES.map((c) => c.type))).toEqual(new Set(Object.keys(REPLY_TYPES)));
  });

  it.each(CASES)('$outcome ($type): cites $cites and states the remedies', ({ outcome, extra, type, cites }) => {
    const parts = letterParts(reply(outcome, extra));
    expect(parts.replyType).toBe(type);
    expect(parts.title).toBe('政府信息公开申请答复告知书');
    const text = textOf(reply(outcome, extra));
    for (const article of cites) expect(text).toContain(article);
    // The remedies close every reply, just before the signature.
    expect(parts.body.at(-1)).toBe(REMEDY);
  });

  it('opens with the applicant, the receipt day, the registration number and the request quoted, and is signed and dated', () => {
    const { title, paragraphs } = letterParagraphs(reply('granted'));
    expect(title).toBe('政府信息公开申请答复告知书');
    expect(paragraphs[0]).toBe('张三：');
    expect(paragraphs[1]).toBe(
      '本机关于2026年11月2日收到您提出的政府信息公开申请（编号：RSJ-YSQ-2026-0007），申请获取“2026年度示例市就业补助资金分配明细”。现答复如下：',
    );
    expect(paragraphs.slice(-2)).toEqual(['示例市人力资源和社会保障局', '2026年11月23日']);
  });

  it('names the regulation in full once, and 《条例》 after that', () => {
    const text = textOf(reply('refused_process'));
    expect(text.match(/《中华人民共和国政府信息公开条例》/g)).toHaveLength(1);
    const single = textOf(reply('granted', { providedFiles: [{ name: 'a.pdf' }] }));
    expect(single).toContain('《中华人民共和国政府信息公开条例》第三十六条第二项');
    expect(single).not.toContain('以下简称');
  });

  it('already public (LAW-36): names where the information is public', () => {
    const text = textOf(reply('granted', { alreadyPublicWhere: '示例市人民政府门户网站“政府信息公开”专栏' }));
    expect(text).toContain('已由本机关主动公开，您可以通过示例市人民政府门户网站“政府信息公开”专栏获取。');
    expect(text).not.toContain('现予以提供');
  });

  it('provided (LAW-36): lists the attached files by name with their pages', () => {
    const text = textOf(reply('granted', { providedFiles: [{ name: '分配表.xlsx' }, { name: '说明.pdf', pages: 3 }] }));
    expect(text).toContain('经审查，您申请获取的信息属于公开范围');
    expect(text).toContain('现予以提供，见附件：1. 分配表.xlsx；2. 说明.pdf（共3页）。');
  });

  it('the remedy sentence gives each starting point and body: the reconsideration body and the court the agency set', () => {
    const parts = letterParts(reply('refused_process', { reconsiderationBody: '示例市人民政府', court: '示例市建设区人民法院' }));
    expect(parts.body.at(-1)).toBe('如对本答复不服，可以自收到本告知书之日起60日内向示例市人民政府申请行政复议，或者自收到本告知书之日起6个月内向示例市建设区人民法院提起行政诉讼。');
  });

  it('addresses a citizen as 您 and an organisation as 你单位, never 您（单位）', () => {
    expect(textOf(reply('refused_process'))).not.toContain('您（单位）');
    const org = textOf(reply('refused_process', { organisation: true, applicantName: '示例科技有限公司' }));
    expect(org).toContain('收到你单位提出的政府信息公开申请');
    expect(org).not.toContain('您');
  });

  it('a withdrawal is answered with a letter ending the case, without remedies', () => {
    const text = textOf(reply('other', { withdrawnOn: '2026-11-20' }));
    expect(text).toContain('您于2026年11月20日撤回该政府信息公开申请。本机关终止处理该政府信息公开申请。');
    expect(text).not.toContain('行政复议');
  });

  it('LAW-35: the reasons letter asks by a date; the longer-term letter sets the term and says why', () => {
    const ask = textOf({ ...BASE, kind: 'reasons', reasonsAsked: '请说明一个月内提出40件申请的用途', reasonsDue: '2026-12-04' });
    expect(ask).toContain('第三十五条');
    expect(ask).toContain('请您于2026年12月4日前向本机关说明理由：请说明一个月内提出40件申请的用途。');
    const longer = textOf({ ...BASE, kind: 'longer_term', longerWorkdays: 40, longerReason: '需要调取十年的档案', extendedTo: '2027-01-21' });
    expect(longer).toContain('确定延迟答复的合理期限为40个工作日，将于2027年1月21日前作出答复');
  });

  it('partial disclosure (LAW-37): states the reasons for the withheld part, and refuses to go out without them', () => {
    const reasons = '身份证号码属于个人隐私，公开会损害第三方合法权益';
    const text = textOf(reply('partial', { reasons }));
    expect(text).toContain('能够作区分处理');
    expect(text).toContain(`其余部分不予公开的理由：${reasons}。`);
    expect(() => letterParts(reply('partial'))).toThrow(AppError);
  });

  it('not held (LAW-36): names the agency that holds the information, or says that none could be determined', () => {
    const text = textOf(reply('unable_not_held', { holderAgency: '示例市医疗保障局' }));
    expect(text).toContain('该信息由示例市医疗保障局负责公开，您可以向示例市医疗保障局提出申请');
    const unknown = textOf(reply('unable_not_held'));
    expect(unknown).toContain('第三十六条第五项');
    expect(unknown).toContain('无法确定负责公开该信息的行政机关');
  });

  it('not disclosed (APP-7): gives the ground by outcome and appends the handler’s specific reasons', () => {
    const text = textOf(reply('refused_third_party', { reasons: '该企业书面答复不同意公开其财务数据（商业秘密）' }));
    expect(text).toContain('公开会对第三方合法权益造成损害');
    expect(text).toContain('本机关决定不予公开');
    expect(text).toContain('具体理由：该企业书面答复不同意公开其财务数据（商业秘密）。');
    expect(textOf(reply('refused_state_secret'))).toContain('属于依法确定为国家秘密的政府信息');
    expect(textOf(reply('refused_internal'))).toContain('内部事务信息');
    expect(textOf(reply('refused_process'))).toContain('过程性信息');
    expect(textOf(reply('refused_enforcement'))).toContain('行政执法案卷信息');
  });

  it('special law, repeat, publications, closures: the form the law prescribes', () => {
    expect(textOf(reply('refused_query', { alreadyPublicWhere: '本局社会保险查询窗口' }))).toContain('请您按照有关法律、行政法规的规定，通过本局社会保险查询窗口办理');
    expect(textOf(reply('unprocessed_repeat'))).toContain('不予重复处理');
    expect(textOf(reply('unprocessed_publication', { alreadyPublicWhere: '示例市图书馆' }))).toContain('您可以通过示例市图书馆获取');
    expect(textOf(reply('unprocessed_petition'))).toContain('不作为政府信息公开申请处理');
    expect(textOf(reply('other_no_correction', { correctionDue: '2026-11-20' }))).toContain('补正期限至2026年11月20日');
    expect(textOf(reply('other_no_fee'))).toContain('国办函〔2020〕109号');
    expect(textOf(reply('other', { reasons: '申请人已书面撤回申请' }))).toContain('申请人已书面撤回申请。本机关终止处理');
    expect(() => letterParts(reply('other'))).toThrow(AppError);
  });

  it('prints the handler’s 答复意见及依据 in place of the standard paragraph (APP-7)', () => {
    const opinion = '经审查，您申请的2026年度分配明细已于2026年3月制作完成，属于公开范围。根据《中华人民共和国政府信息公开条例》第三十六条第二项的规定，现予以提供。\n其中涉及个人身份证号码的部分已作删除。';
    const parts = letterParts(reply('granted', { opinion, providedFiles: [{ name: '分配表.xlsx' }] }));
    expect(parts.body).toEqual([
      expect.stringContaining('现答复如下：'),
      '经审查，您申请的2026年度分配明细已于2026年3月制作完成，属于公开范围。根据《中华人民共和国政府信息公开条例》第三十六条第二项的规定，现予以提供。',
      '其中涉及个人身份证号码的部分已作删除。',
      '附件：分配表.xlsx',
      REMEDY,
    ]);
    expect(parts.body.join('')).not.toContain('经审查，您申请获取的信息属于公开范围');
    // Partial disclosure needs no separate reasons field when the opinion states them (LAW-37).
    expect(() => letterParts(reply('partial', { opinion: '部分公开，理由：涉及个人隐私。' }))).not.toThrow();
  });

  it('names the court the agency set for a lawsuit', () => {
    const parts = letterParts(reply('granted', { court: '示例市滨海区人民法院' }));
    expect(parts.body.at(-1)).toBe(remedySentence('示例市人民政府', '示例市滨海区人民法院'));
    expect(parts.body.at(-1)).toContain('自收到本告知书之日起6个月内向示例市滨海区人民法院提起行政诉讼');
  });

  it('remedies: the reconsideration body is the government at the agency’s level (行政复议法 第二十四条, 第二十七条)', () => {
    expect(reconsiderationBodyOf('示例市人力资源和社会保障局')).toBe('示例市人民政府');
    expect(reconsiderationBodyOf('示例市某某区人力资源和社会保障局')).toBe('示例市某某区人民政府');
    expect(reconsiderationBodyOf('示例市城市管理局')).toBe('示例市人民政府');
    expect(reconsiderationBodyOf('示例市市场监督管理局')).toBe('示例市人民政府');
    expect(reconsiderationBodyOf('示例省人力资源和社会保障厅')).toBe('示例省人民政府');
    expect(reconsiderationBodyOf('国家税务总局示例市税务局')).toBe('上一级主管部门');
    expect(reconsiderationBodyOf('示例市人民政府')).toBe('上一级人民政府');
    expect(reconsiderationBodyOf('人力资源社会保障部')).toBe('本级人民政府');
    const custom = letterParts(reply('granted', { reconsiderationBody: '示例市人民政府行政复议办公室' }));
    expect(custom.body.at(-1)).toBe(remedySentence('示例市人民政府行政复议办公室'));
    expect(remedySentence('示例市人民政府')).toContain('向有管辖权的人民法院提起行政诉讼');
  });

  it('a reasons text over several lines becomes several paragraphs', () => {
    const parts = letterParts(reply('refused_process', { reasons: '一、该文件为请示报告；\n二、尚未作出决定。' }));
    expect(parts.body).toContain('二、尚未作出决定。');
    expect(parts.body.every((p) => !p.includes('\n'))).toBe(true);
  });

  it('rejects letters without what the law needs', () => {
    expect(() => letterParts({ ...BASE, kind: 'reply' })).toThrow(/办理结果未填写/);
    expect(() => letterParts({ ...reply('granted'), date: '2026-11-31' })).toThrow(AppError);
    expect(() => letterParts({ ...reply('granted'), date: '2026-10-01' })).toThrow(/不能早于/);
    expect(() => letterParts({ ...reply('granted'), applicantName: ' ' })).toThrow(AppError);
    expect(() => letterParts({ ...reply('granted'), alreadyPublicWhere: '  ' })).not.toThrow();
  });
});

describe('correction, extension and fee notices (LAW-30, LAW-33, LAW-42)', () => {
  it('correction (LAW-30): what to make clear, the due date, the restart of the term, abandonment', () => {
    const input: LetterInput = { ...BASE, kind: 'correction', date: '2026-11-05', correctionNeeded: '请写明所需资金分配明细的年度、资金类别和发文文号', correctionDue: '2026-11-20' };
    const { title, paragraphs } = letterParagraphs(input);
    const text = paragraphs.join('\n');
    expect(title).toBe('政府信息公开申请补正告知书');
    expect(text).toContain('第三十条');
    expect(text).toContain('请您对以下事项作出补正：请写明所需资金分配明细的年度、资金类别和发文文号。');
    expect(text).toContain('请您于2026年11月20日前向本机关提交补正后的申请');
    expect(text).toContain('答复期限自本机关收到补正的申请之日起重新计算');
    expect(text).toContain('无正当理由逾期不补正的，视为放弃申请');
    expect(text).not.toContain('行政复议');
    expect(paragraphs.at(-1)).toBe('2026年11月5日');
    expect(() => letterParts({ ...input, correctionDue: '2026-11-01' })).toThrow(/不能早于/);
    expect(() => letterParts({ ...input, correctionNeeded: undefined })).toThrow(AppError);
  });

  it('extension (LAW-33): approved by the head of the disclosure office, at most 20 working days, the new date and the reason', () => {
    const input: LetterInput = { ...BASE, kind: 'extension', date: '2026-11-27', extendedTo: '2026-12-28', extensionReason: '申请内容涉及多个处室和局属单位，需要调取、核对的材料较多' };
    const { title, paragraphs } = letterParagraphs(input);
    const text = paragraphs.join('\n');
    expect(title).toBe('政府信息公开申请延期答复告知书');
    expect(text).toContain('第三十三条第二款');
    expect(text).toContain('经本机关政府信息公开工作机构负责人同意');
    expect(textOf({ ...input, approvedBy: '本机关负责人刘副局长' })).toContain('经本机关负责人刘副局长同意');
    expect(text).toContain('最长不超过20个工作日');
    expect(text).toContain('本机关将于2026年12月28日前作出答复');
    expect(text).toContain('因申请内容涉及多个处室和局属单位，需要调取、核对的材料较多，');
    expect(() => letterParts({ ...input, extensionReason: '' })).toThrow(AppError);
  });

  it('fee (LAW-42): amount, basis, 20 working days from receiving the notice, the wait not counted, abandonment', () => {
    const input: LetterInput = { ...BASE, kind: 'fee', feeAmount: 100, feeBy: 'count', feeNth: 12, feeBasis: '按件计收：您本月第12件申请，11—30件的部分每件100元' };
    const { title, paragraphs } = letterParagraphs(input);
    const text = paragraphs.join('\n');
    expect(title).toBe('政府信息公开信息处理费缴费通知书');
    expect(text).toContain('第四十二条');
    expect(text).toContain('国办函〔2020〕109号');
    expect(text).toContain('信息处理费人民币100元');
    expect(text).toContain('计收依据：按件计收：您本月第12件申请，11—30件的部分每件100元。');
    expect(text).toContain('请您自收到本通知书之日起20个工作日内缴纳上述费用');
    expect(text).toContain('频次明显超过合理范围（本月第12件申请）');
    expect(text).toContain('不计算在答复期限内');
    expect(text).toContain('逾期未缴纳的，视为放弃申请');
    expect(textOf({ ...input, feeAmount: 12.5 })).toContain('人民币12.50元');
    expect(() => letterParts({ ...input, feeAmount: 0 })).toThrow(AppError);
    const pages = textOf({ ...input, feeAmount: 4700, feeBy: 'pages', feePages: 250, feeNth: undefined, feeBasis: '按量计收：本件 250 页' });
    expect(pages).toContain('数量明显超过合理范围（共250页）');
    expect(pages).not.toContain('数量、频次明显超过合理范围');
  });

  it('formats dates as 2026年11月23日', () => {
    expect(chineseDate('2026-11-23')).toBe('2026年11月23日');
    expect(chineseDate('2027-01-05')).toBe('2027年1月5日');
  });
});
