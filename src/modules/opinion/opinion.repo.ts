import { isoNow, type Clock } from '../../core/clock.ts';
import { notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Tx } from '../../db/database.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { auditActor, type Actor as Person } from '../auth/actor.ts';
import { meetDeadline } from '../deadlines/deadlines.service.ts';
import type { Role } from '../org/org.rules.ts';
import { RESPONSE_FORMS, clocksMetBy, transitionFor, type ResponseForm, type State } from './opinion.rules.ts';
import type { OpinionCaseTable } from './opinion.tables.ts';

/*
 * What the opinion service and the documents workflow share: the clocks' subjects, the case's
 * steps and audit events, and the hook the publication of a response item calls. Kept apart
 * from the service so the documents module can call the hook without importing the service
 * (which itself drafts items through the documents module).
 */

/** The subject of a case's clocks in the deadlines table, and of a response item's expedited internal clock. */
export const caseSubject = (id: string) => ({ type: 'opinion_case', id });
export const responseItemSubject = (id: string) => ({ type: 'opinion_response_item', id });
/** OP-4: the response item's internal clock (the agency sets its hours). */
export const RESPONSE_ITEM_RULE = 'OP-4';

export async function loadCase(tx: Tx, id: string): Promise<OpinionCaseTable> {
  const row = await tx.selectFrom('opinion_cases').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('舆情');
  return row;
}

export const audit = (tx: Tx, clock: Clock, person: Person | null, role: string | null, row: OpinionCaseTable, action: string, after: unknown) =>
  appendAudit(tx, clock, {
    actor: person ? auditActor(person, role as Role | null) : { id: 'system', name: '系统', role: null }, agencyId: row.agency_id,
    action: `opinion_case.${action}`, entityType: 'opinion_case', entityId: row.id, after, ...(person ? { ip: person.ip } : {}),
  });

export async function addStep(tx: Tx, clock: Clock, row: OpinionCaseTable, who: { person: Person | null; role: string }, action: string, to: State, note = '', data: unknown = null) {
  const last = await tx.selectFrom('opinion_steps').select((eb) => eb.fn.max('seq').as('seq')).where('case_id', '=', row.id).executeTakeFirst();
  await tx.insertInto('opinion_steps').values({
    id: newId(), case_id: row.id, seq: Number(last?.seq ?? 0) + 1, at: isoNow(clock), actor_id: who.person?.userId ?? null, actor_name: who.person?.name ?? '系统', role: who.role,
    action, from_state: row.state, to_state: to, note, data_json: data === null ? null : JSON.stringify(data),
  }).execute();
}

/**
 * Called by the documents workflow in the transaction that publishes an item: a response item
 * records the response on its case and meets the case's response clocks (OP-4).
 */
export async function recordResponsePublished(tx: Tx, clock: Clock, itemId: string): Promise<void> {
  const response = await tx.selectFrom('opinion_responses').selectAll().where('item_id', '=', itemId).where('responded_at', 'is', null).executeTakeFirst();
  if (!response) return;
  const now = isoNow(clock);
  await tx.updateTable('opinion_responses').set({ responded_at: now }).where('id', '=', response.id).execute();
  await meetDeadline(tx, responseItemSubject(itemId), RESPONSE_ITEM_RULE, now);
  const row = await loadCase(tx, response.case_id);
  for (const rule of clocksMetBy(response.form as ResponseForm)) await meetDeadline(tx, caseSubject(row.id), rule, now);
  const t = transitionFor(row.state as State, 'response_published');
  if (!t) return;
  await tx.updateTable('opinion_cases').set({ state: t.to, updated_at: now }).where('id', '=', row.id).execute();
  await addStep(tx, clock, row, { person: null, role: 'system' }, 'response_published', t.to, RESPONSE_FORMS[response.form as ResponseForm], { itemId });
  await audit(tx, clock, null, null, row, 'response_published', { itemId, form: response.form });
}
