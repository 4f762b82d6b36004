import type { DeadlineSpec } from '../../core/deadline.ts';
import { citeRule } from '../../core/deadline.ts';

/**
 * Citizens' online messages (网民留言, OP-6: answered by the responsible unit within set
 * time limits). Pure: the states and who moves them, the answer term and what a transfer
 * does to it, the form's limits. The service loads the facts and asks these functions.
 */
export const MESSAGE_RULE = 'OP-6';
export const MESSAGE_SUBJECT = 'citizen_message';

/** The agency's answer term, in working days, when it set none. */
export const DEFAULT_ANSWER_WORKDAYS = 5;
export const MAX_ANSWER_WORKDAYS = 30;

export const STATES = {
  received: '待审核', accepted: '待交办', assigned: '办理中', answered: '待发布', published: '已公开', refused: '不予受理',
} as const;
export type State = keyof typeof STATES;
export const OPEN_STATES: readonly State[] = ['received', 'accepted', 'assigned', 'answered'];

export type Action = 'check' | 'assign' | 'transfer_unit' | 'transfer_agency' | 'answer' | 'return' | 'publish' | 'refuse';
export const ACTION_LABELS: Record<Action, string> = {
  check: '审核通过', assign: '交办', transfer_unit: '转办其他部门', transfer_agency: '转其他机关办理', answer: '答复', return: '退回重新答复', publish: '公开', refuse: '不予受理',
};
export const STEP_LABELS: Record<string, string> = { ...ACTION_LABELS, submit: '收到留言', rate: '评价答复' };

/**
 * Who moves a message: the disclosure office (公开办) checks, assigns, refuses and publishes;
 * `unit` is a drafter or department head of the unit the message is assigned to, who answers
 * or hands it to the unit really responsible.
 */
export type Mover = 'office' | 'unit';

export const TRANSITIONS: readonly { from: State; action: Action; by: readonly Mover[]; to: State }[] = [
  { from: 'received', action: 'check', by: ['office'], to: 'accepted' },
  { from: 'received', action: 'refuse', by: ['office'], to: 'refused' },
  { from: 'accepted', action: 'refuse', by: ['office'], to: 'refused' },
  { from: 'accepted', action: 'assign', by: ['office'], to: 'assigned' },
  { from: 'assigned', action: 'transfer_unit', by: ['office', 'unit'], to: 'assigned' },
  { from: 'received', action: 'transfer_agency', by: ['office'], to: 'received' },
  { from: 'accepted', action: 'transfer_agency', by: ['office'], to: 'received' },
  { from: 'assigned', action: 'transfer_agency', by: ['office'], to: 'received' },
  { from: 'assigned', action: 'answer', by: ['unit'], to: 'answered' },
  { from: 'answered', action: 'return', by: ['office'], to: 'assigned' },
  { from: 'answered', action: 'publish', by: ['office'], to: 'published' },
];

export const transitionFor = (from: State, action: Action) => TRANSITIONS.find((t) => t.from === from && t.action === action);

/** The actions `movers` may take on a message in `state`, in table order: what the console offers. */
export function allowedActions(state: State, movers: readonly Mover[]): Action[] {
  return [...new Set(TRANSITIONS.filter((t) => t.from === state && t.by.some((m) => movers.includes(m))).map((t) => t.action))];
}

/** Refusals are told to the asker with the reason (OP-6). */
export const REFUSALS = { abuse: '含有辱骂、攻击、广告等不当内容', not_ours: '不属于本机关职责范围' } as const;
export type Refusal = keyof typeof REFUSALS;

export const RATINGS = { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' } as const;
export type Rating = keyof typeof RATINGS;

/** The message can be rated once its answer is public, and only once. */
export const canRate = (state: State, rating: string | null) => state === 'published' && rating === null;

/**
 * What a transfer does to the answer term (OP-6), decided here and said in the clock's
 * explanation, never silently:
 * - between units of the agency the agency still owes the answer: the term runs on from the
 *   day the message arrived;
 * - to another agency the message reaches a new holder, whose own term starts the day it
 *   receives it; the first agency's term is closed on the day it handed the message over.
 */
export type TransferKind = 'unit' | 'agency';
export const TRANSFER_RESTARTS_TERM: Record<TransferKind, boolean> = { unit: false, agency: true };

export type Transfer = { kind: TransferKind; at: string; from: string; to: string; reason: string };

/** The sentence the explanation adds for a transfer that leaves the term as it was. */
export const keptTermSentence = (t: Transfer, date: string) => `${date}由${t.from}转交${t.to}办理（${t.reason}），同一机关内转办不重新计算期限`;

/** The restart recorded in the receiving agency's clock. */
export const restartReason = (t: Transfer) => `由${t.from}转来（${t.reason}），自本机关收到之日起重新计算`;

/** The answer term of a message received at `receivedAt`, with the restarts of transfers between agencies. */
export function answerSpec(workdays: number, receivedAt: string, transfers: readonly Transfer[] = []): DeadlineSpec {
  const restarts = transfers.filter((t) => TRANSFER_RESTARTS_TERM[t.kind]).map((t) => ({ at: t.at, rule: MESSAGE_RULE, reason: restartReason(t) }));
  return { rule: MESSAGE_RULE, term: { unit: 'workdays', n: workdays }, startedAt: receivedAt, startedAs: '收到留言', ...(restarts.length ? { restarts } : {}) };
}

/** People read the agency's rule for messages, never an id. */
export const citeMessageRule = (rule: string) => (rule === MESSAGE_RULE ? '本机关网民留言办理时限规定' : citeRule(rule));

export function termProblem(workdays: unknown): string | null {
  return Number.isInteger(workdays) && (workdays as number) >= 1 && (workdays as number) <= MAX_ANSWER_WORKDAYS ? null : `答复期限应为1至${MAX_ANSWER_WORKDAYS}个工作日`;
}

/** The form's limits (the public form and the API share them). */
export const LIMITS = { topic: 50, content: 2000, contentMin: 10, name: 30, answer: 5000, reason: 500 } as const;
/** A phone may leave this many messages in 24 hours (beside the per-address limit of the route). */
export const PHONE_DAILY_LIMIT = 3;

export type MessageForm = { topic: string; content: string; name: string; phone: string };

/** Each field's problem, in Chinese; an empty result means the form can be taken. */
export function formProblems(f: Partial<Record<keyof MessageForm, string>>): Partial<Record<keyof MessageForm, string>> {
  const out: Partial<Record<keyof MessageForm, string>> = {};
  const topic = f.topic?.trim() ?? '';
  const content = f.content?.trim() ?? '';
  const name = f.name?.trim() ?? '';
  const phone = f.phone?.trim() ?? '';
  if (!topic) out.topic = '请填写留言主题';
  else if (topic.length > LIMITS.topic) out.topic = `留言主题不超过${LIMITS.topic}字`;
  if (!content) out.content = '请填写留言内容';
  else if (content.length < LIMITS.contentMin) out.content = `留言内容不少于${LIMITS.contentMin}字，请把问题写清楚`;
  else if (content.length > LIMITS.content) out.content = `留言内容不超过${LIMITS.content}字（现有${content.length}字）`;
  if (!name) out.name = '请填写姓名';
  else if (name.length > LIMITS.name) out.name = `姓名不超过${LIMITS.name}字`;
  if (!phone) out.phone = '请填写联系电话';
  else if (!/^(?:1[3-9]\d{9}|0\d{9,11})$/.test(normalPhone(phone))) out.phone = '联系电话格式不正确，请填写11位手机号码或带区号的固定电话';
  return out;
}

/** The phone as stored and compared: digits only (spaces and the area code's hyphen dropped). */
export const normalPhone = (phone: string) => phone.replace(/[\s-]/g, '');
