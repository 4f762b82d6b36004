/**
 * Working-day arithmetic over a WorkCalendar. Terms follow Chinese administrative law: the
 * day a term starts is never counted (期间开始的当日不计入), so "n working days from d" is
 * the n-th working day after d.
 */
import { shiftDate, yearOf, type DayKind, type IsoDate, type WorkCalendar } from './calendar.ts';

export type CalendarDay = { date: IsoDate; kind: DayKind };

function requireCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`天数必须是非负整数：${n}`);
}

export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  requireCount(n);
  return shiftDate(date, n);
}

export function isWorkday(cal: WorkCalendar, date: IsoDate): boolean {
  return cal.day(date).working;
}

/** The first working day strictly after `date`. */
export function nextWorkday(cal: WorkCalendar, date: IsoDate): IsoDate {
  let d = shiftDate(date, 1);
  while (!isWorkday(cal, d)) d = shiftDate(d, 1);
  return d;
}

/** The n-th working day after `date`; n = 0 gives `date` itself. */
export function addWorkdays(cal: WorkCalendar, date: IsoDate, n: number): IsoDate {
  requireCount(n);
  let d = date;
  for (let i = 0; i < n; i++) d = nextWorkday(cal, d);
  return d;
}

/** Every day d with from < d ≤ to, with what the calendar says about it. */
export function daysBetween(cal: WorkCalendar, from: IsoDate, to: IsoDate): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let d = shiftDate(from, 1); d <= to; d = shiftDate(d, 1)) days.push({ date: d, kind: cal.day(d) });
  return days;
}

/** The number of working days d with from < d ≤ to (0 when to ≤ from). */
export function countWorkdays(cal: WorkCalendar, from: IsoDate, to: IsoDate): number {
  return daysBetween(cal, from, to).filter((d) => d.kind.working).length;
}

/** The days from < d ≤ to that a working-day term skips, for explanations. */
export function nonWorkingDaysBetween(cal: WorkCalendar, from: IsoDate, to: IsoDate): CalendarDay[] {
  return daysBetween(cal, from, to).filter((d) => !d.kind.working);
}

/** Every calendar year from the earlier date's to the later date's, in order. */
export function yearsTouched(from: IsoDate, to: IsoDate): number[] {
  const [a, b] = [yearOf(from), yearOf(to)].sort((x, y) => x - y) as [number, number];
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}
