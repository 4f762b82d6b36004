// 发布协调 endpoints and their query options.
import { queryOptions } from '@tanstack/react-query';
import { API_BASE, client, withQuery } from '../../api';
import type { ActOnRequestInput, CoordinationAction, CoordinationBox, SendRequestInput } from './types';

/** Blank optional fields (FormModal sends them as null) are left out. */
const present = <T extends object>(values: T) => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined && v !== '')) as { [K in keyof T]?: Exclude<T[K], null> };

export const coordinationKeys = {
  all: ['coordination'] as const,
  box: (box: CoordinationBox, page: number, pageSize: number) => ['coordination', 'box', box, page, pageSize] as const,
  request: (id: string) => ['coordination', 'request', id] as const,
  subject: (type: string, id: string) => ['coordination', 'subject', type, id] as const,
};

export const coordinationApi = {
  list: (box: CoordinationBox, page: number, pageSize: number) => client.get('/coordination/requests', { query: { box, page, pageSize } }),
  get: (id: string) => client.get('/coordination/requests/{id}', { path: { id } }),
  subject: (type: 'item', id: string) => client.get('/coordination/subjects/{type}/{id}', { path: { type, id } }),
  send: (input: SendRequestInput) => client.post('/coordination/requests', { body: present(input) as SendRequestInput }),
  act: (id: string, action: CoordinationAction, input: ActOnRequestInput) => client.post('/coordination/requests/{id}/actions/{action}', { path: { id, action }, body: present(input) }),
  letterUrl: (id: string, which: 'request' | 'answer') => API_BASE + withQuery(`/coordination/requests/${encodeURIComponent(id)}/letters/${which}`),
};

export const coordinationQueries = {
  box: (box: CoordinationBox, page: number, pageSize: number) => queryOptions({ queryKey: coordinationKeys.box(box, page, pageSize), queryFn: () => coordinationApi.list(box, page, pageSize) }),
  request: (id: string) => queryOptions({ queryKey: coordinationKeys.request(id), queryFn: () => coordinationApi.get(id) }),
  subject: (type: 'item', id: string) => queryOptions({ queryKey: coordinationKeys.subject(type, id), queryFn: () => coordinationApi.subject(type, id) }),
};
