// The 网民留言 endpoints (src/modules/messages/messages.routes.ts).
import { API_BASE, client, withQuery } from '../../api';
import type { ActInput, MessageQuery } from './types';

type Period = { from: string; to: string };

export const messagesApi = {
  vocabulary: () => client.get('/messages/vocabulary'),
  list: (query: MessageQuery) => client.get('/messages', { query }),
  get: (id: string) => client.get('/messages/{id}', { path: { id } }),
  act: (id: string, body: ActInput) => client.post('/messages/{id}/actions', { path: { id }, body }),
  settings: () => client.get('/messages/settings'),
  saveSettings: (answerWorkdays: number) => client.put('/messages/settings', { body: { answerWorkdays } }),
  stats: (query: Period) => client.get('/messages/stats', { query }),
  statsExportUrl: (period: Period) => API_BASE + withQuery('/messages/stats.xlsx', period),
};

export const messageKeys = { all: ['messages'] as const };
