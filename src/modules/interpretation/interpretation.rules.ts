import type { DeadlineSpec } from '../../core/deadline.ts';
import type { Action, Category, PolicyLevel, Problem, State } from '../documents/documents.rules.ts';

/**
 * Policy interpretation (政策解读): an information item of its own, category 政策解读, linked
 * to the policy documents it explains and moving through the documents workflow. Pure: the
 * service loads the facts, asks these functions and refuses with their Chinese reasons.
 */

export const INTERPRETATION_CATEGORY: Category = 'interpretation';

/** INT-7: the forms an interpretation takes. */
export const FORMS = {
  article: '文字解读', qa: '问答', graphic: '图解', av: '音视频解读',
  online_interview: '在线访谈', media_interview: '媒体专访', press_conference: '新闻发布会',
} as const;
export type Form = keyof typeof FORMS;

/** INT-6: what an interpretation covers; each point is written or marked not applicable with the reason. */
export const CHECKLIST = {
  background: '出台背景和依据', goals: '目标任务', content: '主要内容', scope: '适用范围', criteria: '执行标准',
  application: '操作方法（怎么办）', cautions: '注意事项', terms: '关键词诠释', benefits: '惠民利民举措', changes: '与旧政策的区别',
} as const;
export type ChecklistPoint = keyof typeof CHECKLIST;
export type ChecklistEntry = { content: string; notApplicableReason: string };
export type Checklist = Partial<Record<ChecklistPoint, ChecklistEntry>>;

export type QaPair = { question: string; answer: string };
/** The fields each form needs beyond the body (INT-7); one shape, the form says which count. */
export type FormContent = {
  pairs?: QaPair[];
  /** 图解: the text alternative covering what the image shows (WCAG 1.1.1). */
  altText?: string;
  /** 音视频: where the recording is played (the attachments take office files and pictures only). */
  mediaUrl?: string;
  transcript?: string;
  /** 访谈、发布会 */
  heldOn?: string;
  speakers?: string[];
};

const problem = (code: string, message: string): Problem => ({ code, message });
const blank = (s: string | null | undefined) => !s || !s.trim();
const INTERVIEWS: readonly Form[] = ['online_interview', 'media_interview', 'press_conference'];

/** INT-7: each form carries what a reader of it needs. `images` counts the item's picture attachments. */
export function formProblems(form: Form, c: FormContent, files: { images: number }): Problem[] {
  const out: Problem[] = [];
  if (form === 'qa') {
    const pairs = c.pairs ?? [];
    if (pairs.length === 0) out.push(problem('QA_REQUIRED', '问答式解读须至少有一组问题和回答'));
    pairs.forEach((p, i) => {
      if (blank(p.question) || blank(p.answer)) out.push(problem('QA_PAIR_INCOMPLETE', `第 ${i + 1} 组问答的问题和回答都须填写`));
    });
  }
  if (form === 'graphic') {
    if (files.images === 0) out.push(problem('GRAPHIC_IMAGE_REQUIRED', '图解须上传图片（PNG 或 JPEG）'));
    if (blank(c.altText)) out.push(problem('GRAPHIC_TEXT_REQUIRED', '图解须附文字说明，完整表述图片中的内容，供使用读屏软件的读者阅读'));
  }
  if (form === 'av') {
    if (blank(c.mediaUrl) || !/^https:\/\/\S+$/.test(c.mediaUrl!.trim())) out.push(problem('MEDIA_URL_REQUIRED', '音视频解读须填写以 https:// 开头的播放地址'));
  }
  if (form === 'av' || INTERVIEWS.includes(form)) {
    if (blank(c.transcript)) out.push(problem('TRANSCRIPT_REQUIRED', `${FORMS[form]}须附文字实录`));
  }
  if (INTERVIEWS.includes(form)) {
    if (blank(c.heldOn) || !/^\d{4}-\d{2}-\d{2}$/.test(c.heldOn!)) out.push(problem('HELD_ON_REQUIRED', `请填写${FORMS[form]}的日期`));
    if (!(c.speakers ?? []).some((s) => !blank(s))) out.push(problem('SPEAKERS_REQUIRED', `请填写${FORMS[form]}的出席人（发言人、嘉宾）`));
  }
  return out;
}

/** INT-6: every point of the checklist is written, or marked not applicable with the reason. */
export function checklistProblems(list: Checklist): Problem[] {
  const skipped = (Object.keys(CHECKLIST) as ChecklistPoint[]).filter((k) => blank(list[k]?.content) && blank(list[k]?.notApplicableReason));
  if (skipped.length === 0) return [];
  return [problem('CHECKLIST_INCOMPLETE', `解读内容须逐项写明，不涉及的须说明理由：${skipped.map((k) => `“${CHECKLIST[k]}”`).join('、')}尚未填写`)];
}

/** The facts about a policy an interpretation is linked to. */
export type LinkedPolicy = { id: string; title: string; agencyId: string; unitId: string; category: Category; policyLevel: PolicyLevel; state: State };

/**
 * INT-1, INT-2: an interpretation explains one or more policy documents of its own agency and
 * is drafted by their drafting unit (for a joint document the lead unit, the unit the item
 * belongs to).
 */
export function linkProblems(interpretation: { agencyId: string; unitId: string }, policies: LinkedPolicy[]): Problem[] {
  if (policies.length === 0) return [problem('POLICY_REQUIRED', '请选择所解读的政策文件')];
  const out: Problem[] = [];
  for (const p of policies) {
    if (p.category === INTERPRETATION_CATEGORY || p.policyLevel === 'none') out.push(problem('NOT_A_POLICY', `“${p.title}”不是政策性文件，无须解读`));
    else if (p.agencyId !== interpretation.agencyId) out.push(problem('POLICY_OTHER_AGENCY', `“${p.title}”不是本机关的文件`));
    else if (p.unitId !== interpretation.unitId) out.push(problem('NOT_DRAFTING_UNIT', `“${p.title}”由其他科室起草，应由起草科室（联合发文的牵头科室）负责解读`));
  }
  return out;
}

/** All a draft interpretation must have before it is submitted or passes the office check (INT-6, INT-7, INT-1, INT-2). */
export function interpretationProblems(f: { form: Form; content: FormContent; checklist: Checklist; images: number; links: Problem[] }): Problem[] {
  return [...f.links, ...formProblems(f.form, f.content, f), ...checklistProblems(f.checklist)];
}

/**
 * INT-3: a policy and its interpretation are reviewed together. A reviewer's move on the policy
 * is made on each linked interpretation waiting at the same step; a revision of a published
 * policy and the decision to publish a non-public one concern the policy alone.
 */
export const movesTogether = (action: Action): boolean => action !== 'revise' && action !== 'convert_to_proactive';

/** INT-3, INT-5: an interpretation is published with its policies or after them, never before. */
export function publishOrderProblems(policies: Array<{ title: string; published: boolean }>): Problem[] {
  return policies.filter((p) => !p.published).map((p) => problem('POLICY_NOT_PUBLISHED', `所解读的“${p.title}”尚未发布，解读材料须与政策文件同步发布或在其发布后发布`));
}

/** INT-5: the rule of the interpretation's clock and its default figure. */
export const INTERPRETATION_RULE = 'INT-5';
export const DEFAULT_INTERPRETATION_DAYS = 10;

/** INT-5: the interpretation's clock starts at the policy's publication; that day is day 0. */
export const interpretationSpec = (policyPublishedAt: string, days: number): DeadlineSpec => ({
  rule: INTERPRETATION_RULE, term: { unit: 'workdays', n: days }, startedAt: policyPublishedAt, startedAs: '政策文件发布',
});

/** A stricter agency figure shortens the term, never lengthens it (RULES.md, Deadlines). */
export function daysSettingProblems(days: number): Problem[] {
  if (!Number.isInteger(days) || days < 1 || days > DEFAULT_INTERPRETATION_DAYS) {
    return [problem('DAYS_INVALID', `解读材料发布期限须为 1 至 ${DEFAULT_INTERPRETATION_DAYS} 个工作日（只能比规定更严）`)];
  }
  return [];
}

/** Must this published item be interpreted (INT-1)? Its rules, normative and important policy documents. */
export const mustBeInterpreted = (item: { category: Category; policyLevel: PolicyLevel }): boolean =>
  item.category !== INTERPRETATION_CATEGORY && item.policyLevel !== 'none';

export type ClockOutcome = { state: 'running' | 'paused' | 'met' | 'overdue'; metLate?: boolean | undefined };

/**
 * The agency's 三同步 rate (INT-3, INT-5): policies interpreted on time ÷ policies that had to
 * be by now (their clock was met or has run out). Clocks still running are counted apart.
 */
export function syncRate(clocks: ClockOutcome[]): { due: number; onTime: number; late: number; running: number; rate: number | null } {
  const onTime = clocks.filter((c) => c.state === 'met' && !c.metLate).length;
  const late = clocks.filter((c) => (c.state === 'met' && c.metLate) || c.state === 'overdue').length;
  const due = onTime + late;
  return { due, onTime, late, running: clocks.length - due, rate: due === 0 ? null : onTime / due };
}

/** INT-8: in the fourth quarter, an agency that has interpreted no important policy this year is warned. */
export function yearWarning(today: string, importantInterpreted: number): string | null {
  const month = Number(today.slice(5, 7));
  if (month < 10 || importantInterpreted > 0) return null;
  return `本年度尚未解读任何重要政策文件，按规定每年至少解读一项重要政策，请在年底前安排`;
}

/** INT-9: a re-issue (再解读) follows a published interpretation and says why. */
export function reissueProblems(first: { category: Category; published: boolean }, reason: string): Problem[] {
  const out: Problem[] = [];
  if (first.category !== INTERPRETATION_CATEGORY) out.push(problem('NOT_AN_INTERPRETATION', '只能对政策解读进行再解读'));
  else if (!first.published) out.push(problem('FIRST_NOT_PUBLISHED', '原解读尚未发布，请直接修改原解读'));
  if (blank(reason)) out.push(problem('REISSUE_REASON_REQUIRED', '再解读须说明原因（如出现误读、舆情关切）'));
  return out;
}
