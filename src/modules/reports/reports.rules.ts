import { chinaDateOf } from '../../core/clock.ts';
import { badRequest } from '../../core/errors.ts';
import { APPEAL_KINDS, APPLICANT_KINDS, OUTCOME_KEYS, OUTCOMES, table3, type AppealKind, type ApplicantKind, type Outcome, type Table3, type Table3Row } from '../applications/applications.rules.ts';
import { CATEGORIES, type Category, type DocKind, type PolicyLevel, type Validity } from '../documents/documents.rules.ts';
import { INTERPRETATION_CATEGORY, syncRate, type ClockOutcome } from '../interpretation/interpretation.rules.ts';
import { isMajor, type RiskLevel } from '../opinion/opinion.rules.ts';
import type { Role } from '../org/org.rules.ts';

/**
 * The annual report (LAW-49/50, 国办公开办函〔2021〕30号) and the monthly report (SUP-5):
 * figures counted from the platform's records (each figure keeps the records behind it),
 * the national template as a grid every output renders the same way (HTML, DOCX, PDF,
 * Excel), the checks, and the report's workflow. Pure.
 */

// ---- workflow ----

export const ANNUAL_STATES = { draft: '草稿', office_review: '公开办审核', leader_approval: '领导审批', published: '已发布' } as const;
export type AnnualState = keyof typeof ANNUAL_STATES;
export type AnnualAction = 'submit' | 'pass' | 'return' | 'approve';
export const ANNUAL_ACTIONS: Record<AnnualAction, string> = { submit: '提交审核', pass: '审核通过，报领导审批', return: '退回修改', approve: '批准并发布' };

const TRANSITIONS: { action: AnnualAction; from: AnnualState; to: AnnualState; roles: readonly Role[] }[] = [
  { action: 'submit', from: 'draft', to: 'office_review', roles: ['office'] },
  { action: 'pass', from: 'office_review', to: 'leader_approval', roles: ['office'] },
  { action: 'return', from: 'office_review', to: 'draft', roles: ['office'] },
  { action: 'return', from: 'leader_approval', to: 'draft', roles: ['leader'] },
  { action: 'approve', from: 'leader_approval', to: 'published', roles: ['leader'] },
];

/** One move of the workflow as the report keeps it. */
export type AnnualStep = { at: string; by: string; role: Role; action: AnnualAction; from: AnnualState; to: AnnualState; opinion: string };

/** The actions a holder of `roles` may take on a report in `state`. */
export const annualActions = (state: AnnualState, roles: readonly Role[]): AnnualAction[] =>
  TRANSITIONS.filter((t) => t.from === state && t.roles.some((r) => roles.includes(r))).map((t) => t.action);

export function annualTransition(state: AnnualState, action: AnnualAction, roles: readonly Role[]): { to: AnnualState; role: Role } {
  const t = TRANSITIONS.find((x) => x.from === state && x.action === action);
  if (!t) throw badRequest('REPORT_ACTION_INVALID', `报告当前为“${ANNUAL_STATES[state]}”，不能“${ANNUAL_ACTIONS[action]}”`);
  const role = t.roles.find((r) => roles.includes(r));
  if (!role) throw badRequest('REPORT_ROLE_MISSING', `“${ANNUAL_ACTIONS[action]}”需由${t.roles.includes('leader') ? '分管领导' : '公开办'}办理`);
  return { to: t.to, role };
}

/** Figures other systems hold (table 2, 第二十条第（五）（六）（八）项), entered by staff. */
export const ENTRY_KEYS = { licence: '行政许可', penalty: '行政处罚', coercive: '行政强制', fee: '行政事业性收费（万元）' } as const;
export type EntryKey = keyof typeof ENTRY_KEYS;
export const isEntryKey = (s: string): s is EntryKey => Object.hasOwn(ENTRY_KEYS, s);

/** LAW-49: due 31 January; an agency may set a stricter day of January. */
export const ANNUAL_DUE_DAY = 31;
/** SUP-5: the monthly report is due on the 5th of the next month. */
export const MONTHLY_DUE_DAY = 5;

/** The annual clock: from 1 January of the year after the report year to the due day. */
export const annualClockStart = (year: number) => new Date(`${year + 1}-01-01T00:00:00+08:00`).toISOString();
/** The monthly clock: from the 1st of the next month to the 5th. */
export function monthlyClockStart(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return new Date(`${next}-01T00:00:00+08:00`).toISOString();
}
export const previousMonth = (today: string): string => {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

// ---- figures ----

/** A record behind a figure, for the list the console opens from the figure. */
export type RecordRef = { type: 'application' | 'item' | 'entry'; id: string; label: string };

/** Every figure by its cell key, with the records counted in it. */
export type Figures = {
  year: number;
  cells: Record<string, number>;
  records: Record<string, RecordRef[]>;
  /** table 2's check: in force last year + made − repealed = in force at year end. */
  stockCheck: { ok: boolean; lines: { kind: 'rules' | 'normative'; last: number; made: number; repealed: number; inForce: number }[] };
  /** table 3's identity: 新收 + 上年结转 = 办理结果总计 + 结转下年度. */
  identity: { ok: boolean; left: number; right: number };
  summary: { published: number; byCategory: Partial<Record<Category, number>>; repliedOnTime: number; replied: number;
    /** Absent from figures frozen before interpretations were counted. */
    interpretations?: number; sync?: SyncFigures;
  };
};

/** 三同步 (INT-3, INT-5) as the interpretation module counts it: policies interpreted on time ÷ those due. */
export type SyncFigures = ReturnType<typeof syncRate>;

export type AppRow = { id: string; label: string; kind: ApplicantKind; receivedAt: string; finishedAt: string | null; outcome: Outcome | null; fee: { amount: number; notifiedAt?: string; paidAt?: string } | null };
export type ItemRow = {
  id: string; label: string; docKind: DocKind | null; policyLevel: PolicyLevel; category: Category; dateMade: string; publishedAt: string | null; validity: Validity; updatedAt: string;
  /** Validity changes in order (repeal, expiry), each at its moment. */
  changes: { at: string; validity: Validity }[];
};
/** An appeal, listed under its application (the records behind a figure open the case). */
export type AppealRow = { id: string; applicationId: string; label: string; kind: AppealKind; filedOn: string; result: 'pending' | 'upheld' | 'corrected' | 'other'; resultOn: string | null };
export type EntryRow = { id: string; key: EntryKey; value: number; source: string; by: string };

/** 规章 are issued as 令; 行政规范性文件 are items of that policy level (LAW-50 table 2). */
export function stockKind(i: Pick<ItemRow, 'docKind' | 'policyLevel'>): 'rules' | 'normative' | null {
  if (i.policyLevel === 'none') return null;
  if (i.docKind === 'order') return 'rules';
  return i.policyLevel === 'normative' ? 'normative' : null;
}

/** The item's validity at the end of a Beijing day; a change with no record counts from the item's last update. */
function validityOn(i: ItemRow, date: string): Validity {
  const changes = i.changes.length || i.validity === 'valid' ? i.changes : [{ at: i.updatedAt, validity: i.validity }];
  let v: Validity = 'valid';
  for (const c of changes) if (chinaDateOf(c.at) <= date) v = c.validity;
  return v;
}
const inForceOn = (i: ItemRow, date: string) => i.publishedAt !== null && chinaDateOf(i.publishedAt) <= date && i.dateMade <= date && validityOn(i, date) === 'valid';
function repealedIn(i: ItemRow, from: string, to: string): boolean {
  const changes = i.changes.length || i.validity === 'valid' ? i.changes : [{ at: i.updatedAt, validity: i.validity }];
  return changes.some((c) => c.validity === 'repealed' && chinaDateOf(c.at) >= from && chinaDateOf(c.at) <= to);
}

const T3_ROWS: Table3Row[] = ['new', 'carried_in', ...OUTCOME_KEYS, 'results_total', 'carried_out'];
const KIND_KEYS = Object.keys(APPLICANT_KINDS) as ApplicantKind[];
export const APPEAL_RESULTS = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结', total: '总计' } as const;
const APPEAL_KEYS = Object.keys(APPEAL_KINDS) as AppealKind[];

/**
 * The year's figures from the records. `lastInForce` is last year's published report's figure
 * when there is one (the check compares with what was reported), else counted from the items.
 */
export function annualFigures(
  year: number,
  data: {
    apps: readonly AppRow[]; items: readonly ItemRow[]; appeals: readonly AppealRow[]; entries: readonly EntryRow[]; onTime: ReadonlySet<string>; lastInForce?: { rules: number; normative: number };
    /** The interpretation clocks of the policies published in the year (LAW-50: 一 总体情况 reports 三同步). */
    syncClocks: readonly ClockOutcome[];
  },
): Figures {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const lastEnd = `${year - 1}-12-31`;
  const cells: Record<string, number> = {};
  const records: Record<string, RecordRef[]> = {};
  const count = (key: string, ref: RecordRef | null, by = 1) => {
    cells[key] = (cells[key] ?? 0) + by;
    if (ref) (records[key] ??= []).push(ref);
  };
  const zero = (key: string) => (cells[key] ??= 0);

  // Table 2 from the items' policy level and validity.
  const last = { rules: 0, normative: 0 };
  for (const k of ['rules', 'normative'] as const) for (const c of ['made', 'repealed', 'inForce']) zero(`t2.${k}.${c}`);
  for (const i of data.items) {
    const kind = stockKind(i);
    if (!kind) continue;
    const ref: RecordRef = { type: 'item', id: i.id, label: i.label };
    if (i.publishedAt !== null && i.dateMade >= from && i.dateMade <= to) count(`t2.${kind}.made`, ref);
    if (repealedIn(i, from, to)) count(`t2.${kind}.repealed`, ref);
    if (inForceOn(i, to)) count(`t2.${kind}.inForce`, ref);
    if (inForceOn(i, lastEnd)) last[kind]++;
  }
  for (const k of Object.keys(ENTRY_KEYS) as EntryKey[]) zero(`t2.${k}`);
  for (const e of data.entries) count(`t2.${e.key}`, { type: 'entry', id: e.id, label: `${e.value}（来源：${e.source}；录入：${e.by}）` }, e.value);
  cells['t2.fee'] = Math.round((cells['t2.fee'] ?? 0) * 10000) / 10000;
  const lastFigures = data.lastInForce ?? last;
  const lines = (['rules', 'normative'] as const).map((kind) => ({ kind, last: lastFigures[kind], made: cells[`t2.${kind}.made`]!, repealed: cells[`t2.${kind}.repealed`]!, inForce: cells[`t2.${kind}.inForce`]! }));

  // Table 3 exactly as the applications' statistic counts it, each application in its cells.
  for (const r of T3_ROWS) for (const k of [...KIND_KEYS, 'total']) zero(`t3.${r}.${k}`);
  const period = { from, to };
  for (const a of data.apps) {
    const one = table3([a], period);
    const ref: RecordRef = { type: 'application', id: a.id, label: a.label };
    for (const r of T3_ROWS) if (one.rows[r][a.kind]) { count(`t3.${r}.${a.kind}`, ref); count(`t3.${r}.total`, ref); }
  }
  const left = cells['t3.new.total']! + cells['t3.carried_in.total']!;
  const right = cells['t3.results_total.total']! + cells['t3.carried_out.total']!;

  // Table 4: appeals decided in the year by result, those still open at its end as 尚未审结.
  for (const k of APPEAL_KEYS) for (const r of Object.keys(APPEAL_RESULTS)) zero(`t4.${k}.${r}`);
  for (const a of data.appeals) {
    if (a.filedOn > to || (a.resultOn !== null && a.result !== 'pending' && a.resultOn < from)) continue;
    const decided = a.result !== 'pending' && a.resultOn !== null && a.resultOn <= to;
    const ref: RecordRef = { type: 'application', id: a.applicationId, label: a.label };
    count(`t4.${a.kind}.${decided ? a.result : 'pending'}`, ref);
    count(`t4.${a.kind}.total`, ref);
  }

  // Part 六: information-processing fees (LAW-42): notices sent, amount noticed, amount collected.
  for (const c of ['notices', 'noticed', 'collected']) zero(`fee.${c}`);
  let replied = 0;
  let repliedOnTime = 0;
  for (const a of data.apps) {
    const ref: RecordRef = { type: 'application', id: a.id, label: a.label };
    const inYear = (at?: string) => at !== undefined && chinaDateOf(at) >= from && chinaDateOf(at) <= to;
    if (a.fee && inYear(a.fee.notifiedAt)) { count('fee.notices', ref); count('fee.noticed', ref, a.fee.amount); }
    if (a.fee && inYear(a.fee.paidAt)) count('fee.collected', ref, a.fee.amount);
    if (a.finishedAt && inYear(a.finishedAt)) { replied++; if (data.onTime.has(a.id)) repliedOnTime++; }
  }

  const byCategory: Partial<Record<Category, number>> = {};
  let published = 0;
  for (const i of data.items) {
    if (i.publishedAt === null || chinaDateOf(i.publishedAt) < from || chinaDateOf(i.publishedAt) > to) continue;
    published++;
    byCategory[i.category] = (byCategory[i.category] ?? 0) + 1;
  }
  return {
    year, cells, records,
    stockCheck: { ok: lines.every((l) => l.last + l.made - l.repealed === l.inForce), lines },
    identity: { ok: left === right, left, right },
    summary: { published, byCategory, repliedOnTime, replied, interpretations: byCategory[INTERPRETATION_CATEGORY] ?? 0, sync: syncRate([...data.syncClocks]) },
  };
}

// ---- the national template as a grid ----

/** One cell of a table as the national template draws it; `key` names the figure it shows. */
export type Cell = { text: string; colspan?: number; rowspan?: number; head?: boolean; key?: string };
export type Grid = { caption: string; rows: Cell[][] };

const h = (text: string, colspan = 1, rowspan = 1): Cell => ({ text, colspan, rowspan, head: true });
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(4).replace(/0+$/, ''));
type Cells = Pick<Figures, 'cells'>;
const v = (f: Cells, key: string, colspan = 1): Cell => ({ text: fmt(f.cells[key] ?? 0), key, colspan });

export type Template = {
  id: string;
  /** The first report year laid out in this format. */
  fromYear: number;
  basis: string;
  parts: { overall: string; proactive: string; applications: string; appeals: string; problems: string; other: string };
  tables: (f: Cells) => { proactive: Grid; applications: Grid; appeals: Grid; fees: Grid };
};

const CN = ['一', '二', '三', '四', '五', '六', '七', '八'];

/** Table 3 of the 2021 format: merged applicant headers, 三、本年度办理结果 with (一)…(七) and 1.…8. */
/** Table 3's figures by cell key, from the applications' statistic. */
export function table3Cells(t: Table3): Record<string, number> {
  return Object.fromEntries(T3_ROWS.flatMap((r) => [...KIND_KEYS, 'total' as const].map((k) => [`t3.${r}.${k}`, t.rows[r][k]])));
}

export function table3Grid2021(f: Cells): Grid {
  const kinds = KIND_KEYS;
  const nums = (row: Table3Row) => [...kinds.map((k) => v(f, `t3.${row}.${k}`)), v(f, `t3.${row}.total`)];
  const groups: { title: string; keys: Outcome[] }[] = [];
  for (const k of OUTCOME_KEYS) {
    const g = OUTCOMES[k].group;
    const last = groups[groups.length - 1];
    if (last && last.title === g) last.keys.push(k);
    else groups.push({ title: g, keys: [k] });
  }
  const resultRows: Cell[][] = [];
  const resultCount = OUTCOME_KEYS.length + 1;
  groups.forEach((g, gi) => {
    const title = `（${CN[gi]}）${g.keys.length === 1 ? OUTCOMES[g.keys[0]!].label : g.title}`;
    if (g.keys.length === 1) resultRows.push([h(title, 2), ...nums(g.keys[0]!)]);
    else g.keys.forEach((k, i) => resultRows.push([...(i === 0 ? [h(title, 1, g.keys.length)] : []), h(`${i + 1}.${OUTCOMES[k].label}`), ...nums(k)]));
  });
  resultRows.push([h(`（${CN[groups.length]}）总计`, 2), ...nums('results_total')]);
  resultRows[0]!.unshift(h('三、本年度办理结果', 1, resultCount));
  return {
    caption: '三、收到和处理政府信息公开申请情况',
    rows: [
      [h('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3, 3), h('申请人情况', 7)],
      [h('自然人', 1, 2), h('法人或其他组织', 5), h('总计', 1, 2)],
      kinds.slice(1).map((k) => h(APPLICANT_KINDS[k])),
      [h('一、本年新收政府信息公开申请数量', 3), ...nums('new')],
      [h('二、上年结转政府信息公开申请数量', 3), ...nums('carried_in')],
      ...resultRows,
      [h('四、结转下年度继续办理', 3), ...nums('carried_out')],
    ],
  };
}

function table2Grid2021(f: Cells): Grid {
  const section = (text: string) => [h(text, 4)];
  return {
    caption: '二、主动公开政府信息情况',
    rows: [
      section('第二十条第（一）项'),
      [h('信息内容'), h('本年制发件数'), h('本年废止件数'), h('现行有效件数')],
      [h('规章'), v(f, 't2.rules.made'), v(f, 't2.rules.repealed'), v(f, 't2.rules.inForce')],
      [h('行政规范性文件'), v(f, 't2.normative.made'), v(f, 't2.normative.repealed'), v(f, 't2.normative.inForce')],
      section('第二十条第（五）项'),
      [h('信息内容'), h('本年处理决定数量', 3)],
      [h('行政许可'), v(f, 't2.licence', 3)],
      section('第二十条第（六）项'),
      [h('信息内容'), h('本年处理决定数量', 3)],
      [h('行政处罚'), v(f, 't2.penalty', 3)],
      [h('行政强制'), v(f, 't2.coercive', 3)],
      section('第二十条第（八）项'),
      [h('信息内容'), h('本年收费金额（单位：万元）', 3)],
      [h('行政事业性收费'), v(f, 't2.fee', 3)],
    ],
  };
}

function table4Grid2021(f: Cells): Grid {
  const results = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
  const heads = () => results.map((r) => h(APPEAL_RESULTS[r]));
  return {
    caption: '四、政府信息公开行政复议、行政诉讼情况',
    rows: [
      [h('行政复议', 5), h('行政诉讼', 10)],
      [...results.map((r) => h(APPEAL_RESULTS[r], 1, 2)), h('未经复议直接起诉', 5), h('复议后起诉', 5)],
      [...heads(), ...heads()],
      (['reconsideration', 'lawsuit_direct', 'lawsuit_after_reconsideration'] as const).flatMap((k) => results.map((r) => v(f, `t4.${k}.${r}`))),
    ],
  };
}

function feesGrid(f: Cells): Grid {
  return {
    caption: '政府信息公开信息处理费',
    rows: [
      [h('发出收费通知的件数'), h('收费通知的金额（元）'), h('实际收取的金额（元）')],
      [v(f, 'fee.notices'), v(f, 'fee.noticed'), v(f, 'fee.collected')],
    ],
  };
}

/** Templates by the first report year they apply to; a future national format is a new entry. */
export const TEMPLATES: readonly Template[] = [
  {
    id: '2021',
    fromYear: 2021,
    basis: '国办公开办函〔2021〕30号',
    parts: {
      overall: '一、总体情况', proactive: '二、主动公开政府信息情况', applications: '三、收到和处理政府信息公开申请情况',
      appeals: '四、政府信息公开行政复议、行政诉讼情况', problems: '五、存在的主要问题及改进情况', other: '六、其他需要报告的事项',
    },
    tables: (f) => ({ proactive: table2Grid2021(f), applications: table3Grid2021(f), appeals: table4Grid2021(f), fees: feesGrid(f) }),
  },
];

export function templateFor(year: number): Template {
  const t = [...TEMPLATES].reverse().find((x) => x.fromYear <= year);
  if (!t) throw badRequest('REPORT_YEAR_UNSUPPORTED', `${year}年度报告没有可用的国家格式（最早为${TEMPLATES[0]!.fromYear}年度）`);
  return t;
}
export const templateById = (id: string): Template => TEMPLATES.find((t) => t.id === id) ?? TEMPLATES[0]!;

// ---- generated text ----

export type Texts = { overall: string; problems: string; other: string };

const pct = (n: number, d: number) => ((n / d) * 100).toFixed(1).replace(/\.0$/, '');

/** The interpretations of a period and their 三同步 rate, as a sentence of the report. */
function syncSentence(interpretations: number, sync: SyncFigures): string {
  const rate = sync.due
    ? `应同步解读的政策文件${sync.due}件，按时解读${sync.onTime}件，“三同步”率${pct(sync.onTime, sync.due)}%`
    : '没有到期应解读的政策文件';
  return `发布政策解读${interpretations}篇，${rate}${sync.running ? `（另有${sync.running}件尚在解读期限内）` : ''}`;
}

/** The text parts' first wording, with the year's figures; staff edit it. */
export function generatedTexts(agencyName: string, f: Figures): Texts {
  const s = f.summary;
  const cats = (Object.entries(s.byCategory) as [Category, number][]).map(([c, n]) => `${CATEGORIES[c]}${n}条`).join('、');
  const c = f.cells;
  return {
    overall:
      `${f.year}年，${agencyName}认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息${s.published}条${cats ? `，其中${cats}` : ''}；` +
      `制发行政规范性文件${c['t2.normative.made']}件，废止${c['t2.normative.repealed']}件，现行有效${c['t2.normative.inForce']}件。` +
      (s.sync ? `全年${syncSentence(s.interpretations ?? 0, s.sync)}。` : '') +
      `全年新收政府信息公开申请${c['t3.new.total']}件，上年结转${c['t3.carried_in.total']}件，办结${c['t3.results_total.total']}件，结转下年度${c['t3.carried_out.total']}件；` +
      (s.replied ? `办结的申请中按期答复${s.repliedOnTime}件，按期答复率${pct(s.repliedOnTime, s.replied)}%。` : '') +
      `发生政府信息公开行政复议${c['t4.reconsideration.total']}件、行政诉讼${(c['t4.lawsuit_direct.total'] ?? 0) + (c['t4.lawsuit_after_reconsideration.total'] ?? 0)}件。`,
    problems: `${f.year}年，本机关政府信息公开工作仍存在公开内容的全面性和解读的针对性有待加强等问题。下一步将加强对重点领域信息公开的统筹，严格落实公开时限，提高依申请公开答复质量。`,
    other:
      `本机关${f.year}年度依据《政府信息公开信息处理费管理办法》发出收费通知${c['fee.notices']}件，收费通知金额${fmt(c['fee.noticed'] ?? 0)}元，` +
      `实际收取信息处理费${fmt(c['fee.collected'] ?? 0)}元。无其他需要报告的事项。`,
  };
}

/** LAW-49/50: what stops a report from going to review. */
export function submitProblems(f: Figures, stockReason: string): string[] {
  const out: string[] = [];
  if (!f.identity.ok) out.push(`表三勾稽关系不成立：新收加上年结转为${f.identity.left}件，办理结果总计加结转下年度为${f.identity.right}件`);
  if (!f.stockCheck.ok && !stockReason.trim()) {
    const bad = f.stockCheck.lines.filter((l) => l.last + l.made - l.repealed !== l.inForce).map((l) => `${l.kind === 'rules' ? '规章' : '行政规范性文件'}：上年现行有效${l.last}件＋本年制发${l.made}件－本年废止${l.repealed}件≠现行有效${l.inForce}件`);
    out.push(`现行有效件数与上年不衔接，请说明原因（${bad.join('；')}）`);
  }
  return out;
}

// ---- the monthly report (SUP-5) ----

export type MonthlyFigures = {
  month: string;
  items: { category: Category; documents: number; others: number; onTime: number; late: number }[];
  applications: { received: number; answered: number; onTime: number; byGroup: Record<string, number> };
  /** Reports submitted before these were counted lack them; they are shown as submitted. */
  interpretations?: { published: number; sync: SyncFigures };
  messages?: MessageFigures;
  opinion?: OpinionFigures;
};

export type MonthlyItemRow = { category: Category; kind: 'document' | 'other'; publishedAt: string; late: boolean };
export type MonthlyAppRow = { receivedAt: string; finishedAt: string | null; outcome: Outcome | null; late: boolean };
/** The citizen messages received in the month as the messages' statistic counts them (OP-6). */
export type MessageFigures = { received: number; answered: number; onTime: number; refused: number; satisfaction: number | null };
/** A public-opinion case found in the month: its risk level, whether and when it was responded to, whether it is closed. */
export type MonthlyCaseRow = { foundAt: string; riskLevel: RiskLevel; respondedAt: string | null; responseDueAt: string | null; closed: boolean };
export type OpinionFigures = { found: number; major: number; responded: number; respondedOnTime: number; closed: number };

/**
 * SUP-5: a month's items published by category and kind, on time and late; applications received,
 * answered, on time, by outcome; interpretations published and the 三同步 rate of the policies
 * published in the month; citizen messages and public-opinion cases.
 */
export function monthlyFigures(
  month: string,
  items: readonly MonthlyItemRow[],
  apps: readonly MonthlyAppRow[],
  more: { syncClocks: readonly ClockOutcome[]; messages: MessageFigures; cases: readonly MonthlyCaseRow[] },
): Required<MonthlyFigures> {
  const inMonth = (at: string | null) => at !== null && chinaDateOf(at).slice(0, 7) === month;
  const byCat = new Map<Category, MonthlyFigures['items'][number]>();
  for (const i of items) {
    if (!inMonth(i.publishedAt)) continue;
    const row = byCat.get(i.category) ?? { category: i.category, documents: 0, others: 0, onTime: 0, late: 0 };
    if (i.kind === 'document') row.documents++;
    else row.others++;
    if (i.late) row.late++;
    else row.onTime++;
    byCat.set(i.category, row);
  }
  const groups = [...new Set(OUTCOME_KEYS.map((k) => OUTCOMES[k].group))];
  const byGroup = Object.fromEntries(groups.map((g) => [g, 0])) as Record<string, number>;
  let received = 0;
  let answered = 0;
  let onTime = 0;
  for (const a of apps) {
    if (inMonth(a.receivedAt)) received++;
    if (inMonth(a.finishedAt) && a.outcome) {
      answered++;
      if (!a.late) onTime++;
      byGroup[OUTCOMES[a.outcome].group]!++;
    }
  }
  const cases = more.cases.filter((c) => inMonth(c.foundAt));
  const responded = cases.filter((c) => c.respondedAt !== null);
  const interpreted = byCat.get(INTERPRETATION_CATEGORY);
  const order = Object.keys(CATEGORIES) as Category[];
  return {
    month,
    items: [...byCat.values()].sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category)),
    applications: { received, answered, onTime, byGroup },
    interpretations: { published: interpreted ? interpreted.documents + interpreted.others : 0, sync: syncRate([...more.syncClocks]) },
    messages: more.messages,
    opinion: {
      found: cases.length,
      major: cases.filter((c) => isMajor(c.riskLevel)).length,
      responded: responded.length,
      respondedOnTime: responded.filter((c) => c.responseDueAt !== null && c.respondedAt! <= c.responseDueAt).length,
      closed: cases.filter((c) => c.closed).length,
    },
  };
}

export function monthlyGrids(f: MonthlyFigures): Grid[] {
  const num = (n: number): Cell => ({ text: String(n) });
  const rate = (n: number, d: number): Cell => ({ text: d ? `${pct(n, d)}%` : '—' });
  const total = f.items.reduce((s, r) => ({ documents: s.documents + r.documents, others: s.others + r.others, onTime: s.onTime + r.onTime, late: s.late + r.late }), { documents: 0, others: 0, onTime: 0, late: 0 });
  const groups = Object.keys(f.applications.byGroup);
  const grids: Grid[] = [
    {
      caption: '一、主动公开信息情况',
      rows: [
        [h('类别', 1, 2), h('公开数量', 2), h('发布时限', 2), h('合计', 1, 2)],
        [h('公文'), h('其他信息'), h('按时'), h('逾期')],
        ...f.items.map((r) => [h(CATEGORIES[r.category]), num(r.documents), num(r.others), num(r.onTime), num(r.late), num(r.documents + r.others)]),
        [h('总计'), num(total.documents), num(total.others), num(total.onTime), num(total.late), num(total.documents + total.others)],
      ],
    },
    {
      caption: '二、依申请公开情况',
      rows: [
        [h('收到申请'), h('办结'), h('按期办结'), ...groups.map((g) => h(g))],
        [num(f.applications.received), num(f.applications.answered), num(f.applications.onTime), ...groups.map((g) => num(f.applications.byGroup[g]!))],
      ],
    },
  ];
  const more: { caption: string; heads: string[]; cells: Cell[] }[] = [];
  if (f.interpretations) {
    const { published, sync } = f.interpretations;
    more.push({
      caption: '政策解读和“三同步”情况',
      heads: ['发布政策解读', '应同步解读的政策文件', '按时解读', '逾期解读', '“三同步”率', '尚在解读期限内'],
      cells: [num(published), num(sync.due), num(sync.onTime), num(sync.late), rate(sync.onTime, sync.due), num(sync.running)],
    });
  }
  if (f.messages) {
    const m = f.messages;
    more.push({
      caption: '网民留言办理情况',
      heads: ['收到留言', '已答复', '按时答复', '不予受理', '满意率'],
      cells: [num(m.received), num(m.answered), num(m.onTime), num(m.refused), { text: m.satisfaction === null ? '—' : `${m.satisfaction}%` }],
    });
  }
  if (f.opinion) {
    const o = f.opinion;
    more.push({
      caption: '政务舆情回应情况',
      heads: ['发现舆情', '其中重大及以上', '已回应', '按时回应', '已办结'],
      cells: [num(o.found), num(o.major), num(o.responded), num(o.respondedOnTime), num(o.closed)],
    });
  }
  more.forEach((m, i) => grids.push({ caption: `${CN[i + 2]}、${m.caption}`, rows: [m.heads.map((x) => h(x)), m.cells] }));
  return grids;
}
