// The 网民留言 endpoints (src/modules/messages/messages.routes.ts).
import { API_BASE, http, withQuery } from '../../api';
import type { Page } from '../../types';
import type { ActInput, Message, MessageDetail, MessageQuery, MessageSettings, MessageStats, MessageVocabulary } from './types';

const seg = encodeURIComponent;

export const messagesApi = {
  vocabulary: () => http.get<MessageVocabulary>('/messages/vocabulary'),
  list: (query: MessageQuery) => http.get<Page<Message>>('/messages', { ...query }),
  get: (id: string) => http.get<MessageDetail>(`/messages/${seg(id)}`),
  act: (id: string, input: ActInput) => http.post<MessageDetail | { id: string; moved: true }>(`/messages/${seg(id)}/actions`, input),
  settings: () => http.get<MessageSettings>('/messages/settings'),
  saveSettings: (answerWorkdays: number) => http.put<MessageSettings>('/messages/settings', { answerWorkdays }),
  stats: (period: { from: string; to: string }) => http.get<MessageStats>('/messages/stats', period),
  statsExportUrl: (period: { from: string; to: string }) => API_BASE + withQuery('/messages/stats.xlsx', period),
};

export const messageKeys = { all: ['messages'] as const };
