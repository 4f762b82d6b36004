// The opinion endpoints and their queries, beside the pages that use them.
import { queryOptions } from '@tanstack/react-query';
import { API_BASE, client, withQuery } from '../../api';
import type { BodyOf, PathParamsOf } from '../../schema';
import type { ActInput, CaseInput, OpinionFilter } from './types';

/** Forms send null for a cleared field; the opinion endpoints take an absent one. */
const present = <T extends object>(values: T): T => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined && v !== '')) as T;

type CaseAction = PathParamsOf<'/opinion/cases/{id}/actions/{action}', 'post'>['action'];

export const opinionKeys = { all: ['opinion'] as const };

export const opinionQueries = {
  vocabulary: () => queryOptions({ queryKey: ['opinion', 'vocabulary'], queryFn: () => client.get('/opinion/vocabulary'), staleTime: Infinity }),
  cases: (params: OpinionFilter & { page: number; pageSize: number }) =>
    queryOptions({ queryKey: ['opinion', 'cases', params], queryFn: () => client.get('/opinion/cases', { query: params }) }),
  settings: () => queryOptions({ queryKey: ['opinion', 'settings'], queryFn: () => client.get('/opinion/settings') }),
  feeds: () => queryOptions({ queryKey: ['opinion', 'feeds'], queryFn: () => client.get('/opinion/feeds') }),
  case: (id: string) => queryOptions({ queryKey: ['opinion', 'case', id], queryFn: () => client.get('/opinion/cases/{id}', { path: { id } }) }),
};

export const opinionApi = {
  register: (input: CaseInput) => client.post('/opinion/cases', { body: present(input) }),
  act: (id: string, action: CaseAction, input: ActInput) =>
    client.post('/opinion/cases/{id}/actions/{action}', { path: { id, action }, body: present(input) }),
  draftResponse: (id: string, input: BodyOf<'/opinion/cases/{id}/response-item', 'post'>) => client.post('/opinion/cases/{id}/response-item', { path: { id }, body: input }),
  saveSettings: (input: BodyOf<'/opinion/settings', 'put'>) => client.put('/opinion/settings', { body: input }),
  addFeed: (input: BodyOf<'/opinion/feeds', 'post'>) => client.post('/opinion/feeds', { body: input }),
  deleteFeed: (id: string) => client.del('/opinion/feeds/{id}', { path: { id } }),
  poll: () => client.post('/opinion/feeds/poll'),
  exportUrl: (filter: OpinionFilter) => API_BASE + withQuery('/opinion/cases/export', { ...filter }),
  reportUrl: (id: string) => `${API_BASE}/opinion/cases/${encodeURIComponent(id)}/special-report`,
};
