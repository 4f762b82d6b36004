// When the review tools apply. The workflow moves themselves come from the server
// (`actions` of GET /items/:id); these mirror the server's checks for the side tools, which
// `actions` does not cover, so a button is only shown when the server would accept it.
import type { Item, ItemState } from '../../types';

/** Submitted and not yet approved: the review tools are shown to the office and the reviewer. */
export const REVIEW_STATES: readonly ItemState[] = [
  'office_check',
  'dept_review',
  'secrecy_review',
  'referred',
  'leader_approval',
];

/** SEC-2, SEC-10: findings are settled and phrases marked during secrecy review and approval. */
export const REDACTION_STATES: readonly ItemState[] = ['secrecy_review', 'leader_approval'];

/** SEC-7, LAW-32, LAW-34: co-makers and third parties are asked during the reviews. */
export const CONSULTATION_STATES: readonly ItemState[] = ['dept_review', 'secrecy_review'];

/** SEC-3, SEC-4: the 局务会 / 党组会 decision on a major item is recorded before approval. */
export const DECISION_STATES: readonly ItemState[] = ['secrecy_review', 'leader_approval'];

/** ATTR-7: paper copies for the reading points; a policy document goes with ten. */
export const requiredPaperCopies = (policyLevel: string) => (policyLevel === 'none' ? 1 : 10);

export const isIn = (states: readonly ItemState[], state: ItemState) => states.includes(state);

/** ATTR-8: only a policy document proposed as not public goes to the leading group before the check passes. */
export const needsLeadingGroupReview = (item: Pick<Item, 'policyLevel' | 'attribute'>) => item.policyLevel !== 'none' && item.attribute !== 'proactive';
