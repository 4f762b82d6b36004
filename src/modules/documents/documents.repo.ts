import { notFound } from '../../core/errors.ts';
import type { Clock } from '../../core/clock.ts';
import type { Db, Tx } from '../../db/database.ts';
import { requireRoleIn, type Actor } from '../auth/actor.ts';
import type { Role } from '../org/org.rules.ts';
import { colophonMark, finalAttribute, type Channel, type InterpretationPlan } from './documents.rules.ts';
import type { ItemTable } from './documents.tables.ts';

export type Deps = { db: Db; clock: Clock; dataDir: string };

/** The business roles that work on items; the three administrators do not read them. */
export const ITEM_ROLES: readonly Role[] = ['drafter', 'dept_head', 'office', 'secrecy_reviewer', 'leader', 'opinion_lead'];

export const itemSubject = (id: string) => ({ type: 'item', id });

export const presentItem = (r: ItemTable & { unit_name: string; drafter_name: string }) => ({
  id: r.id, agencyId: r.agency_id, unitId: r.unit_id, unitName: r.unit_name, drafterId: r.drafter_id, drafterName: r.drafter_name,
  kind: r.kind, docKind: r.doc_kind, docNumber: r.doc_number, title: r.title, summary: r.summary, body: r.body, dateMade: r.date_made,
  category: r.category, attribute: r.attribute, attributeReason: r.attribute_reason, nonPublicParts: r.non_public_parts,
  policyLevel: r.policy_level, interpretationPlan: r.interpretation_plan_json ? (JSON.parse(r.interpretation_plan_json) as InterpretationPlan) : null,
  leadingGroupReview: r.leading_group_review, major: r.major === 1, collectiveDecision: r.collective_decision, conclusion: r.conclusion,
  state: r.state, validity: r.validity, validUntil: r.valid_until ?? null, version: r.version, changeReason: r.change_reason, changedOn: r.changed_on,
  channels: JSON.parse(r.channels_json) as Channel[], paperCopies: r.paper_copies, indexNumber: r.index_number, publishedAt: r.published_at,
  colophon: r.attribute ? colophonMark(finalAttribute(r.conclusion) ?? r.attribute) : null,
  updatedAt: r.updated_at,
});
export type ItemView = ReturnType<typeof presentItem>;

export function itemQuery(db: Tx) {
  return db
    .selectFrom('items')
    .innerJoin('units', 'units.id', 'items.unit_id')
    .innerJoin('users', 'users.id', 'items.drafter_id')
    .selectAll('items')
    .select(['units.name as unit_name', 'users.name as drafter_name']);
}

export async function loadItem(tx: Tx, id: string) {
  const row = await itemQuery(tx).where('items.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('信息');
  return row;
}

/** Staff of the item's agency read it; everyone else is refused as if it were not there. */
export async function readableItem(tx: Tx, actor: Actor, id: string) {
  const row = await loadItem(tx, id);
  requireRoleIn(actor, ITEM_ROLES, row.agency_id);
  return row;
}

