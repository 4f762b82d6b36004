import type { WorkCalendar } from '../../core/calendar.ts';
import { isoNow, type Clock } from '../../core/clock.ts';
import { computeDeadline, explainDeadline, type DeadlineSpec, type DeadlineView } from '../../core/deadline.ts';
import { newId } from '../../core/ids.ts';
import type { Tx } from '../../db/database.ts';
import type { DeadlineTable } from '../documents/documents.tables.ts';

/**
 * Deadlines as stored records (DESIGN.md: every deadline is stored with the rule that set it,
 * its start, pauses and extension). One open deadline per subject and rule; meeting it keeps
 * the row as the record of when it was met.
 */
export type Subject = { agencyId: string; type: string; id: string };

export async function openDeadline(tx: Tx, subject: Omit<Subject, 'agencyId'>, rule: string): Promise<DeadlineTable | undefined> {
  return tx
    .selectFrom('deadlines')
    .selectAll()
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .where('rule', '=', rule)
    .where('met_at', 'is', null)
    .executeTakeFirst();
}

/** Starts (or replaces) the open deadline of `spec.rule` for a subject. */
export async function setDeadline(tx: Tx, cal: WorkCalendar, clock: Clock, subject: Subject, spec: DeadlineSpec): Promise<DeadlineView> {
  const view = computeDeadline(cal, spec, isoNow(clock));
  const existing = await openDeadline(tx, subject, spec.rule);
  const values = { spec_json: JSON.stringify(spec), due_at: view.dueAt };
  if (existing) await tx.updateTable('deadlines').set(values).where('id', '=', existing.id).execute();
  else {
    await tx
      .insertInto('deadlines')
      .values({ id: newId(), agency_id: subject.agencyId, subject_type: subject.type, subject_id: subject.id, rule: spec.rule, ...values, met_at: null, created_at: isoNow(clock) })
      .execute();
  }
  return view;
}

export async function meetDeadline(tx: Tx, subject: Omit<Subject, 'agencyId'>, rule: string, at: string): Promise<void> {
  const open = await openDeadline(tx, subject, rule);
  if (!open) return;
  const spec = { ...(JSON.parse(open.spec_json) as DeadlineSpec), metAt: at };
  await tx.updateTable('deadlines').set({ met_at: at, spec_json: JSON.stringify(spec) }).where('id', '=', open.id).execute();
}

export async function dropDeadline(tx: Tx, subject: Omit<Subject, 'agencyId'>, rule: string): Promise<void> {
  await tx.deleteFrom('deadlines').where('subject_type', '=', subject.type).where('subject_id', '=', subject.id).where('rule', '=', rule).where('met_at', 'is', null).execute();
}

export type DeadlinePresentation = Omit<DeadlineView, 'explanation'> & { explanation: string[] };

/**
 * The deadline as lists and pages show it: state, traffic light and its explanation in
 * Chinese, with rules cited as `cite` names them (the law's article by default).
 */
export function presentDeadline(cal: WorkCalendar, row: Pick<DeadlineTable, 'spec_json'>, now: string, cite?: (rule: string) => string): DeadlinePresentation {
  const view = computeDeadline(cal, JSON.parse(row.spec_json) as DeadlineSpec, now);
  return { ...view, explanation: explainDeadline(view, cite) };
}
