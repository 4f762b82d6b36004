import type { AnnualState, EntryKey } from './reports.rules.ts';

/**
 * Row types of the reports tables (LAW-49/50, SUP-5). Moments are ISO-8601 UTC text; JSON as
 * text; the same queries hold on SQLite and PostgreSQL.
 */

export interface AnnualReportTable {
  id: string;
  agency_id: string;
  /** The year reported on (published in January of the next). */
  year: number;
  /** 1 for the first; a correction of a published report is the next version. */
  version: number;
  /** The national format it is laid out in (templates are versioned by report year). */
  template: string;
  state: AnnualState;
  /** { overall, problems, other }: the text parts 一, 五, 六 as staff edited them. */
  texts_json: string;
  /** The figures frozen when the draft went to review (null while a draft: computed live). */
  figures_json: string | null;
  /** Why in force at year end differs from last year + made − repealed. */
  stock_reason: string;
  correction_reason: string;
  supersedes: string | null;
  superseded_by: string | null;
  /** [{ at, by, role, action, from, to, opinion }] */
  steps_json: string;
  published_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** Figures other systems hold, entered (or imported) by staff with their source. */
export interface ReportEntryTable {
  id: string;
  agency_id: string;
  year: number;
  key: EntryKey;
  value: number;
  source: string;
  entered_by: string;
  entered_by_name: string;
  entered_at: string;
}

/** SUP-5: a monthly report kept exactly as submitted. */
export interface MonthlyReportTable {
  id: string;
  agency_id: string;
  /** 'YYYY-MM' */
  month: string;
  figures_json: string;
  submitted_by: string;
  submitted_by_name: string;
  submitted_at: string;
}

/** An agency's stricter due day for the annual report (a day of January, at most 31). */
export interface ReportSettingsTable {
  agency_id: string;
  annual_due_day: number;
  updated_by: string | null;
  updated_at: string;
}
