/**
 * The working-day calendar (工作日历): weekends off, public holidays (法定节假日) off, and the
 * announced make-up working days (调休) on, as the State Council publishes them each year.
 * Official data comes from `chinese-days` (calendar.official.ts); admins edit single days
 * and mark years they completed by hand, because the official data stops at its last year.
 */

import { utcFieldsDate } from './clock.ts';

declare const isoDateBrand: unique symbol;
/** A calendar date 'YYYY-MM-DD' as seen on a wall calendar in China; it has no time zone. */
export type IsoDate = string & { readonly [isoDateBrand]: true };

export type DayKind = {
  working: boolean;
  reason: 'weekday' | 'weekend' | 'holiday' | 'makeup';
  /** e.g. 春节 for the Spring Festival holiday or its make-up working days. */
  name?: string;
  /** rule = the plain weekday/weekend rule, no data about this day. */
  source: 'rule' | 'official' | 'edited';
};

export interface WorkCalendar {
  day(date: IsoDate): DayKind;
  /** Whether the holidays of this year are known (official data, or completed by an admin). */
  covers(year: number): boolean;
}

/** Date → Chinese holiday name (春节, 国庆节…). */
export type OfficialData = { holidays: Record<string, string>; workdays: Record<string, string> };

/** normal = back to the weekend rule, cancelling official data for that date. */
export type CalendarOverride = { date: IsoDate; kind: 'holiday' | 'workday' | 'normal'; name?: string };

// A calendar date is handled as UTC midnight: UTC days all last exactly 24 hours, so date
// arithmetic never depends on the server's own time zone. Instants are converted to
// Asia/Shanghai dates in deadline.ts, never here.
const DAY_MS = 86_400_000;
const utcMidnight = (date: IsoDate): Date => new Date(`${date}T00:00:00Z`);
const fromUtc = (d: Date): IsoDate => utcFieldsDate(d) as IsoDate;

export function isIsoDate(s: string): s is IsoDate {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  // Date rolls 2025-02-30 over to March: the round trip catches that.
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && fromUtc(new Date(t)) === s;
}

export function isoDate(s: string): IsoDate {
  if (!isIsoDate(s)) throw new RangeError(`不是有效日期（应为 YYYY-MM-DD）：${s}`);
  return s;
}

export function shiftDate(date: IsoDate, days: number): IsoDate {
  return fromUtc(new Date(utcMidnight(date).getTime() + days * DAY_MS));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return utcMidnight(date).getUTCDay();
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
/** '2026-02-14（星期六）', the way dates appear in every explanation. */
export function withWeekday(date: IsoDate): string {
  return `${date}（${WEEKDAY_NAMES[weekday(date)]}）`;
}

function weekendRule(date: IsoDate, source: DayKind['source']): DayKind {
  const weekend = weekday(date) === 0 || weekday(date) === 6;
  return { working: !weekend, reason: weekend ? 'weekend' : 'weekday', source };
}

function editedDay(o: CalendarOverride): DayKind {
  const name = o.name === undefined ? {} : { name: o.name };
  if (o.kind === 'normal') return weekendRule(o.date, 'edited');
  if (o.kind === 'holiday') return { working: false, reason: 'holiday', ...name, source: 'edited' };
  const rule = weekendRule(o.date, 'edited');
  return { working: true, reason: rule.working ? 'weekday' : 'makeup', ...name, source: 'edited' };
}

export function officialYears(data: OfficialData): number[] {
  const dates = [...Object.keys(data.holidays), ...Object.keys(data.workdays)];
  return [...new Set(dates.map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
}

export function buildCalendar(input: {
  official: OfficialData;
  overrides: CalendarOverride[];
  coveredYears: number[];
}): WorkCalendar {
  const { official } = input;
  const edited = new Map(input.overrides.map((o) => [o.date, editedDay(o)]));
  const covered = new Set([...officialYears(official), ...input.coveredYears]);
  return {
    covers: (year) => covered.has(year),
    day(date) {
      const edit = edited.get(date);
      if (edit) return edit;
      const holiday = official.holidays[date];
      if (holiday !== undefined) return { working: false, reason: 'holiday', name: holiday, source: 'official' };
      const makeup = official.workdays[date];
      if (makeup !== undefined) return { working: true, reason: 'makeup', name: makeup, source: 'official' };
      return weekendRule(date, 'rule');
    },
  };
}
