import type { AssessmentKind, AssessmentState, FindingKind, Resolution } from './supervision.rules.ts';

/**
 * Row types of supervision (监督考评): assessment templates and assessments (SUP-2, SUP-3),
 * weekly self-checks and their findings (SUP-4). Moments ISO-8601 UTC text, dates
 * 'YYYY-MM-DD', structured parts JSON text, on both databases.
 */

/** One version of a template: editing writes a new row, so an assessment keeps the one it used. */
export interface SupTemplateTable {
  id: string;
  /** null: the platform's built-in templates, readable by every agency. */
  agency_id: string | null;
  /** The template family, stable across versions ('areas', 'points', or an agency's copy of them). */
  family: string;
  year: number | null;
  version: number;
  name: string;
  /** TemplateBody of supervision.rules.ts */
  body_json: string;
  created_by: string | null;
  created_at: string;
}

export interface SupAssessmentTable {
  id: string;
  agency_id: string;
  assessor_agency_id: string;
  template_id: string;
  kind: AssessmentKind;
  year: number;
  state: AssessmentState;
  /** { [itemKey]: { score, note } } */
  scores_json: string;
  /** The platform's indicators as the assessor saw them, frozen at signing. */
  indicators_json: string;
  total: number | null;
  grade: string | null;
  created_by: string;
  signed_by: string | null;
  signed_by_name: string | null;
  signed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SupSelfCheckTable {
  id: string;
  agency_id: string;
  unit_id: string;
  /** The Monday (Beijing date) of the checked week. */
  week: string;
  state: 'open' | 'done';
  opened_by: string;
  completed_by: string | null;
  completed_at: string | null;
  created_at: string;
}

export interface SupFindingTable {
  id: string;
  check_id: string;
  kind: FindingKind;
  subject_type: string | null;
  subject_id: string | null;
  text: string;
  resolution: Resolution | null;
  note: string;
  resolved_by: string | null;
  resolved_at: string | null;
  created_at: string;
}
