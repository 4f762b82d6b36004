import type { Form } from './interpretation.rules.ts';

/** Row types of the interpretation tables (migration 0016); the interpretation itself is an `items` row. */

export interface InterpretationTable {
  item_id: string;
  form: Form;
  /** FormContent of interpretation.rules.ts */
  content_json: string;
  /** Checklist of interpretation.rules.ts (INT-6) */
  checklist_json: string;
  /** INT-9: the published interpretation this one re-issues. */
  reissue_of: string | null;
  reissue_reason: string;
}

export interface InterpretationLinkTable {
  interpretation_id: string;
  policy_id: string;
}

/** INT-5: an agency's stricter figure (fewer than 10 working days). */
export interface InterpretationSettingTable {
  agency_id: string;
  days: number;
  updated_by: string | null;
  updated_at: string;
}
