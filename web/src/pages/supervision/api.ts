// The 监督考评 endpoints (src/modules/supervision/supervision.routes.ts).
import { API_BASE, client, withQuery } from '../../api';
import type { BodyOf, QueryOf } from '../../schema';
import type { ClockQuery, Resolution, Scores } from './types';

type Period = QueryOf<'/supervision/accountability.xlsx', 'get'>;

export const supervisionApi = {
  vocabulary: () => client.get('/supervision/vocabulary'),
  dashboard: (agencyId?: string) => client.get('/supervision/dashboard', { query: { agencyId } }),
  clocks: (query: ClockQuery) => client.get('/supervision/clocks', { query }),
  accountability: (query: QueryOf<'/supervision/accountability', 'get'>) => client.get('/supervision/accountability', { query }),
  accountabilityExportUrl: (period: Period) => API_BASE + withQuery('/supervision/accountability.xlsx', period),
  selfChecks: (week?: string) => client.get('/supervision/self-checks', { query: { week } }),
  openSelfCheck: (unitId: string, week?: string) => client.post('/supervision/self-checks', { body: { unitId, week } }),
  selfCheck: (id: string) => client.get('/supervision/self-checks/{id}', { path: { id } }),
  addFinding: (id: string, text: string) => client.post('/supervision/self-checks/{id}/findings', { path: { id }, body: { text } }),
  resolveFinding: (id: string, findingId: string, resolution: Resolution, note: string) =>
    client.post('/supervision/self-checks/{id}/findings/{findingId}', { path: { id, findingId }, body: { resolution, note } }),
  completeSelfCheck: (id: string) => client.post('/supervision/self-checks/{id}/complete', { path: { id } }),
  templates: (year: number) => client.get('/supervision/templates', { query: { year } }),
  saveTemplate: (input: BodyOf<'/supervision/templates', 'post'>) => client.post('/supervision/templates', { body: input }),
  createAssessment: (input: BodyOf<'/supervision/assessments', 'post'>) => client.post('/supervision/assessments', { body: input }),
  assessment: (id: string) => client.get('/supervision/assessments/{id}', { path: { id } }),
  score: (id: string, scores: Scores) => client.put('/supervision/assessments/{id}/scores', { path: { id }, body: { scores } }),
  sign: (id: string) => client.post('/supervision/assessments/{id}/sign', { path: { id } }),
  results: (year: number) => client.get('/supervision/results', { query: { year } }),
  resultsExportUrl: (year: number) => API_BASE + withQuery('/supervision/results.xlsx', { year }),
};

export const supervisionKeys = { all: ['supervision'] as const };
