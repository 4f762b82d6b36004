import { sql } from 'kysely';
import { chinaDateOf } from '../../core/clock.ts';
import type { Tx } from '../../db/database.ts';
import { syncClocks } from '../interpretation/interpretation.service.ts';
import { ANNUAL_DUE_DAY, annualClockStart } from '../reports/reports.rules.ts';
import { CATALOG_REQUIRED, NUMBERED_KINDS } from './supervision.rules.ts';

/**
 * The figures the platform computes from its records beside each manual score (SUP-2): a
 * registry, so a capability adds its indicator here and every template item can name it.
 */

/** An agency's records over a period of UTC instants [from, to), judged at `now`. */
export type Scope = { agencyId: string; from: string; to: string; now: string };

export type Figure = {
  /** The rate in per cent, or the count for counted indicators; null when there is nothing to judge. */
  value: number | null;
  numerator: number;
  denominator: number;
  /** What the figure counts, in words, and the console list that shows the records behind it. */
  evidence: string;
  path: string | null;
};

export type Indicator = { key: string; label: string; unit: '%' | '件'; higherIsBetter: boolean; compute: (db: Tx, scope: Scope) => Promise<Figure> };

const percent = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : null);

/**
 * Clocks of a kind that fell due in the period (met, or past due and still open), and how
 * many were met by their due moment. Aggregated in SQL on deadlines_agency_due.
 */
export async function clockRate(db: Tx, scope: Scope, subjectType: string | null, rules: readonly string[] | null): Promise<{ due: number; onTime: number }> {
  let q = db.selectFrom('deadlines')
    .select([
      sql<number>`count(*)`.as('due'),
      sql<number>`coalesce(sum(case when met_at is not null and met_at <= due_at then 1 else 0 end), 0)`.as('on_time'),
    ])
    .where('agency_id', '=', scope.agencyId)
    .where('due_at', '>=', scope.from)
    .where('due_at', '<', scope.to)
    .where((eb) => eb.or([eb('met_at', 'is not', null), eb('due_at', '<', scope.now)]));
  if (subjectType) q = q.where('subject_type', '=', subjectType);
  if (rules) q = q.where('rule', 'in', rules);
  const row = await q.executeTakeFirstOrThrow();
  return { due: Number(row.due), onTime: Number(row.on_time) };
}

/** The console's list of the clocks of a kind missed in the scope: the evidence behind an on-time rate. */
const missedList = (scope: Scope, subjectType: string) => {
  const last = chinaDateOf(new Date(Date.parse(scope.to) - 1));
  return `/supervision?tab=clocks&missed=1&agencyId=${scope.agencyId}&subjectType=${subjectType}&from=${chinaDateOf(scope.from)}&to=${last}`;
};

const onTime = (key: string, label: string, subjectType: string, rules: readonly string[], what: string): Indicator => ({
  key, label, unit: '%', higherIsBetter: true,
  compute: async (db, scope) => {
    const { due, onTime: met } = await clockRate(db, scope, subjectType, rules);
    return { value: percent(met, due), numerator: met, denominator: due, evidence: `期内到期的${what}${due}件，按期${met}件`, path: missedList(scope, subjectType) };
  },
});

export const INDICATORS: Indicator[] = [
  onTime('publication_on_time', '主动公开按时率', 'item', ['PUB-3'], '主动公开期限'),
  onTime('replies_on_time', '依申请按期答复率', 'application', ['APP-4'], '答复期限'),
  onTime('messages_on_time', '网民留言按期答复率', 'citizen_message', ['OP-6'], '留言答复期限'),
  {
    // INT-3, INT-5: the interpretation module's own 三同步 rate, over the clocks due in the period.
    key: 'sync_rate', label: '政策解读“三同步”率', unit: '%', higherIsBetter: true,
    compute: async (db, scope) => {
      const { rate } = await syncClocks(db, scope.agencyId, scope.now, scope);
      return { value: percent(rate.onTime, rate.due), numerator: rate.onTime, denominator: rate.due, evidence: `期内到期的政策解读${rate.due}件，按期发布${rate.onTime}件，逾期${rate.late}件`, path: missedList(scope, 'policy_interpretation') };
    },
  },
  {
    // LAW-49: the annual report published by its due day (31 January, or the agency's stricter day).
    key: 'annual_report_on_time', label: '年度报告按时公布率', unit: '%', higherIsBetter: true,
    compute: async (db, scope) => {
      const { due, onTime: met } = await clockRate(db, scope, 'annual_report', ['LAW-49']);
      const unopened = await annualReportsNeverStarted(db, scope);
      const all = due + unopened.length;
      const never = unopened.length ? `，到期未编制${unopened.map((y) => `${y}年度`).join('、')}报告` : '';
      return { value: percent(met, all), numerator: met, denominator: all, evidence: `期内应公布的年度报告${all}份，按时公布${met}份${never}`, path: '/reports/annual' };
    },
  },
  {
    key: 'catalog_completeness', label: '公开目录要素完整率', unit: '%', higherIsBetter: true,
    compute: async (db, scope) => {
      const row = await db.selectFrom('catalog_entries')
        .select([sql<number>`count(*)`.as('all'), sql<number>`coalesce(sum(case when ${INCOMPLETE} then 0 else 1 end), 0)`.as('complete')])
        .where('agency_id', '=', scope.agencyId).executeTakeFirstOrThrow();
      const all = Number(row.all);
      const complete = Number(row.complete);
      return { value: percent(complete, all), numerator: complete, denominator: all, evidence: `目录条目${all}条，${Object.values(CATALOG_REQUIRED).join('、')}齐全（公文另有文号）的${complete}条`, path: '/catalog' };
    },
  },
  {
    key: 'appeal_corrections', label: '复议诉讼被纠错数', unit: '件', higherIsBetter: false,
    compute: async (db, scope) => {
      const rows = await db.selectFrom('application_appeals').innerJoin('applications', 'applications.id', 'application_appeals.application_id')
        .select([sql<number>`count(*)`.as('decided'), sql<number>`coalesce(sum(case when application_appeals.result = 'corrected' then 1 else 0 end), 0)`.as('corrected')])
        .where('applications.agency_id', '=', scope.agencyId).where('application_appeals.result', '!=', 'pending')
        .where('application_appeals.result_on', '>=', chinaDateOf(scope.from)).where('application_appeals.result_on', '<', chinaDateOf(scope.to))
        .executeTakeFirstOrThrow();
      const corrected = Number(rows.corrected);
      return { value: corrected, numerator: corrected, denominator: Number(rows.decided), evidence: `期内审结的复议和诉讼${Number(rows.decided)}件，被纠错${corrected}件`, path: '/applications' };
    },
  },
];

/**
 * The report years whose due day (LAW-49, 31 January) fell in the scope and passed with no
 * clock at all: the agency never started the report, which counts as not on time.
 */
async function annualReportsNeverStarted(db: Tx, scope: Scope): Promise<number[]> {
  const years: number[] = [];
  for (let y = Number(chinaDateOf(scope.from).slice(0, 4)) - 1; y <= Number(chinaDateOf(scope.to).slice(0, 4)); y++) {
    const dueAt = new Date(Date.parse(annualClockStart(y)) + ANNUAL_DUE_DAY * 86_400_000 - 1).toISOString();
    if (dueAt >= scope.from && dueAt < scope.to && dueAt < scope.now) years.push(y);
  }
  if (!years.length) return [];
  const started = await db.selectFrom('deadlines').select('subject_id').where('subject_type', '=', 'annual_report')
    .where('subject_id', 'in', years.map((y) => `${scope.agencyId}:${y}`)).execute();
  return years.filter((y) => !started.some((r) => r.subject_id === `${scope.agencyId}:${y}`));
}

/**
 * A catalog entry lacking one of the elements `missingCatalogElements` names (CAT-1, ATTR-1),
 * as SQL over catalog_entries: the same lists, so the figure and the self-check's findings agree.
 */
export const INCOMPLETE = sql<boolean>`(${sql.join(Object.keys(CATALOG_REQUIRED).map((c) => sql`${sql.ref(c)} = ''`), sql` or `)} or (kind in (${sql.join(NUMBERED_KINDS)}) and doc_number = ''))`;

export const indicatorLabel = (key: string) => INDICATORS.find((i) => i.key === key)?.label ?? key;

export async function computeIndicators(db: Tx, scope: Scope, keys?: readonly string[]): Promise<Record<string, Figure & { label: string; unit: string }>> {
  const out: Record<string, Figure & { label: string; unit: string }> = {};
  for (const i of INDICATORS) if (!keys || keys.includes(i.key)) out[i.key] = { label: i.label, unit: i.unit, ...(await i.compute(db, scope)) };
  return out;
}
