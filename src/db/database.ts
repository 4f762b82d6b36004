import type { Kysely, Transaction } from 'kysely';
import type { SealedColumn, SealedColumns } from './sealed-columns.ts';
import type { AuditEventTable, AuditHeadTable } from '../modules/audit/audit.tables.ts';
import type { SessionTable } from '../modules/auth/auth.tables.ts';
import type { CatalogEntryTable, CatalogFacetTable } from '../modules/catalog/catalog.tables.ts';
import type { CalendarDayTable, CalendarYearTable } from '../modules/calendar/calendar.tables.ts';
import type { CatalogFilingTable } from '../modules/catalog/filing.tables.ts';
import type { DeadlineTable, IndexSequenceTable, ItemAttachmentTable, ItemConsultationTable, ItemFindingTable, ItemRecheckTable, ItemRedactionTable, ItemStepTable, ItemTable, ItemVersionTable } from '../modules/documents/documents.tables.ts';
import { APPLICATION_SEALED, type ApplicationAppealTable, type ApplicationConsultationTable, type ApplicationFileTable, type ApplicationReviewTable, type ApplicationSequenceTable, type ApplicationSettingsTable, type ApplicationStepTable, type ApplicationTable } from '../modules/applications/applications.tables.ts';
import type { NegativeListEntryTable, PowerTable, ServiceItemTable } from '../modules/lists/lists.tables.ts';
import { USER_SEALED, type AgencyTable, type RoleGrantTable, type UnitTable, type UserTable } from '../modules/org/org.tables.ts';
import type { LetterSequenceTable, LetterTemplateTable } from '../modules/letters/letters.tables.ts';
import { MESSAGE_SEALED, type CitizenMessageStepTable, type CitizenMessageTable, type MessageSettingsTable } from '../modules/messages/messages.tables.ts';
import { COMMENT_SEALED, type ConsultationCommentTable, type ConsultationSettingsTable, type ConsultationTable } from '../modules/consultation/consultation.tables.ts';
import type { KeyTaskProgressTable, KeyTaskTable, PolicyEvaluationTable } from '../modules/keytasks/keytasks.tables.ts';
import { OPINION_SETTINGS_SEALED, type OpinionCaseTable, type OpinionFeedTable, type OpinionResponseTable, type OpinionSettingsTable, type OpinionSightingTable, type OpinionStepTable, type OpinionWebhookNonceTable } from '../modules/opinion/opinion.tables.ts';
import type { SupAssessmentTable, SupFindingTable, SupSelfCheckTable, SupTemplateTable } from '../modules/supervision/supervision.tables.ts';
import type { SettingTable } from '../modules/settings/settings.tables.ts';
import type { CoordinationRequestTable } from '../modules/coordination/coordination.tables.ts';
import type { JobScheduleTable, JobTable } from '../modules/jobs/jobs.tables.ts';
import { CHANNEL_SETTINGS_SEALED, DUTY_SHIFT_SEALED, type ChannelSettingsTable, type DeliveryTable, type DutyShiftTable, type NotificationPreferenceTable, type NotificationTable, type ReminderSettingsTable, type ReminderStageTable } from '../modules/notifications/notifications.tables.ts';
import type { AnnualReportTable, MonthlyReportTable, ReportEntryTable, ReportSettingsTable } from '../modules/reports/reports.tables.ts';
import type { InterpretationLinkTable, InterpretationSettingTable, InterpretationTable } from '../modules/interpretation/interpretation.tables.ts';

/** All tables, composed from the modules that own them. */
export interface Database {
  agencies: AgencyTable;
  units: UnitTable;
  users: UserTable;
  role_grants: RoleGrantTable;
  sessions: SessionTable;
  audit_events: AuditEventTable;
  audit_heads: AuditHeadTable;
  calendar_days: CalendarDayTable;
  calendar_years: CalendarYearTable;
  settings: SettingTable;
  items: ItemTable;
  item_steps: ItemStepTable;
  item_consultations: ItemConsultationTable;
  item_attachments: ItemAttachmentTable;
  item_findings: ItemFindingTable;
  item_redactions: ItemRedactionTable;
  item_versions: ItemVersionTable;
  index_sequences: IndexSequenceTable;
  item_rechecks: ItemRecheckTable;
  deadlines: DeadlineTable;
  applications: ApplicationTable;
  application_steps: ApplicationStepTable;
  application_reviews: ApplicationReviewTable;
  application_consultations: ApplicationConsultationTable;
  application_files: ApplicationFileTable;
  application_appeals: ApplicationAppealTable;
  application_sequences: ApplicationSequenceTable;
  application_settings: ApplicationSettingsTable;
  catalog_filings: CatalogFilingTable;
  catalog_entries: CatalogEntryTable;
  catalog_facets: CatalogFacetTable;
  negative_list_entries: NegativeListEntryTable;
  service_items: ServiceItemTable;
  powers: PowerTable;
  letter_templates: LetterTemplateTable;
  letter_sequences: LetterSequenceTable;
  citizen_messages: CitizenMessageTable;
  citizen_message_steps: CitizenMessageStepTable;
  message_settings: MessageSettingsTable;
  coordination_requests: CoordinationRequestTable;
  consultations: ConsultationTable;
  consultation_comments: ConsultationCommentTable;
  consultation_settings: ConsultationSettingsTable;
  key_tasks: KeyTaskTable;
  key_task_progress: KeyTaskProgressTable;
  policy_evaluations: PolicyEvaluationTable;
  jobs: JobTable;
  job_schedules: JobScheduleTable;
  reminder_stages: ReminderStageTable;
  notifications: NotificationTable;
  deliveries: DeliveryTable;
  notification_preferences: NotificationPreferenceTable;
  reminder_settings: ReminderSettingsTable;
  channel_settings: ChannelSettingsTable;
  duty_shifts: DutyShiftTable;
  annual_reports: AnnualReportTable;
  report_entries: ReportEntryTable;
  monthly_reports: MonthlyReportTable;
  report_settings: ReportSettingsTable;
  opinion_cases: OpinionCaseTable;
  opinion_steps: OpinionStepTable;
  opinion_responses: OpinionResponseTable;
  opinion_sightings: OpinionSightingTable;
  opinion_feeds: OpinionFeedTable;
  opinion_settings: OpinionSettingsTable;
  opinion_webhook_nonces: OpinionWebhookNonceTable;
  interpretations: InterpretationTable;
  interpretation_links: InterpretationLinkTable;
  interpretation_settings: InterpretationSettingTable;
  sup_templates: SupTemplateTable;
  sup_assessments: SupAssessmentTable;
  sup_self_checks: SupSelfCheckTable;
  sup_findings: SupFindingTable;
}

/**
 * A table with sealed columns: which columns, and the column that names one of its rows, so
 * `gongkai keys rotate` can re-seal every value row by row (a new sealed table cannot be left out).
 */
type SealedTable<T> = { rowKey: keyof T & string; columns: { [C in keyof T]?: SealedColumn } };

/** Columns kept encrypted at rest (src/db/sealed-columns.ts), composed from the modules that own them. */
export const SEALED_TABLES: { [T in keyof Database]?: SealedTable<Database[T]> } = {
  applications: { rowKey: 'id', columns: APPLICATION_SEALED },
  users: { rowKey: 'id', columns: USER_SEALED },
  citizen_messages: { rowKey: 'id', columns: MESSAGE_SEALED },
  consultation_comments: { rowKey: 'id', columns: COMMENT_SEALED },
  channel_settings: { rowKey: 'id', columns: CHANNEL_SETTINGS_SEALED },
  duty_shifts: { rowKey: 'id', columns: DUTY_SHIFT_SEALED },
  // one settings row per agency
  opinion_settings: { rowKey: 'agency_id', columns: OPINION_SETTINGS_SEALED },
};

export const SEALED_COLUMNS: SealedColumns = Object.fromEntries(Object.entries(SEALED_TABLES).map(([table, sealed]) => [table, sealed.columns as Record<string, SealedColumn>]));

export type Db = Kysely<Database>;
/** Either the database or an open transaction: services write through whichever they are given. */
export type Tx = Kysely<Database> | Transaction<Database>;
export type Dialect = 'sqlite' | 'postgres';

/**
 * Runs `work` as one unit: the Db it is handed joins the open transaction whenever a service
 * asks it for a transaction of its own, so several use cases (each written to commit alone)
 * commit or roll back together. Used where a partial result is worse than none, such as
 * loading the demo city: a process killed half-way leaves nothing behind.
 */
export async function inOneTransaction<T>(db: Db, work: (db: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute((tx) => {
    const joined: Db = new Proxy(tx, {
      get(target, prop) {
        if (prop === 'transaction') return () => ({ execute: <R>(fn: (t: Transaction<Database>) => Promise<R>) => fn(target) });
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    return work(joined);
  });
}
