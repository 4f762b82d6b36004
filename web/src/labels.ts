// Chinese labels and display formats shared by the pages.
import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Moments show in Beijing time, the time deadlines are counted in, whatever the browser's zone. */
const BEIJING = 'Asia/Shanghai';
/** A plain date ('YYYY-MM-DD') is a calendar day, not a moment: it is never shifted. */
const inBeijing = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? dayjs(value) : dayjs(value).tz(BEIJING));
import type {
  AppConsultationAnswerKind,
  AppConsultationKind,
  AppealResult,
  ApplicationFlag,
  ConsultationKind,
  FeeBasis,
  FindingStatus,
  TrafficLight,
  UnitKind,
} from './types';

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  department: '科室/处室',
  affiliated: '局属单位',
};

export const LIGHTS: Record<TrafficLight, { color: string; label: string }> = {
  green: { color: 'success', label: '正常' },
  yellow: { color: 'warning', label: '临期' },
  red: { color: 'error', label: '逾期' },
};

/** What a to-do (GET /todos) is about. */
export const TODO_KIND_LABELS: Record<string, string> = {
  item: '信息发布',
  application: '依申请公开',
  citizen_message: '网民留言',
  coordination: '发布协调',
  annual_report: '年度报告',
  monthly_report: '月度报告',
  opinion: '舆情',
  interpretation: '政策解读',
  assessment: '监督考评',
};

export const DATE_FORMAT = 'YYYY-MM-DD';

export function formatDateTime(value: string | null | undefined): string {
  return value ? inBeijing(value).format('YYYY-MM-DD HH:mm') : '—';
}

/** Select / Radio options from a label table (key → label), in its own order. */
export function optionsOf<K extends string>(labels: Partial<Record<K, string>> | undefined): { value: K; label: string }[] {
  return Object.entries(labels ?? {}).map(([value, label]) => ({ value: value as K, label: label as string }));
}

/** Calendar days picked in a range, as the moments that open the first and close the last in Beijing time. */
export function beijingDayRange(range: [Dayjs, Dayjs] | null | undefined): { from?: string; to?: string } {
  if (!range) return {};
  const day = (d: Dayjs) => dayjs.tz(d.format(DATE_FORMAT), BEIJING);
  return { from: day(range[0]).startOf('day').toISOString(), to: day(range[1]).endOf('day').toISOString() };
}

export function formatDate(value: string | null | undefined): string {
  return value ? inBeijing(value).format(DATE_FORMAT) : '—';
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

// ---- documents (信息发布). Most labels come from GET /documents/vocabulary; these are the
// few the server sends only as keys. ----

export const FINDING_STATUS: Record<FindingStatus, { color: string; label: string }> = {
  open: { color: 'warning', label: '待处理' },
  removed: { color: 'default', label: '已删除' },
  accepted: { color: 'success', label: '已保留' },
  not_a_mark: { color: 'success', label: '不是密级标识' },
};

export const CONSULTATION_KIND_LABELS: Record<ConsultationKind, string> = {
  joint: '联合制作单位',
  third_party: '第三方',
  referral: '保密行政管理部门（报审）',
};

// ---- applications (依申请公开). Most labels come from GET /applications/vocabulary; these are
// the few the server sends only as keys. ----

/** Table 3's column group over every applicant kind but 自然人. */
export const ORGANISATION_LABEL = '法人或其他组织';

/** LAW-35: hints for the office, never a refusal at the door. */
export const APPLICATION_FLAGS: Record<ApplicationFlag, { label: string; title: string }> = {
  repeat: { label: '重复申请？', title: '同一申请人此前提出过内容相近的申请，请核对是否属于重复申请' },
  excessive: { label: '申请过多', title: '同一申请人本月申请数量明显超过合理范围（《中华人民共和国政府信息公开条例》第三十五条），可要求说明理由' },
};

export const APPLICANT_ROLE_LABEL = '申请人';

export const APP_CONSULTATION_KIND_LABELS: Record<AppConsultationKind, string> = {
  third_party: '第三方',
  agency: '其他机关',
};

export const APP_CONSULTATION_ANSWERS: Record<AppConsultationAnswerKind, string> = {
  consent: '同意公开',
  refuse: '不同意公开',
  no_answer: '逾期未提出意见',
};

export const FEE_BASIS_LABELS: Record<FeeBasis, string> = {
  count: '按件计收（同一申请人当月申请件数）',
  pages: '按量计收（按提供信息的页面数量）',
};

export const APPLICATION_FILE_KINDS: Record<string, string> = {
  letter_reply: '答复告知书',
  letter_correction: '补正告知书',
  letter_extension: '延期答复告知书',
  letter_fee: '收费通知书',
  provided: '提供的信息',
  provided_original: '提供信息原件（仅内部）',
};

/** Table 4's result columns. */
export const APPEAL_RESULTS: Record<AppealResult, { color: string; label: string }> = {
  pending: { color: 'processing', label: '尚未审结' },
  upheld: { color: 'success', label: '维持' },
  corrected: { color: 'error', label: '纠正' },
  other: { color: 'default', label: '其他' },
};
