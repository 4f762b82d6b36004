// The opinion endpoints and their queries, beside the pages that use them.
import { queryOptions } from '@tanstack/react-query';
import { http, withQuery } from '../../api';
import type { OpinionFeed, OpinionSettings, ActInput, CaseInput, OpinionAction, OpinionCases, OpinionDetail, OpinionFilter, OpinionVocabulary, PollResult } from './types';

/** Forms send null for a cleared field; the opinion endpoints take an absent one. */
const present = <T extends object>(values: T): T => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined && v !== '')) as T;

export const opinionKeys = { all: ['opinion'] as const };

export const opinionQueries = {
  vocabulary: () => queryOptions({ queryKey: ['opinion', 'vocabulary'], queryFn: () => http.get<OpinionVocabulary>('/opinion/vocabulary'), staleTime: Infinity }),
  cases: (params: OpinionFilter & { page: number; pageSize: number }) =>
    queryOptions({ queryKey: ['opinion', 'cases', params], queryFn: () => http.get<OpinionCases>('/opinion/cases', { ...params }) }),
  settings: () => queryOptions({ queryKey: ['opinion', 'settings'], queryFn: () => http.get<OpinionSettings>('/opinion/settings') }),
  feeds: () => queryOptions({ queryKey: ['opinion', 'feeds'], queryFn: () => http.get<{ items: OpinionFeed[] }>('/opinion/feeds') }),
  case: (id: string) => queryOptions({ queryKey: ['opinion', 'case', id], queryFn: () => http.get<OpinionDetail>(`/opinion/cases/${encodeURIComponent(id)}`) }),
};

export const opinionApi = {
  register: (input: CaseInput) => http.post<OpinionDetail>('/opinion/cases', present(input)),
  act: (id: string, action: Exclude<OpinionAction, 'draft_response'>, input: ActInput) =>
    http.post<OpinionDetail>(`/opinion/cases/${encodeURIComponent(id)}/actions/${action}`, present(input)),
  draftResponse: (id: string, input: { form: 'online_release' | 'expert_interpretation'; title: string; body: string }) =>
    http.post<{ itemId: string }>(`/opinion/cases/${encodeURIComponent(id)}/response-item`, input),
  saveSettings: (input: { feedHosts?: string[]; responseItemHours?: number; rotateSecret?: boolean }) => http.put<OpinionSettings & { webhookSecret?: string }>('/opinion/settings', input),
  addFeed: (input: { name: string; url: string; source: string }) => http.post<OpinionFeed>('/opinion/feeds', input),
  deleteFeed: (id: string) => http.del(`/opinion/feeds/${encodeURIComponent(id)}`),
  poll: () => http.post<PollResult>('/opinion/feeds/poll'),
  exportUrl: (filter: OpinionFilter) => withQuery('/api/v1/opinion/cases/export', { ...filter }),
  reportUrl: (id: string) => `/api/v1/opinion/cases/${encodeURIComponent(id)}/special-report`,
};
