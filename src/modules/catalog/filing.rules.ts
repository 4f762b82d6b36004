import { isoDate, shiftDate } from '../../core/calendar.ts';
import { badRequest, conflict } from '../../core/errors.ts';

/**
 * Catalog filing (目录备案, CAT-2): each calendar quarter the office files the catalog entries
 * of the proactive items published in it and reports them to the leading group. A period is
 * written `2026Q3` in the API and 2026年第三季度 to people; days are Beijing dates.
 */

export type Quarter = { year: number; quarter: 1 | 2 | 3 | 4 };

const PERIOD = /^(\d{4})Q([1-4])$/;
const QUARTER_NAMES = ['一', '二', '三', '四'] as const;

export function parsePeriod(period: string): Quarter {
  const m = PERIOD.exec(period);
  if (!m) throw badRequest('PERIOD_INVALID', '备案期应写作年份加季度，如 2026Q3');
  return { year: Number(m[1]), quarter: Number(m[2]) as Quarter['quarter'] };
}

const periodOf = ({ year, quarter }: Quarter) => `${year}Q${quarter}`;

export const periodLabel = (period: string) => {
  const { year, quarter } = parsePeriod(period);
  return `${year}年第${QUARTER_NAMES[quarter - 1]}季度`;
};

/** The quarter a Beijing date ('YYYY-MM-DD') falls in. */
export const periodOfDate = (date: string) => periodOf({ year: Number(date.slice(0, 4)), quarter: (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as Quarter['quarter'] });

const nextPeriod = (period: string): string => {
  const { year, quarter } = parsePeriod(period);
  return quarter === 4 ? periodOf({ year: year + 1, quarter: 1 }) : periodOf({ year, quarter: (quarter + 1) as Quarter['quarter'] });
};

const pad = (n: number) => String(n).padStart(2, '0');
const firstDay = (period: string) => {
  const { year, quarter } = parsePeriod(period);
  return `${year}-${pad(quarter * 3 - 2)}-01`;
};

/** First and last Beijing date of the quarter. */
export function periodDates(period: string): { from: string; to: string } {
  return { from: firstDay(period), to: shiftDate(isoDate(firstDay(nextPeriod(period))), -1) };
}

/**
 * The quarter as UTC instants, start inclusive and end exclusive, for comparing stored
 * moments: a quarter begins at midnight Beijing time (UTC+8 all year, no daylight saving).
 */
export function periodInstants(period: string): { start: string; end: string } {
  const at = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();
  return { start: at(firstDay(period)), end: at(firstDay(nextPeriod(period))) };
}

/**
 * The quarters an agency must file by `today`: every quarter that has ended, from the quarter
 * of its first publication on; none before it has published anything.
 */
export function duePeriods(firstPublishedOn: string | null, today: string): string[] {
  if (!firstPublishedOn) return [];
  const out: string[] = [];
  const current = periodOfDate(today);
  for (let p = periodOfDate(firstPublishedOn); p < current; p = nextPeriod(p)) out.push(p);
  return out;
}

/** 未备案: the due quarters not filed yet, oldest first. */
export const unfiledPeriods = (firstPublishedOn: string | null, today: string, filed: readonly string[]): string[] =>
  duePeriods(firstPublishedOn, today).filter((p) => !filed.includes(p));

/** Refuses a filing of `period` unless it is one of the unfiled quarters. */
export function checkFileable(period: string, facts: { firstPublishedOn: string | null; today: string; filed: readonly string[] }): void {
  const label = periodLabel(period);
  if (facts.filed.includes(period)) throw conflict('FILING_EXISTS', `${label}的公开目录已经备案，不能重复备案`);
  if (period >= periodOfDate(facts.today)) {
    throw conflict('PERIOD_NOT_ENDED', `${label}尚未结束（至 ${periodDates(period).to}），季度结束后才能备案`);
  }
  if (!duePeriods(facts.firstPublishedOn, facts.today).includes(period)) {
    throw badRequest('PERIOD_NOT_DUE', `${label}早于本机关首次发布信息的季度，无需备案`);
  }
}

/** The leading-group report is recorded after it happened, so its date cannot be in the future. */
export function checkReportedOn(reportedOn: string | null, today: string): void {
  if (reportedOn && reportedOn > today) throw badRequest('REPORTED_ON_FUTURE', '报送领导小组的日期不能晚于今天');
}
