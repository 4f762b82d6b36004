import { sql } from 'kysely';
import { chinaDateTimeOf, chinaToday, isoNow, type Clock } from '../../core/clock.ts';
import { isoDate, shiftDate, weekday } from '../../core/calendar.ts';
import { addWorkdays } from '../../core/workdays.ts';
import { forbidden } from '../../core/errors.ts';
import { offsetOf, type Paging } from '../../core/paging.ts';
import type { Db } from '../../db/database.ts';
import { reach, type Actor } from '../auth/actor.ts';
import { ITEM_ROLES } from '../documents/documents.repo.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { actionLabel } from '../audit/audit.labels.ts';
import { auditGeneration } from '../audit/audit.service.ts';
import { CLOCK_SUBJECTS, subjectLabel, subjectPath } from '../deadlines/subjects.rules.ts';

/**
 * The dashboard (工作台, SUP-1): every open clock of the agencies the user reaches as a
 * traffic light, read generically from the deadlines table, what is overdue and who holds
 * it, on-time rates this month and year and their trend; and, from the audit log, who held
 * each missed clock at which step and for how long (SUP-6).
 */
export type Deps = { db: Db; clock: Clock };

/** The roles that see clocks: each sees the agencies its grants cover (the city's office sees them all). */
export const DASHBOARD_ROLES = ITEM_ROLES;

export function dashboardAgencies(actor: Actor, agencyId?: string): string[] {
  const agencies = [...reach(actor, DASHBOARD_ROLES)];
  if (!agencies.length) throw forbidden();
  if (agencyId === undefined) return agencies;
  if (!agencies.includes(agencyId)) throw forbidden('您无权查看该机关');
  return [agencyId];
}

/** A Beijing date's midnight as a UTC instant: the bounds the SQL compares stored instants with. */
export const chinaMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();
/** The Monday of the Beijing week a date falls in. */
export const mondayOf = (date: string) => shiftDate(isoDate(date), -((weekday(isoDate(date)) + 6) % 7));

export type Light = 'red' | 'yellow' | 'green';

/** The instants that split open clocks into lights: past due is red, due within 3 working days yellow. */
async function lightBounds(deps: Deps) {
  const now = isoNow(deps.clock);
  const cal = await loadCalendar(deps.db);
  const warnDate = addWorkdays(cal, isoDate(chinaToday(deps.clock)), 3);
  return { now, warn: chinaMidnight(shiftDate(warnDate, 1)) };
}

const lightCase = (b: { now: string; warn: string }) => sql<Light>`case when due_at < ${b.now} then 'red' when due_at < ${b.warn} then 'yellow' else 'green' end`;

/**
 * The dashboard of a set of agencies, kept for the minute it was read in and only while no
 * audited write happened anywhere (every change of data commits with its audit event): the
 * lights move with the clock, everything else with the data.
 */
const cache = new Map<string, Promise<DashboardView>>();
const CACHE_ENTRIES = 200;

export type DashboardView = Awaited<ReturnType<typeof computeDashboard>>;

export async function dashboard(deps: Deps, actor: Actor, filter: { agencyId?: string | undefined }): Promise<DashboardView> {
  const agencies = dashboardAgencies(actor, filter.agencyId).sort();
  const key = `${agencies.join(',')}|${await auditGeneration(deps.db)}|${chinaDateTimeOf(isoNow(deps.clock))}`;
  const hit = cache.get(key);
  if (hit) return hit;
  if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  const view = computeDashboard(deps, agencies);
  cache.set(key, view);
  view.catch(() => cache.delete(key));
  return view;
}

async function computeDashboard(deps: Deps, agencies: string[]) {
  const bounds = await lightBounds(deps);
  const today = chinaToday(deps.clock);
  const [year, month] = today.split('-') as [string, string];

  // Grouped over a derived table: PostgreSQL does not match a CASE with bound parameters in GROUP BY.
  const open = await deps.db
    .selectFrom(deps.db.selectFrom('deadlines').select(['subject_type', lightCase(bounds).as('light')]).where('met_at', 'is', null).where('agency_id', 'in', agencies).as('d'))
    .select(['d.subject_type', 'd.light', sql<number>`count(*)`.as('n')])
    .groupBy(['d.subject_type', 'd.light'])
    .execute();
  const kinds = [...new Set(open.map((r) => r.subject_type))].sort();
  const lights = kinds.map((type) => {
    const count = (light: Light) => Number(open.find((r) => r.subject_type === type && r.light === light)?.n ?? 0);
    return { subjectType: type, label: subjectLabel(type), red: count('red'), yellow: count('yellow'), green: count('green') };
  });

  // Twelve months of clocks by the month they fell due, Beijing time, in one grouped query.
  const months = Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(Number(year), Number(month) - 1 - (11 - i), 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
  const bucketStarts = months.map((m) => chinaMidnight(`${m}-01`));
  const nextMonth = new Date(Date.UTC(Number(year), Number(month), 1));
  const end = chinaMidnight(`${nextMonth.getUTCFullYear()}-${String(nextMonth.getUTCMonth() + 1).padStart(2, '0')}-01`);
  const bucket = sql<number>`case ${sql.join(bucketStarts.slice(1).map((s, i) => sql`when due_at < ${s} then ${i}`), sql` `)} else 11 end`;
  const judged = deps.db.selectFrom('deadlines')
    .select([bucket.as('bucket'), sql<number>`case when met_at is not null and met_at <= due_at then 1 else 0 end`.as('on_time')])
    .where('agency_id', 'in', agencies).where('due_at', '>=', bucketStarts[0]!).where('due_at', '<', end)
    .where((eb) => eb.or([eb('met_at', 'is not', null), eb('due_at', '<', bounds.now)]));
  const trendRows = await deps.db.selectFrom(judged.as('d'))
    .select(['d.bucket', sql<number>`count(*)`.as('due'), sql<number>`sum(d.on_time)`.as('on_time')])
    .groupBy('d.bucket')
    .execute();
  const trend = months.map((m, i) => {
    const r = trendRows.find((t) => Number(t.bucket) === i);
    const due = Number(r?.due ?? 0);
    const onTime = Number(r?.on_time ?? 0);
    return { month: m, due, onTime, late: due - onTime, rate: rateOf(onTime, due) };
  });
  const sum = (rows: typeof trend) => {
    const due = rows.reduce((n, r) => n + r.due, 0);
    const onTime = rows.reduce((n, r) => n + r.onTime, 0);
    return { due, onTime, late: due - onTime, rate: rateOf(onTime, due) };
  };

  const perAgency = await deps.db.selectFrom('deadlines').innerJoin('agencies', 'agencies.id', 'deadlines.agency_id')
    .select(['agencies.id', 'agencies.name', 'agencies.code', sql<number>`count(*)`.as('open'), sql<number>`coalesce(sum(case when due_at < ${bounds.now} then 1 else 0 end), 0)`.as('overdue')])
    .where('deadlines.met_at', 'is', null).where('deadlines.agency_id', 'in', agencies)
    .groupBy(['agencies.id', 'agencies.name', 'agencies.code']).orderBy('agencies.code')
    .execute();

  return {
    now: bounds.now,
    agencyCount: agencies.length,
    lights,
    open: lights.reduce((n, l) => n + l.red + l.yellow + l.green, 0),
    overdue: lights.reduce((n, l) => n + l.red, 0),
    month: sum(trend.slice(-1)),
    year: sum(trend.filter((t) => t.month.startsWith(`${year}-`))),
    trend,
    agencies: perAgency.map((a) => ({ agencyId: a.id, agency: a.name, open: Number(a.open), overdue: Number(a.overdue) })),
    selfChecks: await missingSelfChecks(deps, agencies),
  };
}

const rateOf = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : null);

/** SUP-4: the units that have not finished last week's check (a week not checked shows). */
export async function missingSelfChecks(deps: Deps, agencies: string[]) {
  const week = shiftDate(mondayOf(chinaToday(deps.clock)), -7);
  const units = await deps.db.selectFrom('units').innerJoin('agencies', 'agencies.id', 'units.agency_id')
    .leftJoin('sup_self_checks', (j) => j.onRef('sup_self_checks.unit_id', '=', 'units.id').on('sup_self_checks.week', '=', week).on('sup_self_checks.state', '=', 'done'))
    .select(['units.id', 'units.name', 'agencies.name as agency'])
    .where('units.agency_id', 'in', agencies).where('units.status', '=', 'active').where('sup_self_checks.id', 'is', null)
    .orderBy('agencies.code').orderBy('units.name')
    .execute();
  return { week, missing: units.map((u) => ({ unitId: u.id, unit: u.name, agency: u.agency })) };
}

export type ClockFilter = { agencyId?: string | undefined; light?: Light | undefined; subjectType?: string | undefined; missed?: boolean | undefined; from?: string | undefined; to?: string | undefined };

/** The list behind each number of the dashboard: open clocks by light and kind, or the clocks missed in a period. */
export async function listClocks(deps: Deps, actor: Actor, filter: ClockFilter, page: Paging) {
  const agencies = dashboardAgencies(actor, filter.agencyId);
  const bounds = await lightBounds(deps);
  let q = deps.db.selectFrom('deadlines').innerJoin('agencies', 'agencies.id', 'deadlines.agency_id').where('deadlines.agency_id', 'in', agencies);
  if (filter.subjectType) q = q.where('deadlines.subject_type', '=', filter.subjectType);
  if (filter.missed) {
    q = q.where((eb) => eb.or([eb('deadlines.met_at', '>', eb.ref('deadlines.due_at')), eb.and([eb('deadlines.met_at', 'is', null), eb('deadlines.due_at', '<', bounds.now)])]));
    if (filter.from) q = q.where('deadlines.due_at', '>=', chinaMidnight(filter.from));
    if (filter.to) q = q.where('deadlines.due_at', '<', chinaMidnight(shiftDate(isoDate(filter.to), 1)));
  } else {
    q = q.where('deadlines.met_at', 'is', null);
    if (filter.light === 'red') q = q.where('deadlines.due_at', '<', bounds.now);
    if (filter.light === 'yellow') q = q.where('deadlines.due_at', '>=', bounds.now).where('deadlines.due_at', '<', bounds.warn);
    if (filter.light === 'green') q = q.where('deadlines.due_at', '>=', bounds.warn);
  }
  const total = Number((await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q.select(['deadlines.id', 'deadlines.agency_id', 'deadlines.subject_type', 'deadlines.subject_id', 'deadlines.rule', 'deadlines.due_at', 'deadlines.met_at', 'deadlines.created_at', 'agencies.name as agency'])
    .orderBy('deadlines.due_at').orderBy('deadlines.id').limit(page.pageSize).offset(offsetOf(page)).execute();
  const holders = await lastEvents(deps, rows.map((r) => ({ type: r.subject_type, id: r.subject_id })));
  const titles = await subjectTitles(deps, rows.map((r) => ({ type: r.subject_type, id: r.subject_id })));
  const items = rows.map((r) => {
    const holder = holders.get(`${r.subject_type}:${r.subject_id}`);
    return {
      id: r.id, agencyId: r.agency_id, agency: r.agency, subjectType: r.subject_type, subjectLabel: subjectLabel(r.subject_type), subjectId: r.subject_id, path: subjectPath(r.subject_type, r.subject_id),
      title: titles.get(`${r.subject_type}:${r.subject_id}`) ?? null,
      dueAt: r.due_at, due: chinaDateTimeOf(r.due_at), metAt: r.met_at,
      light: (r.met_at ? (r.met_at > r.due_at ? 'red' : 'green') : r.due_at < bounds.now ? 'red' : r.due_at < bounds.warn ? 'yellow' : 'green') as Light,
      holder: holder ? { name: holder.actor_name ?? '系统', role: holder.actor_role, since: holder.at, action: actionLabel(holder.action, r.subject_type) } : null,
    };
  });
  return { ...page, total, items };
}

/** Each subject's title by the registry (CLOCK_SUBJECTS): a column of its table read in one query per kind, or a report's name from its period. */
async function subjectTitles(deps: Deps, subjects: { type: string; id: string }[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [type, subject] of Object.entries(CLOCK_SUBJECTS)) {
    if (!('title' in subject)) continue;
    const ids = subjects.filter((s) => s.type === type).map((s) => s.id);
    if (!ids.length) continue;
    const { title } = subject;
    if ('ofPeriod' in title) {
      for (const id of ids) out.set(`${type}:${id}`, title.ofPeriod(id.slice(id.lastIndexOf(':') + 1)));
      continue;
    }
    const rows = await deps.db.selectFrom(title.table).select(['id', sql<string>`${sql.ref(title.column)}`.as('title')]).where('id', 'in', ids).execute();
    for (const r of rows) out.set(`${type}:${r.id}`, r.title);
  }
  return out;
}

type Event = { entity_type: string; entity_id: string | null; at: string; actor_name: string | null; actor_role: string | null; action: string };

/** The last recorded event of each subject: whoever acted last holds the case (audit_events_entity). */
async function lastEvents(deps: Deps, subjects: { type: string; id: string }[]): Promise<Map<string, Event>> {
  const out = new Map<string, Event>();
  if (!subjects.length) return out;
  const rows = await deps.db.selectFrom('audit_events').select(['entity_type', 'entity_id', 'at', 'actor_name', 'actor_role', 'action'])
    .where((eb) => eb.or(subjects.map((s) => eb.and([eb('entity_type', '=', s.type), eb('entity_id', '=', s.id)]))))
    .orderBy('at').execute();
  for (const r of rows) out.set(`${r.entity_type}:${r.entity_id}`, r);
  return out;
}

/**
 * SUP-6: for every clock missed in the period, the steps of its case from the audit log —
 * who acted, in which role, and how long the case stayed with them until the next step
 * (the last holder until it was met, or until now if it is still open).
 */
export async function accountability(deps: Deps, actor: Actor, filter: { agencyId?: string | undefined; from: string; to: string }, page: Paging) {
  const missed = await listClocks(deps, actor, { ...filter, missed: true }, page);
  const now = isoNow(deps.clock);
  const rows = missed.items.length
    ? await deps.db.selectFrom('audit_events').select(['entity_type', 'entity_id', 'at', 'actor_name', 'actor_role', 'action'])
      .where((eb) => eb.or(missed.items.map((s) => eb.and([eb('entity_type', '=', s.subjectType), eb('entity_id', '=', s.subjectId)]))))
      .orderBy('at').execute()
    : [];
  const items = missed.items.map((clock) => {
    const events = rows.filter((e) => e.entity_type === clock.subjectType && e.entity_id === clock.subjectId && e.at <= (clock.metAt ?? now));
    const steps = events.map((e, i) => {
      const until = events[i + 1]?.at ?? clock.metAt ?? now;
      return { at: e.at, when: chinaDateTimeOf(e.at), actor: e.actor_name ?? '系统', role: e.actor_role, action: actionLabel(e.action, e.entity_type), hours: Math.round((Date.parse(until) - Date.parse(e.at)) / 360_000) / 10, pastDue: until > clock.dueAt };
    });
    const lateHours = Math.round((Date.parse(clock.metAt ?? now) - Date.parse(clock.dueAt)) / 360_000) / 10;
    return { ...clock, lateHours, steps };
  });
  return { ...missed, items };
}

/** The most missed clocks one accountability export traces; a larger period is narrowed by agency or dates first. */
export const ACCOUNTABILITY_EXPORT_LIMIT = 2_000;
