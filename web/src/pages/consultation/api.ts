// Endpoints of 意见征集 (FIVE-1) and 重点工作 (FIVE-2, FIVE-5), through the typed client.
import { API_BASE, client } from '../../api';
import type { Adoption, ConsultationInput, KeyTaskInput } from './types';

/** Blank optional fields (FormModal sends them as null) are left out. */
const present = <T extends object>(values: T) => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined)) as { [K in keyof T]: Exclude<T[K], null> };

export const consultationApi = {
  list: (page: number, pageSize: number) => client.get('/consultations', { query: { page, pageSize } }),
  get: (id: string) => client.get('/consultations/{id}', { path: { id } }),
  create: (input: ConsultationInput) => client.post('/consultations', { body: present(input) }),
  update: (id: string, input: ConsultationInput) => client.put('/consultations/{id}', { path: { id }, body: present(input) }),
  remove: (id: string) => client.del('/consultations/{id}', { path: { id } }),
  open: (id: string) => client.post('/consultations/{id}/open', { path: { id } }),
  mark: (commentId: string, input: { adoption: Adoption; reason: string }) => client.post('/consultations/comments/{id}/mark', { path: { id: commentId }, body: input }),
  publishFeedback: (id: string, summary: string) => client.post('/consultations/{id}/feedback', { path: { id }, body: { summary } }),
  exportUrl: (id: string) => `${API_BASE}/consultations/${encodeURIComponent(id)}/comments.xlsx`,
  settings: () => client.get('/consultations/settings'),
  saveSettings: (feedbackWorkdays: number) => client.put('/consultations/settings', { body: { feedbackWorkdays } }),
  /** The agency's published items, for choosing a draft, a policy or a report. */
  publishedItems: (q: string) => client.get('/items', { query: { state: 'published', q, page: 1, pageSize: 20 } }),
};

export const keyTaskApi = {
  list: () => client.get('/key-tasks'),
  create: (input: KeyTaskInput) => client.post('/key-tasks', { body: input }),
  update: (id: string, input: KeyTaskInput) => client.put('/key-tasks/{id}', { path: { id }, body: input }),
  remove: (id: string) => client.del('/key-tasks/{id}', { path: { id } }),
  addProgress: (id: string, input: { onDate: string; text: string }) => client.post('/key-tasks/{id}/progress', { path: { id }, body: input }),
  evaluations: () => client.get('/policy-evaluations'),
  registerEvaluation: (input: { policyItemId: string; effectiveOn: string }) => client.post('/policy-evaluations', { body: input }),
  linkReport: (id: string, reportItemId: string) => client.post('/policy-evaluations/{id}/report', { path: { id }, body: { reportItemId } }),
};

export const consultationKeys = { all: ['consultations'] as const, keyTasks: ['key-tasks'] as const, evaluations: ['policy-evaluations'] as const };
