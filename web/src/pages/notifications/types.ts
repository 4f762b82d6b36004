// Payloads of the notification centre, channels, reminder settings and duty roster (issue 12),
// as the server's schemas describe them (docs/api-types.md).
import type { BodyOf, ResponseOf, Schemas } from '../../schema';

export type NotificationEntry = Schemas['NotificationEntry'];
export type NotificationPage = Schemas['NotificationPage'];
export type Preferences = Schemas['NotificationPreferences'];
export type ReminderSettings = ResponseOf<'/notifications/reminder-settings/{agencyId}', 'get'>;
export type MailSettingsView = Schemas['MailSettingsView'];
export type SmsSettingsView = Schemas['SmsSettingsView'];
export type MailSettings = NonNullable<MailSettingsView['settings']>;
export type SmsSettings = NonNullable<SmsSettingsView['settings']>;
export type DutyShift = Schemas['DutyShift'];
export type DutyInput = BodyOf<'/duty-roster', 'post'>;
