/**
 * Reminders, notifications and their channels (issue 12), and the leaders' duty roster (OP-7).
 * Moments are ISO-8601 UTC strings; flags 0/1 integers.
 */

/** One row per stage a deadline reached: the stage fires once, whatever runs the sweep. */
export interface ReminderStageTable {
  deadline_id: string;
  stage: string;
  fired_at: string;
  /** 0 when the stage was passed over (a warning reached only after the term had run out). */
  notified: number;
}

/** 通知: one message to one person in the console's notification centre. */
export interface NotificationTable {
  id: string;
  user_id: string;
  agency_id: string;
  /** The reminder stage or another kind of message (e.g. `test`). */
  kind: string;
  /** 1 for hour clocks: mailed at once, not in the daily digest. */
  urgent: number;
  title: string;
  body: string;
  link: string | null;
  subject_type: string | null;
  subject_id: string | null;
  deadline_id: string | null;
  stage: string | null;
  created_at: string;
  read_at: string | null;
}

/** A notification sent on a channel (email, sms): at most one row each, so it is sent once. */
export interface DeliveryTable {
  notification_id: string;
  channel: string;
  sent_at: string;
  message_id: string;
}

/** The channels a person chose besides the console (which always shows everything). */
export interface NotificationPreferenceTable {
  user_id: string;
  email: number;
  sms: number;
  updated_at: string;
}

export interface ReminderSettingsTable {
  agency_id: string;
  settings_json: string;
  updated_by: string | null;
  updated_at: string;
}

/** The mail server (`mail`) and the SMS gateway (`sms`); the password or shared secret is sealed at rest. */
export const CHANNEL_SETTINGS_SEALED = { secret: {} };

export interface ChannelSettingsTable {
  /** The channel: `mail` or `sms` (named `id` like every sealed table's key, for key rotation). */
  id: string;
  config_json: string;
  secret: string;
  updated_by: string | null;
  updated_at: string;
}

/** OP-7 领导值班: a leader on duty for an agency over a time range, and how to reach them (sealed). */
export const DUTY_SHIFT_SEALED = { phone: {} };

export interface DutyShiftTable {
  id: string;
  agency_id: string;
  user_id: string;
  phone: string;
  starts_at: string;
  ends_at: string;
  note: string;
  created_by: string | null;
  created_at: string;
}
