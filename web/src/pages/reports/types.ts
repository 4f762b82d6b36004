// Payloads of the reports endpoints (annual report LAW-49/50, monthly report SUP-5), as the server's schemas describe them (docs/api-types.md).
import type { BodyOf, Schemas } from '../../schema';

export type AnnualReport = Schemas['AnnualReport'];
export type AnnualState = AnnualReport['state'];
export type AnnualAction = AnnualReport['actions'][number];
export type AnnualListEntry = Schemas['AnnualListEntry'];
/** One cell of a table as the national template draws it; `key` names the figure behind it. */
export type ReportCell = Schemas['ReportCell'];
export type ReportGrid = Schemas['ReportGrid'];
export type ReportTexts = Schemas['ReportTexts'];
export type RecordRef = Schemas['ReportRecordRef'];
export type ReportEntry = Schemas['ReportEntry'];
export type ReportEntryInput = BodyOf<'/reports/entries', 'post'>;
export type AnnualUpdate = BodyOf<'/reports/annual/{id}', 'put'>;
export type MonthlyReport = Schemas['MonthlyReport'];
export type ReportCharts = Schemas['ReportCharts'];
export type CitySummary = Schemas['CitySummary'];
