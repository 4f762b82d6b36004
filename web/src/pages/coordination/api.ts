// 发布协调 endpoints and their query options.
import { queryOptions } from '@tanstack/react-query';
import { http, withQuery } from '../../api';
import type { ActOnRequestInput, CoordinationAction, CoordinationBox, CoordinationPage, CoordinationRequest, SendRequestInput, SubjectCoordination } from './types';

const seg = encodeURIComponent;
/** Blank optional fields (FormModal sends them as null) are left out. */
const present = <T extends object>(values: T) => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined && v !== '')) as T;

export const coordinationKeys = {
  all: ['coordination'] as const,
  box: (box: CoordinationBox, page: number, pageSize: number) => ['coordination', 'box', box, page, pageSize] as const,
  request: (id: string) => ['coordination', 'request', id] as const,
  subject: (type: string, id: string) => ['coordination', 'subject', type, id] as const,
};

export const coordinationApi = {
  list: (box: CoordinationBox, page: number, pageSize: number) => http.get<CoordinationPage>('/coordination/requests', { box, page, pageSize }),
  get: (id: string) => http.get<CoordinationRequest>(`/coordination/requests/${seg(id)}`),
  subject: (type: string, id: string) => http.get<SubjectCoordination>(`/coordination/subjects/${seg(type)}/${seg(id)}`),
  send: (input: SendRequestInput) => http.post<CoordinationRequest>('/coordination/requests', present(input)),
  act: (id: string, action: CoordinationAction, input: ActOnRequestInput) => http.post<CoordinationRequest>(`/coordination/requests/${seg(id)}/actions/${action}`, present(input)),
  letterUrl: (id: string, which: 'request' | 'answer') => `/api/v1${withQuery(`/coordination/requests/${seg(id)}/letters/${which}`)}`,
};

export const coordinationQueries = {
  box: (box: CoordinationBox, page: number, pageSize: number) => queryOptions({ queryKey: coordinationKeys.box(box, page, pageSize), queryFn: () => coordinationApi.list(box, page, pageSize) }),
  request: (id: string) => queryOptions({ queryKey: coordinationKeys.request(id), queryFn: () => coordinationApi.get(id) }),
  subject: (type: string, id: string) => queryOptions({ queryKey: coordinationKeys.subject(type, id), queryFn: () => coordinationApi.subject(type, id) }),
};
