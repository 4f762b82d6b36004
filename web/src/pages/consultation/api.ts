// Endpoints of 意见征集 (FIVE-1) and 重点工作 (FIVE-2, FIVE-5), on the shared request verbs.
import { http } from '../../api';
import type { Adoption, ConsultationDetail, ConsultationInput, ConsultationSummary, KeyTask, KeyTaskInput, PolicyEvaluation, PublishedItem } from './types';

const seg = encodeURIComponent;
type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export const consultationApi = {
  list: (page: number, pageSize: number) => http.get<Page<ConsultationSummary>>('/consultations', { page, pageSize }),
  get: (id: string) => http.get<ConsultationDetail>(`/consultations/${seg(id)}`),
  create: (input: ConsultationInput) => http.post<{ id: string }>('/consultations', input),
  update: (id: string, input: ConsultationInput) => http.put<ConsultationDetail>(`/consultations/${seg(id)}`, input),
  remove: (id: string) => http.del(`/consultations/${seg(id)}`),
  open: (id: string) => http.post<ConsultationDetail>(`/consultations/${seg(id)}/open`),
  mark: (commentId: string, input: { adoption: Adoption; reason: string }) => http.post(`/consultations/comments/${seg(commentId)}/mark`, input),
  publishFeedback: (id: string, summary: string) => http.post<ConsultationDetail>(`/consultations/${seg(id)}/feedback`, { summary }),
  exportUrl: (id: string) => `/api/v1/consultations/${seg(id)}/comments.xlsx`,
  settings: () => http.get<{ feedbackWorkdays: number }>('/consultations/settings'),
  saveSettings: (feedbackWorkdays: number) => http.put<{ feedbackWorkdays: number }>('/consultations/settings', { feedbackWorkdays }),
  /** The agency's published items, for choosing a draft, a policy or a report. */
  publishedItems: (q: string) => http.get<Page<PublishedItem>>('/items', { state: 'published', q, page: 1, pageSize: 20 }),
};

export const keyTaskApi = {
  list: () => http.get<{ items: KeyTask[] }>('/key-tasks'),
  create: (input: KeyTaskInput) => http.post<{ id: string }>('/key-tasks', input),
  update: (id: string, input: KeyTaskInput) => http.put(`/key-tasks/${seg(id)}`, input),
  remove: (id: string) => http.del(`/key-tasks/${seg(id)}`),
  addProgress: (id: string, input: { onDate: string; text: string }) => http.post(`/key-tasks/${seg(id)}/progress`, input),
  evaluations: () => http.get<{ items: PolicyEvaluation[] }>('/policy-evaluations'),
  registerEvaluation: (input: { policyItemId: string; effectiveOn: string }) => http.post<{ id: string }>('/policy-evaluations', input),
  linkReport: (id: string, reportItemId: string) => http.post(`/policy-evaluations/${seg(id)}/report`, { reportItemId }),
};

export const consultationKeys = { all: ['consultations'] as const, keyTasks: ['key-tasks'] as const, evaluations: ['policy-evaluations'] as const };
