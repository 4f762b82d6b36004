import { chinaDateOf } from '../../core/clock.ts';
import { badRequest } from '../../core/errors.ts';
import type { IsoDate, WorkCalendar } from '../../core/calendar.ts';
import { nextWorkday } from '../../core/workdays.ts';
import type { Role } from '../org/org.rules.ts';

/**
 * Disclosure on application (依申请公开): vocabulary, the workflow's transition table, the
 * outcomes exactly as the annual report's table 3 counts them, fees (LAW-42), and the
 * statistics with their check. Pure; rule ids from RULES.md.
 */

/** Table 3's applicant columns (LAW-49/50): 自然人, and 法人或其他组织 by subtype. */
export const APPLICANT_KINDS = {
  natural: '自然人', commercial: '商业企业', research: '科研机构', public_welfare: '社会公益组织', legal_services: '法律服务机构', other_org: '其他',
} as const;
export type ApplicantKind = keyof typeof APPLICANT_KINDS;
export const isOrganisation = (k: ApplicantKind) => k !== 'natural';

/** APP-1, LAW-31: how an application arrived decides its receipt day. */
export const CHANNELS = {
  online: '在线申请', email: '电子邮件', letter_registered: '挂号信', letter_ordinary: '平信', fax: '传真', visit: '当面提交', transfer: '政务公开中心转办',
} as const;
export type ReceiptChannel = keyof typeof CHANNELS;

/** LAW-31, written next to the receipt moment the clerk enters. */
export const RECEIPT_RULE: Record<ReceiptChannel, string> = {
  online: '以双方确认之日为收到日（条例第三十一条）：提交后待确认，工作日确认',
  email: '以双方确认之日为收到日（条例第三十一条）：登记到达时间后待确认，工作日确认',
  letter_registered: '以签收之日为收到日（条例第三十一条）',
  letter_ordinary: '以与申请人确认之日为收到日（条例第三十一条）：到达当日与申请人确认并记录',
  fax: '以双方确认之日为收到日（条例第三十一条）：登记到达时间后待确认，工作日确认',
  visit: '以提交之日为收到日（条例第三十一条）',
  transfer: '以政务公开中心转交之日为收到日',
};

/** LAW-31: channels whose receipt day is the day both sides confirm; they wait as 待确认 until then. */
export const CONFIRMED_CHANNELS: readonly ReceiptChannel[] = ['online', 'email', 'fax'];
export const needsConfirmation = (c: ReceiptChannel) => CONFIRMED_CHANNELS.includes(c);

/** LAW-31: an automatic confirmation falls at the start (00:00 Beijing time) of the first working day after the arrival day. */
export function autoConfirmationMoment(cal: WorkCalendar, arrivedAt: string): string {
  return new Date(`${nextWorkday(cal, chinaDateOf(arrivedAt) as IsoDate)}T00:00:00+08:00`).toISOString();
}

/** APP-8, table 4's three kinds of appeal. */
export const APPEAL_KINDS = { reconsideration: '行政复议', lawsuit_direct: '行政诉讼（未经复议直接起诉）', lawsuit_after_reconsideration: '行政诉讼（复议后起诉）' } as const;
export type AppealKind = keyof typeof APPEAL_KINDS;

/** LAW-33: who approves an extension (the head of the disclosure office unless the agency requires its leader). */
export const EXTENSION_APPROVERS = { office_head: '政府信息公开工作机构负责人', leader: '本机关负责人' } as const;
export type ExtensionApprover = keyof typeof EXTENSION_APPROVERS;

/** The applicant's ID document (政府信息公开申请表). */
export const ID_TYPES = { prc_id: '居民身份证', passport: '护照', other: '其他证件', org: '统一社会信用代码证' } as const;
export type IdType = keyof typeof ID_TYPES;

export const FORMS = { paper: '纸质', electronic: '电子文档', email: '电子邮件' } as const;
export const DELIVERIES = { post: '邮寄', pickup: '自行领取', email: '电子邮件', online: '网上获取' } as const;
export type InfoForm = keyof typeof FORMS;
export type DeliveryMethod = keyof typeof DELIVERIES;

/** LAW-36 reply types. */
export const REPLY_TYPES = {
  already_public: '已主动公开（告知获取方式和途径）', provided: '予以提供', not_disclosed: '不予公开（告知理由）', not_exist: '信息不存在',
  not_held: '非本机关掌握（告知掌握机关）', repeat: '重复申请', special_law: '适用其他法律规定', partial: '部分公开', not_processed: '不予处理', closed: '终止处理',
} as const;
export type ReplyType = keyof typeof REPLY_TYPES;

/**
 * Table 3's outcome rows, grouped as the national format groups them, each with the reply
 * type of LAW-36 it is answered with.
 */
export const OUTCOMES = {
  granted: { group: '予以公开', label: '予以公开', reply: 'provided' },
  partial: { group: '部分公开', label: '部分公开（区分处理的，只计这一情形，不计其他情形）', reply: 'partial' },
  refused_state_secret: { group: '不予公开', label: '属于国家秘密', reply: 'not_disclosed' },
  refused_law: { group: '不予公开', label: '其他法律行政法规禁止公开', reply: 'not_disclosed' },
  refused_safety: { group: '不予公开', label: '危及“三安全一稳定”', reply: 'not_disclosed' },
  refused_third_party: { group: '不予公开', label: '保护第三方合法权益', reply: 'not_disclosed' },
  refused_internal: { group: '不予公开', label: '属于三类内部事务信息', reply: 'not_disclosed' },
  refused_process: { group: '不予公开', label: '属于四类过程性信息', reply: 'not_disclosed' },
  refused_enforcement: { group: '不予公开', label: '属于行政执法案卷', reply: 'not_disclosed' },
  refused_query: { group: '不予公开', label: '属于行政查询事项', reply: 'special_law' },
  unable_not_held: { group: '无法提供', label: '本机关不掌握相关政府信息', reply: 'not_held' },
  unable_create: { group: '无法提供', label: '没有现成信息需要另行制作', reply: 'not_exist' },
  unable_unclear: { group: '无法提供', label: '补正后申请内容仍不明确', reply: 'not_exist' },
  unprocessed_petition: { group: '不予处理', label: '信访举报投诉类申请', reply: 'not_processed' },
  unprocessed_repeat: { group: '不予处理', label: '重复申请', reply: 'repeat' },
  unprocessed_publication: { group: '不予处理', label: '要求提供公开出版物', reply: 'not_processed' },
  unprocessed_excessive: { group: '不予处理', label: '无正当理由大量反复申请', reply: 'not_processed' },
  unprocessed_confirm: { group: '不予处理', label: '要求行政机关确认或重新出具已获取信息', reply: 'not_processed' },
  other_no_correction: { group: '其他处理', label: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', reply: 'closed' },
  other_no_fee: { group: '其他处理', label: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', reply: 'closed' },
  other: { group: '其他处理', label: '其他', reply: 'closed' },
} as const satisfies Record<string, { group: string; label: string; reply: ReplyType }>;
export type Outcome = keyof typeof OUTCOMES;
export const OUTCOME_KEYS = Object.keys(OUTCOMES) as Outcome[];

/** "Already public" is 予以公开 answered by pointing to where it is (LAW-36). */
export const replyTypeOf = (outcome: Outcome, alreadyPublic: boolean): ReplyType => (outcome === 'granted' && alreadyPublic ? 'already_public' : OUTCOMES[outcome].reply);

export const STATES = {
  unconfirmed: '待确认', received: '已登记', awaiting_reasons: '待说明理由', handling: '办理中', awaiting_correction: '待补正', awaiting_fee: '待缴费', reviewing: '答复审核',
  replied: '已答复', closed: '已终止', withdrawn: '已撤回',
} as const;
export type State = keyof typeof STATES;
export const OPEN_STATES: readonly State[] = ['unconfirmed', 'received', 'handling', 'awaiting_reasons', 'awaiting_correction', 'awaiting_fee', 'reviewing'];

/** APP-7: a reply is delivered on or after the day it was signed, counted in Beijing time. */
export function checkDeliveryDate(on: string, signedAt: string): void {
  const signedOn = chinaDateOf(signedAt);
  if (on < signedOn) throw badRequest('DELIVERY_BEFORE_SIGNING', `送达日期不能早于答复签发日期（${signedOn}）`);
}

export type Action =
  | 'assign' | 'request_correction' | 'correct' | 'close_no_correction' | 'notify_fee' | 'fee_paid' | 'close_no_fee'
  | 'draft_reply' | 'return_reply' | 'approve_reply' | 'withdraw'
  | 'confirm_receipt' | 'fee_notice_received' | 'ask_reasons' | 'record_reasons' | 'reasons_unreasonable' | 'reasons_reasonable';

export const ACTION_LABELS: Record<Action, string> = {
  assign: '分办', request_correction: '告知补正', correct: '登记补正', close_no_correction: '逾期不补正终止', notify_fee: '发出收费通知',
  fee_paid: '登记已缴费', close_no_fee: '逾期未缴费终止', draft_reply: '拟定答复', return_reply: '退回答复', approve_reply: '签发答复', withdraw: '撤回申请',
  confirm_receipt: '确认收到', fee_notice_received: '登记收费通知送达', ask_reasons: '要求说明理由', record_reasons: '登记申请人理由',
  reasons_unreasonable: '认定理由不合理', reasons_reasonable: '认定理由合理并确定答复期限',
};

/** Timeline labels: the workflow's actions and the steps recorded beside it. */
export const STEP_LABELS: Record<string, string> = {
  ...ACTION_LABELS, register: '登记', auto_confirm: '自动确认收到', split: '拆分申请', extend: '延期答复', consult: '征求意见', consult_answer: '收到征求意见答复', deliver: '送达答复',
};

/** Who moves an application (ORG-1 the office handles, ORG-3 the department drafts the reply). `applicant` acts through the portal. */
export type Mover = Role | 'applicant';

export const TRANSITIONS: readonly { from: State; action: Action; by: readonly Mover[]; to: State }[] = [
  // LAW-31: an online, e-mail or fax application is received the working day both sides confirm it.
  { from: 'unconfirmed', action: 'confirm_receipt', by: ['office'], to: 'received' },
  { from: 'received', action: 'assign', by: ['office'], to: 'handling' },
  // A case corrected before it was assigned, or sent to the wrong department, is (re)assigned while handled.
  { from: 'handling', action: 'assign', by: ['office'], to: 'handling' },
  { from: 'received', action: 'request_correction', by: ['office'], to: 'awaiting_correction' },
  { from: 'handling', action: 'request_correction', by: ['office'], to: 'awaiting_correction' },
  { from: 'awaiting_correction', action: 'correct', by: ['applicant', 'office'], to: 'handling' },
  { from: 'awaiting_correction', action: 'close_no_correction', by: ['office'], to: 'closed' },
  { from: 'handling', action: 'notify_fee', by: ['office'], to: 'awaiting_fee' },
  { from: 'awaiting_fee', action: 'fee_notice_received', by: ['office'], to: 'awaiting_fee' },
  { from: 'awaiting_fee', action: 'fee_paid', by: ['office'], to: 'handling' },
  // LAW-35: clearly excessive applications: ask for reasons, then decide.
  { from: 'received', action: 'ask_reasons', by: ['office'], to: 'awaiting_reasons' },
  { from: 'handling', action: 'ask_reasons', by: ['office'], to: 'awaiting_reasons' },
  { from: 'awaiting_reasons', action: 'record_reasons', by: ['office'], to: 'awaiting_reasons' },
  { from: 'awaiting_reasons', action: 'reasons_unreasonable', by: ['office'], to: 'handling' },
  { from: 'awaiting_reasons', action: 'reasons_reasonable', by: ['office'], to: 'handling' },
  { from: 'awaiting_fee', action: 'close_no_fee', by: ['office'], to: 'closed' },
  { from: 'handling', action: 'draft_reply', by: ['drafter', 'office'], to: 'reviewing' },
  { from: 'reviewing', action: 'return_reply', by: ['office', 'leader'], to: 'handling' },
  { from: 'reviewing', action: 'approve_reply', by: ['leader'], to: 'replied' },
  ...OPEN_STATES.map((from) => ({ from, action: 'withdraw' as const, by: ['applicant' as const], to: 'withdrawn' as const })),
];

export const transitionFor = (from: State, action: Action) => TRANSITIONS.find((t) => t.from === from && t.action === action);

/** APP-6: the three reviews every reply passes before it is signed. */
export const REVIEW_KINDS = { confidentiality: '保密审查', legality: '合法性审查', opinion_risk: '舆情风险评估' } as const;
export type ReviewKind = keyof typeof REVIEW_KINDS;
export const REVIEWERS: Record<ReviewKind, Role> = { confidentiality: 'secrecy_reviewer', legality: 'office', opinion_risk: 'opinion_lead' };

export const missingReviews = (done: readonly ReviewKind[]): ReviewKind[] => (Object.keys(REVIEW_KINDS) as ReviewKind[]).filter((k) => !done.includes(k));

/**
 * LAW-42 (国办函〔2020〕109号): no fee unless quantity or frequency is clearly excessive.
 * By count: per applicant per natural month, 1–10 free, 11–30 ¥100 each, then +¥100 per
 * further 10 (31–40 ¥200, 41–50 ¥300…). By quantity, per application, stepped per page:
 * pages 1–30 free, 31–100 ¥10 each, 101–200 ¥20 each, beyond 200 ¥40 each.
 */
export function feeByCount(nthThisMonth: number): number {
  if (nthThisMonth <= 10) return 0;
  if (nthThisMonth <= 30) return 100;
  return 100 + Math.ceil((nthThisMonth - 30) / 10) * 100;
}

export function feeByPages(pages: number): number {
  const band = (from: number, to: number) => Math.max(0, Math.min(pages, to) - from);
  return band(30, 100) * 10 + band(100, 200) * 20 + band(200, Infinity) * 40;
}

/** LAW-42: the fee notice is paid within 20 working days of the applicant receiving it. */
export const FEE_PAYMENT_WORKDAYS = 20;

/** The flags the office is asked to look at, as the timeline names them. */
export const FLAG_LABELS = { repeat: '疑似重复申请', excessive: '本月申请数量明显较多' } as const;
export type ApplicationFlag = keyof typeof FLAG_LABELS;

/** LAW-35: applications per applicant per natural month above which the office is asked to look. */
export const EXCESSIVE_PER_MONTH = 10;

/**
 * A likely repeat (不予处理: 重复申请): the same applicant asked before for content this
 * alike. Character bigrams catch reworded Chinese requests without a dictionary.
 */
export function similarity(a: string, b: string): number {
  const grams = (s: string) => {
    const t = s.replace(/[\s，。、；：！？,.;:!?（）()“”"'《》]/g, '');
    const out = new Set<string>();
    for (let i = 0; i < t.length - 1; i++) out.add(t.slice(i, i + 2));
    return out;
  };
  const [x, y] = [grams(a), grams(b)];
  if (!x.size || !y.size) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return shared / (x.size + y.size - shared);
}
export const REPEAT_SIMILARITY = 0.6;

/** Masks personal data wherever the viewer is not handling the case (DESIGN.md). */
export function maskIdNumber(id: string): string {
  return id.length <= 8 ? '*'.repeat(id.length) : `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}
/** A mobile keeps 3 + 4 digits (138****8000), a local number its last 2, anything shorter nothing. */
export const maskPhone = (p: string): string =>
  p.length >= 11 ? `${p.slice(0, 3)}${'*'.repeat(p.length - 7)}${p.slice(-4)}` : p.length >= 7 ? `${'*'.repeat(p.length - 2)}${p.slice(-2)}` : '*'.repeat(p.length);
/** Counts characters, not UTF-16 units, so a rare surname (𠮷) is never cut in half. */
export const maskName = (n: string): string => {
  const chars = Array.from(n);
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
};

// ---- table 3 (LAW-49/50) ----

export type Table3Row = 'new' | 'carried_in' | Outcome | 'results_total' | 'carried_out';
export type Table3 = { rows: Record<Table3Row, Record<ApplicantKind | 'total', number>>; check: { ok: boolean; left: number; right: number } };

/**
 * Table 3 for a period of Beijing-time days (from and to inclusive, 'YYYY-MM-DD'):
 * applications received in it (新收), those still open when it began (上年结转), outcomes of
 * those finished in it, and those still open at its end (结转下年). Moments are compared by
 * their Beijing date. The national check: 新收 + 上年结转 = 办理结果总计 + 结转下年.
 */
export function table3(
  apps: readonly { kind: ApplicantKind; receivedAt: string; finishedAt: string | null; outcome: Outcome | null }[],
  period: { from: string; to: string },
): Table3 {
  const kinds = Object.keys(APPLICANT_KINDS) as ApplicantKind[];
  const zero = () => Object.fromEntries([...kinds, 'total'].map((k) => [k, 0])) as Record<ApplicantKind | 'total', number>;
  const rows = Object.fromEntries((['new', 'carried_in', ...OUTCOME_KEYS, 'results_total', 'carried_out'] as Table3Row[]).map((r) => [r, zero()])) as Table3['rows'];
  const add = (row: Table3Row, kind: ApplicantKind) => {
    rows[row][kind]++;
    rows[row].total++;
  };
  for (const a of apps) {
    const received = chinaDateOf(a.receivedAt);
    const finished = a.finishedAt === null ? null : chinaDateOf(a.finishedAt);
    if (received > period.to) continue;
    if (finished !== null && finished < period.from) continue;
    if (received >= period.from) add('new', a.kind);
    else add('carried_in', a.kind);
    if (finished !== null && finished <= period.to && a.outcome) {
      add(a.outcome, a.kind);
      add('results_total', a.kind);
    } else add('carried_out', a.kind);
  }
  const left = rows.new.total + rows.carried_in.total;
  const right = rows.results_total.total + rows.carried_out.total;
  return { rows, check: { ok: left === right, left, right } };
}
