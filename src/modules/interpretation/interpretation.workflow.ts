import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import type { Tx } from '../../db/database.ts';
import { itemSettlements } from '../documents/documents.publication.ts';
import { scanText } from '../documents/scanner.ts';
import { redactText } from '../files/redact.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { meetDeadline, setDeadline } from '../deadlines/deadlines.service.ts';
import { unsettledInPublicCopy, type Action, type Problem } from '../documents/documents.rules.ts';
import type { ItemTable } from '../documents/documents.tables.ts';
import {
  DEFAULT_INTERPRETATION_DAYS, INTERPRETATION_CATEGORY, INTERPRETATION_RULE, interpretationProblems, interpretationSpec, linkProblems, movesTogether,
  mustBeInterpreted, publishOrderProblems, type Checklist, type Form, type FormContent, type LinkedPolicy,
} from './interpretation.rules.ts';

/** What the public copy of a published interpretation holds besides the item's (kept in its version's snapshot). */
export type PublicInterpretation = { form: Form; content: FormContent; reissueOf: { id: string; reason: string } | null };

/** Every text of a form a reader sees, each passed through `f` (the check reads them, publication masks them). */
function mapTexts(c: FormContent, f: (text: string) => string): FormContent {
  return {
    ...(c.pairs && { pairs: c.pairs.map((p) => ({ question: f(p.question), answer: f(p.answer) })) }),
    ...(c.altText !== undefined && { altText: f(c.altText) }),
    ...(c.mediaUrl !== undefined && { mediaUrl: c.mediaUrl }),
    ...(c.transcript !== undefined && { transcript: f(c.transcript) }),
    ...(c.heldOn !== undefined && { heldOn: c.heldOn }),
    ...(c.speakers && { speakers: c.speakers.map(f) }),
  };
}
const textsOf = (c: FormContent): string[] => {
  const out: string[] = [];
  mapTexts(c, (t) => (out.push(t), t));
  return out;
};

/** The sensitive-content check reads the form's texts too (SEC-2): their findings are settled in review like the body's. */
export async function interpretationScanSources(tx: Tx, row: ItemTable): Promise<{ source: string; text: string }[]> {
  if (row.category !== INTERPRETATION_CATEGORY) return [];
  const meta = await tx.selectFrom('interpretations').select('content_json').where('item_id', '=', row.id).executeTakeFirst();
  return meta ? [{ source: 'interpretation', text: textsOf(JSON.parse(meta.content_json) as FormContent).join('\n') }] : [];
}

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

/**
 * The form's public copy (SEC-10, LAW-37): the phrases marked for removal masked as in the
 * body, then read again; anything the review did not keep stops publication. It joins the
 * snapshot of the version just published.
 */
async function publishForm(tx: Tx, item: ItemTable) {
  const meta = await tx.selectFrom('interpretations').selectAll().where('item_id', '=', item.id).executeTakeFirstOrThrow();
  const phrases = (await tx.selectFrom('item_redactions').select('phrase').where('item_id', '=', item.id).execute()).map((r) => r.phrase);
  const content = mapTexts(JSON.parse(meta.content_json) as FormContent, (t) => redactText(t, phrases));
  const left = unsettledInPublicCopy(scanText(textsOf(content).join('\n')), await itemSettlements(tx, item.id));
  if (left.length > 0) throw new AppError('PUBLIC_COPY_NOT_CLEAN', 409, `解读内容（问答、文字说明或实录）的公开版本经再次检查仍有 ${left.length} 处未经审查的敏感信息，不予发布`);
  const version = await tx.selectFrom('item_versions').select(['id', 'snapshot_json']).where('item_id', '=', item.id).where('version', '=', item.version).executeTakeFirstOrThrow();
  const publicForm: PublicInterpretation = { form: meta.form, content, reissueOf: meta.reissue_of ? { id: meta.reissue_of, reason: meta.reissue_reason } : null };
  await tx.updateTable('item_versions').set({ snapshot_json: JSON.stringify({ ...JSON.parse(version.snapshot_json), interpretation: publicForm }) }).where('id', '=', version.id).execute();
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
    await publishForm(tx, item);
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
