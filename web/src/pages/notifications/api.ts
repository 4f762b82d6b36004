// Endpoints of the notification centre, channels and duty roster, with their query keys.
import { queryOptions } from '@tanstack/react-query';
import { http } from '../../api';
import type { ChannelSettingsView, DutyInput, DutyShift, MailSettings, NotificationPage, Preferences, ReminderSettings, SmsSettings } from './types';

export const notificationKeys = {
  all: ['notifications'] as const,
  duty: ['duty-roster'] as const,
  settings: ['notification-settings'] as const,
};

const seg = encodeURIComponent;

export const notificationQueries = {
  list: (q: { unread?: boolean; page: number; pageSize: number }) =>
    queryOptions({ queryKey: [...notificationKeys.all, 'list', q], queryFn: () => http.get<NotificationPage>('/notifications', q) }),
  /** The header's badge: polled each minute, the sweep's own pace. */
  unread: () =>
    queryOptions({ queryKey: [...notificationKeys.all, 'unread'], queryFn: () => http.get<{ unread: number }>('/notifications/unread-count'), refetchInterval: 60_000 }),
  preferences: () => queryOptions({ queryKey: [...notificationKeys.settings, 'preferences'], queryFn: () => http.get<Preferences>('/notifications/preferences') }),
  reminders: (agencyId: string) =>
    queryOptions({ queryKey: [...notificationKeys.settings, 'reminders', agencyId], queryFn: () => http.get<ReminderSettings>(`/notifications/reminder-settings/${seg(agencyId)}`) }),
  mail: () => queryOptions({ queryKey: [...notificationKeys.settings, 'mail'], queryFn: () => http.get<ChannelSettingsView<MailSettings>>('/notifications/mail-settings') }),
  sms: () => queryOptions({ queryKey: [...notificationKeys.settings, 'sms'], queryFn: () => http.get<ChannelSettingsView<SmsSettings>>('/notifications/sms-settings') }),
  duty: (agencyId: string, from: string, to: string) =>
    queryOptions({ queryKey: [...notificationKeys.duty, agencyId, from, to], queryFn: () => http.get<{ items: DutyShift[] }>('/duty-roster', { agencyId, from, to }) }),
  dutyCandidates: (agencyId: string) =>
    queryOptions({ queryKey: [...notificationKeys.duty, 'candidates', agencyId], queryFn: () => http.get<{ items: { id: string; name: string }[] }>('/duty-roster/candidates', { agencyId }) }),
};

export const notificationApi = {
  read: (id: string) => http.post(`/notifications/${seg(id)}/read`),
  unread: (id: string) => http.post(`/notifications/${seg(id)}/unread`),
  readAll: () => http.post<{ marked: number }>('/notifications/read-all'),
  savePreferences: (input: { email: boolean; sms: boolean }) => http.put<Preferences>('/notifications/preferences', input),
  saveReminders: (agencyId: string, input: ReminderSettings) => http.put<ReminderSettings>(`/notifications/reminder-settings/${seg(agencyId)}`, input),
  saveMail: (settings: MailSettings, password?: string) => http.put<ChannelSettingsView<MailSettings>>('/notifications/mail-settings', { settings, ...(password ? { password } : {}) }),
  testMail: () => http.post<{ to: string }>('/notifications/mail-settings/test'),
  saveSms: (settings: SmsSettings, secret?: string) => http.put<ChannelSettingsView<SmsSettings>>('/notifications/sms-settings', { settings, ...(secret ? { secret } : {}) }),
  addDuty: (input: DutyInput) => http.post<DutyShift>('/duty-roster', input),
  removeDuty: (id: string) => http.del(`/duty-roster/${seg(id)}`),
};
