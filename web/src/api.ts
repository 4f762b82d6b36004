// The console's whole data layer: one fetch wrapper, every endpoint of
// docs/api-contract.md, and the TanStack Query options (keys + fetchers) for reads.
import { queryOptions } from '@tanstack/react-query';
import type {
  ActionInput,
  AgencyInput,
  AppConsultationAnswer,
  AppConsultationKind,
  AppealInput,
  AppealResultInput,
  ApplicationAction,
  ApplicationActionInput,
  ApplicationDetail,
  ApplicationIntake,
  ApplicationQuery,
  ApplicationSettings,
  AuditFilter,
  AuditQuery,
  CalendarDayInput,
  CatalogEntriesQuery,
  ConsultationAnswer,
  ConsultationKind,
  DeliveryRecord,
  FilingInput,
  FindingStatus,
  GrantInput,
  ItemAction,
  ItemInput,
  ItemQuery,
  LedgerFilter,
  LedgerQuery,
  LetterTemplateInput,
  ListQuery,
  NegativeEntryInput,
  NegativeListQuery,
  NonPublicQuery,
  PageQuery,
  PasswordChange,
  Period,
  PowerInput,
  PowerQuery,
  PowerStepInput,
  RecheckResult,
  ReviewKind,
  SecuritySettings,
  ServiceInput,
  SiteSettings,
  UnitInput,
  UserCreate,
  UserQuery,
  UserUpdate,
  Validity,
} from './types';
import type { BodyOf, Method, Path, PathOf, PathParamsOf, QueryOf, ResponseOf } from './schema';

export const API_BASE = '/api/v1';

/** An error answered by the server (`{error:{code,message,details}}`) or a network failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

let csrfToken: string | null = null;
let onUnauthorized: () => void = () => {};

/** Called on any 401 outside the credential checks below (the session is gone). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

function clearCsrf(): void {
  csrfToken = null;
}

function keepCsrf<T extends { csrfToken: string }>(result: T): T {
  csrfToken = result.csrfToken;
  return result;
}

// On these a 401 means "wrong password / code", not "session expired".
const CREDENTIAL_PATHS = new Set(['/auth/login', '/auth/mfa', '/auth/mfa/enable', '/auth/password']);

type Verb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryParams = Record<string, string | number | boolean | undefined>;

/** `path?query` without the blank parameters; also builds plain links (downloads, exports). */
export function withQuery(path: string, params?: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

async function errorFrom(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  if (error?.message) {
    return new ApiError(response.status, error.code ?? 'UNKNOWN', error.message, error.details);
  }
  return new ApiError(response.status, `HTTP_${response.status}`, `服务器错误（${response.status}），请稍后重试`);
}

/** A JSON body, or a FormData (multipart upload) sent as the browser encodes it. */
async function request<T>(method: Verb, path: string, body?: unknown, params?: QueryParams): Promise<T> {
  const multipart = body instanceof FormData;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined && !multipart) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(API_BASE + withQuery(path, params), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }

  if (!response.ok) {
    const error = await errorFrom(response);
    if (response.status === 401 && !CREDENTIAL_PATHS.has(path)) {
      clearCsrf();
      onUnauthorized();
    }
    throw error;
  }
  const text = await response.text(); // 204 and bodiless 200s have no JSON
  return (text ? JSON.parse(text) : undefined) as T;
}

const seg = encodeURIComponent;

/** A call of `method path` as the generated types describe it: `{name}` parameters, query and JSON body (or a FormData upload). */
type Call<P extends Path, M extends Method> = {
  path?: PathParamsOf<P, M>;
  query?: QueryOf<P, M>;
  body?: BodyOf<P, M> | FormData;
};

/** `/items/{id}` with each parameter filled in and encoded. */
const fill = (path: string, params: Record<string, string | number> = {}) =>
  path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(params[name])));

const METHODS = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE' } as const;

/** The request typed by the server's OpenAPI document: a path the server does not have, a wrong field or a renamed one fails the type-check. */
function call<M extends Method>(method: M) {
  return <P extends PathOf<M>>(path: P, options: Call<P, M> = {}): Promise<ResponseOf<P, M>> =>
    request<ResponseOf<P, M>>(METHODS[method], fill(path, options.path as Record<string, string>), options.body, options.query as QueryParams);
}

/**
 * The request verbs typed by the server's OpenAPI document: call them with the server's path
 * template and the types follow, e.g. `client.get('/opinion/cases/{id}', { path: { id } })`
 * answers `ResponseOf<'/opinion/cases/{id}', 'get'>` (docs/api-types.md).
 */
export const client = { get: call('get'), post: call('post'), put: call('put'), patch: call('patch'), del: call('delete') };

/** One file as the multipart field `file`. */
function fileForm(file: Blob, name?: string): FormData {
  const form = new FormData();
  form.append('file', file, name ?? (file instanceof File ? file.name : 'file'));
  return form;
}

export const api = {
  auth: {
    login: (username: string, password: string) =>
      client.post('/auth/login', { body: { username, password } }).then(keepCsrf),
    verifyMfa: (code: string) => client.post('/auth/mfa', { body: { code } }).then(keepCsrf),
    setupMfa: () => client.post('/auth/mfa/setup'),
    enableMfa: (code: string) => client.post('/auth/mfa/enable', { body: { code } }).then(keepCsrf),
    logout: () => client.post('/auth/logout').finally(clearCsrf),
    me: () => client.get('/auth/me').then(keepCsrf),
    changePassword: (input: PasswordChange) => client.post('/auth/password', { body: input }),
  },
  agencies: {
    list: () => client.get('/agencies'),
    create: (input: AgencyInput) => client.post('/agencies', { body: input }),
    update: (id: string, input: Partial<AgencyInput>) => client.patch('/agencies/{id}', { path: { id }, body: input }),
  },
  units: {
    list: (agencyId: string) => client.get('/agencies/{agencyId}/units', { path: { agencyId } }),
    create: (agencyId: string, input: UnitInput) => client.post('/agencies/{agencyId}/units', { path: { agencyId }, body: input }),
    update: (id: string, input: Partial<UnitInput>) => client.patch('/units/{id}', { path: { id }, body: input }),
    dissolve: (id: string, successorId: string) => client.post('/units/{id}/dissolve', { path: { id }, body: { successorId } }),
    setContact: (id: string, userId: string) => client.put('/units/{id}/contact', { path: { id }, body: { userId } }),
  },
  users: {
    list: (query: UserQuery) => client.get('/users', { query: { ...query } }),
    create: (input: UserCreate) => client.post('/users', { body: input }),
    update: (id: string, input: UserUpdate) => client.patch('/users/{id}', { path: { id }, body: input }),
    unlock: (id: string) => client.post('/users/{id}/unlock', { path: { id } }),
    resetPassword: (id: string, newPassword: string) => client.post('/users/{id}/reset-password', { path: { id }, body: { newPassword } }),
    grants: (id: string) => client.get('/users/{id}/grants', { path: { id } }),
    addGrant: (id: string, input: GrantInput) => client.post('/users/{id}/grants', { path: { id }, body: input }),
  },
  roles: {
    list: () => client.get('/roles'),
  },
  grants: {
    remove: (id: string) => client.del('/grants/{id}', { path: { id } }),
  },
  audit: {
    list: (query: AuditQuery) => client.get('/audit', { query: { ...query } }),
    verify: () => client.get('/audit/verify'),
    kinds: () => client.get('/audit/kinds'),
    exportUrl: (filter: AuditFilter) => API_BASE + withQuery('/audit.xlsx', { ...filter }),
    checkpoint: () => client.get('/audit/checkpoint'),
  },
  calendar: {
    year: (year: number) => client.get('/calendar/{year}', { path: { year } }),
    setDay: (date: string, input: CalendarDayInput) => client.put('/calendar/days/{date}', { path: { date }, body: input }),
    cover: (year: number) => client.post('/calendar/{year}/cover', { path: { year } }),
    addWorkdays: (from: string, n: number) => client.get('/calendar/add-workdays', { query: { from, n } }),
    workdays: (from: string, to: string) => client.get('/calendar/workdays', { query: { from, to } }),
  },
  todos: {
    list: () => client.get('/todos'),
  },
  settings: {
    security: () => client.get('/settings/security'),
    saveSecurity: (input: SecuritySettings) => client.put('/settings/security', { body: input }),
    site: () => client.get('/settings/site'),
    saveSite: (input: SiteSettings) => client.put('/settings/site', { body: input }),
  },
  documents: {
    vocabulary: () => client.get('/documents/vocabulary'),
    list: (query: ItemQuery) => client.get('/items', { query: { ...query } }),
    get: (id: string) => client.get('/items/{id}', { path: { id } }),
    create: (input: ItemInput) => client.post('/items', { body: input }),
    update: (id: string, input: Partial<ItemInput>) => client.patch('/items/{id}', { path: { id }, body: input }),
    /** A workflow move; answers the item as it now stands. Refusals are 409 with every reason joined by ；. */
    act: (id: string, action: ItemAction, input: ActionInput = {}) =>
      client.post('/items/{id}/actions/{action}', { path: { id, action }, body: input }),
    uploadAttachment: (itemId: string, file: Blob) =>
      client.post('/items/{id}/attachments', { path: { id: itemId }, body: fileForm(file) }),
    /** The text and headings of a Word file, for the body of the drafting form (nothing is stored). */
    importDocx: (file: Blob) => client.post('/items/import-docx', { body: fileForm(file) }),
    removeAttachment: (id: string) => client.del('/attachments/{id}', { path: { id } }),
    /** The office replaces a file of an approved item with a cleaned copy (SEC-10). */
    replaceAttachment: (id: string, file: Blob) =>
      client.post('/attachments/{id}/replace', { path: { id }, body: fileForm(file) }),
    withdrawAttachment: (id: string, reason: string) => client.post('/attachments/{id}/withdraw', { path: { id }, body: { reason } }),
    /** The original file (staff only); a plain link, since a GET needs no CSRF header. */
    attachmentUrl: (id: string) => `${API_BASE}/attachments/${seg(id)}/original`,
    addConsultation: (itemId: string, kind: Exclude<ConsultationKind, 'referral'>, party: string) =>
      client.post('/items/{id}/consultations', { path: { id: itemId }, body: { kind, party } }),
    answerConsultation: (id: string, input: ConsultationAnswer) => client.post('/consultations/{id}/answer', { path: { id }, body: input }),
    extendReferral: (itemId: string, note: string) => client.post('/items/{id}/referral/extend', { path: { id: itemId }, body: { note } }),
    recordCollectiveDecision: (itemId: string, decision: string) =>
      client.put('/items/{id}/collective-decision', { path: { id: itemId }, body: { decision } }),
    addRedaction: (itemId: string, phrase: string, reason: string) =>
      client.post('/items/{id}/redactions', { path: { id: itemId }, body: { phrase, reason } }),
    removeRedaction: (id: string) => client.del('/redactions/{id}', { path: { id } }),
    resolveFinding: (id: string, status: Exclude<FindingStatus, 'open'>, reason: string) =>
      client.post('/findings/{id}/resolve', { path: { id }, body: { status, reason } }),
    setValidity: (itemId: string, validity: Validity, reason: string) =>
      client.post('/items/{id}/validity', { path: { id: itemId }, body: { validity, reason } }),
    recordPaperCopies: (itemId: string, copies: number) => client.put('/items/{id}/paper-copies', { path: { id: itemId }, body: { copies } }),
    ledger: (query: LedgerQuery) => client.get('/ledger', { query: { ...query } }),
    ledgerExportUrl: (filter: LedgerFilter) => API_BASE + withQuery('/ledger.xlsx', { ...filter }),
    nonPublicRegister: (query: NonPublicQuery) => client.get('/register/non-public', { query: { ...query } }),
    recheck: (itemId: string, result: RecheckResult, reason: string) =>
      client.post('/items/{id}/recheck', { path: { id: itemId }, body: { result, reason } }),
  },
  /** 依申请公开. Most writes answer the case as it now stands; refusals are 409 with a Chinese message. */
  applications: {
    vocabulary: () => client.get('/applications/vocabulary'),
    /** An agency's settings: automatic confirmation (LAW-31), the extension's approver (LAW-33), the letters' bodies, its own rule's name. */
    settings: (agencyId: string) => client.get('/agencies/{agencyId}/application-settings', { path: { agencyId } }),
    saveSettings: (agencyId: string, input: ApplicationSettings) => client.put('/agencies/{agencyId}/application-settings', { path: { agencyId }, body: input }),
    list: (query: ApplicationQuery) => client.get('/applications', { query: { ...query } }),
    /** The queue as filtered, as Excel; a plain link, since a GET needs no CSRF header. */
    exportUrl: (query: Omit<ApplicationQuery, 'page' | 'pageSize'>) => API_BASE + withQuery('/applications.xlsx', { ...query }),
    get: (id: string) => client.get('/applications/{id}', { path: { id } }),
    /** Office intake (APP-2, LAW-31, APP-5); the secret comes back this once only. */
    create: (input: ApplicationIntake) => client.post('/applications', { body: input }),
    act: (id: string, action: ApplicationAction, input: ApplicationActionInput = {}) =>
      client.post('/applications/{id}/actions/{action}', { path: { id, action }, body: input }),
    /** APP-3: split a multi-matter application; the first part stays here. */
    split: (id: string, parts: string[]) => client.post('/applications/{id}/split', { path: { id }, body: { parts } }),
    /** LAW-33: the leader's one extension. */
    extend: (id: string, reason: string) => client.post('/applications/{id}/extend', { path: { id }, body: { reason } }),
    /** APP-6: each review by its own role while the reply is under review. */
    review: (id: string, kind: ReviewKind, opinion: string) =>
      client.post('/applications/{id}/reviews', { path: { id }, body: { kind, opinion } }),
    consult: (id: string, kind: AppConsultationKind, party: string) =>
      client.post('/applications/{id}/consultations', { path: { id }, body: { kind, party } }),
    answerConsultation: (consultationId: string, input: AppConsultationAnswer) =>
      client.post('/application-consultations/{id}/answer', { path: { id: consultationId }, body: input }),
    recordDelivery: (id: string, input: DeliveryRecord) => client.post('/applications/{id}/delivery', { path: { id }, body: input }),
    addAppeal: (id: string, input: AppealInput) => client.post('/applications/{id}/appeals', { path: { id }, body: input }),
    recordAppealResult: (appealId: string, input: AppealResultInput) =>
      client.post('/application-appeals/{id}/result', { path: { id: appealId }, body: input }),
    /** LAW-37: information provided to the applicant; `redact` phrases are removed from a PDF or Word file. */
    uploadProvided: (id: string, file: Blob, redact: string[]) =>
      request<ApplicationDetail>('POST', `/applications/${seg(id)}/files${redact.length ? `?${redact.map((p) => `redact=${seg(p)}`).join('&')}` : ''}`, fileForm(file)),
    /** A letter or provided file (staff only); a plain link. */
    fileUrl: (id: string) => `${API_BASE}/application-files/${seg(id)}`,
    table3: (period: Period) => client.get('/applications/stats/table3', { query: { ...period } }),
    table3ExportUrl: (period: Period) => API_BASE + withQuery('/applications/stats/table3.xlsx', { ...period }),
  },
  /** 目录条目 (CAT-4): the own agency's public catalog, browsed or searched as the portal does. */
  catalog: {
    entries: (query: CatalogEntriesQuery) => client.get('/catalog/entries', { query: { ...query } }),
    entriesExportUrl: (query: Omit<CatalogEntriesQuery, 'page' | 'pageSize'>) => API_BASE + withQuery('/catalog/entries.xlsx', { ...query }),
  },
  /** 文书模板: the office's letter template of an agency (发文字号, 落款, contact line, remedies' bodies). */
  letterTemplates: {
    get: (agencyId: string) => client.get('/letter-templates/{agencyId}', { path: { agencyId } }),
    save: (agencyId: string, input: LetterTemplateInput) => client.put('/letter-templates/{agencyId}', { path: { agencyId }, body: input }),
    /** A sample reply in the saved template, as an image; `version` changes the address after each save. */
    previewUrl: (agencyId: string, version: number) => `${API_BASE}/letter-templates/${seg(agencyId)}/preview.png?v=${version}`,
  },
  /** 目录备案 (CAT-2) of the user's own agency. */
  filings: {
    list: () => client.get('/catalog/filings'),
    preview: (period: string, query: PageQuery) => client.get('/catalog/filings/periods/{period}', { path: { period }, query: { ...query } }),
    create: (input: FilingInput) => client.post('/catalog/filings', { body: input }),
    /** The Excel list as filed; a plain link. */
    fileUrl: (id: string) => `${API_BASE}/catalog/filings/${seg(id)}/file`,
  },
  /** The published lists the office keeps (CAT-5, FIVE-4, FIVE-3); refusals are 400 with every reason joined by ；. */
  lists: {
    vocabulary: () => client.get('/lists/vocabulary'),
    negative: (query: NegativeListQuery) => client.get('/negative-list', { query: { ...query } }),
    createNegative: (input: NegativeEntryInput) => client.post('/negative-list', { body: input }),
    updateNegative: (id: string, input: NegativeEntryInput) => client.patch('/negative-list/{id}', { path: { id }, body: input }),
    removeNegative: (id: string) => client.del('/negative-list/{id}', { path: { id } }),
    services: (query: ListQuery) => client.get('/services', { query: { ...query } }),
    createService: (input: ServiceInput) => client.post('/services', { body: input }),
    updateService: (id: string, input: ServiceInput) => client.patch('/services/{id}', { path: { id }, body: input }),
    removeService: (id: string) => client.del('/services/{id}', { path: { id } }),
    powers: (query: PowerQuery) => client.get('/powers', { query: { ...query } }),
    createPower: (input: PowerInput) => client.post('/powers', { body: input }),
    updatePower: (id: string, input: PowerInput) => client.patch('/powers/{id}', { path: { id }, body: input }),
    removePower: (id: string) => client.del('/powers/{id}', { path: { id } }),
    /** The chart of unsaved steps, drawn by the same code as the portal's. */
    flowPreview: (name: string, steps: PowerStepInput[]) => client.post('/powers/flow-preview', { body: { name, steps } }),
  },
};

/** The public pages of the published lists on the disclosure portal. */
export const publicListUrl = (agencyCode: string, list: 'negative-list' | 'services' | 'powers', id?: string) =>
  `/xxgk/${seg(agencyCode)}/${list}${id ? `/${seg(id)}` : ''}`;

/** The public page of a published item on the disclosure portal (outside the console). */
export const publicItemUrl = (agencyCode: string, itemId: string) => `/xxgk/${seg(agencyCode)}/items/${seg(itemId)}`;

/**
 * Query keys are hierarchical so a mutation can invalidate a whole family:
 * `keys.users` after creating a user refreshes every users page and every user's grants.
 */
export const keys = {
  me: ['me'],
  mfaSetup: ['mfa-setup'],
  agencies: ['agencies'],
  units: (agencyId: string) => ['units', agencyId],
  users: ['users'],
  grants: (userId: string) => ['users', userId, 'grants'],
  roles: ['roles'],
  audit: ['audit'],
  calendar: ['calendar'],
  todos: ['todos'],
  securitySettings: ['settings', 'security'],
  siteSettings: ['settings', 'site'],
  /** Everything of the documents capability: a workflow move refreshes lists, registers and the detail. */
  documents: ['documents'],
  /** Fixed labels: kept outside `documents`, so refreshing the documents does not refetch them. */
  docVocabulary: ['doc-vocabulary'],
  items: ['documents', 'items'],
  item: (id: string) => ['documents', 'item', id],
  ledger: ['documents', 'ledger'],
  nonPublicRegister: ['documents', 'non-public'],
  /** Everything of the applications capability: a move refreshes the queue, the case and the statistics. */
  applications: ['applications'],
  appVocabulary: ['app-vocabulary'],
  applicationList: ['applications', 'list'],
  application: (id: string) => ['applications', 'case', id],
  table3: ['applications', 'table3'],
  catalogEntries: ['catalog', 'entries'],
  letterTemplates: ['letter-templates'],
  /** 目录备案: filing a quarter refreshes the list and every preview. */
  filings: ['filings'],
  /** The published lists: a write refreshes that list's pages. */
  lists: ['lists'],
  listVocabulary: ['list-vocabulary'],
  negativeList: ['lists', 'negative'],
  services: ['lists', 'services'],
  powers: ['lists', 'powers'],
} as const;

export const queries = {
  me: () => queryOptions({ queryKey: keys.me, queryFn: api.auth.me }),
  /** Each call creates a new TOTP secret, so it is fetched once per enrolment screen. */
  mfaSetup: () =>
    queryOptions({ queryKey: keys.mfaSetup, queryFn: api.auth.setupMfa, staleTime: Infinity, gcTime: 0, retry: false }),
  agencies: () => queryOptions({ queryKey: keys.agencies, queryFn: api.agencies.list }),
  units: (agencyId: string) => queryOptions({ queryKey: keys.units(agencyId), queryFn: () => api.units.list(agencyId) }),
  users: (query: UserQuery) =>
    queryOptions({ queryKey: [...keys.users, query], queryFn: () => api.users.list(query) }),
  grants: (userId: string) => queryOptions({ queryKey: keys.grants(userId), queryFn: () => api.users.grants(userId) }),
  roles: () => queryOptions({ queryKey: keys.roles, queryFn: api.roles.list, staleTime: Infinity }),
  audit: (query: AuditQuery) =>
    queryOptions({ queryKey: [...keys.audit, query], queryFn: () => api.audit.list(query) }),
  auditKinds: () => queryOptions({ queryKey: [...keys.audit, 'kinds'], queryFn: api.audit.kinds, staleTime: Infinity }),
  calendar: (year: number) =>
    queryOptions({ queryKey: [...keys.calendar, year], queryFn: () => api.calendar.year(year) }),
  addWorkdays: (from: string, n: number) =>
    queryOptions({
      queryKey: [...keys.calendar, 'add-workdays', from, n],
      queryFn: () => api.calendar.addWorkdays(from, n),
    }),
  workdays: (from: string, to: string) =>
    queryOptions({
      queryKey: [...keys.calendar, 'workdays', from, to],
      queryFn: () => api.calendar.workdays(from, to),
    }),
  todos: () => queryOptions({ queryKey: keys.todos, queryFn: api.todos.list }),
  securitySettings: () => queryOptions({ queryKey: keys.securitySettings, queryFn: api.settings.security }),
  siteSettings: () => queryOptions({ queryKey: keys.siteSettings, queryFn: api.settings.site }),
  docVocabulary: () =>
    queryOptions({ queryKey: keys.docVocabulary, queryFn: api.documents.vocabulary, staleTime: Infinity }),
  items: (query: ItemQuery) => queryOptions({ queryKey: [...keys.items, query], queryFn: () => api.documents.list(query) }),
  item: (id: string) => queryOptions({ queryKey: keys.item(id), queryFn: () => api.documents.get(id) }),
  ledger: (query: LedgerQuery) => queryOptions({ queryKey: [...keys.ledger, query], queryFn: () => api.documents.ledger(query) }),
  nonPublicRegister: (query: NonPublicQuery) =>
    queryOptions({ queryKey: [...keys.nonPublicRegister, query], queryFn: () => api.documents.nonPublicRegister(query) }),
  appVocabulary: () =>
    queryOptions({ queryKey: keys.appVocabulary, queryFn: api.applications.vocabulary, staleTime: Infinity }),
  applications: (query: ApplicationQuery) =>
    queryOptions({ queryKey: [...keys.applicationList, query], queryFn: () => api.applications.list(query) }),
  application: (id: string) => queryOptions({ queryKey: keys.application(id), queryFn: () => api.applications.get(id) }),
  table3: (period: Period) =>
    queryOptions({ queryKey: [...keys.table3, period], queryFn: () => api.applications.table3(period) }),
  letterTemplate: (agencyId: string) =>
    queryOptions({ queryKey: [...keys.letterTemplates, agencyId], queryFn: () => api.letterTemplates.get(agencyId) }),
  filings: () => queryOptions({ queryKey: keys.filings, queryFn: api.filings.list }),
  filingPreview: (period: string, query: PageQuery) =>
    queryOptions({ queryKey: [...keys.filings, 'preview', period, query], queryFn: () => api.filings.preview(period, query) }),
  listVocabulary: () => queryOptions({ queryKey: keys.listVocabulary, queryFn: api.lists.vocabulary, staleTime: Infinity }),
  catalogEntries: (query: CatalogEntriesQuery) =>
    queryOptions({ queryKey: [...keys.catalogEntries, query], queryFn: () => api.catalog.entries(query) }),
  negativeList: (query: NegativeListQuery) =>
    queryOptions({ queryKey: [...keys.negativeList, query], queryFn: () => api.lists.negative(query) }),
  services: (query: ListQuery) => queryOptions({ queryKey: [...keys.services, query], queryFn: () => api.lists.services(query) }),
  powers: (query: PowerQuery) => queryOptions({ queryKey: [...keys.powers, query], queryFn: () => api.lists.powers(query) }),
};
