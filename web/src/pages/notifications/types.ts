// Payloads of the notification centre, channels, reminder settings and duty roster (issue 12).

export interface NotificationEntry {
  id: string;
  kind: string;
  kindLabel: string;
  urgent: boolean;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: NotificationEntry[];
  total: number;
  page: number;
  pageSize: number;
  unread: number;
}

export interface Preferences {
  email: boolean;
  sms: boolean;
  emailAddress: string;
  phoneSet: boolean;
}

export interface ReminderSettings {
  warnWorkdays: number;
  warnHours: number;
  unitAfterWorkdays: number;
  leaderAfterWorkdays: number;
  unitAfterHours: number;
  leaderAfterHours: number;
}

export interface MailSettings {
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  sender: string;
  senderName: string;
  user: string;
  consoleUrl: string;
}

export interface SmsSettings {
  url: string;
}

export interface ChannelSettingsView<T> {
  configured: boolean;
  settings: T | null;
  secretSet: boolean;
}

export interface DutyShift {
  id: string;
  agencyId: string;
  userId: string;
  name: string;
  phone: string;
  startsAt: string;
  endsAt: string;
  note: string;
}

export interface DutyInput {
  agencyId: string;
  userId: string;
  phone: string;
  startsAt: string;
  endsAt: string;
  note?: string;
}
