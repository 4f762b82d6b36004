// Endpoints of the notification centre, channels and duty roster, with their query keys.
import { queryOptions } from '@tanstack/react-query';
import { client } from '../../api';
import type { QueryOf } from '../../schema';
import type { DutyInput, MailSettings, ReminderSettings, SmsSettings } from './types';

export const notificationKeys = {
  all: ['notifications'] as const,
  duty: ['duty-roster'] as const,
  settings: ['notification-settings'] as const,
};

export const notificationQueries = {
  list: (query: QueryOf<'/notifications', 'get'>) =>
    queryOptions({ queryKey: [...notificationKeys.all, 'list', query], queryFn: () => client.get('/notifications', { query }) }),
  /** The header's badge: polled each minute, the sweep's own pace. */
  unread: () =>
    queryOptions({ queryKey: [...notificationKeys.all, 'unread'], queryFn: () => client.get('/notifications/unread-count'), refetchInterval: 60_000 }),
  preferences: () => queryOptions({ queryKey: [...notificationKeys.settings, 'preferences'], queryFn: () => client.get('/notifications/preferences') }),
  reminders: (agencyId: string) =>
    queryOptions({ queryKey: [...notificationKeys.settings, 'reminders', agencyId], queryFn: () => client.get('/notifications/reminder-settings/{agencyId}', { path: { agencyId } }) }),
  mail: () => queryOptions({ queryKey: [...notificationKeys.settings, 'mail'], queryFn: () => client.get('/notifications/mail-settings') }),
  sms: () => queryOptions({ queryKey: [...notificationKeys.settings, 'sms'], queryFn: () => client.get('/notifications/sms-settings') }),
  duty: (agencyId: string, from: string, to: string) =>
    queryOptions({ queryKey: [...notificationKeys.duty, agencyId, from, to], queryFn: () => client.get('/duty-roster', { query: { agencyId, from, to } }) }),
  dutyCandidates: (agencyId: string) =>
    queryOptions({ queryKey: [...notificationKeys.duty, 'candidates', agencyId], queryFn: () => client.get('/duty-roster/candidates', { query: { agencyId } }) }),
};

export const notificationApi = {
  read: (id: string) => client.post('/notifications/{id}/read', { path: { id } }),
  unread: (id: string) => client.post('/notifications/{id}/unread', { path: { id } }),
  readAll: () => client.post('/notifications/read-all'),
  savePreferences: (body: { email: boolean; sms: boolean }) => client.put('/notifications/preferences', { body }),
  saveReminders: (agencyId: string, body: ReminderSettings) => client.put('/notifications/reminder-settings/{agencyId}', { path: { agencyId }, body }),
  saveMail: (settings: MailSettings, password?: string) => client.put('/notifications/mail-settings', { body: { settings, ...(password ? { password } : {}) } }),
  testMail: () => client.post('/notifications/mail-settings/test'),
  saveSms: (settings: SmsSettings, secret?: string) => client.put('/notifications/sms-settings', { body: { settings, ...(secret ? { secret } : {}) } }),
  addDuty: (body: DutyInput) => client.post('/duty-roster', { body }),
  removeDuty: (id: string) => client.del('/duty-roster/{id}', { path: { id } }),
};
