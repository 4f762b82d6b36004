// The 监督考评 endpoints (src/modules/supervision/supervision.routes.ts).
import { API_BASE, http, withQuery } from '../../api';
import type { Page } from '../../types';
import type {
  Assessment, AssessmentKind, ClockQuery, Clock, Dashboard, MissedClock, ResultRow, Resolution, Scores, SelfCheck, SelfCheckWeek, SupervisionVocabulary, Template, TemplateBody,
} from './types';

const seg = encodeURIComponent;
type Period = { agencyId?: string; from: string; to: string };

export const supervisionApi = {
  vocabulary: () => http.get<SupervisionVocabulary>('/supervision/vocabulary'),
  dashboard: (agencyId?: string) => http.get<Dashboard>('/supervision/dashboard', { agencyId }),
  clocks: (query: ClockQuery) => http.get<Page<Clock>>('/supervision/clocks', { ...query }),
  accountability: (query: Period & { page: number; pageSize: number }) => http.get<Page<MissedClock>>('/supervision/accountability', query),
  accountabilityExportUrl: (period: Period) => API_BASE + withQuery('/supervision/accountability.xlsx', period),
  selfChecks: (week?: string) => http.get<SelfCheckWeek>('/supervision/self-checks', { week }),
  openSelfCheck: (unitId: string, week?: string) => http.post<SelfCheck>('/supervision/self-checks', { unitId, week }),
  selfCheck: (id: string) => http.get<SelfCheck>(`/supervision/self-checks/${seg(id)}`),
  addFinding: (id: string, text: string) => http.post<SelfCheck>(`/supervision/self-checks/${seg(id)}/findings`, { text }),
  resolveFinding: (id: string, findingId: string, resolution: Resolution, note: string) =>
    http.post<SelfCheck>(`/supervision/self-checks/${seg(id)}/findings/${seg(findingId)}`, { resolution, note }),
  completeSelfCheck: (id: string) => http.post<SelfCheck>(`/supervision/self-checks/${seg(id)}/complete`),
  templates: (year: number) => http.get<{ year: number; items: Template[] }>('/supervision/templates', { year }),
  saveTemplate: (input: { family: string; year: number; name: string; body: TemplateBody }) => http.post<Template>('/supervision/templates', input),
  createAssessment: (input: { agencyId: string; templateId: string; kind: AssessmentKind; year: number }) => http.post<Assessment>('/supervision/assessments', input),
  assessment: (id: string) => http.get<Assessment>(`/supervision/assessments/${seg(id)}`),
  score: (id: string, scores: Scores) => http.put<Assessment>(`/supervision/assessments/${seg(id)}/scores`, { scores }),
  sign: (id: string) => http.post<Assessment>(`/supervision/assessments/${seg(id)}/sign`),
  results: (year: number) => http.get<{ year: number; items: ResultRow[] }>('/supervision/results', { year }),
  resultsExportUrl: (year: number) => API_BASE + withQuery('/supervision/results.xlsx', { year }),
};

export const supervisionKeys = { all: ['supervision'] as const };
