// When the tools beside the workflow apply. The workflow moves themselves come from the server
// (`actions` of GET /applications/:id); these mirror the server's checks for the side tools
// (reviews, consultations, extension, delivery, appeals), which `actions` does not cover, so a
// button is only shown when the server would accept it.
import type { AppVocabulary, ApplicationDetail, ApplicationState, Outcome, ReviewKind, Role } from '../../types';

/** Still being handled: the reply term runs (or is paused) and a leader may extend it (LAW-33). */
export const OPEN_STATES: readonly ApplicationState[] = ['unconfirmed', 'received', 'handling', 'awaiting_reasons', 'awaiting_correction', 'awaiting_fee', 'reviewing'];

/** APP-6: who gives each review. */
export const REVIEWERS: Record<ReviewKind, Role> = {
  confidentiality: 'secrecy_reviewer',
  legality: 'office',
  opinion_risk: 'opinion_lead',
};
export const REVIEW_KINDS: readonly ReviewKind[] = ['confidentiality', 'legality', 'opinion_risk'];

export const isOpen = (state: ApplicationState) => OPEN_STATES.includes(state);

/** LAW-33: one extension only; the timeline holds it. */
export const isExtended = (detail: ApplicationDetail) => detail.steps.some((step) => step.action === 'extend');

/** LAW-32, LAW-34: the office asks while handling, one consultation at a time. */
export const canConsult = (detail: ApplicationDetail) =>
  detail.state === 'handling' && detail.consultations.every((c) => c.answeredAt !== null);

/**
 * Work waiting for me on this page outside the 操作 card: my APP-6 review not yet given, the
 * delivery of a signed reply. The card then points to it instead of saying there is nothing to do.
 */
export function workElsewhere(detail: ApplicationDetail, hasRole: (...roles: Role[]) => boolean): ('review' | 'delivery')[] {
  const review = detail.state === 'reviewing' && REVIEW_KINDS.some((k) => hasRole(REVIEWERS[k]) && !detail.reviews.some((r) => r.kind === k));
  const delivery = detail.state === 'replied' && !detail.deliveryRecord && hasRole('office');
  return [...(review ? (['review'] as const) : []), ...(delivery ? (['delivery'] as const) : [])];
}

/** APP-8: reconsiderations and lawsuits concern a reply or a closure. */
export const canAppeal = (state: ApplicationState) => state === 'replied' || state === 'closed';

/** Outcome keys with their table-3 labels, grouped as the national format groups them, in its order. */
export function outcomeGroups(vocabulary: AppVocabulary | undefined): { group: string; outcomes: { key: Outcome; label: string }[] }[] {
  const groups: { group: string; outcomes: { key: Outcome; label: string }[] }[] = [];
  for (const [key, info] of Object.entries(vocabulary?.outcomes ?? {}) as [Outcome, AppVocabulary['outcomes'][Outcome]][]) {
    let group = groups.find((g) => g.group === info.group);
    if (!group) groups.push((group = { group: info.group, outcomes: [] }));
    group.outcomes.push({ key, label: info.label });
  }
  return groups;
}
