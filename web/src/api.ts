// The console's whole data layer: one fetch wrapper, every endpoint of
// docs/api-contract.md, and the TanStack Query options (keys + fetchers) for reads.
import { queryOptions } from '@tanstack/react-query';
import type {
  ActionInput,
  AddWorkdaysResult,
  Agency,
  AgencyInput,
  AppConsultationAnswer,
  AppConsultationKind,
  AppealInput,
  AppealResultInput,
  ApplicationAction,
  ApplicationActionInput,
  ApplicationDetail,
  ApplicationSettings,
  ApplicationIntake,
  ApplicationListEntry,
  ApplicationQuery,
  ApplicationRegistered,
  AppVocabulary,
  AuditEvent,
  AuditFilter,
  AuditKind,
  AuditQuery,
  AuditCheckpoint,
  AuditVerification,
  CatalogEntries,
  CatalogEntriesQuery,
  CatalogFiling,
  CatalogFilings,
  CalendarDayInput,
  CalendarYear,
  ConsultationAnswer,
  ConsultationKind,
  DocVocabulary,
  FilingInput,
  FilingPreview,
  FindingStatus,
  Grant,
  GrantInput,
  Item,
  ItemAction,
  ItemAttachment,
  ItemDetail,
  ItemInput,
  ItemListEntry,
  ItemQuery,
  Items,
  LedgerEntry,
  LedgerFilter,
  LedgerQuery,
  LetterTemplate,
  LetterTemplateInput,
  LoginResult,
  Me,
  MfaSetup,
  NonPublicEntry,
  NonPublicQuery,
  DeliveryRecord,
  Page,
  PageQuery,
  PasswordChange,
  Period,
  RecheckResult,
  ReviewKind,
  RoleInfo,
  SecuritySettings,
  SiteSettings,
  Table3Report,
  Todo,
  Unit,
  UnitInput,
  User,
  UserCreate,
  UserQuery,
  UserUpdate,
  Validity,
  WorkdayCount,
  ListQuery,
  ListVocabulary,
  NegativeEntry,
  NegativeEntryInput,
  NegativeListQuery,
  Power,
  PowerInput,
  PowerQuery,
  PowerStepInput,
  ServiceInput,
  ServiceItem,
} from './types';

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

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
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
async function request<T>(method: Method, path: string, body?: unknown, params?: QueryParams): Promise<T> {
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

const get = <T>(path: string, params?: QueryParams) => request<T>('GET', path, undefined, params);
const post = <T = void>(path: string, body?: unknown) => request<T>('POST', path, body);
const put = <T = void>(path: string, body: unknown) => request<T>('PUT', path, body);
const patch = <T = void>(path: string, body: unknown) => request<T>('PATCH', path, body);
const del = <T = void>(path: string) => request<T>('DELETE', path);
const seg = encodeURIComponent;

/** The typed verbs, for the feature folders that keep their own endpoints beside their pages. */
export const http = { get, post, put, patch, del };

/** One file as the multipart field `file`. */
function fileForm(file: Blob, name?: string): FormData {
  const form = new FormData();
  form.append('file', file, name ?? (file instanceof File ? file.name : 'file'));
  return form;
}

export const api = {
  auth: {
    login: (username: string, password: string) =>
      post<LoginResult>('/auth/login', { username, password }).then(keepCsrf),
    verifyMfa: (code: string) => post<LoginResult>('/auth/mfa', { code }).then(keepCsrf),
    setupMfa: () => post<MfaSetup>('/auth/mfa/setup'),
    enableMfa: (code: string) => post<LoginResult>('/auth/mfa/enable', { code }).then(keepCsrf),
    logout: () => post('/auth/logout').finally(clearCsrf),
    me: () => get<Me>('/auth/me').then(keepCsrf),
    changePassword: (input: PasswordChange) => post('/auth/password', input),
  },
  agencies: {
    list: () => get<Items<Agency>>('/agencies'),
    create: (input: AgencyInput) => post<Agency>('/agencies', input),
    update: (id: string, input: Partial<AgencyInput>) => patch<Agency>(`/agencies/${seg(id)}`, input),
  },
  units: {
    list: (agencyId: string) => get<Items<Unit>>(`/agencies/${seg(agencyId)}/units`),
    create: (agencyId: string, input: UnitInput) => post<Unit>(`/agencies/${seg(agencyId)}/units`, input),
    update: (id: string, input: Partial<UnitInput>) => patch<Unit>(`/units/${seg(id)}`, input),
    dissolve: (id: string, successorId: string) => post(`/units/${seg(id)}/dissolve`, { successorId }),
    setContact: (id: string, userId: string) => put(`/units/${seg(id)}/contact`, { userId }),
  },
  users: {
    list: (query: UserQuery) => get<Page<User>>('/users', { ...query }),
    create: (input: UserCreate) => post<User>('/users', input),
    update: (id: string, input: UserUpdate) => patch<User>(`/users/${seg(id)}`, input),
    unlock: (id: string) => post(`/users/${seg(id)}/unlock`),
    resetPassword: (id: string, newPassword: string) => post(`/users/${seg(id)}/reset-password`, { newPassword }),
    grants: (id: string) => get<Items<Grant>>(`/users/${seg(id)}/grants`),
    addGrant: (id: string, input: GrantInput) => post<Grant>(`/users/${seg(id)}/grants`, input),
  },
  roles: {
    list: () => get<Items<RoleInfo>>('/roles'),
  },
  grants: {
    remove: (id: string) => del(`/grants/${seg(id)}`),
  },
  audit: {
    list: (query: AuditQuery) => get<Page<AuditEvent>>('/audit', { ...query }),
    verify: () => get<AuditVerification>('/audit/verify'),
    kinds: () => get<{ items: AuditKind[] }>('/audit/kinds'),
    exportUrl: (filter: AuditFilter) => API_BASE + withQuery('/audit.xlsx', { ...filter }),
    checkpoint: () => get<{ current: AuditCheckpoint; lastExported: AuditCheckpoint | null }>('/audit/checkpoint'),
  },
  calendar: {
    year: (year: number) => get<CalendarYear>(`/calendar/${year}`),
    setDay: (date: string, input: CalendarDayInput) => put(`/calendar/days/${seg(date)}`, input),
    cover: (year: number) => post(`/calendar/${year}/cover`),
    addWorkdays: (from: string, n: number) => get<AddWorkdaysResult>('/calendar/add-workdays', { from, n }),
    workdays: (from: string, to: string) => get<WorkdayCount>('/calendar/workdays', { from, to }),
  },
  todos: {
    list: () => get<Items<Todo>>('/todos'),
  },
  settings: {
    security: () => get<SecuritySettings>('/settings/security'),
    saveSecurity: (input: SecuritySettings) => put<SecuritySettings>('/settings/security', input),
    site: () => get<SiteSettings>('/settings/site'),
    saveSite: (input: SiteSettings) => put<SiteSettings>('/settings/site', input),
  },
  documents: {
    vocabulary: () => get<DocVocabulary>('/documents/vocabulary'),
    list: (query: ItemQuery) => get<Page<ItemListEntry>>('/items', { ...query }),
    get: (id: string) => get<ItemDetail>(`/items/${seg(id)}`),
    create: (input: ItemInput) => post<Item>('/items', input),
    update: (id: string, input: Partial<ItemInput>) => patch<Item>(`/items/${seg(id)}`, input),
    /** A workflow move; answers the item as it now stands. Refusals are 409 with every reason joined by ；. */
    act: (id: string, action: ItemAction, input: ActionInput = {}) =>
      post<ItemDetail>(`/items/${seg(id)}/actions/${seg(action)}`, input),
    uploadAttachment: (itemId: string, file: Blob) =>
      post<Pick<ItemAttachment, 'id' | 'name' | 'kind' | 'mime' | 'size'>>(`/items/${seg(itemId)}/attachments`, fileForm(file)),
    /** The text and headings of a Word file, for the body of the drafting form (nothing is stored). */
    importDocx: (file: Blob) => post<{ text: string; headings: string[] }>('/items/import-docx', fileForm(file)),
    removeAttachment: (id: string) => del(`/attachments/${seg(id)}`),
    /** The office replaces a file of an approved item with a cleaned copy (SEC-10). */
    replaceAttachment: (id: string, file: Blob) =>
      post<Pick<ItemAttachment, 'id' | 'name' | 'kind' | 'mime' | 'size'>>(`/attachments/${seg(id)}/replace`, fileForm(file)),
    withdrawAttachment: (id: string, reason: string) => post(`/attachments/${seg(id)}/withdraw`, { reason }),
    /** The original file (staff only); a plain link, since a GET needs no CSRF header. */
    attachmentUrl: (id: string) => `${API_BASE}/attachments/${seg(id)}/original`,
    addConsultation: (itemId: string, kind: Exclude<ConsultationKind, 'referral'>, party: string) =>
      post<{ id: string }>(`/items/${seg(itemId)}/consultations`, { kind, party }),
    answerConsultation: (id: string, input: ConsultationAnswer) => post(`/consultations/${seg(id)}/answer`, input),
    extendReferral: (itemId: string, note: string) => post(`/items/${seg(itemId)}/referral/extend`, { note }),
    recordCollectiveDecision: (itemId: string, decision: string) =>
      put(`/items/${seg(itemId)}/collective-decision`, { decision }),
    addRedaction: (itemId: string, phrase: string, reason: string) =>
      post<{ id: string }>(`/items/${seg(itemId)}/redactions`, { phrase, reason }),
    removeRedaction: (id: string) => del(`/redactions/${seg(id)}`),
    resolveFinding: (id: string, status: Exclude<FindingStatus, 'open'>, reason: string) =>
      post(`/findings/${seg(id)}/resolve`, { status, reason }),
    setValidity: (itemId: string, validity: Validity, reason: string) =>
      post(`/items/${seg(itemId)}/validity`, { validity, reason }),
    recordPaperCopies: (itemId: string, copies: number) => put(`/items/${seg(itemId)}/paper-copies`, { copies }),
    ledger: (query: LedgerQuery) => get<Page<LedgerEntry>>('/ledger', { ...query }),
    ledgerExportUrl: (filter: LedgerFilter) => API_BASE + withQuery('/ledger.xlsx', { ...filter }),
    nonPublicRegister: (query: NonPublicQuery) => get<Page<NonPublicEntry>>('/register/non-public', { ...query }),
    recheck: (itemId: string, result: RecheckResult, reason: string) =>
      post(`/items/${seg(itemId)}/recheck`, { result, reason }),
  },
  /** 依申请公开. Most writes answer the case as it now stands; refusals are 409 with a Chinese message. */
  applications: {
    vocabulary: () => get<AppVocabulary>('/applications/vocabulary'),
    /** An agency's settings: automatic confirmation (LAW-31), the extension's approver (LAW-33), the letters' bodies, its own rule's name. */
    settings: (agencyId: string) => get<ApplicationSettings>(`/agencies/${seg(agencyId)}/application-settings`),
    saveSettings: (agencyId: string, input: ApplicationSettings) => put<ApplicationSettings>(`/agencies/${seg(agencyId)}/application-settings`, input),
    list: (query: ApplicationQuery) => get<Page<ApplicationListEntry>>('/applications', { ...query }),
    /** The queue as filtered, as Excel; a plain link, since a GET needs no CSRF header. */
    exportUrl: (query: Omit<ApplicationQuery, 'page' | 'pageSize'>) => API_BASE + withQuery('/applications.xlsx', { ...query }),
    get: (id: string) => get<ApplicationDetail>(`/applications/${seg(id)}`),
    /** Office intake (APP-2, LAW-31, APP-5); the secret comes back this once only. */
    create: (input: ApplicationIntake) => post<ApplicationRegistered>('/applications', input),
    act: (id: string, action: ApplicationAction, input: ApplicationActionInput = {}) =>
      post<ApplicationDetail>(`/applications/${seg(id)}/actions/${seg(action)}`, input),
    /** APP-3: split a multi-matter application; the first part stays here. */
    split: (id: string, parts: string[]) => post<ApplicationDetail>(`/applications/${seg(id)}/split`, { parts }),
    /** LAW-33: the leader's one extension. */
    extend: (id: string, reason: string) => post<ApplicationDetail>(`/applications/${seg(id)}/extend`, { reason }),
    /** APP-6: each review by its own role while the reply is under review. */
    review: (id: string, kind: ReviewKind, opinion: string) =>
      post<ApplicationDetail>(`/applications/${seg(id)}/reviews`, { kind, opinion }),
    consult: (id: string, kind: AppConsultationKind, party: string) =>
      post<ApplicationDetail>(`/applications/${seg(id)}/consultations`, { kind, party }),
    answerConsultation: (consultationId: string, input: AppConsultationAnswer) =>
      post(`/application-consultations/${seg(consultationId)}/answer`, input),
    recordDelivery: (id: string, input: DeliveryRecord) => post<ApplicationDetail>(`/applications/${seg(id)}/delivery`, input),
    addAppeal: (id: string, input: AppealInput) => post<ApplicationDetail>(`/applications/${seg(id)}/appeals`, input),
    recordAppealResult: (appealId: string, input: AppealResultInput) =>
      post(`/application-appeals/${seg(appealId)}/result`, input),
    /** LAW-37: information provided to the applicant; `redact` phrases are removed from a PDF or Word file. */
    uploadProvided: (id: string, file: Blob, redact: string[]) =>
      post<ApplicationDetail>(`/applications/${seg(id)}/files${redact.length ? `?${redact.map((p) => `redact=${seg(p)}`).join('&')}` : ''}`, fileForm(file)),
    /** A letter or provided file (staff only); a plain link. */
    fileUrl: (id: string) => `${API_BASE}/application-files/${seg(id)}`,
    table3: (period: Period) => get<Table3Report>('/applications/stats/table3', { ...period }),
    table3ExportUrl: (period: Period) => API_BASE + withQuery('/applications/stats/table3.xlsx', { ...period }),
  },
  /** 目录条目 (CAT-4): the own agency's public catalog, browsed or searched as the portal does. */
  catalog: {
    entries: (query: CatalogEntriesQuery) => get<CatalogEntries>('/catalog/entries', { ...query }),
    entriesExportUrl: (query: Omit<CatalogEntriesQuery, 'page' | 'pageSize'>) => API_BASE + withQuery('/catalog/entries.xlsx', { ...query }),
  },
  /** 文书模板: the office's letter template of an agency (发文字号, 落款, contact line, remedies' bodies). */
  letterTemplates: {
    get: (agencyId: string) => get<LetterTemplate>(`/letter-templates/${seg(agencyId)}`),
    save: (agencyId: string, input: LetterTemplateInput) => put<LetterTemplate>(`/letter-templates/${seg(agencyId)}`, input),
    /** A sample reply in the saved template, as an image; `version` changes the address after each save. */
    previewUrl: (agencyId: string, version: number) => `${API_BASE}/letter-templates/${seg(agencyId)}/preview.png?v=${version}`,
  },
  /** 目录备案 (CAT-2) of the user's own agency. */
  filings: {
    list: () => get<CatalogFilings>('/catalog/filings'),
    preview: (period: string, query: PageQuery) => get<FilingPreview>(`/catalog/filings/periods/${seg(period)}`, { ...query }),
    create: (input: FilingInput) => post<CatalogFiling>('/catalog/filings', input),
    /** The Excel list as filed; a plain link. */
    fileUrl: (id: string) => `${API_BASE}/catalog/filings/${seg(id)}/file`,
  },
  /** The published lists the office keeps (CAT-5, FIVE-4, FIVE-3); refusals are 400 with every reason joined by ；. */
  lists: {
    vocabulary: () => get<ListVocabulary>('/lists/vocabulary'),
    negative: (query: NegativeListQuery) => get<Page<NegativeEntry>>('/negative-list', { ...query }),
    createNegative: (input: NegativeEntryInput) => post<NegativeEntry>('/negative-list', input),
    updateNegative: (id: string, input: NegativeEntryInput) => patch<NegativeEntry>(`/negative-list/${seg(id)}`, input),
    removeNegative: (id: string) => del(`/negative-list/${seg(id)}`),
    services: (query: ListQuery) => get<Page<ServiceItem>>('/services', { ...query }),
    createService: (input: ServiceInput) => post<ServiceItem>('/services', input),
    updateService: (id: string, input: ServiceInput) => patch<ServiceItem>(`/services/${seg(id)}`, input),
    removeService: (id: string) => del(`/services/${seg(id)}`),
    powers: (query: PowerQuery) => get<Page<Power>>('/powers', { ...query }),
    createPower: (input: PowerInput) => post<Power>('/powers', input),
    updatePower: (id: string, input: PowerInput) => patch<Power>(`/powers/${seg(id)}`, input),
    removePower: (id: string) => del(`/powers/${seg(id)}`),
    /** The chart of unsaved steps, drawn by the same code as the portal's. */
    flowPreview: (name: string, steps: PowerStepInput[]) => post<{ svg: string }>('/powers/flow-preview', { name, steps }),
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
