// Payloads of the JSON API (docs/api-contract.md). Dates are ISO 8601 strings;
// calendar days are YYYY-MM-DD.

export type Role =
  | 'drafter'
  | 'dept_head'
  | 'office'
  | 'secrecy_reviewer'
  | 'leader'
  | 'opinion_lead'
  | 'sys_admin'
  | 'security_admin'
  | 'auditor';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Items<T> {
  items: T[];
}

export interface PageQuery {
  page: number;
  pageSize: number;
}

// ---- auth ----

export type LoginStatus = 'ok' | 'mfa_required' | 'mfa_enroll_required' | 'password_change_required';

export interface LoginResult {
  status: LoginStatus;
  csrfToken: string;
  notice?: string;
}

export interface MfaSetup {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

export interface CurrentUser {
  id: string;
  username: string;
  name: string;
  agencyId: string;
  agencyName: string;
  unitId: string | null;
  unitName: string | null;
  phone: string | null;
  email: string | null;
  mfaEnabled: boolean;
}

export interface Grant {
  id: string;
  agencyId: string;
  agencyName: string;
  role: Role;
}

export interface Me {
  user: CurrentUser;
  grants: Grant[];
  csrfToken: string;
  session: { idleExpiresAt: string; absoluteExpiresAt: string };
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

// ---- organisation ----

export interface Agency {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  level: 'city' | 'agency';
  address: string | null;
  phone: string | null;
  email: string | null;
  indexFormat: string | null;
}

export interface AgencyInput {
  code: string;
  name: string;
  parentId: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
}

/** 科室/处室 (department) or 局属单位 (affiliated unit). */
export type UnitKind = 'department' | 'affiliated';

export interface Unit {
  id: string;
  agencyId: string;
  parentId: string | null;
  name: string;
  kind: UnitKind;
  status: 'active' | 'dissolved';
  successorId: string | null;
  contactUserId: string | null;
  contactName: string | null;
  contactPhone: string | null;
}

export interface UnitInput {
  name: string;
  kind: UnitKind;
  parentId?: string | null;
}

export interface User {
  id: string;
  username: string;
  name: string;
  agencyId: string;
  agencyName: string;
  unitId: string | null;
  unitName: string | null;
  phone: string | null;
  email: string | null;
  status: 'active' | 'disabled';
  lockedUntil: string | null;
  mfaEnabled: boolean;
  roles: Role[];
}

export interface UserQuery extends PageQuery {
  agencyId?: string;
  q?: string;
}

export interface UserCreate {
  username: string;
  name: string;
  agencyId: string;
  unitId: string;
  phone?: string | null;
  email?: string | null;
  password: string;
}

export interface UserUpdate {
  name?: string;
  unitId?: string;
  phone?: string | null;
  email?: string | null;
  status?: User['status'];
}

export interface RoleInfo {
  role: Role;
  label: string;
  description: string;
  /** One of the 三员 (system / security / audit administrators). */
  adminTriad: boolean;
}

export interface GrantInput {
  agencyId: string;
  role: Role;
}

// ---- audit ----

export interface AuditEvent {
  id: string;
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: Role | null;
  agencyId: string | null;
  action: string;
  /** the kind of event in Chinese (登录系统) */
  actionLabel: string;
  entityType: string;
  /** the kind of object in Chinese (用户) */
  entityLabel: string;
  entityId: string | null;
  /** the object's name (a user's name, an item's title) */
  entityName: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

/** One kind of audit event in the served vocabulary (GET /audit/kinds). */
export interface AuditKind {
  value: string;
  label: string;
  group: string;
}

export type AuditFilter = Omit<AuditQuery, 'page' | 'pageSize'>;

export interface AuditQuery extends PageQuery {
  agencyId?: string;
  actorId?: string;
  /** part of the acting person's name */
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBroken: null | { chain: string; seq: number; id: string; reason: 'hash' | 'gap' | 'prev' | 'checkpoint' };
  checkpoint: null | { at: string; signed: boolean };
  unconfirmed: { chain: string; seq: number; id: string; at: string; action: string }[];
}

export interface AuditCheckpoint {
  at: string;
  heads: { chain: string; seq: number; hash: string }[];
  mac: string;
}

// ---- working-day calendar ----

export type DataSource = 'official' | 'edited';

export interface CalendarDay {
  date: string;
  /** holiday: a weekday off (休); workday: a weekend day worked (班, 调休). */
  kind: 'holiday' | 'workday';
  name: string;
  source: DataSource;
}

export interface CalendarYear {
  year: number;
  covered: boolean;
  source: DataSource | 'none';
  days: CalendarDay[];
}

export interface CalendarDayInput {
  kind: CalendarDay['kind'] | 'normal';
  name?: string;
}

export interface AddWorkdaysResult {
  date: string;
  provisional: boolean;
}

export interface WorkdayCount {
  count: number;
  provisional: boolean;
}

// ---- to-do, settings ----

export type TrafficLight = 'green' | 'yellow' | 'red';

export interface Todo {
  id: string;
  /** 'item' for an information item waiting for the user (信息发布). */
  kind: string;
  title: string;
  due: string | null;
  /** null when the item has no deadline (e.g. not proactive, so PUB-3 does not run). */
  light: TrafficLight | null;
  link: string | null;
  /** The item's disclosure attribute as a Chinese label (items only). */
  attribute?: string | null;
}

/** The portal footer's identity (政府网站发展指引): empty values are left out of the footer. */
export interface SiteSettings {
  sponsor: string;
  phone: string;
  email: string;
  address: string;
  icp: string;
  psb: string;
  siteCode: string;
  conacImage: string;
  conacLink: string;
}

export interface SecuritySettings {
  passwordMinLength: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  idleTimeoutMinutes: number;
  absoluteTimeoutHours: number;
}

// ---- documents: information items from draft to publication (信息发布) ----

/** Every label of the documents capability, from GET /documents/vocabulary (key → Chinese). */
export interface DocVocabulary {
  docKinds: Record<DocKind, string>;
  categories: Record<Category, string>;
  attributes: Record<Attribute, string>;
  conclusions: Record<Conclusion, string>;
  channels: Record<Channel, string>;
  states: Record<ItemState, string>;
  validities: Record<Validity, string>;
  policyLevels: Record<PolicyLevel, string>;
  actions: Record<ItemAction, string>;
  fileSteps: Record<FileStep, string>;
  transitions: { from: ItemState; action: ItemAction; roles: Role[]; to: ItemState }[];
}

export type ItemKind = 'document' | 'other';
export type DocKind =
  | 'order'
  | 'decision'
  | 'announcement'
  | 'notice'
  | 'bulletin'
  | 'report'
  | 'request'
  | 'reply'
  | 'opinion'
  | 'letter'
  | 'minutes';
export type Category = 'overview' | 'policy' | 'interpretation' | 'plans' | 'services' | 'work' | 'finance' | 'enforcement' | 'emergency' | 'response' | 'other';
export type Attribute = 'proactive' | 'on_application' | 'not_disclosed';
export type Conclusion = 'proactive' | 'on_application' | 'exempt' | 'refer';
export type PolicyLevel = 'none' | 'normative' | 'important';
export type Channel =
  | 'platform'
  | 'credit'
  | 'website'
  | 'media'
  | 'reading_points'
  | 'service_hall'
  | 'hotline'
  | 'app_wechat';
export type Validity = 'valid' | 'expired' | 'repealed';
export type ItemState =
  | 'draft'
  | 'office_check'
  | 'dept_review'
  | 'secrecy_review'
  | 'referred'
  | 'leader_approval'
  | 'approved'
  | 'published';
export type ItemAction =
  | 'submit'
  | 'return'
  | 'pass_check'
  | 'dept_opinion'
  | 'secrecy_opinion'
  | 'refer_answer'
  | 'approve'
  | 'publish'
  | 'convert_to_proactive'
  | 'revise';

/** INT-4: what the interpretation plan of a policy document states. */
export interface InterpretationPlan {
  outline: string;
  form: string;
  channel: string;
  time: string;
}

export interface Item {
  id: string;
  agencyId: string;
  unitId: string;
  unitName: string;
  drafterId: string;
  drafterName: string;
  kind: ItemKind;
  docKind: DocKind | null;
  docNumber: string;
  title: string;
  summary: string;
  body: string;
  dateMade: string;
  category: Category;
  attribute: Attribute | null;
  attributeReason: string;
  nonPublicParts: string;
  policyLevel: PolicyLevel;
  interpretationPlan: InterpretationPlan | null;
  leadingGroupReview: string;
  major: boolean;
  collectiveDecision: string;
  conclusion: Conclusion | null;
  state: ItemState;
  validity: Validity;
  version: number;
  changeReason: string;
  changedOn: string;
  channels: Channel[];
  paperCopies: number;
  indexNumber: string | null;
  publishedAt: string | null;
  /** 版记 mark, e.g. （此件主动公开）. */
  colophon: string | null;
}

/** A computed deadline (PUB-3 for items) with its explanation in Chinese sentences. */
export interface Deadline {
  rule: string;
  startDate: string;
  dueDate: string;
  dueAt: string;
  state: 'running' | 'paused' | 'met' | 'overdue';
  metLate?: boolean;
  light: TrafficLight;
  remainingWorkdays: number | null;
  /** The due date relies on the weekend rule alone for years whose holidays are not known yet. */
  provisional: boolean;
  explanation: string[];
}

export interface ItemListEntry extends Item {
  deadline: Deadline | null;
}

export interface ItemQuery extends PageQuery {
  state?: ItemState;
  attribute?: Attribute;
  q?: string;
}

/** The drafter's fields (POST /items, PATCH /items/:id). */
export interface ItemInput {
  kind: ItemKind;
  docKind: DocKind | null;
  docNumber: string;
  title: string;
  summary: string;
  body: string;
  dateMade: string;
  category: Category;
  attribute: Attribute | null;
  attributeReason: string;
  nonPublicParts: string;
  policyLevel: PolicyLevel;
  interpretationPlan: InterpretationPlan | null;
  major: boolean;
}

export interface ItemStep {
  id: string;
  at: string;
  actorName: string;
  role: Role;
  action: ItemAction | FileStep;
  fromState: ItemState;
  toState: ItemState;
  opinion: string;
  data: { conclusion?: Conclusion; channels?: Channel[]; indexNumber?: string | null } | null;
}

export type ConsultationKind = 'joint' | 'third_party' | 'referral';

/** Co-makers (SEC-7, LAW-34), third parties (LAW-32) and the secrecy authority (referral, SEC-8). */
export interface Consultation {
  id: string;
  kind: ConsultationKind;
  party: string;
  requestedAt: string;
  answer: 'consent' | 'refuse' | 'answered' | null;
  answerText: string;
  answeredAt: string | null;
  overrideReason: string;
  /** The working-day term ran out without an answer. */
  expired: boolean;
}

export interface ConsultationAnswer {
  answer: 'consent' | 'refuse';
  text: string;
  overrideReason?: string;
}

export interface ItemAttachment {
  id: string;
  name: string;
  kind: string;
  mime: string;
  size: number;
  hasPublicVersion: boolean;
  createdAt: string;
}

export type FindingStatus = 'open' | 'removed' | 'accepted' | 'not_a_mark';

/** What may be done to the item's files now (SEC-10): add/remove while drafting, replace/withdraw once approved. */
/** Steps recording a change to an approved item's files. */
export type FileStep = 'replace_attachment' | 'withdraw_attachment';

export type AttachmentAction = 'add' | 'remove' | 'replace' | 'withdraw';

/** A hit of the sensitive-content check (SEC-2, SEC-6) in the body or an attachment. */
export interface Finding {
  id: string;
  /** 'body' or an attachment id. */
  source: string;
  kind: string;
  start: number;
  end: number;
  text: string;
  status: FindingStatus;
  reason: string;
}

export interface Redaction {
  id: string;
  phrase: string;
  reason: string;
  createdAt: string;
}

/** GET /items/:id: the item, its deadline, the moves open to the user and the review record. */
export interface ItemDetail {
  item: Item;
  deadline: Deadline | null;
  actions: ItemAction[];
  attachmentActions: AttachmentAction[];
  steps: ItemStep[];
  consultations: Consultation[];
  attachments: ItemAttachment[];
  findings: Finding[];
  redactions: Redaction[];
}

export interface ActionInput {
  opinion?: string;
  conclusion?: Conclusion;
  leadingGroupReview?: string;
  channels?: Channel[];
  reason?: string;
}

/** PUB-7: one published item with its drafter, reviewers and approver. */
export interface LedgerEntry {
  id: string;
  indexNumber: string;
  title: string;
  docNumber: string;
  category: Category;
  unitName: string;
  drafterName: string;
  deptReviewer: string;
  secrecyReviewer: string;
  approverName: string;
  approvedAt: string | null;
  dateMade: string;
  publishedAt: string;
  version: number;
  validity: Validity;
  paperCopies: number;
}

export interface LedgerFilter {
  /** Published at or after (ISO date-time). */
  from?: string;
  to?: string;
  q?: string;
}

export type LedgerQuery = LedgerFilter & PageQuery;

export type RecheckResult = 'keep' | 'convert';

/** ATTR-3, ATTR-10: an item kept non-public, with its reason and its yearly re-checks. */
export interface NonPublicEntry {
  id: string;
  title: string;
  docNumber: string;
  unitName: string;
  attribute: Attribute;
  reason: string;
  dateMade: string;
  lastCheck: { year: number; result: RecheckResult; reason: string; at: string } | null;
  checkedThisYear: boolean;
}

export interface NonPublicQuery extends PageQuery {
  year?: number;
  /** Only items not yet re-checked in `year`. */
  unchecked?: boolean;
}

// ---- applications: disclosure on application (依申请公开) ----

/** Table 3's applicant columns (LAW-49/50): 自然人, and 法人或其他组织 by subtype. */
export type ApplicantKind = 'natural' | 'commercial' | 'research' | 'public_welfare' | 'legal_services' | 'other_org';
/** APP-1, LAW-31: how an application arrived decides its receipt day. */
export type ReceiptChannel =
  | 'online'
  | 'email'
  | 'letter_registered'
  | 'letter_ordinary'
  | 'fax'
  | 'visit'
  | 'transfer';
/** 获取信息的方式. */
export type InfoForm = 'paper' | 'electronic' | 'email';
/** 送达方式 chosen by the applicant. */
export type DeliveryMethod = 'post' | 'pickup' | 'email' | 'online';
export type IdType = 'prc_id' | 'passport' | 'other' | 'org';
/** Table 3's outcome rows (LAW-36, LAW-49/50), in the national format's order. */
export type Outcome =
  | 'granted'
  | 'partial'
  | 'refused_state_secret'
  | 'refused_law'
  | 'refused_safety'
  | 'refused_third_party'
  | 'refused_internal'
  | 'refused_process'
  | 'refused_enforcement'
  | 'refused_query'
  | 'unable_not_held'
  | 'unable_create'
  | 'unable_unclear'
  | 'unprocessed_petition'
  | 'unprocessed_repeat'
  | 'unprocessed_publication'
  | 'unprocessed_excessive'
  | 'unprocessed_confirm'
  | 'other_no_correction'
  | 'other_no_fee'
  | 'other';
/** LAW-36 reply types. */
export type ReplyType =
  | 'already_public'
  | 'provided'
  | 'not_disclosed'
  | 'not_exist'
  | 'not_held'
  | 'repeat'
  | 'special_law'
  | 'partial'
  | 'not_processed'
  | 'closed';
export type ApplicationState =
  | 'unconfirmed'
  | 'received'
  | 'awaiting_reasons'
  | 'handling'
  | 'awaiting_correction'
  | 'awaiting_fee'
  | 'reviewing'
  | 'replied'
  | 'closed'
  | 'withdrawn';
export type ApplicationAction =
  | 'assign'
  | 'request_correction'
  | 'correct'
  | 'close_no_correction'
  | 'notify_fee'
  | 'fee_paid'
  | 'close_no_fee'
  | 'draft_reply'
  | 'return_reply'
  | 'approve_reply'
  | 'withdraw'
  | 'confirm_receipt'
  | 'fee_notice_received'
  | 'ask_reasons'
  | 'record_reasons'
  | 'reasons_unreasonable'
  | 'reasons_reasonable';
/** APP-6: the three reviews every reply passes before it is signed. */
export type ReviewKind = 'confidentiality' | 'legality' | 'opinion_risk';
/** LAW-35: a likely repeat of an earlier application, or too many this month. */
export type ApplicationFlag = 'repeat' | 'excessive';

export interface OutcomeInfo {
  /** The table-3 group: 予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理. */
  group: string;
  label: string;
  reply: ReplyType;
}

/** Every label of the applications capability, from GET /applications/vocabulary (key → Chinese). */
export interface AppVocabulary {
  applicantKinds: Record<ApplicantKind, string>;
  channels: Record<ReceiptChannel, string>;
  /** LAW-31: the receipt-day rule of each channel, shown under the channel. */
  receiptRules: Record<ReceiptChannel, string>;
  forms: Record<InfoForm, string>;
  deliveries: Record<DeliveryMethod, string>;
  outcomes: Record<Outcome, OutcomeInfo>;
  replyTypes: Record<ReplyType, string>;
  states: Record<ApplicationState, string>;
  actions: Record<ApplicationAction, string>;
  reviewKinds: Record<ReviewKind, string>;
  appealKinds: Record<AppealKind, string>;
  extensionApprovers: Record<ExtensionApprover, string>;
}

/** LAW-33: who approves an extension in an agency. */
export type ExtensionApprover = 'office_head' | 'leader';

/** An agency's settings for applications (GET/PUT /agencies/:agencyId/application-settings). */
export interface ApplicationSettings {
  /** LAW-31: confirm online, e-mail and fax applications automatically at the start of the next working day. */
  autoConfirm: boolean;
  extensionApprover: ExtensionApprover;
  /** APP-4: the name of the agency's own rule setting a stricter term. */
  ownRule: string;
}

/** LAW-31: the recorded confirmation of the receipt day. */
export interface ApplicationReceipt {
  at: string;
  by: string;
  auto: boolean;
  told: string;
}

/** LAW-35: reasons asked for, the applicant's answer and the office's decision. */
export interface ApplicationReasons {
  askedAt: string;
  asked: string;
  due: string;
  answeredAt?: string;
  answer?: string;
  decision?: 'unreasonable' | 'reasonable';
  decidedAt?: string;
  decisionReason?: string;
  workdays?: number;
}

/** The applicant as the server presents them: whole for the handling staff, masked for everyone else. */
export interface Applicant {
  kind: ApplicantKind;
  name: string;
  idType: IdType;
  idNumber: string;
  orgCode: string;
  phone: string;
  email: string;
  address: string;
}

/** The reply deadline (APP-4) as the queue shows it. */
export type DeadlineSummary = Pick<Deadline, 'dueDate' | 'light' | 'state' | 'provisional'> &
  Partial<Pick<Deadline, 'metLate' | 'explanation'>>;

export interface ApplicationListEntry {
  id: string;
  regNumber: string;
  channel: ReceiptChannel;
  arrivedAt: string;
  /** LAW-31: null while 待确认. */
  receivedAt: string | null;
  /** Always masked in the queue. */
  applicant: Applicant;
  description: string;
  state: ApplicationState;
  unitName: string | null;
  flags: ApplicationFlag[];
  outcome: Outcome | null;
  due: DeadlineSummary | null;
}

export interface ApplicationQuery extends PageQuery {
  state?: ApplicationState;
  /** Only the cases still being handled. */
  open?: boolean;
  /** 登记编号 or request content. */
  q?: string;
}

/** APP-5: the hand-over record of a case transferred from the disclosure centre, and the report back. */
export interface ApplicationTransfer {
  from: string;
  handedOverAt: string;
  record: string;
  reportedBackAt?: string;
  report?: string;
}

/** LAW-30: the one request for a correction, and the applicant's answer. */
export interface ApplicationCorrection {
  requestedAt: string;
  needed: string;
  /** Calendar day by which the applicant should answer. */
  due: string;
  answeredAt?: string;
  answer?: string;
}

/** LAW-42: the fee notice and its payment. */
export interface ApplicationFee {
  amount: number;
  by: FeeBasis;
  basis: string;
  pages?: number;
  notifiedAt: string;
  /** LAW-42: the 20 working days run from the applicant's receipt of the notice (then `due`). */
  noticeReceivedAt?: string;
  due?: string;
  paidAt?: string;
}

export interface ApplicationReply {
  outcome: Outcome;
  text: string;
  alreadyPublicWhere?: string;
  holderAgency?: string;
  draftedBy: string;
  approvedBy?: string;
  approvedAt?: string;
}

export interface DeliveryRecord {
  method: string;
  /** YYYY-MM-DD */
  on: string;
  proof: string;
}

export interface ApplicationStep {
  at: string;
  actorName: string;
  /** A role, or 'applicant' for the applicant's own moves on the portal. */
  role: Role | 'applicant';
  /** A workflow action, or one beside it: register, extend, consult, consult_answer, deliver. */
  action: string;
  actionLabel: string;
  fromState: ApplicationState;
  toState: ApplicationState;
  note: string;
}

export interface ApplicationReview {
  kind: ReviewKind;
  byName: string;
  opinion: string;
  at: string;
}

export type AppConsultationKind = 'third_party' | 'agency';
export type AppConsultationAnswerKind = 'consent' | 'refuse' | 'no_answer';

/** LAW-32 third parties and LAW-34 other agencies; the reply term stops while they are asked. */
export interface ApplicationConsultation {
  id: string;
  kind: AppConsultationKind;
  party: string;
  requestedAt: string;
  answeredAt: string | null;
  answer: AppConsultationAnswerKind | null;
  answerText: string;
  overrideReason: string;
  notice: string;
  /** LAW-32, LAW-34: the party's 15 working days. */
  deadline: Deadline | null;
}

export interface AppConsultationAnswer {
  answer: AppConsultationAnswerKind;
  text: string;
  /** LAW-32: a major public interest overrides a third party's refusal… */
  overrideReason?: string;
  /** …with written notice to the third party. */
  notice?: string;
}

/** A letter (DOCX and PDF) or a file given to the applicant. */
export interface ApplicationFile {
  id: string;
  /** `letter_reply`, `letter_correction`, `letter_extension`, `letter_fee` or `provided`. */
  kind: string;
  name: string;
  mime: string;
  size: number;
  /** Pages of a provided file, listed in the reply. */
  pages: number | null;
  createdAt: string;
}

/** APP-8, table 4's three columns. */
export type AppealKind = 'reconsideration' | 'lawsuit_direct' | 'lawsuit_after_reconsideration';
export type AppealResult = 'pending' | 'upheld' | 'corrected' | 'other';

/** APP-8: an administrative reconsideration or lawsuit about the reply (table 4). */
export interface ApplicationAppeal {
  id: string;
  kind: AppealKind;
  filedOn: string;
  body: string;
  result: AppealResult;
  resultOn: string | null;
  note: string;
}

export interface AppealInput {
  kind: AppealKind;
  filedOn: string;
  /** The reconsideration body or the court. */
  body: string;
}

export interface AppealResultInput {
  result: Exclude<AppealResult, 'pending'>;
  resultOn: string;
  note: string;
}

/** GET /applications/:id: the case, its deadline with explanation, the record and the moves open to the user. */
export interface ApplicationDetail {
  id: string;
  agencyId: string;
  regNumber: string;
  trackingCode: string;
  channel: ReceiptChannel;
  arrivedAt: string;
  /** LAW-31: the receipt moment, null while 待确认. */
  receivedAt: string | null;
  receivedOn: string | null;
  receipt: ApplicationReceipt | null;
  reasons: ApplicationReasons | null;
  /** LAW-42: the payment deadline once the applicant received the notice. */
  feeDeadline: Deadline | null;
  transfer: ApplicationTransfer | null;
  applicant: Applicant;
  description: string;
  purpose: string;
  form: InfoForm;
  delivery: DeliveryMethod;
  state: ApplicationState;
  stateLabel: string;
  unitId: string | null;
  unitName: string | null;
  flags: ApplicationFlag[];
  /** The earlier case this one looks like a repeat of. */
  repeatOf: string | null;
  /** APP-3: the case this one was split from, and the cases split from this one. */
  splitFrom: string | null;
  splitParts: { id: string; regNumber: string; trackingCode: string; state: ApplicationState }[];
  correction: ApplicationCorrection | null;
  fee: ApplicationFee | null;
  outcome: Outcome | null;
  reply: ApplicationReply | null;
  finishedAt: string | null;
  deliveryRecord: DeliveryRecord | null;
  deadline: Deadline | null;
  steps: ApplicationStep[];
  reviews: ApplicationReview[];
  consultations: ApplicationConsultation[];
  files: ApplicationFile[];
  appeals: ApplicationAppeal[];
  actions: ApplicationAction[];
}

/** The official application form's fields (政府信息公开申请表), POST /applications. */
export interface ApplicantInput {
  applicantKind: ApplicantKind;
  name: string;
  idType: IdType;
  idNumber: string;
  orgCode?: string;
  phone: string;
  email?: string;
  address?: string;
  description: string;
  purpose?: string;
  form: InfoForm;
  delivery: DeliveryMethod;
}

export interface ApplicationIntake extends ApplicantInput {
  channel: ReceiptChannel;
  /** LAW-31: the receipt moment (ISO date-time with offset). */
  receivedAt: string;
  /** LAW-31, ordinary post: how the office confirmed it with the applicant the day it arrived. */
  confirmedWith?: string;
  transfer?: { from: string; handedOverAt: string; record: string };
}

/** The tracking code and, this once, the secret the applicant follows the case with. */
export interface ApplicationRegistered {
  id: string;
  regNumber: string;
  trackingCode: string;
  secret: string | null;
}

export type FeeBasis = 'count' | 'pages';

/** The fields of the workflow moves (POST /applications/:id/actions/:action); each move takes some. */
export interface ApplicationActionInput {
  unitId?: string;
  note?: string;
  needed?: string;
  correction?: string;
  feeBasis?: FeeBasis;
  pages?: number;
  outcome?: Outcome;
  text?: string;
  alreadyPublicWhere?: string;
  holderAgency?: string;
  receivedAt?: string;
  /** LAW-35: the date by which reasons are to be given, and the longer term set when they are reasonable. */
  reasonsDue?: string;
  workdays?: number;
}

/** A period of Beijing-time days, both ends included (YYYY-MM-DD). */
export interface Period {
  from: string;
  to: string;
}

export type Table3Row = 'new' | 'carried_in' | Outcome | 'results_total' | 'carried_out';
export type Table3Column = ApplicantKind | 'total';

/** Table 3 of the annual report (LAW-49/50) for a period, with the national check. */
export interface Table3Report {
  period: Period;
  rows: Record<Table3Row, Record<Table3Column, number>>;
  /** 新收 + 上年结转 (left) = 办理结果总计 + 结转下年 (right). */
  check: { ok: boolean; left: number; right: number };
}

// ---- catalog filing (目录备案, CAT-2) ----

/** A quarter, written 2026Q3, with its label (2026年第三季度) and first and last Beijing day. */
export interface FilingPeriod {
  period: string;
  label: string;
  from: string;
  to: string;
}

export interface CatalogFiling {
  id: string;
  agencyId: string;
  period: string;
  label: string;
  entryCount: number;
  sha256: string;
  size: number;
  filedById: string;
  filedByName: string;
  filedAt: string;
  /** 报送领导小组 */
  reportedOn: string | null;
  reportNote: string;
}

/** The agency's filings, newest first, and the ended quarters not filed yet (未备案), oldest first. */
export interface CatalogFilings extends Items<CatalogFiling> {
  agencyId: string;
  agencyName: string;
  unfiled: FilingPeriod[];
}

/** One catalog entry as the published version shows it (CAT-1). */
export interface FilingEntry {
  itemId: string;
  version: number;
  indexNumber: string;
  title: string;
  category: Category;
  docNumber: string;
  dateMade: string;
  publishedOn: string;
}

export type FilingPreview = FilingPeriod & Page<FilingEntry>;

export interface FilingInput {
  period: string;
  reportedOn: string | null;
  reportNote: string | null;
}

// ---- published lists: negative list (CAT-5), service catalog (FIVE-4), list of powers (FIVE-3) ----

export type ReasonCategory =
  | 'state_secret'
  | 'law_prohibited'
  | 'security_stability'
  | 'trade_secret_privacy'
  | 'internal_affairs'
  | 'process_information'
  | 'enforcement_files';

export type PowerCategory =
  | 'licensing'
  | 'penalty'
  | 'coercion'
  | 'levy'
  | 'benefit'
  | 'inspection'
  | 'confirmation'
  | 'reward'
  | 'adjudication'
  | 'other';

export interface ListVocabulary {
  /** Each ground with the article of the Regulation it rests on (a default for 法定依据). */
  reasonCategories: Record<ReasonCategory, { label: string; article: string }>;
  powerCategories: Record<PowerCategory, string>;
  noFee: string;
  maxSteps: number;
}

export interface NegativeEntry {
  id: string;
  agencyId: string;
  matter: string;
  reasonCategory: ReasonCategory;
  legalBasis: string;
  note: string;
  listedOn: string;
  reviewedOn: string;
  updatedAt: string;
}

export interface NegativeEntryInput {
  matter: string;
  reasonCategory: ReasonCategory;
  legalBasis: string;
  note?: string | null;
  listedOn?: string;
  reviewedOn?: string;
}

export interface NegativeListQuery extends PageQuery {
  q?: string;
  reasonCategory?: ReasonCategory;
}

/** 表格样本: a name with a link to a blank copy or its text written out. */
export interface SampleForm {
  name: string;
  url: string;
  text: string;
}

export interface ServiceItem {
  id: string;
  agencyId: string;
  name: string;
  dutyPost: string;
  legalBasis: string;
  acceptingUnit: string;
  place: string;
  eligibility: string;
  process: string;
  materials: string[];
  forms: SampleForm[];
  fee: string;
  feeBasis: string;
  timeLimit: string;
  enquiries: string;
  complaints: string;
  updatedAt: string;
}

export type ServiceInput = Omit<ServiceItem, 'id' | 'agencyId' | 'updatedAt' | 'forms'> & {
  forms: { name: string; url?: string | null; text?: string | null }[];
};

export interface PowerStep {
  name: string;
  actor: string;
  timeLimit: string;
  note: string;
}

export interface Power {
  id: string;
  agencyId: string;
  name: string;
  category: PowerCategory;
  actor: string;
  legalBasis: string;
  timeLimit: string;
  oversight: string;
  steps: PowerStep[];
  updatedAt: string;
}

export type PowerStepInput = { name: string; actor: string; timeLimit?: string | null; note?: string | null };

export type PowerInput = Omit<Power, 'id' | 'agencyId' | 'updatedAt' | 'steps'> & { steps: PowerStepInput[] };

export interface ListQuery extends PageQuery {
  q?: string;
}

export interface PowerQuery extends ListQuery {
  category?: PowerCategory;
}

// ---- catalog entries (CAT-4) ----

/** A stretch of a title or snippet; `hit` marks a word of the query. */
export interface Stretch {
  text: string;
  hit: boolean;
}

export interface CatalogEntryView {
  id: string;
  indexNumber: string;
  title: string;
  docNumber: string;
  category: Category;
  dateMade: string;
  publishedAt: string;
  validity: Validity;
  unitName: string;
  /** The public page. */
  url: string;
  titleMarks: Stretch[];
  snippetMarks: Stretch[];
}

export interface CatalogEntriesQuery extends PageQuery {
  q?: string;
  category?: Category;
  year?: string;
  kind?: DocKind | 'other';
  validity?: Validity;
  sort?: 'relevance' | 'date';
}

export interface CatalogEntries extends Items<CatalogEntryView> {
  total: number;
  /** More matches than were counted: the total is a lower bound. */
  capped: boolean;
  /** The query's words, as searched. */
  words: string[];
}

// ---- letters ----

/** 文书模板: what the office sets; an empty text prints the default shown in `defaults`. */
export interface LetterTemplateInput {
  /** 发文字号 pattern with {年} and {号}. */
  numberPattern: string;
  signatureName: string;
  contactPerson: string;
  contactPhone: string;
  reconsiderationBody: string;
  court: string;
  dateStyle: 'chinese' | 'arabic';
}

export interface LetterTemplate extends LetterTemplateInput {
  agencyId: string;
  agencyName: string;
  updatedAt: string | null;
  defaults: { signatureName: string; contactPhone: string; reconsiderationBody: string; court: string };
  /** The number the next letter will get. */
  nextNumber: string;
}
