import { shiftDate, type IsoDate, type WorkCalendar } from '../../core/calendar.ts';
import { countWorkdays } from '../../core/workdays.ts';
import type { Problem } from '../documents/documents.rules.ts';
import type { Role } from '../org/org.rules.ts';

/**
 * Drafts opened for public comment (意见征集, FIVE-1): the window rule, the workflow and the
 * marking of comments. Pure: the service loads the facts and refuses with these reasons.
 *
 * The draft and its basis (起草说明) are an information item that went through the
 * documents review chain (office check, department, secrecy review, leader approval,
 * publication): a consultation opens only on such a published item, so opening it needs
 * exactly the review publishing an item needs.
 */

/** FIVE-1: the shortest window, in calendar days (30) and for a normative document in working days (7). */
export const MIN_WINDOW_DAYS = 30;
export const MIN_NORMATIVE_WORKDAYS = 7;

export type WindowFacts = { opensOn: IsoDate; closesOn: IsoDate; normative: boolean; shortBasis: string };

/**
 * The days of a window as the law counts a term: the opening day is not counted
 * (期间开始的当日不计入), the closing day is. A window opened on 12-01 and closing on 12-31
 * is 30 days long.
 */
export const windowDays = (opensOn: IsoDate, closesOn: IsoDate): number =>
  Math.round((Date.parse(`${closesOn}T00:00:00Z`) - Date.parse(`${opensOn}T00:00:00Z`)) / 86_400_000);

/** FIVE-1: what is wrong with a window; a shorter one stands only with its legal basis recorded. */
export function windowProblems(cal: WorkCalendar, w: WindowFacts): Problem[] {
  if (w.closesOn <= w.opensOn) return [{ code: 'WINDOW_INVALID', message: '征求意见截止日期须晚于开始日期' }];
  if (w.shortBasis.trim()) return [];
  if (w.normative) {
    const n = countWorkdays(cal, w.opensOn, w.closesOn);
    if (n < MIN_NORMATIVE_WORKDAYS) {
      return [{ code: 'WINDOW_TOO_SHORT', message: `规范性文件征求意见期限不少于${MIN_NORMATIVE_WORKDAYS}个工作日（所选期限只有${n}个工作日）；确需缩短的，请登记缩短期限的法定依据` }];
    }
    return [];
  }
  const days = windowDays(w.opensOn, w.closesOn);
  if (days < MIN_WINDOW_DAYS) {
    return [{ code: 'WINDOW_TOO_SHORT', message: `征求意见期限不少于${MIN_WINDOW_DAYS}日（所选期限只有${days}日）；确需缩短的，请登记缩短期限的法定依据` }];
  }
  return [];
}

/** The earliest closing day a window opened on `opensOn` may have without a recorded basis. */
export function earliestClose(cal: WorkCalendar, opensOn: IsoDate, normative: boolean): IsoDate {
  if (!normative) return shiftDate(opensOn, MIN_WINDOW_DAYS);
  let d = opensOn;
  while (countWorkdays(cal, opensOn, d) < MIN_NORMATIVE_WORKDAYS) d = shiftDate(d, 1);
  return d;
}

/** Stored states; `open` reads as `closed` once its last day is over (see `phaseOf`). */
export const STATES = { draft: '待发布', open: '征求意见中', feedback_published: '已公布采纳情况' } as const;
export type State = keyof typeof STATES;
export const PHASES = { ...STATES, closed: '征求意见已结束' } as const;
export type Phase = keyof typeof PHASES;

export const phaseOf = (state: State, closesOn: string, today: string): Phase => (state === 'open' && today > closesOn ? 'closed' : state);

export type Action = 'open' | 'mark' | 'publish_feedback' | 'withdraw';
export const ACTION_LABELS: Record<Action, string> = { open: '发布征求意见', mark: '登记采纳情况', publish_feedback: '公布意见采纳情况', withdraw: '删除草稿' };

/** The workflow: the office opens it and publishes the feedback; the drafting side marks the comments. */
export const TRANSITIONS: readonly { from: Phase; action: Action; roles: readonly Role[]; to: Phase }[] = [
  { from: 'draft', action: 'open', roles: ['office'], to: 'open' },
  { from: 'draft', action: 'withdraw', roles: ['office'], to: 'draft' },
  { from: 'closed', action: 'mark', roles: ['office', 'drafter', 'dept_head'], to: 'closed' },
  { from: 'closed', action: 'publish_feedback', roles: ['office'], to: 'feedback_published' },
];

export const transitionFor = (from: Phase, action: Action) => TRANSITIONS.find((t) => t.from === from && t.action === action);

/** The actions the roles an actor holds allow in a phase, for the console's buttons. */
export const allowedActions = (phase: Phase, held: readonly Role[]): Action[] =>
  TRANSITIONS.filter((t) => t.from === phase && t.roles.some((r) => held.includes(r))).map((t) => t.action);

export const ADOPTIONS = { adopted: '采纳', partly: '部分采纳', not_adopted: '未采纳' } as const;
export type Adoption = keyof typeof ADOPTIONS;

/** A mark needs its reason: why a view was (partly) adopted or not (FIVE-1 feedback). */
export function markProblems(adoption: string, reason: string): Problem[] {
  if (!Object.hasOwn(ADOPTIONS, adoption)) return [{ code: 'ADOPTION_INVALID', message: '请选择采纳、部分采纳或未采纳' }];
  if (!reason.trim()) return [{ code: 'REASON_REQUIRED', message: '请填写采纳或不采纳的理由' }];
  return [];
}

export type FeedbackFacts = { comments: number; unmarked: number; summary: string };

/** The feedback is published once every comment is marked and the main views not adopted are stated. */
export function feedbackProblems(f: FeedbackFacts): Problem[] {
  const out: Problem[] = [];
  if (f.unmarked > 0) out.push({ code: 'COMMENTS_UNMARKED', message: `还有${f.unmarked}条意见未登记采纳情况` });
  if (f.comments > 0 && !f.summary.trim()) out.push({ code: 'SUMMARY_REQUIRED', message: '请写明未予采纳的主要意见及理由' });
  return out;
}

/** Counts for the published feedback (意见采纳情况). */
export function adoptionCounts(marks: readonly (Adoption | null)[]) {
  const count = (a: Adoption) => marks.filter((m) => m === a).length;
  return { total: marks.length, adopted: count('adopted'), partly: count('partly'), notAdopted: count('not_adopted') };
}

/** Length limits of a citizen's comment form. */
export const COMMENT_LIMITS = { name: 50, phone: 30, content: 3000, minContent: 5 } as const;
/** Comments one phone number may leave on one consultation per day. */
export const COMMENTS_PER_PHONE_PER_DAY = 5;

/** A comment's fields as the form sends them; errors keyed by field, in Chinese. */
export function commentErrors(f: { name?: string | undefined; phone?: string | undefined; content?: string | undefined }): Record<string, string> {
  const errors: Record<string, string> = {};
  const name = f.name?.trim() ?? '';
  const phone = f.phone?.trim() ?? '';
  const content = f.content?.trim() ?? '';
  if (!name) errors.name = '请填写姓名';
  else if (name.length > COMMENT_LIMITS.name) errors.name = `姓名不超过${COMMENT_LIMITS.name}字`;
  if (!phone) errors.phone = '请填写联系电话';
  else if (!/^[0-9+()\- ]{5,30}$/.test(phone)) errors.phone = '联系电话格式不正确';
  if (!content) errors.content = '请填写意见内容';
  else if (content.length < COMMENT_LIMITS.minContent) errors.content = `意见内容不少于${COMMENT_LIMITS.minContent}字`;
  else if (content.length > COMMENT_LIMITS.content) errors.content = `意见内容不超过${COMMENT_LIMITS.content}字（现有${content.length}字）`;
  return errors;
}
