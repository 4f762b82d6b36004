/**
 * Sensitive-content scanner run on a document's body and on every attachment's extracted text
 * before the item can be approved (SEC-2 personal privacy, SEC-6 secrecy marks). It only
 * proposes findings; the reviewer removes or accepts each one with a reason.
 *
 * Each kind is found by a regular expression plus, where the shape alone says too little, a
 * checksum (GB 11643 for ID numbers, Luhn for bank cards). Candidates of all kinds are then
 * resolved by priority, so one stretch of text yields at most one finding: a valid ID number
 * is not also a bank card, and the digits of an e-mail address are not also a mobile number.
 */
import { isValidPrcId } from '../../core/prc-id.ts';

export type FindingKind = 'id_number' | 'mobile' | 'landline' | 'bank_card' | 'email' | 'secrecy_mark' | 'person_name';

export const FINDING_LABELS: Record<FindingKind, string> = {
  id_number: '身份证号码',
  mobile: '手机号码',
  landline: '固定电话',
  bank_card: '银行卡号',
  email: '电子邮箱',
  secrecy_mark: '密级标识',
  person_name: '个人姓名',
};

/** `start`/`end` are UTF-16 offsets into the scanned text, `text` is the slice between them. */
export type Finding = { kind: FindingKind; start: number; end: number; text: string };

type Detector = { kind: FindingKind; pattern: RegExp; accept?: (match: string) => boolean };

const digitsOnly = (s: string) => s.replace(/\D/g, '');

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

// Blanks within one line only, so a mark never swallows the next line.
const BLANK = String.raw`[ \t\u3000]*`;
// Term of a secrecy mark after the star: 机密★10年, 秘密★六个月, 绝密★长期, 绝密★启用前.
const TERM = String.raw`(?:${BLANK}(?:(?:[0-9０-９]+|[一二三四五六七八九十]+)${BLANK}(?:年|个月)|长期|启用前))?`;

// Personal names are found only where a label introduces them (姓名：张三, 申请人李秀英,
// 王建国（身份证号…）): a name alone is indistinguishable from ordinary words. A name is a
// common surname and one or two more characters (two surnames for 欧阳, 司马…), ending where
// punctuation, a space or a word that follows names begins; a place or body (唐山市, 某某局)
// is not a name, nor is a name already withheld (刘某某).
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝';
const NAME = String.raw`(?:欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|轩辕|令狐|[${SURNAMES}])[一-龥]{1,2}`;
const NAME_LABELS = '姓名|申请人|联系人|当事人|被申请人|第三人|法定代表人|负责人|委托代理人|代理人|经办人|举报人|投诉人|户主|收件人|被处罚人|受理人|签收人|监护人';
const NAME_END = String.raw`(?=[\s，。、；：:,.;!?！？（）()《》“”"'　]|$|同志|先生|女士|等|的|于|向|申请|身份|公民|联系|电话|手机|性别|男|女|住址|现住|系)`;
const NOT_A_NAME = /某|[市区县省局委厅办司院所村镇乡街处科部会厂店行队站中校]$/;

/**
 * In priority order: an earlier detector's finding wins over an overlapping later one.
 * Number detectors refuse to start or end inside a longer run of digits (or letters, for the
 * 16–19-character forms), or before a decimal part, which keeps 统一社会信用代码, index
 * numbers, serials and amounts (13800138000.00元) out.
 */
const DETECTORS: Detector[] = [
  // A classification level followed by ★ is always a mark. Without the star the words are
  // usually ordinary (商业秘密, 涉及国家秘密的信息), so a bare level counts only as a word of its
  // own at the start of a line, where a document's mark is printed.
  { kind: 'secrecy_mark', pattern: new RegExp(String.raw`(?:绝密|机密|秘密)${BLANK}★${TERM}`, 'g') },
  { kind: 'secrecy_mark', pattern: /(?<=^[ \t\u3000]*)(?:绝密|机密|秘密)(?=\s|$)/gm },
  { kind: 'secrecy_mark', pattern: /内部资料|内部文件|注意保密|不得外传/g },
  {
    kind: 'email',
    pattern: /(?<![\w.%+-])[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])/g,
  },
  { kind: 'id_number', pattern: /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z]|\.\d)/g, accept: isValidPrcId },
  {
    // 16–19 digits, written solid or in groups of four (6222 0202 0000 1234 567). A valid ID
    // number has the same shape, but the ID detector above has already claimed it.
    kind: 'bank_card',
    pattern: /(?<![0-9A-Za-z])(?:\d{16,19}|\d{4}(?: \d{4}){3}(?: \d{1,3})?)(?![0-9A-Za-z]|\.\d)/g,
    accept: (m) => passesLuhn(digitsOnly(m)),
  },
  // 13800138000, 138 0013 8000, 138-0013-8000, +86 138 0013 8000.
  { kind: 'mobile', pattern: /(?<!\d)(?:(?:\+|00)?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\.?\d)/g },
  // An area code is only taken with a dash or brackets, so dates (2026-01-15) and index
  // numbers (2026-00012) never qualify: their digits before the dash follow other digits or
  // do not start with 0, and local numbers start with 2–9 and have 7–8 digits.
  {
    kind: 'landline',
    pattern: /(?<!\d)(?:0\d{2,3}-|[(（]0\d{2,3}[)）] ?)[2-9]\d{6,7}(?:(?:-|转|分机)\d{1,6})?(?!\.?\d)/g,
  },
  {
    kind: 'person_name',
    pattern: new RegExp(String.raw`(?<=(?:${NAME_LABELS})[：:]?[ \t\u3000]*)${NAME}${NAME_END}|${NAME}(?=[，,（( \u3000]*(?:身份证|公民身份号码))`, 'g'),
    accept: (m) => !NOT_A_NAME.test(m),
  },
];

function candidates(text: string): Finding[] {
  const found: Finding[] = [];
  for (const { kind, pattern, accept } of DETECTORS) {
    for (const m of text.matchAll(pattern)) {
      if (accept && !accept(m[0])) continue;
      found.push({ kind, start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  return found;
}

/** Every finding in `text`, sorted by start and never overlapping. */
export function scanText(text: string): Finding[] {
  const kept: Finding[] = [];
  for (const c of candidates(text)) {
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
