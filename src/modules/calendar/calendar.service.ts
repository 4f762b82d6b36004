import { isoNow, type Clock } from '../../core/clock.ts';
import { badRequest } from '../../core/errors.ts';
import { buildCalendar, isoDate, shiftDate, type CalendarOverride, type IsoDate, type WorkCalendar } from '../../core/calendar.ts';
import { officialCalendarData } from '../../core/calendar.official.ts';
import { addWorkdays, countWorkdays, yearsTouched } from '../../core/workdays.ts';
import type { Db, Tx } from '../../db/database.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { auditActor, type Actor } from '../auth/actor.ts';
import { requireCityRole } from '../org/city.ts';

export type Deps = { db: Db; clock: Clock };

const official = officialCalendarData();

/** The calendar every deadline uses: the State Council's data as packaged, with administrators' edits on top. */
export async function loadCalendar(db: Tx): Promise<WorkCalendar> {
  const [days, years] = await Promise.all([
    db.selectFrom('calendar_days').select(['date', 'kind', 'name']).execute(),
    db.selectFrom('calendar_years').select('year').execute(),
  ]);
  const overrides: CalendarOverride[] = days.map((d) => ({ date: isoDate(d.date), kind: d.kind, name: d.name }));
  return buildCalendar({ official, overrides, coveredYears: years.map((y) => y.year) });
}

export type CalendarDayView = { date: string; kind: 'holiday' | 'workday' | 'normal'; name: string; source: 'official' | 'edited' };
export type CalendarYearView = { year: number; covered: boolean; source: 'official' | 'edited' | 'none'; days: CalendarDayView[] };

function datesOf(year: number): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = isoDate(`${year}-01-01`); d.startsWith(`${year}-`); d = shiftDate(d, 1)) out.push(d);
  return out;
}

/** The days of a year that differ from the plain weekend rule, and where each comes from. */
export async function calendarYear(db: Db, year: number): Promise<CalendarYearView> {
  const cal = await loadCalendar(db);
  const days: CalendarDayView[] = [];
  for (const date of datesOf(year)) {
    const day = cal.day(date);
    if (day.source === 'rule') continue;
    const kind = day.reason === 'holiday' ? 'holiday' : day.reason === 'makeup' ? 'workday' : 'normal';
    days.push({ date, kind, name: day.name ?? '', source: day.source });
  }
  const hasOfficial = days.some((d) => d.source === 'official');
  const source = hasOfficial ? 'official' : cal.covers(year) || days.length ? 'edited' : 'none';
  return { year, covered: cal.covers(year), source, days };
}

export async function setCalendarDay(deps: Deps, actor: Actor, date: string, kind: CalendarDayView['kind'], name: string): Promise<CalendarDayView> {
  const day = parseDate(date);
  const { agencyId, role } = await requireCityRole(deps.db, actor, 'sys_admin');
  return deps.db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('calendar_days').selectAll().where('date', '=', day).executeTakeFirst();
    const row = { kind, name, updated_by: actor.userId, updated_at: isoNow(deps.clock) };
    await tx.insertInto('calendar_days').values({ date: day, ...row }).onConflict((oc) => oc.column('date').doUpdateSet(row)).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId, action: 'calendar.day.set', entityType: 'calendar_day', entityId: day, before: before ?? null, after: { date: day, kind, name }, ip: actor.ip });
    return { date: day, kind, name, source: 'edited' };
  });
}

export async function coverYear(deps: Deps, actor: Actor, year: number): Promise<CalendarYearView> {
  const { agencyId, role } = await requireCityRole(deps.db, actor, 'sys_admin');
  await deps.db.transaction().execute(async (tx) => {
    const row = { covered_by: actor.userId, covered_at: isoNow(deps.clock) };
    await tx.insertInto('calendar_years').values({ year, ...row }).onConflict((oc) => oc.column('year').doUpdateSet(row)).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId, action: 'calendar.year.cover', entityType: 'calendar_year', entityId: String(year), after: { year }, ip: actor.ip });
  });
  return calendarYear(deps.db, year);
}

function parseDate(s: string): IsoDate {
  try {
    return isoDate(s);
  } catch {
    throw badRequest('DATE_INVALID', `日期 ${s} 无效，应为 YYYY-MM-DD 格式的真实日期`);
  }
}

const provisionalYears = (cal: WorkCalendar, from: IsoDate, to: IsoDate) => yearsTouched(from, to).filter((y) => !cal.covers(y));

/** The N-th working day after `from` (the first day of a term is never counted). */
export async function workdayAfter(db: Db, from: string, n: number) {
  const start = parseDate(from);
  const cal = await loadCalendar(db);
  const date = addWorkdays(cal, start, n);
  const years = provisionalYears(cal, start, date);
  return { date, provisional: years.length > 0, provisionalYears: years };
}

/** Working days after `from` up to and including `to`. */
export async function workdaysBetween(db: Db, from: string, to: string) {
  const [a, b] = [parseDate(from), parseDate(to)];
  const cal = await loadCalendar(db);
  const years = a <= b ? provisionalYears(cal, a, b) : [];
  return { count: countWorkdays(cal, a, b), provisional: years.length > 0, provisionalYears: years };
}
