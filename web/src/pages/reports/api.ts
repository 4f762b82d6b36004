// Endpoints of the reports pages.
import { API_BASE, client, withQuery } from '../../api';
import type { AnnualAction, AnnualUpdate, ReportEntryInput } from './types';

const seg = encodeURIComponent;

export const reportsApi = {
  list: (year: number) => client.get('/reports/annual', { query: { year } }),
  create: (year: number) => client.post('/reports/annual', { body: { year } }),
  get: (id: string) => client.get('/reports/annual/{id}', { path: { id } }),
  update: (id: string, body: AnnualUpdate) => client.put('/reports/annual/{id}', { path: { id }, body }),
  act: (id: string, action: AnnualAction, opinion: string) => client.post('/reports/annual/{id}/actions/{action}', { path: { id, action }, body: { opinion } }),
  correct: (id: string, reason: string) => client.post('/reports/annual/{id}/correct', { path: { id }, body: { reason } }),
  records: (id: string, key: string) => client.get('/reports/annual/{id}/records', { path: { id }, query: { key } }),
  fileUrl: (id: string, format: 'docx' | 'pdf' | 'xlsx') => API_BASE + withQuery(`/reports/annual/${seg(id)}/file`, { format }),
  entries: (year: number) => client.get('/reports/entries', { query: { year } }),
  addEntry: (body: ReportEntryInput) => client.post('/reports/entries', { body }),
  deleteEntry: (id: string) => client.del('/reports/entries/{id}', { path: { id } }),
  importEntries: (year: number, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return client.post('/reports/entries/import', { query: { year }, body: form });
  },
  city: (year: number) => client.get('/reports/city-summary', { query: { year } }),
  cityUrl: (year: number) => API_BASE + withQuery('/reports/city-summary.xlsx', { year }),
  charts: (year: number) => client.get('/reports/charts', { query: { year } }),
  settings: () => client.get('/reports/settings'),
  setDueDay: (annualDueDay: number) => client.put('/reports/settings', { body: { annualDueDay } }),
  monthly: (month: string) => client.get('/reports/monthly/{month}', { path: { month } }),
  submitMonthly: (month: string) => client.post('/reports/monthly/{month}/submit', { path: { month } }),
  monthlyUrl: (month: string, format: 'docx' | 'xlsx') => API_BASE + withQuery(`/reports/monthly/${seg(month)}/file`, { format }),
};
