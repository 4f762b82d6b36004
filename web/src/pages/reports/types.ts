// Payloads of the reports endpoints (annual report LAW-49/50, monthly report SUP-5).
import type { Deadline } from '../../types';

export type AnnualState = 'draft' | 'office_review' | 'leader_approval' | 'published';
export type AnnualAction = 'submit' | 'pass' | 'return' | 'approve';

/** One cell of a table as the national template draws it; `key` names the figure behind it. */
export interface ReportCell {
  text: string;
  colspan?: number;
  rowspan?: number;
  head?: boolean;
  key?: string;
}
export interface ReportGrid {
  caption: string;
  rows: ReportCell[][];
}

export interface ReportTexts {
  overall: string;
  problems: string;
  other: string;
}

export interface AnnualReport {
  id: string;
  agencyId: string;
  agencyName: string;
  year: number;
  version: number;
  template: { id: string; basis: string; parts: Record<'overall' | 'proactive' | 'applications' | 'appeals' | 'problems' | 'other', string> };
  state: AnnualState;
  stateLabel: string;
  texts: ReportTexts;
  generated: ReportTexts;
  stockReason: string;
  correctionReason: string;
  publishedAt: string | null;
  steps: { at: string; by: string; role: string; action: AnnualAction; from: AnnualState; to: AnnualState; opinion: string }[];
  figuresFrozen: boolean;
  figures: { cells: Record<string, number>; identity: { ok: boolean; left: number; right: number } };
  tables: Record<'proactive' | 'applications' | 'appeals' | 'fees', ReportGrid>;
  problems: string[];
  actions: AnnualAction[];
  canCorrect: boolean;
  deadline: Deadline | null;
  versions: { id: string; version: number; state: AnnualState; publishedAt: string | null; correctionReason: string; current: boolean }[];
}

export interface AnnualListEntry {
  agencyId: string;
  agencyName: string;
  own: boolean;
  report: { id: string; version: number; state: AnnualState; stateLabel: string; publishedAt: string | null; updatedAt: string } | null;
  deadline: Deadline | null;
}

export interface RecordRef {
  type: 'application' | 'item' | 'entry';
  id: string;
  label: string;
}

export interface ReportEntry {
  id: string;
  key: 'licence' | 'penalty' | 'coercive' | 'fee';
  label: string;
  value: number;
  source: string;
  enteredBy: string;
  enteredAt: string;
}

export interface MonthlyReport {
  month: string;
  grids: ReportGrid[];
  submitted: { at: string; by: string } | null;
  deadline: Deadline | null;
}

export interface ReportCharts {
  year: number;
  months: { month: string; itemsPublished: number; itemsOnTime: number; received: number; answered: number; answeredOnTime: number }[];
  outcomes: Record<string, number>;
}

export interface CitySummary {
  year: number;
  sources: { agencyId: string; agencyName: string; published: boolean }[];
  tables: Record<'proactive' | 'applications' | 'appeals' | 'fees', ReportGrid>;
}
