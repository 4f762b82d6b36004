/**
 * Labelled snippets for the sensitive-content scanner (SEC-2, SEC-6): realistic text of a
 * municipal 人社局 with the exact findings each must give, in order of appearance. Cases with
 * no findings are the false positives the scanner must leave alone (dates, 文号, amounts,
 * index numbers, credit codes, hotlines, and secrecy words used in ordinary sentences).
 * ID numbers carry correct GB 11643 check characters; card numbers pass or fail Luhn as named.
 */
import type { FindingKind } from './scanner.ts';

export type ScannerCase = {
  name: string;
  text: string;
  findings: Array<[FindingKind, string]>;
};

export const SCANNER_CASES: ScannerCase[] = [
  // --- contact lines in notices -------------------------------------------------------------
  {
    name: 'notice contact line with landline, mobile and e-mail',
    text: '联系人：王建国，联系电话：0315-2826012，手机：13803158866，电子邮箱：rsjbgs@ts.gov.cn。',
    findings: [
      ['person_name', '王建国'],
      ['landline', '0315-2826012'],
      ['mobile', '13803158866'],
      ['email', 'rsjbgs@ts.gov.cn'],
    ],
  },
  {
    name: 'landline in parentheses (ASCII)',
    text: '传真：(010)68393114',
    findings: [['landline', '(010)68393114']],
  },
  {
    name: 'landline in full-width parentheses with a space',
    text: '咨询电话：（0315） 2826013，工作日受理。',
    findings: [['landline', '（0315） 2826013']],
  },
  {
    name: 'landline with extension written 转',
    text: '办公电话：0315-2826012转8016',
    findings: [['landline', '0315-2826012转8016']],
  },
  {
    name: 'landline with dash extension, eight-digit local number',
    text: '国务院办公厅政府信息与政务公开办公室 010-68391234-801',
    findings: [['landline', '010-68391234-801']],
  },
  {
    name: 'second number without area code is not a landline on its own',
    text: '咨询电话：0315-2826012、2826013',
    findings: [['landline', '0315-2826012']],
  },
  {
    name: 'mobile written in groups with spaces',
    text: '联系电话：139 3150 2288',
    findings: [['mobile', '139 3150 2288']],
  },
  {
    name: 'mobile written with dashes',
    text: '手机：186-3150-7788（微信同号）',
    findings: [['mobile', '186-3150-7788']],
  },
  {
    name: 'mobile with +86 country code',
    text: 'Tel: +86 138 0013 8000',
    findings: [['mobile', '+86 138 0013 8000']],
  },
  {
    name: 'mobile with 0086 country code',
    text: '境外请拨0086-13803158866。',
    findings: [['mobile', '0086-13803158866']],
  },
  {
    name: 'two e-mail addresses, one with dots and underscore',
    text: '来信请寄 zhang.san_2026@163.com 或 rsj-xxgk@tangshan.gov.cn。',
    findings: [
      ['email', 'zhang.san_2026@163.com'],
      ['email', 'rsj-xxgk@tangshan.gov.cn'],
    ],
  },
  {
    name: 'e-mail in capitals',
    text: '公开申请邮箱：XXGK@TS.GOV.CN',
    findings: [['email', 'XXGK@TS.GOV.CN']],
  },
  {
    name: 'mobile-number e-mail is one e-mail, not also a mobile',
    text: 'QQ邮箱：13803158866@qq.com',
    findings: [['email', '13803158866@qq.com']],
  },
  // --- application replies and name lists ---------------------------------------------------
  {
    name: 'application reply addressing the applicant',
    text: '申请人刘某某（身份证号码：130281199203045620，联系电话：139 3150 2288）：\n你于2026年1月5日提出的政府信息公开申请收悉。',
    findings: [
      ['id_number', '130281199203045620'],
      ['mobile', '139 3150 2288'],
    ],
  },
  {
    name: 'name list of subsidy recipients',
    text: '2026年第一批享受一次性创业补贴人员名单\n1. 张明远 130203198506121236 补贴5000元\n2. 李秀英 11010519491231002X 补贴5000元',
    findings: [
      ['id_number', '130203198506121236'],
      ['id_number', '11010519491231002X'],
    ],
  },
  {
    name: 'tab-separated table of names, IDs and phones',
    text: '序号\t姓名\t身份证号码\t联系电话\n1\t赵丽\t130229198810087718\t15832561234\n2\t孙强\t320411196603150423\t0315-5912345',
    findings: [
      ['id_number', '130229198810087718'],
      ['mobile', '15832561234'],
      ['id_number', '320411196603150423'],
      ['landline', '0315-5912345'],
    ],
  },
  {
    name: 'lower-case x check character',
    text: '身份证号：11010519491231002x',
    findings: [['id_number', '11010519491231002x']],
  },
  {
    name: 'ID number followed by CRLF',
    text: '经办人：周敏\r\n身份证：130205197001010010\r\n',
    findings: [['person_name', '周敏'], ['id_number', '130205197001010010']],
  },
  {
    name: 'ID number that also passes Luhn is reported once, as an ID',
    text: '公示对象：陈立新，身份证号130203199107151029。',
    findings: [['person_name', '陈立新'], ['id_number', '130203199107151029']],
  },
  {
    name: 'leap-day birth date',
    text: '申请人：马静（510107200002291232）',
    findings: [['person_name', '马静'], ['id_number', '510107200002291232']],
  },
  {
    name: 'mistyped ID (wrong check digit, fails Luhn) is not flagged',
    text: '身份证号码：130203198506121238（号码有误，请核实）',
    findings: [],
  },
  {
    name: 'random 18-digit serial number is not flagged',
    text: '业务流水号：202601150000123456，请妥善保存。',
    findings: [],
  },
  // --- bank cards ---------------------------------------------------------------------------
  {
    name: 'bank card written solid',
    text: '社保卡金融账户：6222020402001234564（工商银行）',
    findings: [['bank_card', '6222020402001234564']],
  },
  {
    name: 'bank card in groups of four',
    text: '请将补贴发放至本人银行卡 6222 0204 0200 1234 564 。',
    findings: [['bank_card', '6222 0204 0200 1234 564']],
  },
  {
    name: 'sixteen-digit card and account of a unit',
    text: '开户行：中国农业银行唐山分行　卡号：6228480012345671　账号：6217 0012 3456 7890 122',
    findings: [
      ['bank_card', '6228480012345671'],
      ['bank_card', '6217 0012 3456 7890 122'],
    ],
  },
  {
    name: 'sixteen-digit contract number failing Luhn is not flagged',
    text: '合同编号1234567812345678，签订日期2026年3月1日。',
    findings: [],
  },
  {
    name: 'mobile digits inside a longer number are not flagged',
    text: '档案编号：2026138001380001；受理号138031588661。',
    findings: [],
  },
  // --- numbers that are not personal data ---------------------------------------------------
  {
    name: '12333 hotline',
    text: '如有疑问，请拨打人力资源社会保障咨询服务热线12333。',
    findings: [],
  },
  {
    name: '12333 with area code is a service number, not a landline',
    text: '咨询电话：0315-12333（工作日上午8:30—12:00，下午14:30—17:30）。',
    findings: [],
  },
  {
    name: 'ISO dates',
    text: '本通知自2026-01-15起施行，有效期至2030-12-31。',
    findings: [],
  },
  {
    name: 'date and time range',
    text: '受理时间：2026年01月15日 09:00-12:00，地点：市民服务中心3号窗口。',
    findings: [],
  },
  {
    name: '文号 in full-width brackets',
    text: '根据《关于做好2026年度社会保险待遇调整工作的通知》（冀人社发〔2026〕12号）要求，',
    findings: [],
  },
  {
    name: 'amount with thousands separators',
    text: '本年度共发放就业补助资金1,234,567.00元，惠及企业326家。',
    findings: [],
  },
  {
    name: 'eleven-digit amount with decimals is not a mobile',
    text: '项目总投资13800138000.00元，其中财政资金占40%。',
    findings: [],
  },
  {
    name: '统一社会信用代码',
    text: '申请单位：唐山市某某建材有限公司（统一社会信用代码：91110000MA01234567）',
    findings: [],
  },
  {
    name: 'index numbers',
    text: '索引号：000014349/2026-00012　RSJ/2026-00012　发布机构：市人力资源和社会保障局',
    findings: [],
  },
  {
    name: 'article numbers',
    text: '依据《中华人民共和国政府信息公开条例》第三十六条第（三）项和第16条规定，现答复如下：',
    findings: [],
  },
  {
    name: 'statistics and postal code',
    text: '上半年全市城镇新增就业13800人，发放失业保险金2,345.67万元。邮编：063000。',
    findings: [],
  },
  {
    name: 'project code with dashes',
    text: '项目编号：TSRSJ-2026-0156，投诉举报电话：12345。',
    findings: [],
  },
  {
    name: 'number starting 12 is not a mobile',
    text: '工号12803158866',
    findings: [],
  },
  // --- secrecy marks ------------------------------------------------------------------------
  {
    name: 'mark with term at the head of a report',
    text: '机密★10年\n唐山市人力资源和社会保障局\n关于2026年度重点工作推进情况的报告',
    findings: [['secrecy_mark', '机密★10年']],
  },
  {
    name: 'exam paper mark',
    text: '绝密★启用前\n2026年度事业单位公开招聘笔试试卷',
    findings: [['secrecy_mark', '绝密★启用前']],
  },
  {
    name: 'mark with a term in Chinese numerals',
    text: '秘密★六个月\n会议纪要',
    findings: [['secrecy_mark', '秘密★六个月']],
  },
  {
    name: 'mark with spaces around the star',
    text: '秘密 ★ 1年',
    findings: [['secrecy_mark', '秘密 ★ 1年']],
  },
  {
    name: 'bare level alone on the first line',
    text: '机密\n唐人社字〔2026〕3号',
    findings: [['secrecy_mark', '机密']],
  },
  {
    name: 'bare level after a full-width indent',
    text: '　　绝密　\n关于有关事项的请示',
    findings: [['secrecy_mark', '绝密']],
  },
  {
    name: 'handling marks',
    text: '内部资料，注意保密，不得外传。',
    findings: [
      ['secrecy_mark', '内部资料'],
      ['secrecy_mark', '注意保密'],
      ['secrecy_mark', '不得外传'],
    ],
  },
  {
    name: 'internal document mark with an ID number in the body',
    text: '内部文件，请勿转发。\n拟录用人员：吴海涛 130202195507311568',
    findings: [
      ['secrecy_mark', '内部文件'],
      ['id_number', '130202195507311568'],
    ],
  },
  {
    name: 'state secrets mentioned in a sentence about the law',
    text: '涉及国家秘密的信息不予公开。',
    findings: [],
  },
  {
    name: 'commercial secrets in a reply',
    text: '申请公开的信息涉及商业秘密、个人隐私，公开后可能损害第三方合法权益的，行政机关应当书面征求第三方的意见。',
    findings: [],
  },
  {
    name: 'confidentiality review is not a mark',
    text: '本信息已经保密审查，保密审查机构同意主动公开。',
    findings: [],
  },
  {
    name: 'levels listed at line start in a sentence',
    text: '绝密、机密、秘密三个密级的国家秘密均不得公开。',
    findings: [],
  },
  {
    name: 'level word starting a title',
    text: '机密文件管理办法（修订）',
    findings: [],
  },
  // --- personal names next to the labels that introduce them ----------------------------------
  {
    name: 'name in a form line after 姓名',
    text: '姓名：李秀英　性别：女　住址：唐山市路北区',
    findings: [['person_name', '李秀英']],
  },
  {
    name: 'applicant named without a colon, followed by a verb',
    text: '申请人张伟申请公开2025年度就业补助资金分配结果。',
    findings: [['person_name', '张伟']],
  },
  {
    name: 'party to an enforcement decision, compound surname',
    text: '当事人：欧阳明，男，1985年出生。',
    findings: [['person_name', '欧阳明']],
  },
  {
    name: 'name before an ID number without a label',
    text: '公示名单：赵丽华（身份证号码130203199107151029）',
    findings: [['person_name', '赵丽华'], ['id_number', '130203199107151029']],
  },
  {
    name: 'legal representative of a company',
    text: '法定代表人：孙立平；统一社会信用代码：91130200MA0G5XQ21K',
    findings: [['person_name', '孙立平']],
  },
  {
    name: 'contact is an office, not a person',
    text: '联系人：办公室，联系地址：唐山市路北区建设北路。',
    findings: [],
  },
  {
    name: 'applicant is a company whose name starts like a surname',
    text: '申请人：唐山市某建材有限公司',
    findings: [],
  },
  {
    name: 'name already withheld',
    text: '申请人：刘某某',
    findings: [],
  },
  {
    name: 'label in an ordinary sentence',
    text: '行政机关应当保护当事人的合法权益，申请人的申请应当书面提出。',
    findings: [],
  },
  {
    name: 'invalid ID number next to a name label is not an ID',
    text: '身份证号码：130203198506121238',
    findings: [],
  },
];
