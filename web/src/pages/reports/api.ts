// Endpoints of the reports pages.
import { http, withQuery } from '../../api';
import type { AnnualAction, AnnualListEntry, AnnualReport, CitySummary, MonthlyReport, RecordRef, ReportCharts, ReportEntry, ReportTexts } from './types';

const BASE = '/api/v1';
const seg = encodeURIComponent;

export const reportsApi = {
  list: (year: number) => http.get<{ year: number; agencies: AnnualListEntry[] }>('/reports/annual', { year }),
  create: (year: number) => http.post<AnnualReport>('/reports/annual', { year }),
  get: (id: string) => http.get<AnnualReport>(`/reports/annual/${seg(id)}`),
  update: (id: string, body: { texts: ReportTexts; stockReason: string }) => http.put<AnnualReport>(`/reports/annual/${seg(id)}`, body),
  act: (id: string, action: AnnualAction, opinion: string) => http.post<AnnualReport>(`/reports/annual/${seg(id)}/actions/${action}`, { opinion }),
  correct: (id: string, reason: string) => http.post<AnnualReport>(`/reports/annual/${seg(id)}/correct`, { reason }),
  records: (id: string, key: string) => http.get<{ key: string; value: number; records: RecordRef[] }>(`/reports/annual/${seg(id)}/records`, { key }),
  fileUrl: (id: string, format: 'docx' | 'pdf' | 'xlsx') => BASE + withQuery(`/reports/annual/${seg(id)}/file`, { format }),
  entries: (year: number) => http.get<{ keys: Record<string, string>; items: ReportEntry[] }>('/reports/entries', { year }),
  addEntry: (body: { year: number; key: string; value: number; source: string }) => http.post('/reports/entries', body),
  deleteEntry: (id: string) => http.del(`/reports/entries/${seg(id)}`),
  importEntries: (year: number, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return http.post(withQuery('/reports/entries/import', { year }), form);
  },
  city: (year: number) => http.get<CitySummary>('/reports/city-summary', { year }),
  cityUrl: (year: number) => BASE + withQuery('/reports/city-summary.xlsx', { year }),
  charts: (year: number) => http.get<ReportCharts>('/reports/charts', { year }),
  monthly: (month: string) => http.get<MonthlyReport>(`/reports/monthly/${seg(month)}`),
  submitMonthly: (month: string) => http.post<MonthlyReport>(`/reports/monthly/${seg(month)}/submit`),
  monthlyUrl: (month: string, format: 'docx' | 'xlsx') => BASE + withQuery(`/reports/monthly/${seg(month)}/file`, { format }),
};
