/**
 * Every kind of subject the deadlines table holds clocks for (`deadlines.subject_type`), named
 * once: what the console calls it, where its record opens, and what people call each of its
 * clocks (never the rule id). Notifications (reminder messages, who holds a case) and
 * supervision (the dashboard, its lists, accountability) both read this registry, and the
 * holder resolvers of notifications/holders.ts are a record over the same union: a new subject
 * type is a type error until both know it.
 */
type ClockSubject = {
  label: string; path: ((id: string) => string) | null; clocks: Readonly<Record<string, string>>;
  /**
   * What the record is called in lists: a column of its table, or for the reports (keyed
   * `agency:YYYY`, `agency:YYYY-MM`) a name made from the period. Kinds without one show by kind only.
   */
  title?: { table: string; column: string } | { ofPeriod: (period: string) => string };
};

export const CLOCK_SUBJECTS = {
  item: { label: '主动公开', path: (id: string) => `/documents/${id}`, clocks: { 'PUB-3': '主动公开信息发布期限', 'LAW-26': '主动公开信息发布期限' }, title: { table: 'items', column: 'title' } },
  // The consultations of an item before publication; the page is the item's, found through the consultation.
  consultation: { label: '发布前征求意见', path: null, clocks: { 'LAW-32': '第三方意见期限', 'LAW-34': '征求其他机关意见期限', 'SEC-8': '保密审查报审答复期限' } },
  application: {
    label: '依申请公开', path: (id: string) => `/applications/${id}`, clocks: { 'APP-4': '依申请公开答复期限', 'LAW-30': '告知补正期限', 'LAW-42': '信息处理费缴纳期限' },
    title: { table: 'applications', column: 'reg_number' },
  },
  application_consultation: { label: '依申请征求意见', path: null, clocks: { 'LAW-32': '第三方意见期限', 'LAW-34': '征求其他机关意见期限' } },
  citizen_message: { label: '网民留言', path: (id: string) => `/opinion/messages?id=${id}`, clocks: { 'OP-6': '网民留言答复期限' }, title: { table: 'citizen_messages', column: 'topic' } },
  policy_interpretation: { label: '政策解读', path: () => '/interpretation', clocks: { 'INT-5': '政策解读发布期限' } },
  coordination_request: {
    label: '发布协调', path: (id: string) => `/coordination?request=${id}`, clocks: { 'COORD-1': '发布协调答复期限' },
    title: { table: 'coordination_requests', column: 'subject_title' },
  },
  opinion_case: {
    label: '舆情', path: (id: string) => `/opinion/${id}`,
    clocks: { 'OP-5': '重大舆情上报时限', 'OPN-5H': '重大舆情发布权威信息时限', 'OPN-24H': '重大舆情新闻发布会时限', 'OPN-48H': '舆情回应时限' },
    title: { table: 'opinion_cases', column: 'title' },
  },
  opinion_response_item: { label: '舆情回应信息', path: (id: string) => `/documents/${id}`, clocks: { 'OP-4': '舆情回应信息办理时限' }, title: { table: 'items', column: 'title' } },
  consultation_feedback: { label: '意见采纳情况公布', path: (id: string) => `/consultation/${id}`, clocks: { 'FIVE-1': '意见采纳情况公布期限' } },
  policy_evaluation: { label: '政策实施评估', path: () => '/key-tasks', clocks: { 'FIVE-5': '重大政策实施评估报告期限' } },
  annual_report: {
    label: '年度报告', path: () => '/reports/annual', clocks: { 'LAW-49': '政府信息公开工作年度报告公布期限' },
    title: { ofPeriod: (year: string) => `${year}年政府信息公开工作年度报告` },
  },
  monthly_report: {
    label: '月度报告', path: () => '/reports/monthly', clocks: { 'SUP-5': '政务公开月度报告报送期限' },
    title: { ofPeriod: (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月政府信息公开工作月度报告` },
  },
} as const satisfies Record<string, ClockSubject>;

export type ClockSubjectType = keyof typeof CLOCK_SUBJECTS;

export const isClockSubjectType = (type: string): type is ClockSubjectType => Object.hasOwn(CLOCK_SUBJECTS, type);

/** The subject's name; a type no capability registered still reads, under its own key. */
export const subjectLabel = (type: string): string => (isClockSubjectType(type) ? CLOCK_SUBJECTS[type].label : `其他（${type}）`);

/** Where the subject's record opens in the console, when its id alone says so. */
export const subjectPath = (type: string, id: string): string | null => {
  if (!isClockSubjectType(type)) return null;
  const { path } = CLOCK_SUBJECTS[type] as ClockSubject;
  return path ? path(id) : null;
};

const CLOCK_NAMES: Readonly<Record<string, string>> = Object.assign({}, ...Object.values(CLOCK_SUBJECTS).map((s) => s.clocks));

/** What people call a clock by its rule (never the rule id); an unknown rule reads as 办理期限. */
export const clockName = (rule: string): string => CLOCK_NAMES[rule] ?? '办理期限';

