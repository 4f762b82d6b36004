import { chinaDateOf } from '../../core/clock.ts';
import type { Tx } from '../../db/database.ts';
import { isoDate, type WorkCalendar } from '../../core/calendar.ts';
import { computeDeadline, type DeadlineSpec } from '../../core/deadline.ts';
import { countWorkdays } from '../../core/workdays.ts';
import { badRequest, forbidden } from '../../core/errors.ts';
import { reach, type Actor } from '../auth/actor.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { MESSAGE_RULE, MESSAGE_SUBJECT, RATINGS, type Rating } from './messages.rules.ts';
import { MESSAGE_ROLES, type Deps } from './messages.service.ts';

export type Period = { from: string; to: string };

type Fact = { agencyId: string; answeredAt: string | null; refused: boolean; rating: Rating | null; spec: DeadlineSpec | null };

/**
 * OP-6 statistics of the messages received in a period (Beijing dates): how many were
 * received, answered, answered on time, the average working days from the start of the term
 * to the answer, refusals and the askers' ratings.
 */
export function summarise(cal: WorkCalendar, facts: Fact[]) {
  const answered = facts.filter((f) => f.answeredAt);
  const days = answered.filter((f) => f.spec).map((f) => {
    const view = computeDeadline(cal, { ...f.spec!, metAt: f.answeredAt! }, f.answeredAt!);
    return { workdays: countWorkdays(cal, view.startDate, isoDate(chinaDateOf(f.answeredAt!))), late: view.metLate === true };
  });
  const ratings = Object.fromEntries(Object.keys(RATINGS).map((k) => [k, facts.filter((f) => f.rating === k).length])) as Record<Rating, number>;
  const rated = Object.values(ratings).reduce((a, b) => a + b, 0);
  return {
    received: facts.length,
    answered: answered.length,
    onTime: days.filter((d) => !d.late).length,
    refused: facts.filter((f) => f.refused).length,
    averageWorkdays: days.length ? Math.round((days.reduce((a, d) => a + d.workdays, 0) / days.length) * 10) / 10 : null,
    ratings,
    /** 满意 and 基本满意 among the rated, in per cent. */
    satisfaction: rated ? Math.round(((ratings.satisfied + ratings.basic) / rated) * 1000) / 10 : null,
  };
}

/** The facts of the messages the agencies received in a period (Beijing dates), for `summarise`. */
export async function messageFacts(db: Tx, agencies: readonly string[], period: Period): Promise<Fact[]> {
  const start = new Date(`${period.from}T00:00:00+08:00`).toISOString();
  const end = new Date(`${period.to}T23:59:59.999+08:00`).toISOString();
  const rows = await db.selectFrom('citizen_messages').select(['id', 'agency_id', 'answered_at', 'state', 'rating'])
    .where('agency_id', 'in', agencies).where('received_at', '>=', start).where('received_at', '<=', end).execute();
  const clocks = rows.length
    ? await db.selectFrom('deadlines').select(['subject_id', 'spec_json', 'agency_id']).where('subject_type', '=', MESSAGE_SUBJECT).where('rule', '=', MESSAGE_RULE).where('subject_id', 'in', rows.map((r) => r.id)).execute()
    : [];
  return rows.map((r): Fact => {
    const clock = clocks.find((c) => c.subject_id === r.id && c.agency_id === r.agency_id);
    return { agencyId: r.agency_id, answeredAt: r.answered_at, refused: r.state === 'refused', rating: r.rating, spec: clock ? (JSON.parse(clock.spec_json) as DeadlineSpec) : null };
  });
}

export async function messageStats(deps: Deps, actor: Actor, period: Period) {
  if (period.from > period.to) throw badRequest('PERIOD_INVALID', '起始日期不能晚于截止日期');
  const agencies = [...reach(actor, MESSAGE_ROLES)];
  if (!agencies.length) throw forbidden();
  const facts = await messageFacts(deps.db, agencies, period);
  const names = await deps.db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', agencies).orderBy('code').execute();
  const cal = await loadCalendar(deps.db);
  return {
    period,
    agencies: names.map((a) => ({ agencyId: a.id, agency: a.name, ...summarise(cal, facts.filter((f) => f.agencyId === a.id)) })).filter((a) => a.received > 0 || a.agencyId === actor.agencyId),
    total: summarise(cal, facts),
  };
}
