import type { Term } from '../../core/deadline.ts';
import type { Problem } from '../documents/documents.rules.ts';
import type { Role } from '../org/org.rules.ts';

/**
 * Public-opinion cases (政务舆情回应): vocabulary, the workflow's transition table and the
 * hour clocks. Pure: the service loads the facts, asks these functions and refuses with their
 * Chinese reasons (OP-1 … OP-5, and the national hour terms of RULES.md's Deadlines table).
 */

/** OP-1: the watched sources. */
export const SOURCES = {
  portal: '政府网站', forum: '网络论坛', weibo: '微博', petition: '网上信访平台', hotline: '热线电话',
  news_comment: '新闻跟帖', newspaper: '报刊', broadcast: '广播电视',
} as const;
export type Source = keyof typeof SOURCES;

/** OP-2: risk levels, lowest first. */
export const RISK_LEVELS = { general: '一般', serious: '较大', major: '重大', extraordinary: '特别重大' } as const;
export type RiskLevel = keyof typeof RISK_LEVELS;

/** OP-5: 重大 and above are major cases (reported upward within the hour, on the incident clocks). */
export const isMajor = (level: RiskLevel): boolean => level === 'major' || level === 'extraordinary';

/** OP-4: forms of a response. The first two are published through the items path. */
export const RESPONSE_FORMS = { online_release: '网上发布', expert_interpretation: '专家解读', press_conference: '新闻发布会', media_interview: '媒体采访' } as const;
export type ResponseForm = keyof typeof RESPONSE_FORMS;
export const PUBLISHED_FORMS: readonly ResponseForm[] = ['online_release', 'expert_interpretation'];

/** How a case came in. */
export const INTAKES = { manual: '人工登记', feed: '订阅源', webhook: '监测服务推送' } as const;
export type Intake = keyof typeof INTAKES;

/** OP-3: 登记 → 研判 → 转办 → 回应 → 反馈 → 办结. */
export const STATES = { registered: '登记', assessed: '研判', transferred: '转办', responded: '回应', fed_back: '反馈', closed: '办结' } as const;
export type State = keyof typeof STATES;

export type Action = 'assess' | 'transfer' | 'draft_response' | 'respond' | 'response_published' | 'feedback' | 'close' | 'report_upward';
export const ACTION_LABELS: Record<Action, string> = {
  assess: '研判', transfer: '转办', draft_response: '起草回应信息', respond: '登记回应', response_published: '回应信息已发布',
  feedback: '反馈', close: '办结', report_upward: '向上级报告',
};

/**
 * Who acts: a role of the agency, the responsible unit's staff (谁主管谁发声: the unit the case
 * was transferred to answers and feeds back) or the system (the response item's publication).
 */
export type Actor = Role | 'responsible_unit' | 'system';

const OPEN: readonly State[] = ['registered', 'assessed', 'transferred', 'responded', 'fed_back'];

/** The workflow; a move to the same state records an event without moving the case. */
export const TRANSITIONS: readonly { from: State; action: Action; actors: readonly Actor[]; to: State }[] = [
  { from: 'registered', action: 'assess', actors: ['opinion_lead'], to: 'assessed' },
  { from: 'assessed', action: 'assess', actors: ['opinion_lead'], to: 'assessed' },
  { from: 'assessed', action: 'transfer', actors: ['opinion_lead'], to: 'transferred' },
  { from: 'transferred', action: 'transfer', actors: ['opinion_lead'], to: 'transferred' },
  { from: 'transferred', action: 'draft_response', actors: ['responsible_unit'], to: 'transferred' },
  { from: 'transferred', action: 'respond', actors: ['responsible_unit'], to: 'responded' },
  { from: 'transferred', action: 'response_published', actors: ['system'], to: 'responded' },
  { from: 'responded', action: 'draft_response', actors: ['responsible_unit'], to: 'responded' },
  { from: 'responded', action: 'respond', actors: ['responsible_unit'], to: 'responded' },
  { from: 'responded', action: 'response_published', actors: ['system'], to: 'responded' },
  { from: 'responded', action: 'feedback', actors: ['responsible_unit'], to: 'fed_back' },
  { from: 'fed_back', action: 'close', actors: ['opinion_lead'], to: 'closed' },
  ...OPEN.map((from) => ({ from, action: 'report_upward' as const, actors: ['opinion_lead'] as const, to: from })),
];

export const transitionFor = (from: State, action: Action) => TRANSITIONS.find((t) => t.from === from && t.action === action);

/** The actions a person who is `actors` may take on a case in `state` (the UI shows exactly these). */
export function availableActions(state: State, actors: ReadonlySet<Actor>): Action[] {
  return TRANSITIONS.filter((t) => t.from === state && t.actors.some((a) => actors.has(a))).map((t) => t.action);
}

// ---- clocks ----

/** Rule ids of the opinion clocks; the national terms (国办发〔2016〕61号) have ids of their own. */
export const CLOCK_RULES = { reportUpward: 'OP-5', authoritative: 'OPN-5H', pressConference: 'OPN-24H', response: 'OPN-48H' } as const;
export type ClockRule = (typeof CLOCK_RULES)[keyof typeof CLOCK_RULES];

export const CLOCK_NAMES: Record<ClockRule, string> = {
  'OP-5': '向上级报告', 'OPN-5H': '发布权威信息', 'OPN-24H': '举行新闻发布会', 'OPN-48H': '回应关切',
};

const NOTICE_61 = '《国务院办公厅关于在政务公开工作中进一步做好政务舆情回应的通知》';
/** What people read instead of the rule id. */
export const OPINION_CITATIONS: Record<ClockRule, string> = {
  'OP-5': '本机关政务舆情回应工作制度（重大舆情发生后1小时内向上级报告）',
  'OPN-5H': `${NOTICE_61}（重大突发事件最迟5小时内发布权威信息）`,
  'OPN-24H': `${NOTICE_61}（重大突发事件24小时内举行新闻发布会）`,
  'OPN-48H': `${NOTICE_61}（最迟48小时内予以回应）`,
};
export const citeOpinionRule = (rule: string): string => OPINION_CITATIONS[rule as ClockRule] ?? '本机关有关规定';

/**
 * The clocks a case of `level` runs, in clock hours from the moment it happened (Asia/Shanghai
 * wall time is only how it is shown: hours run through nights, weekends and holidays alike).
 * A major case: reported upward within 1 hour (OP-5), authoritative information within 5 hours,
 * a press conference within 24 hours; any other case: a response within 48 hours.
 */
export function clocksFor(level: RiskLevel): { rule: ClockRule; term: Term }[] {
  const hours = (n: number): Term => ({ unit: 'hours', n });
  if (isMajor(level)) {
    return [
      { rule: CLOCK_RULES.reportUpward, term: hours(1) },
      { rule: CLOCK_RULES.authoritative, term: hours(5) },
      { rule: CLOCK_RULES.pressConference, term: hours(24) },
    ];
  }
  return [{ rule: CLOCK_RULES.response, term: hours(48) }];
}

/** Which clocks a response of `form` meets: any response is the authoritative information and the response; a press conference also meets its own. */
export function clocksMetBy(form: ResponseForm): ClockRule[] {
  const met: ClockRule[] = [CLOCK_RULES.authoritative, CLOCK_RULES.response];
  return form === 'press_conference' ? [...met, CLOCK_RULES.pressConference] : met;
}

// ---- guards ----

export type CaseFacts = {
  summary: string;
  happenedAt: string;
  foundAt: string;
  riskLevel: RiskLevel;
  analysis: string;
  handlingPlan: string;
};

const problem = (code: string, message: string): Problem => ({ code, message });
const blank = (s: string | null | undefined) => !s || !s.trim();

/** A case is registered with what it says and when it happened; it cannot be found before it happened, nor either be in the future. */
export function registerProblems(f: Pick<CaseFacts, 'summary' | 'happenedAt' | 'foundAt'>, now: string): Problem[] {
  const out: Problem[] = [];
  if (blank(f.summary)) out.push(problem('SUMMARY_REQUIRED', '请填写舆情摘要'));
  if (Date.parse(f.foundAt) < Date.parse(f.happenedAt)) out.push(problem('FOUND_BEFORE_HAPPENED', '发现时间不能早于发生时间'));
  if (Date.parse(f.happenedAt) > Date.parse(now) || Date.parse(f.foundAt) > Date.parse(now)) out.push(problem('TIME_IN_FUTURE', '发生时间和发现时间不能晚于现在'));
  return out;
}

/** OP-2: the assessment gives the risk level with its analysis and the handling plan. */
export function assessProblems(f: Pick<CaseFacts, 'analysis' | 'handlingPlan'>): Problem[] {
  const out: Problem[] = [];
  if (blank(f.analysis)) out.push(problem('ANALYSIS_REQUIRED', '研判须填写风险分析'));
  if (blank(f.handlingPlan)) out.push(problem('HANDLING_PLAN_REQUIRED', '研判须填写处置方案'));
  return out;
}

/**
 * OP-4: a release or an expert interpretation is published through the items path (its
 * publication records the response); a press conference or an interview is recorded with
 * what was said.
 */
export function respondProblems(form: ResponseForm, description: string): Problem[] {
  if (PUBLISHED_FORMS.includes(form)) {
    return [problem('RESPONSE_THROUGH_ITEM', `${RESPONSE_FORMS[form]}须起草回应信息，经审核发布后自动登记`)];
  }
  return blank(description) ? [problem('RESPONSE_DESCRIPTION_REQUIRED', '请填写回应的时间、场合和主要内容')] : [];
}

/** OP-3: feedback states what was done. */
export const feedbackProblems = (text: string): Problem[] => (blank(text) ? [problem('FEEDBACK_REQUIRED', '请填写处置结果反馈')] : []);

/** OP-5: a report upward names whom it went to. */
export const reportProblems = (to: string): Problem[] => (blank(to) ? [problem('REPORT_TO_REQUIRED', '请填写报告对象')] : []);

/**
 * Duplicates (intake): the same text however it is spaced, punctuated or cased. The hash is of
 * this normal form, so two monitoring services' copies of one post merge into one case.
 */
export function normaliseText(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** A link compared without its fragment, trailing slash or tracking parameters (utm_*). */
export function normaliseLink(link: string): string {
  try {
    const u = new URL(link.trim());
    u.hash = '';
    for (const k of [...u.searchParams.keys()]) if (k.startsWith('utm_')) u.searchParams.delete(k);
    u.hostname = u.hostname.toLowerCase();
    return u.toString().replace(/\/$/, '');
  } catch {
    return link.trim();
  }
}
