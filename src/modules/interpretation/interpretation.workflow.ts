import type { Clock } from '../../core/clock.ts';
import type { Tx } from '../../db/database.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { meetDeadline, setDeadline } from '../deadlines/deadlines.service.ts';
import type { Action, Problem } from '../documents/documents.rules.ts';
import type { ItemTable } from '../documents/documents.tables.ts';
import {
  DEFAULT_INTERPRETATION_DAYS, INTERPRETATION_CATEGORY, INTERPRETATION_RULE, interpretationProblems, interpretationSpec, linkProblems, movesTogether,
  mustBeInterpreted, publishOrderProblems, type Checklist, type FormContent, type LinkedPolicy,
} from './interpretation.rules.ts';

/**
 * Where interpretations meet the documents workflow (INT-3, INT-5): the guards an
 * interpretation's moves must pass, the linked interpretations a move on a policy carries
 * along, and the 10-working-day clock a policy's publication starts.
 */

/** The clock's subject: the policy that waits for its interpretation. */
export const interpretationSubject = (policyId: string) => ({ type: 'policy_interpretation', id: policyId });

export async function linkedPolicies(tx: Tx, interpretationId: string): Promise<Array<LinkedPolicy & { publishedAt: string | null }>> {
  const rows = await tx
    .selectFrom('interpretation_links')
    .innerJoin('items', 'items.id', 'interpretation_links.policy_id')
    .select(['items.id', 'items.title', 'items.agency_id', 'items.unit_id', 'items.category', 'items.policy_level', 'items.state', 'items.published_at'])
    .where('interpretation_links.interpretation_id', '=', interpretationId)
    .orderBy('items.title')
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, agencyId: r.agency_id, unitId: r.unit_id, category: r.category, policyLevel: r.policy_level, state: r.state, publishedAt: r.published_at }));
}

/** What an interpretation still lacks for the office check (INT-1, INT-2, INT-6, INT-7); the console shows it to the drafter. */
export async function draftProblems(tx: Tx, row: ItemTable): Promise<Problem[]> {
  const meta = await tx.selectFrom('interpretations').selectAll().where('item_id', '=', row.id).executeTakeFirst();
  const policies = await linkedPolicies(tx, row.id);
  if (!meta) return linkProblems({ agencyId: row.agency_id, unitId: row.unit_id }, []);
  const images = await tx.selectFrom('item_attachments').select('id').where('item_id', '=', row.id).where('kind', 'in', ['png', 'jpeg']).execute();
  return interpretationProblems({
    form: meta.form, content: JSON.parse(meta.content_json) as FormContent, checklist: JSON.parse(meta.checklist_json) as Checklist,
    images: images.length, links: linkProblems({ agencyId: row.agency_id, unitId: row.unit_id }, policies),
  });
}

/**
 * What a move of an interpretation must satisfy besides the documents rules: the office check
 * refuses one that lacks a point of its content or its form's fields; publication waits for
 * the policies (INT-3, INT-5).
 */
export async function interpretationGuard(tx: Tx, row: ItemTable, action: Action): Promise<Problem[]> {
  if (row.category !== INTERPRETATION_CATEGORY) return [];
  if (action === 'pass_check') return draftProblems(tx, row);
  if (action !== 'publish') return [];
  return publishOrderProblems((await linkedPolicies(tx, row.id)).map((p) => ({ title: p.title, published: p.publishedAt !== null })));
}

/** INT-3: the linked interpretations waiting at the policy's step move with it. */
export async function companionsOf(tx: Tx, policy: ItemTable, action: Action): Promise<Array<{ id: string; title: string }>> {
  if (policy.category === INTERPRETATION_CATEGORY || !movesTogether(action)) return [];
  return tx
    .selectFrom('interpretation_links')
    .innerJoin('items', 'items.id', 'interpretation_links.interpretation_id')
    .select(['items.id', 'items.title'])
    .where('interpretation_links.policy_id', '=', policy.id)
    .where('items.state', '=', policy.state)
    .orderBy('items.created_at')
    .execute();
}

/** INT-5: the agency's figure, never looser than the rule's. */
export async function interpretationDays(tx: Tx, agencyId: string): Promise<number> {
  const row = await tx.selectFrom('interpretation_settings').select('days').where('agency_id', '=', agencyId).executeTakeFirst();
  return row ? Math.min(row.days, DEFAULT_INTERPRETATION_DAYS) : DEFAULT_INTERPRETATION_DAYS;
}

/**
 * After a publication (INT-5): a policy's first publication starts its interpretation clock;
 * an interpretation's publication meets the clocks of the policies it explains. A policy
 * published with its interpretation has both in the same transaction: started, then met.
 */
export async function afterPublication(tx: Tx, clock: Clock, item: ItemTable & { published_at: string }): Promise<void> {
  if (item.category === INTERPRETATION_CATEGORY) {
    for (const p of await linkedPolicies(tx, item.id)) await meetDeadline(tx, interpretationSubject(p.id), INTERPRETATION_RULE, item.published_at);
    return;
  }
  if (!mustBeInterpreted({ category: item.category, policyLevel: item.policy_level })) return;
  const subject = interpretationSubject(item.id);
  const started = await tx.selectFrom('deadlines').select('id').where('subject_type', '=', subject.type).where('subject_id', '=', subject.id).where('rule', '=', INTERPRETATION_RULE).executeTakeFirst();
  if (started) return;
  const spec = interpretationSpec(item.published_at, await interpretationDays(tx, item.agency_id));
  await setDeadline(tx, await loadCalendar(tx), clock, { agencyId: item.agency_id, ...subject }, spec);
}

/** Both directions of the link, for an item's page in the console (INT-3: the reviewer sees both). */
export async function itemInterpretationLinks(tx: Tx, itemId: string) {
  const [interpretations, policies] = await Promise.all([
    tx.selectFrom('interpretation_links').innerJoin('items', 'items.id', 'interpretation_links.interpretation_id').select(['items.id', 'items.title', 'items.state']).where('interpretation_links.policy_id', '=', itemId).orderBy('items.created_at').execute(),
    tx.selectFrom('interpretation_links').innerJoin('items', 'items.id', 'interpretation_links.policy_id').select(['items.id', 'items.title', 'items.state']).where('interpretation_links.interpretation_id', '=', itemId).orderBy('items.title').execute(),
  ]);
  return { interpretations, policies };
}
