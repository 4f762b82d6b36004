import { badRequest } from '../../core/errors.ts';
import type { DocKind } from '../documents/documents.rules.ts';

/**
 * Supervision (监督考评) as pure rules: the assessment templates and their grades (SUP-2,
 * SUP-3), the assessment's states and the weekly self-check's findings (SUP-4, ATTR-10, CAT-1).
 * The names of every kind of clock are deadlines/subjects.rules.ts's, shared with notifications.
 */

export const ASSESSMENT_KINDS = { self: '自评', spot: '半年抽查', year_end: '年终考核' } as const;
export type AssessmentKind = keyof typeof ASSESSMENT_KINDS;

export const ASSESSMENT_STATES = { draft: '评分中', signed: '已签署' } as const;
export type AssessmentState = keyof typeof ASSESSMENT_STATES;

/** The moves on an assessment: scores are written while it is a draft, signing closes it. */
export const ASSESSMENT_TRANSITIONS: readonly { from: AssessmentState; action: 'score' | 'sign'; to: AssessmentState }[] = [
  { from: 'draft', action: 'score', to: 'draft' },
  { from: 'draft', action: 'sign', to: 'signed' },
];
export const assessmentActions = (state: AssessmentState) => ASSESSMENT_TRANSITIONS.filter((t) => t.from === state).map((t) => t.action);

/** A scored line of a template; `indicator` names the computed figure the assessor sees beside it. */
export type TemplateItem = { key: string; name: string; max: number; indicator?: string };
export type TemplateArea = { key: string; name: string; items: TemplateItem[] };
export type Grade = { name: string; min: number };
export type TemplateBody = { areas: TemplateArea[]; grades: Grade[] };

/** Seed 001 §考评(核)制度 六: four grades. */
export const GRADES: Grade[] = [
  { name: '优秀', min: 90 },
  { name: '良好', min: 75 },
  { name: '一般', min: 60 },
  { name: '差', min: 0 },
];

/** SUP-2: the six areas of seed 001, each with its questions, scored to 100 and graded. */
export const AREAS_TEMPLATE: TemplateBody = {
  grades: GRADES,
  areas: [
    { key: 'org', name: '组织领导情况', items: [{ key: 'org.lead', name: '指定主管部门，明确分管领导和专人负责', max: 10 }] },
    { key: 'rules', name: '制度规范化建设情况', items: [{ key: 'rules.set', name: '公开、依申请、保密审查、新闻发布、监督和责任追究制度健全', max: 15 }] },
    {
      key: 'guide', name: '公开指南和公开目录编制情况', items: [
        { key: 'guide.catalog', name: '公开目录具体、全面，要素齐全', max: 10, indicator: 'catalog_completeness' },
        { key: 'guide.update', name: '指南和目录及时更新并公布', max: 5 },
      ],
    },
    { key: 'scope', name: '公开的范围情况', items: [{ key: 'scope.full', name: '主动公开内容符合条例要求、没有漏项，未公开不应公开的信息', max: 20 }] },
    {
      key: 'manner', name: '公开的方式和程序情况', items: [
        { key: 'manner.publish', name: '在规定时间内主动公开', max: 10, indicator: 'publication_on_time' },
        { key: 'manner.reply', name: '在规定期限内答复申请', max: 10, indicator: 'replies_on_time' },
        { key: 'manner.fees', name: '未违规收费，未以有偿服务提供信息', max: 5 },
      ],
    },
    {
      key: 'oversight', name: '监督和保障情况', items: [
        { key: 'oversight.review', name: '定期考核评议，按时公布年度报告，依法追究责任', max: 10, indicator: 'annual_report_on_time' },
        { key: 'oversight.appeals', name: '复议诉讼中未被纠错', max: 5, indicator: 'appeal_corrections' },
      ],
    },
  ],
};

/** SUP-3: seed 002's self-evaluation, organisation 15, rules 10, daily work 75. */
export const POINTS_TEMPLATE: TemplateBody = {
  grades: GRADES,
  areas: [
    {
      key: 'org', name: '组织推进情况', items: [
        { key: 'org.group', name: '成立领导小组，明确分管领导', max: 8 },
        { key: 'org.staff', name: '领导小组办公室和专人负责', max: 7 },
      ],
    },
    {
      key: 'rules', name: '制度建设情况', items: [
        { key: 'rules.guide', name: '公开指南和公开目录', max: 5 },
        { key: 'rules.secrecy', name: '保密审查等工作制度', max: 5 },
      ],
    },
    {
      key: 'daily', name: '日常工作情况', items: [
        { key: 'daily.publish', name: '主动公开及时', max: 20, indicator: 'publication_on_time' },
        { key: 'daily.catalog', name: '目录和指南编制、更新', max: 10, indicator: 'catalog_completeness' },
        { key: 'daily.reply', name: '依申请公开按期答复', max: 20, indicator: 'replies_on_time' },
        { key: 'daily.messages', name: '网民留言按期答复', max: 10, indicator: 'messages_on_time' },
        { key: 'daily.reports', name: '月度报告和年度报告按时报送公布', max: 10, indicator: 'annual_report_on_time' },
        { key: 'daily.appeals', name: '复议诉讼中未被纠错', max: 5, indicator: 'appeal_corrections' },
      ],
    },
  ],
};

export const BUILT_IN_TEMPLATES = [
  { id: 'tpl-areas-1', family: 'areas', name: '政府信息公开考评（六个方面）', body: AREAS_TEMPLATE },
  { id: 'tpl-points-1', family: 'points', name: '政府信息公开工作自评（组织15·制度10·日常75）', body: POINTS_TEMPLATE },
] as const;

export const maxOf = (body: TemplateBody) => body.areas.reduce((n, a) => n + a.items.reduce((m, i) => m + i.max, 0), 0);

/** A template an agency writes must be whole: distinct keys, positive maxima, grades from high to low ending at 0. */
export function checkTemplate(body: TemplateBody): TemplateBody {
  const keys = body.areas.flatMap((a) => [a.key, ...a.items.map((i) => i.key)]);
  if (!body.areas.length || body.areas.some((a) => !a.items.length)) throw badRequest('TEMPLATE_EMPTY', '每个考评方面至少要有一个评分项');
  if (new Set(keys).size !== keys.length) throw badRequest('TEMPLATE_KEYS', '考评方面和评分项的编号不能重复');
  if (body.areas.some((a) => a.items.some((i) => !(i.max > 0)))) throw badRequest('TEMPLATE_MAX', '每个评分项的分值必须大于0');
  const mins = body.grades.map((g) => g.min);
  if (!mins.length || mins.at(-1) !== 0 || mins.some((m, i) => i > 0 && m >= mins[i - 1]!)) throw badRequest('TEMPLATE_GRADES', '等次的分数线须从高到低排列，最后一档从0分起');
  return body;
}

export type Scores = Record<string, { score: number; note: string }>;

/** The scores checked against the template: every key known, every score within 0…max. */
export function checkScores(body: TemplateBody, scores: Scores): Scores {
  const items = new Map(body.areas.flatMap((a) => a.items).map((i) => [i.key, i]));
  for (const [key, s] of Object.entries(scores)) {
    const item = items.get(key);
    if (!item) throw badRequest('SCORE_UNKNOWN_ITEM', '评分项不属于本考评模板');
    if (!(s.score >= 0 && s.score <= item.max)) throw badRequest('SCORE_OUT_OF_RANGE', `“${item.name}”的得分应在0至${item.max}分之间`);
  }
  return scores;
}

/** The total and the grade of a finished scoring; refuses while an item is unscored. */
export function gradeOf(body: TemplateBody, scores: Scores): { total: number; grade: string } {
  const missing = body.areas.flatMap((a) => a.items).filter((i) => scores[i.key] === undefined);
  if (missing.length) throw badRequest('SCORES_INCOMPLETE', `还有${missing.length}个评分项未打分：${missing.map((i) => i.name).join('、')}`);
  const total = Math.round(body.areas.flatMap((a) => a.items).reduce((n, i) => n + scores[i.key]!.score, 0) * 10) / 10;
  const pct = (total / maxOf(body)) * 100;
  return { total, grade: body.grades.find((g) => pct >= g.min)!.name };
}

// ---- weekly self-check (SUP-4, ATTR-10, LAW-18) ----

export const FINDING_KINDS = {
  publication_overdue: '超过20个工作日未公开',
  catalog_incomplete: '目录条目要素不全',
  validity_expired: '已过有效期仍标为有效',
  recheck_due: '不公开信息本年度未复核',
  attachment_broken: '附件文件缺失',
  own: '自查发现',
} as const;
export type FindingKind = keyof typeof FINDING_KINDS;

/** CAT-1 (seed 001 目录 二): what every catalog entry states; its category the schema requires. */
export const CATALOG_REQUIRED = { index_number: '索引号', title: '名称', summary: '内容概述', date_made: '生成日期' } as const;

/**
 * The kinds of item that carry a 文号 (发文字号) and so must show it in the catalog: the official
 * documents of ATTR-1 issued under the agency's number. A 纪要 is numbered by its issue, not
 * by a 文号, and other information (work news, budgets, statistics) has none by nature.
 */
export const NUMBERED_KINDS: readonly DocKind[] = ['order', 'decision', 'announcement', 'notice', 'bulletin', 'report', 'request', 'reply', 'opinion', 'letter'];

export type CatalogFacts = Record<keyof typeof CATALOG_REQUIRED | 'doc_number', string> & { kind: DocKind | 'other' };

/** The names of the elements a catalog entry lacks (CAT-1, ATTR-1); empty when it is complete. */
export function missingCatalogElements(e: CatalogFacts): string[] {
  const missing: string[] = (Object.keys(CATALOG_REQUIRED) as (keyof typeof CATALOG_REQUIRED)[]).filter((k) => !e[k].trim()).map((k) => CATALOG_REQUIRED[k]);
  if (e.kind !== 'other' && NUMBERED_KINDS.includes(e.kind) && !e.doc_number.trim()) missing.push('文号');
  return missing;
}

export const RESOLUTIONS = { fixed: '已整改', explained: '已说明' } as const;
export type Resolution = keyof typeof RESOLUTIONS;
