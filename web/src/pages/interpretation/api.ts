// The 政策解读 endpoints, kept beside their pages.
import { client } from '../../api';
import type { BodyOf } from '../../schema';
import type { InterpretationInput } from './types';

export const interpretationKeys = {
  all: ['interpretation'] as const,
  overview: (q: object) => ['interpretation', 'overview', q] as const,
  detail: (id: string) => ['interpretation', 'detail', id] as const,
  year: (year: number) => ['interpretation', 'year', year] as const,
  vocabulary: ['interpretation', 'vocabulary'] as const,
};

export const interpretationApi = {
  vocabulary: () => client.get('/interpretations/vocabulary'),
  overview: (q: { page: number; pageSize: number; pending?: boolean }) => client.get('/interpretations', { query: q }),
  get: (id: string) => client.get('/interpretations/{id}', { path: { id } }),
  create: (input: InterpretationInput) => client.post('/interpretations', { body: input }),
  update: ({ id, ...input }: BodyOf<'/interpretations/{id}', 'patch'> & { id: string }) => client.patch('/interpretations/{id}', { path: { id }, body: input }),
  reissue: ({ id, ...input }: BodyOf<'/interpretations/{id}/reissue', 'post'> & { id: string }) => client.post('/interpretations/{id}/reissue', { path: { id }, body: input }),
  year: (year: number) => client.get('/interpretations/year', { query: { year } }),
  setDays: (days: number) => client.put('/interpretations/settings', { body: { days } }),
};
