// The 政策解读 endpoints, kept beside their pages.
import { http } from '../../api';
import type { InterpretationDetail, InterpretationInput, InterpretationVocabulary, SyncOverview, YearView } from './types';

const seg = encodeURIComponent;

export const interpretationKeys = {
  all: ['interpretation'] as const,
  overview: (q: object) => ['interpretation', 'overview', q] as const,
  detail: (id: string) => ['interpretation', 'detail', id] as const,
  year: (year: number) => ['interpretation', 'year', year] as const,
  vocabulary: ['interpretation', 'vocabulary'] as const,
};

export const interpretationApi = {
  vocabulary: () => http.get<InterpretationVocabulary>('/interpretations/vocabulary'),
  overview: (q: { page: number; pageSize: number; pending?: boolean }) => http.get<SyncOverview>('/interpretations', q),
  get: (id: string) => http.get<InterpretationDetail>(`/interpretations/${seg(id)}`),
  create: (input: InterpretationInput) => http.post<InterpretationDetail>('/interpretations', input),
  update: ({ id, ...input }: Partial<InterpretationInput> & { id: string }) => http.patch<InterpretationDetail>(`/interpretations/${seg(id)}`, input),
  reissue: ({ id, ...input }: Omit<InterpretationInput, 'policyIds'> & { id: string; reason: string }) =>
    http.post<InterpretationDetail>(`/interpretations/${seg(id)}/reissue`, input),
  year: (year: number) => http.get<YearView>('/interpretations/year', { year }),
  setDays: (days: number) => http.put<{ days: number }>('/interpretations/settings', { days }),
};
