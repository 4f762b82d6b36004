import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { WorkCalendar } from '../../core/calendar.ts';
import { chinaDateOf, chinaToday, isoNow } from '../../core/clock.ts';
import { withWeekday, type IsoDate } from '../../core/calendar.ts';
import { isWorkday } from '../../core/workdays.ts';
import { citeRule, computeDeadline, explainDeadline, type DeadlineSpec } from '../../core/deadline.ts';
import { AppError, badRequest, forbidden, notFound } from '../../core/errors.ts';
import { newId, newReadableSecret } from '../../core/ids.ts';
import { isValidPrcId } from '../../core/prc-id.ts';
import { offsetOf, type Paging } from '../../core/paging.ts';
import type { Tx } from '../../db/database.ts';
import { appendAudit, type AuditActor } from '../audit/audit.service.ts';
import { auditActor, reach, requireRoleIn, type Actor } from '../auth/actor.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { endPause, hasOpenPause, withExtension, withPause, withRestart } from '../deadlines/deadline-spec.ts';
import { dropDeadline, meetDeadline, openDeadline, presentDeadline, setDeadline, type DeadlinePresentation } from '../deadlines/deadlines.service.ts';
import { filesRoot } from '../documents/documents.publication.ts';
import { redactDocx, redactPdf } from '../files/redact.ts';
import { sniffFile } from '../files/sniff.ts';
import { loadMupdf } from '../files/text.ts';
import { storeFile } from '../files/store.ts';
import type { Role } from '../org/org.rules.ts';
import type { DeliveryRecord } from './applications.schemas.ts';
import {
  ACTION_LABELS, autoConfirmationMoment, CHANNELS, FLAG_LABELS, EXCESSIVE_PER_MONTH, EXTENSION_APPROVERS, FEE_PAYMENT_WORKDAYS, REVIEW_KINDS, STEP_LABELS, feeByCount, feeByPages, isOrganisation, missingReviews,
  needsConfirmation, OPEN_STATES, REPEAT_SIMILARITY, REVIEWERS, similarity, STATES, transitionFor, type Action, type AppealKind, type ApplicantKind, type ApplicationFlag, type DeliveryMethod, type InfoForm, type Outcome, type ReceiptChannel, type ReviewKind, type State,
} from './applications.rules.ts';
import { applicationSettings, replyTermCitation } from './applications.settings.ts';
import { checkDeliveryDate } from './applications.rules.ts';
import {
  APPLICATION_ROLES, applicationSubject, handles, loadApplication, parse, presentApplicant, visibleApplication,
  type Correction, type Deps, type Fee, type Reasons, type Receipt, type Reply, type Transfer,
} from './applications.repo.ts';
import type { ApplicationTable } from './applications.tables.ts';
import { issueLetter } from '../letters/letters.service.ts';
import type { LetterInput } from './letters.ts';

const APP4 = 'APP-4';
/** LAW-32 third party, LAW-34 other agency: 15 working days each, stored per consultation. */
const CONSULTATION_RULES = { third_party: 'LAW-32', agency: 'LAW-34' } as const;
const CONSULTATION_WORKDAYS = 15;
const consultationSubject = (id: string) => ({ type: 'application_consultation', id });
/** LAW-30 leaves the answer period to the agency; 15 working days is the common practice. */
export const CORRECTION_ANSWER_WORKDAYS = 15;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

// ---- registration (APP-1, APP-2, APP-5, LAW-31, LAW-35) ----

export type ApplicantInput = {
  applicantKind: ApplicantKind;
  name: string;
  idType: ApplicationTable['id_type'];
  idNumber: string;
  orgCode?: string | undefined;
  phone: string;
  email?: string | undefined;
  address?: string | undefined;
  description: string;
  purpose?: string | undefined;
  form: string;
  delivery: string;
};

export type Registration = {
  channel: ReceiptChannel;
  /** The moment it arrived; for a channel not confirmed (LAW-31) it is the receipt moment itself. */
  receivedAt: string;
  /** LAW-31, ordinary post: how the office confirmed it with the applicant the day it arrived. */
  confirmedWith?: string | undefined;
  submissionToken?: string | undefined;
  transfer?: Transfer | undefined;
  /** APP-3: a part split from another case keeps its secret, so the applicant follows it with the same password. */
  splitFrom?: { id: string; secretHash: string; arrivedAt: string; receipt: string | null } | undefined;
};

/** The system's own acts (LAW-31 automatic confirmation), as the timeline and the audit log name them. */
const SYSTEM: AuditActor = { id: 'system', name: '系统', role: null };

/** One applicant, one ID: a PRC ID's check character x is the same as X. */
const normalisedId = (input: Pick<ApplicantInput, 'idType' | 'idNumber'>) => (input.idType === 'prc_id' ? input.idNumber.trim().toUpperCase() : input.idNumber.trim());

function checkApplicant(input: ApplicantInput) {
  if (input.idType === 'prc_id' && !isValidPrcId(input.idNumber)) {
    throw badRequest('ID_NUMBER_INVALID', '居民身份证号码不正确（校验位不符），请核对');
  }
  if (input.applicantKind !== 'natural' && !input.orgCode?.trim()) {
    throw badRequest('ORG_CODE_REQUIRED', '法人或其他组织须填写统一社会信用代码');
  }
}

async function nextRegNumber(tx: Tx, agencyId: string, year: number): Promise<string> {
  const agency = await tx.selectFrom('agencies').select('code').where('id', '=', agencyId).executeTakeFirstOrThrow();
  await tx.insertInto('application_sequences').values({ agency_id: agencyId, year, last: 0 }).onConflict((oc) => oc.columns(['agency_id', 'year']).doNothing()).execute();
  const { last } = await tx.updateTable('application_sequences').set((eb) => ({ last: eb('last', '+', 1) })).where('agency_id', '=', agencyId).where('year', '=', year).returning('last').executeTakeFirstOrThrow();
  return `${agency.code}-YSQ-${year}-${String(last).padStart(4, '0')}`;
}

/** LAW-35 and 重复申请: flags for the office to look at, never a refusal at the door. */
async function flagsFor(tx: Tx, agencyId: string, input: ApplicantInput, receivedAt: string) {
  const earlier = await tx.selectFrom('applications').select(['id', 'description', 'received_at']).where('agency_id', '=', agencyId).where('id_number', '=', input.idNumber).execute();
  const month = chinaDateOf(receivedAt).slice(0, 7);
  const flags: ApplicationFlag[] = [];
  const repeat = earlier.find((e) => similarity(e.description, input.description) >= REPEAT_SIMILARITY);
  if (repeat) flags.push('repeat');
  if (earlier.filter((e) => chinaDateOf(e.received_at).slice(0, 7) === month).length + 1 > EXCESSIVE_PER_MONTH) flags.push('excessive');
  return { flags, repeatOf: repeat?.id ?? null };
}

export type Registered = { id: string; regNumber: string; trackingCode: string; secret: string | null };

/**
 * Registers an application (APP-2). Returns the tracking code and, once, the secret. A
 * repeated portal submission with the same form token returns the first registration, so a
 * double click never makes two cases nor loses one.
 */
export async function register(deps: Deps, agencyId: string, given: ApplicantInput, reg: Registration, by: AuditActor): Promise<Registered> {
  checkApplicant(given);
  const input = { ...given, idNumber: normalisedId(given) };
  return deps.db.transaction().execute(async (tx) => {
    if (reg.submissionToken) {
      const same = await tx.selectFrom('applications').select(['id', 'reg_number', 'tracking_code']).where('submission_token', '=', reg.submissionToken).executeTakeFirst();
      if (same) return { id: same.id, regNumber: same.reg_number, trackingCode: same.tracking_code, secret: null };
    }
    if (!(await tx.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst())) throw notFound('机关');
    const now = isoNow(deps.clock);
    const id = newId();
    const secret = reg.splitFrom ? null : newReadableSecret();
    const trackingCode = `GK${randomBytes(5).toString('hex').toUpperCase()}`;
    const regNumber = await nextRegNumber(tx, agencyId, Number(chinaToday(deps.clock).slice(0, 4)));
    const { flags, repeatOf } = await flagsFor(tx, agencyId, input, reg.receivedAt);
    // LAW-31: online, e-mail and fax wait for both sides to confirm; ordinary post is confirmed the day it arrives.
    const waits = needsConfirmation(reg.channel) && !reg.splitFrom;
    if (reg.channel === 'letter_ordinary' && !reg.splitFrom && !reg.confirmedWith?.trim()) {
      throw badRequest('RECEIPT_CONFIRMATION_REQUIRED', '平信须在到达当日与申请人确认，请记录确认方式（如电话确认）（《中华人民共和国政府信息公开条例》第三十一条）');
    }
    const receipt = reg.splitFrom
      ? reg.splitFrom.receipt
      : reg.channel === 'letter_ordinary' ? JSON.stringify({ at: reg.receivedAt, by: by?.name ?? '', auto: false, told: reg.confirmedWith!.trim() } satisfies Receipt) : null;
    await tx.insertInto('applications').values({
      id, agency_id: agencyId, reg_number: regNumber, tracking_code: trackingCode, secret_hash: reg.splitFrom?.secretHash ?? sha256(secret!), submission_token: reg.submissionToken ?? null,
      channel: reg.channel, arrived_at: reg.splitFrom?.arrivedAt ?? reg.receivedAt, received_at: reg.receivedAt, receipt_json: receipt, reasons_json: null, transfer_json: reg.transfer ? JSON.stringify(reg.transfer) : null,
      applicant_kind: input.applicantKind, applicant_name: input.name, id_type: input.idType, id_number: input.idNumber, org_code: input.orgCode ?? '',
      phone: input.phone, email: input.email ?? '', address: input.address ?? '', description: input.description, purpose: input.purpose ?? '',
      form: input.form, delivery: input.delivery, state: waits ? 'unconfirmed' : 'received', unit_id: null, flags_json: JSON.stringify(flags), repeat_of: repeatOf,
      correction_json: null, fee_json: null, outcome: null, reply_json: null, finished_at: null, delivery_json: null, split_from: reg.splitFrom?.id ?? null, created_at: now, updated_at: now,
    }).execute();
    if (!waits) await startTerms(tx, deps, agencyId, id, reg.receivedAt, reg.channel === 'letter_ordinary' ? '到达并与申请人确认' : undefined);
    const state = waits ? 'unconfirmed' : 'received';
    const how = reg.channel === 'letter_ordinary' && !reg.splitFrom ? `；已与申请人确认：${reg.confirmedWith!.trim()}` : waits ? '；待双方确认收到' : '';
    await step(tx, deps, id, by, 'register', state, state, `${CHANNELS[reg.channel]}；登记编号 ${regNumber}${how}${flags.length ? `；提示：${flags.map((f) => FLAG_LABELS[f]).join('、')}` : ''}`);
    // Personal data stays out of the audit trail's after-image: the case id and channel are enough to trace it.
    await appendAudit(tx, deps.clock, { actor: by, agencyId, action: 'application.register', entityType: 'application', entityId: id, after: { regNumber, channel: reg.channel, flags }, ip: null });
    return { id, regNumber, trackingCode, secret };
  });
}

/** LAW-31: from the receipt the terms run: the reply (APP-4) and the 7 working days to ask for a correction (LAW-30). */
async function startTerms(tx: Tx, deps: Deps, agencyId: string, id: string, at: string, startedAs?: string) {
  const agency = await tx.selectFrom('agencies').select('reply_workdays').where('id', '=', agencyId).executeTakeFirstOrThrow();
  const cal = await loadCalendar(tx);
  const subject = { agencyId, ...applicationSubject(id) };
  const as = startedAs ? { startedAs } : {};
  await setDeadline(tx, cal, deps.clock, subject, { rule: APP4, term: { unit: 'workdays', n: agency.reply_workdays }, startedAt: at, ...as });
  await setDeadline(tx, cal, deps.clock, subject, { rule: 'LAW-30', term: { unit: 'workdays', n: 7 }, startedAt: at, ...as });
}

/**
 * LAW-31: where an agency switched it on, an online, e-mail or fax application still waiting
 * is confirmed at the start of the first working day after it arrived, recorded as automatic.
 * There is no scheduler: whoever next looks (the queue, a case, the to-do list, the status
 * page) writes the confirmations that are due, dated when they fell due.
 */
export async function confirmDueReceipts(deps: Deps, agencyIds: readonly string[]): Promise<void> {
  if (!agencyIds.length) return;
  const auto = await deps.db.selectFrom('application_settings').select('agency_id').where('agency_id', 'in', [...agencyIds]).where('auto_confirm', '=', 1).execute();
  if (!auto.length) return;
  const rows = await deps.db.selectFrom('applications').select(['id', 'arrived_at']).where('state', '=', 'unconfirmed').where('agency_id', 'in', auto.map((a) => a.agency_id)).execute();
  if (!rows.length) return;
  const cal = await loadCalendar(deps.db);
  const now = isoNow(deps.clock);
  for (const { id, arrived_at } of rows) {
    const at = autoConfirmationMoment(cal, arrived_at);
    if (at > now) continue;
    await deps.db.transaction().execute(async (tx) => {
      const row = await loadApplication(tx, id);
      if (row.state !== 'unconfirmed') return;
      const receipt: Receipt = { at, by: SYSTEM!.name, auto: true, told: '自动确认，申请人可在申请查询页面查看' };
      await tx.updateTable('applications').set({ state: 'received', received_at: at, receipt_json: JSON.stringify(receipt), updated_at: now }).where('id', '=', id).execute();
      await startTerms(tx, deps, row.agency_id, id, at, '自动确认收到');
      await step(tx, deps, id, SYSTEM, 'auto_confirm', 'unconfirmed', 'received', `${withWeekday(chinaDateOf(at) as IsoDate)}工作日开始时自动确认收到`);
      await appendAudit(tx, deps.clock, { actor: SYSTEM, agencyId: row.agency_id, action: 'application.auto_confirm', entityType: 'application', entityId: id, after: { receivedAt: at }, ip: null });
    });
  }
}

/** LAW-42: this application's place among the applicant's applications of its own (Beijing) month. */
async function placeInMonth(tx: Tx, row: ApplicationTable): Promise<number> {
  const month = chinaDateOf(row.received_at).slice(0, 7);
  const same = await tx.selectFrom('applications').select(['id', 'received_at', 'reg_number']).where('agency_id', '=', row.agency_id).where('id_number', '=', row.id_number).execute();
  const ordered = same.filter((a) => chinaDateOf(a.received_at).slice(0, 7) === month).sort((a, b) => a.received_at.localeCompare(b.received_at) || a.reg_number.localeCompare(b.reg_number));
  return ordered.findIndex((a) => a.id === row.id) + 1;
}

async function step(tx: Tx, deps: Deps, applicationId: string, by: AuditActor, action: string, from: State, to: State, note: string) {
  await tx.insertInto('application_steps').values({
    id: newId(), application_id: applicationId, at: isoNow(deps.clock), actor_id: by?.id ?? null, actor_name: by?.name ?? '申请人', role: by?.role ?? 'applicant',
    action, from_state: from, to_state: to, note,
  }).execute();
}

/** Staff intake of letters, faxes, e-mails, visits and transfers, with the receipt moment of LAW-31. */
export async function intake(deps: Deps, actor: Actor, input: ApplicantInput, reg: Registration) {
  const role = requireRoleIn(actor, ['office'], actor.agencyId);
  if (reg.channel === 'transfer' && !reg.transfer) throw badRequest('TRANSFER_RECORD_REQUIRED', '转办申请须登记交接记录');
  if (Date.parse(reg.receivedAt) > deps.clock().getTime()) throw badRequest('RECEIVED_IN_FUTURE', '收到时间不能晚于现在');
  // Moments are stored as ISO-8601 UTC, whatever offset the clerk's form sent.
  return register(deps, actor.agencyId, input, { ...reg, receivedAt: new Date(reg.receivedAt).toISOString() }, auditActor(actor, role));
}

// ---- reading ----

/** How people read the rules of an agency's deadlines: APP-4 as 第三十三条 and, where stricter, the agency's own rule by name. */
async function citationsOf(tx: Tx, agencyId: string): Promise<(rule: string) => string> {
  const agency = await tx.selectFrom('agencies').select('reply_workdays').where('id', '=', agencyId).executeTakeFirstOrThrow();
  const own = replyTermCitation(await applicationSettings(tx, agencyId), agency.reply_workdays);
  return (rule) => (rule === APP4 ? own : citeRule(rule));
}

async function appDeadline(tx: Tx, id: string, rule: string) {
  return (await openDeadline(tx, applicationSubject(id), rule)) ?? (await tx.selectFrom('deadlines').selectAll().where('subject_type', '=', 'application').where('subject_id', '=', id).where('rule', '=', rule).orderBy('created_at', 'desc').executeTakeFirst());
}

export async function listApplications(deps: Deps, actor: Actor, filter: { state?: State | undefined; q?: string | undefined; open?: boolean | undefined }, page: Paging) {
  const agencies = [...reach(actor, APPLICATION_ROLES)];
  if (!agencies.length) throw forbidden();
  await confirmDueReceipts(deps, agencies);
  let q = deps.db.selectFrom('applications').leftJoin('units', 'units.id', 'applications.unit_id').selectAll('applications').select('units.name as unit_name').where('applications.agency_id', 'in', agencies);
  if (filter.state) q = q.where('applications.state', '=', filter.state);
  if (filter.open) q = q.where('applications.state', 'in', OPEN_STATES);
  if (filter.q) q = q.where((eb) => eb.or([eb('applications.reg_number', 'like', `%${filter.q}%`), eb('applications.description', 'like', `%${filter.q}%`)]));
  const [{ total }] = (await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).execute()) as [{ total: number }];
  const rows = await q.orderBy('applications.received_at', 'desc').limit(page.pageSize).offset(offsetOf(page)).execute();
  const cal = await loadCalendar(deps.db);
  const now = isoNow(deps.clock);
  const items = [];
  for (const r of rows) {
    const d = await appDeadline(deps.db, r.id, APP4);
    const view = d ? presentDeadline(cal, d, now) : null;
    items.push({
      id: r.id, regNumber: r.reg_number, channel: r.channel, arrivedAt: r.arrived_at, receivedAt: r.state === 'unconfirmed' ? null : r.received_at, applicant: presentApplicant(r, false), description: r.description,
      state: r.state, unitName: r.unit_name, flags: JSON.parse(r.flags_json) as ApplicationFlag[], outcome: r.outcome,
      due: view ? { dueDate: view.dueDate, light: view.light, state: view.state, provisional: view.provisional } : null,
    });
  }
  return { ...page, total: Number(total), items };
}

/**
 * One application with its timeline and the deadline's explanation. The handling staff see
 * the applicant's data unmasked, and that view is audited; everyone else sees it masked.
 */
export async function getApplication(deps: Deps, actor: Actor, id: string) {
  await confirmDueReceipts(deps, [(await visibleApplication(deps.db, actor, id)).agency_id]);
  const row = await visibleApplication(deps.db, actor, id);
  const unmasked = await handles(deps.db, actor, row);
  if (unmasked) {
    await deps.db.transaction().execute((tx) =>
      appendAudit(tx, deps.clock, { actor: auditActor(actor, null), agencyId: row.agency_id, action: 'application.view_personal_data', entityType: 'application', entityId: id, ip: actor.ip }));
  }
  const roles = new Set(APPLICATION_ROLES.filter((r) => actor.reach.get(r)?.has(row.agency_id)));
  return { ...(await caseView(deps, row, unmasked)), actions: await staffActions(deps, actor, row, roles) };
}

/** What both the staff and the applicant's status page show of a case. */
export async function caseView(deps: Deps, row: ApplicationTable, unmasked: boolean) {
  const [steps, reviews, consultations, files, appeals] = await Promise.all([
    deps.db.selectFrom('application_steps').selectAll().where('application_id', '=', row.id).orderBy('at').execute(),
    deps.db.selectFrom('application_reviews').selectAll().where('application_id', '=', row.id).orderBy('at').execute(),
    deps.db.selectFrom('application_consultations').selectAll().where('application_id', '=', row.id).orderBy('requested_at').execute(),
    deps.db.selectFrom('application_files').select(['id', 'kind', 'name', 'mime', 'size', 'pages', 'created_at']).where('application_id', '=', row.id).orderBy('created_at').execute(),
    deps.db.selectFrom('application_appeals').selectAll().where('application_id', '=', row.id).orderBy('filed_on').execute(),
  ]);
  const cal = await loadCalendar(deps.db);
  const now = isoNow(deps.clock);
  const cite = await citationsOf(deps.db, row.agency_id);
  const d = await appDeadline(deps.db, row.id, APP4);
  const deadline = d ? presentDeadline(cal, d, now, cite) : null;
  const fee = await appDeadline(deps.db, row.id, 'LAW-42');
  const consultationDeadlines = new Map<string, DeadlinePresentation>();
  for (const c of consultations) {
    const due = await deps.db.selectFrom('deadlines').selectAll().where('subject_type', '=', 'application_consultation').where('subject_id', '=', c.id).executeTakeFirst();
    if (due) consultationDeadlines.set(c.id, presentDeadline(cal, due, now, cite));
  }
  const unit = row.unit_id ? await deps.db.selectFrom('units').select('name').where('id', '=', row.unit_id).executeTakeFirst() : undefined;
  return {
    id: row.id, agencyId: row.agency_id, regNumber: row.reg_number, trackingCode: row.tracking_code, channel: row.channel, arrivedAt: row.arrived_at,
    // LAW-31: no receipt day while both sides have not confirmed it.
    receivedAt: row.state === 'unconfirmed' ? null : row.received_at, receivedOn: row.state === 'unconfirmed' ? null : chinaDateOf(row.received_at), receipt: parse<Receipt>(row.receipt_json),
    reasons: parse<Reasons>(row.reasons_json), feeDeadline: fee ? presentDeadline(cal, fee, now, cite) : null,
    transfer: parse<Transfer>(row.transfer_json), applicant: presentApplicant(row, unmasked), description: row.description, purpose: row.purpose,
    form: row.form as InfoForm, delivery: row.delivery as DeliveryMethod, state: row.state, stateLabel: STATES[row.state], unitId: row.unit_id, unitName: unit?.name ?? null,
    flags: JSON.parse(row.flags_json) as ApplicationFlag[], repeatOf: row.repeat_of, correction: parse<Correction>(row.correction_json), fee: parse<Fee>(row.fee_json),
    splitFrom: row.split_from,
    splitParts: (await splitParts(deps, row.id)).map((p) => ({ id: p.id, regNumber: p.reg_number, trackingCode: p.tracking_code, state: p.state })),
    outcome: row.outcome, reply: parse<Reply>(row.reply_json), finishedAt: row.finished_at, deliveryRecord: parse<DeliveryRecord>(row.delivery_json),
    deadline,
    steps: steps.map((s) => ({ at: s.at, actorName: s.actor_name, role: s.role as Role | 'applicant', action: s.action, actionLabel: STEP_LABELS[s.action] ?? s.action, fromState: s.from_state as State, toState: s.to_state as State, note: s.note })),
    reviews: reviews.map((r) => ({ kind: r.kind, byName: r.by_name, opinion: r.opinion, at: r.at })),
    consultations: consultations.map((c) => ({
      id: c.id, kind: c.kind, party: c.party, requestedAt: c.requested_at, answeredAt: c.answered_at, answer: c.answer, answerText: c.answer_text, overrideReason: c.override_reason, notice: c.notice,
      deadline: consultationDeadlines.get(c.id) ?? null,
    })),
    files: files.map((f) => ({ id: f.id, kind: f.kind, name: f.name, mime: f.mime, size: f.size, pages: f.pages, createdAt: f.created_at })),
    appeals: appeals.map((a) => ({ id: a.id, kind: a.kind, filedOn: a.filed_on, body: a.body, result: a.result, resultOn: a.result_on, note: a.note })),
  };
}

async function staffActions(deps: Deps, actor: Actor, row: ApplicationTable, roles: Set<Role>): Promise<Action[]> {
  const isHandler = await handles(deps.db, actor, row);
  const out: Action[] = [];
  for (const action of Object.keys(ACTION_LABELS) as Action[]) {
    const t = transitionFor(row.state, action);
    if (!t) continue;
    const role = t.by.find((b): b is Role => b !== 'applicant' && roles.has(b));
    if (role && (role !== 'drafter' || isHandler)) out.push(action);
  }
  return out;
}

// ---- the workflow ----

export type ActInput = {
  unitId?: string | undefined;
  note?: string | undefined;
  needed?: string | undefined;
  correction?: string | undefined;
  feeBasis?: 'count' | 'pages' | undefined;
  pages?: number | undefined;
  outcome?: Outcome | undefined;
  text?: string | undefined;
  alreadyPublicWhere?: string | undefined;
  holderAgency?: string | undefined;
  receivedAt?: string | undefined;
  /** LAW-35: the date by which the applicant is to give reasons, and the longer term (working days) set when they are reasonable. */
  reasonsDue?: string | undefined;
  workdays?: number | undefined;
};

type Mover = { kind: 'staff'; actor: Actor } | { kind: 'applicant' };

async function updateSpec(tx: Tx, deps: Deps, row: ApplicationTable, rule: string, edit: (s: DeadlineSpec, cal: WorkCalendar) => DeadlineSpec) {
  const d = await openDeadline(tx, applicationSubject(row.id), rule);
  if (!d) return;
  const cal = await loadCalendar(tx);
  await setDeadline(tx, cal, deps.clock, { agencyId: row.agency_id, ...applicationSubject(row.id) }, edit(JSON.parse(d.spec_json) as DeadlineSpec, cal));
}

function overdue(cal: WorkCalendar, spec: DeadlineSpec, now: string) {
  return computeDeadline(cal, spec, now).state === 'overdue';
}

/** The letters a case produces, numbered in the agency's template and kept with it as DOCX and PDF. */
async function storeLetter(tx: Tx, deps: Deps, row: ApplicationTable, kind: LetterInput['kind'], extra: Partial<LetterInput>) {
  const agency = await tx.selectFrom('agencies').select('name').where('id', '=', row.agency_id).executeTakeFirstOrThrow();
  const input: LetterInput = {
    kind, agencyName: agency.name, regNumber: row.reg_number, applicantName: row.applicant_name, organisation: isOrganisation(row.applicant_kind), receivedOn: chinaDateOf(row.received_at),
    description: row.description, date: chinaToday(deps.clock), ...extra,
  };
  const title = { reply: '答复告知书', correction: '补正告知书', extension: '延期答复告知书', fee: '收费通知书', reasons: '说明理由通知书', longer_term: '延迟答复告知书' }[kind];
  const { docx, pdf } = await issueLetter(tx, row.agency_id, input);
  for (const [bytes, ext, mime] of [
    [docx, 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    [pdf, 'pdf', 'application/pdf'],
  ] as const) {
    const { sha256: hash, size } = await storeFile(filesRoot(deps.dataDir), bytes);
    await tx.insertInto('application_files').values({ id: newId(), application_id: row.id, kind: `letter_${kind}`, name: `${row.reg_number}-${title}.${ext}`, mime, size, sha256: hash, created_at: isoNow(deps.clock) }).execute();
  }
}

/** The files provided with a reply, by name with their pages, as the letter lists them. */
async function providedFiles(tx: Tx, id: string) {
  const files = await tx.selectFrom('application_files').select(['name', 'pages']).where('application_id', '=', id).where('kind', '=', 'provided').orderBy('created_at').execute();
  return files.map((f) => ({ name: f.name, pages: f.pages }));
}

/**
 * Moves an application along its workflow (applications.rules.ts), keeping the APP-4
 * deadline in step with every pause, restart and end, writing the timeline and the audit
 * event in one transaction.
 */
export async function actOn(deps: Deps, mover: Mover, id: string, action: Action, input: ActInput): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const row = await loadApplication(tx, id);
    const t = transitionFor(row.state, action);
    if (!t) throw new AppError('TRANSITION_NOT_ALLOWED', 409, `申请当前处于“${STATES[row.state]}”状态，不能执行“${ACTION_LABELS[action]}”`);
    let by: AuditActor;
    if (mover.kind === 'applicant') {
      if (!t.by.includes('applicant')) throw forbidden();
      by = null;
    } else {
      const actor = mover.actor;
      const roles = t.by.filter((b): b is Role => b !== 'applicant');
      const role = requireRoleIn(actor, roles, row.agency_id);
      if (role === 'drafter' && !(await handles(tx, actor, row))) throw forbidden('只有承办科室的工作人员可以拟定答复');
      by = auditActor(actor, role);
    }
    const now = isoNow(deps.clock);
    const cal = await loadCalendar(tx);
    let changes: Partial<ApplicationTable> = {};
    let note = input.note?.trim() ?? '';
    const finish = async (outcome: Outcome) => {
      changes = { ...changes, outcome, finished_at: now };
      await meetDeadline(tx, applicationSubject(row.id), APP4, now);
      // The 7 working days to ask for a correction (LAW-30) lapse unused once the case ends.
      await dropDeadline(tx, applicationSubject(row.id), 'LAW-30');
      await dropDeadline(tx, applicationSubject(row.id), 'LAW-42');
    };

    switch (action) {
      case 'confirm_receipt': {
        // LAW-31: both sides confirm on a working day; that day is the receipt day, and the applicant is told.
        const today = chinaToday(deps.clock) as IsoDate;
        if (!isWorkday(cal, today)) throw new AppError('RECEIPT_NOT_WORKDAY', 409, `${withWeekday(today)}不是工作日，确认收到须在工作日进行（《中华人民共和国政府信息公开条例》第三十一条）`);
        const told = note || (row.channel === 'online' ? '通过申请查询页面告知申请人' : '');
        if (!told) throw badRequest('RECEIPT_TOLD_REQUIRED', '请写明如何告知申请人已确认收到（如回复电子邮件、电话）');
        changes = { received_at: now, receipt_json: JSON.stringify({ at: now, by: by?.name ?? '', auto: false, told } satisfies Receipt) };
        await startTerms(tx, deps, row.agency_id, row.id, now, '确认收到');
        note = `收到日期 ${today}；${told}`;
        break;
      }
      case 'assign': {
        const unit = input.unitId ? await tx.selectFrom('units').select(['agency_id', 'status', 'name']).where('id', '=', input.unitId).executeTakeFirst() : undefined;
        if (!unit || unit.agency_id !== row.agency_id || unit.status !== 'active') throw badRequest('UNIT_INVALID', '请选择本机关在用的承办部门');
        changes = { unit_id: input.unitId! };
        note = `分办至${unit.name}${note ? `：${note}` : ''}`;
        break;
      }
      case 'request_correction': {
        if (row.correction_json) throw new AppError('CORRECTION_ONCE', 409, '补正只能要求一次（《中华人民共和国政府信息公开条例》第三十条）');
        const ask = await openDeadline(tx, applicationSubject(row.id), 'LAW-30');
        if (!ask || overdue(cal, JSON.parse(ask.spec_json), now)) throw new AppError('CORRECTION_TOO_LATE', 409, '须在收到申请之日起7个工作日内一次性告知补正（《中华人民共和国政府信息公开条例》第三十条）');
        const needed = input.needed?.trim();
        if (!needed) throw badRequest('CORRECTION_NEEDED', '请写明需要补正的事项');
        const due = computeDeadline(cal, { rule: 'LAW-30', term: { unit: 'workdays', n: CORRECTION_ANSWER_WORKDAYS }, startedAt: now }, now).dueDate;
        changes = { correction_json: JSON.stringify({ requestedAt: now, needed, due } satisfies Correction) };
        await meetDeadline(tx, applicationSubject(row.id), 'LAW-30', now);
        await updateSpec(tx, deps, row, APP4, (s) => withPause(s, now, 'LAW-30', '等待申请人补正'));
        await storeLetter(tx, deps, row, 'correction', { correctionNeeded: needed, correctionDue: due });
        note = needed;
        break;
      }
      case 'correct': {
        const correction = parse<Correction>(row.correction_json)!;
        const answer = input.correction?.trim();
        if (!answer) throw badRequest('CORRECTION_EMPTY', '请填写补正内容');
        const at = mover.kind === 'staff' && input.receivedAt ? new Date(input.receivedAt).toISOString() : now;
        if (at < correction.requestedAt || at > now) throw badRequest('CORRECTION_TIME_INVALID', '补正收到时间须在告知补正之后、不晚于现在');
        changes = { correction_json: JSON.stringify({ ...correction, answeredAt: at, answer } satisfies Correction) };
        // LAW-30: the reply term is counted anew from the day the corrected application arrives.
        await updateSpec(tx, deps, row, APP4, (s) => withRestart(s, at, 'LAW-30', '收到补正后的申请，重新计算答复期限'));
        note = answer;
        break;
      }
      case 'close_no_correction': {
        const correction = parse<Correction>(row.correction_json)!;
        if (chinaToday(deps.clock) <= correction.due) throw new AppError('CORRECTION_PERIOD_RUNNING', 409, `补正期限至 ${correction.due}，期满后才能终止（《中华人民共和国政府信息公开条例》第三十条）`);
        await finish('other_no_correction');
        await storeLetter(tx, deps, row, 'reply', { outcome: 'other_no_correction', correctionDue: correction.due });
        break;
      }
      case 'notify_fee': {
        const feeBy = input.feeBasis ?? 'count';
        const nth = await placeInMonth(tx, row);
        const pages = input.pages ?? 0;
        const amount = feeBy === 'pages' ? feeByPages(pages) : feeByCount(nth);
        if (amount === 0) throw badRequest('FEE_NOT_DUE', '未超过收费标准，不得收费（《政府信息公开信息处理费管理办法》）');
        // 国办函〔2020〕109号: 按件计收 counts applications per month, 按量计收 counts pages, stepped.
        const basisText = feeBy === 'pages' ? `按量计收：本件 ${pages} 页` : `按件计收：该申请人本月第 ${nth} 件申请`;
        changes = { fee_json: JSON.stringify({ amount, by: feeBy, basis: basisText, ...(feeBy === 'pages' && { pages }), notifiedAt: now } satisfies Fee) };
        await updateSpec(tx, deps, row, APP4, (s) => withPause(s, now, 'LAW-42', '等待缴纳信息处理费'));
        await storeLetter(tx, deps, row, 'fee', { feeAmount: amount, feeBy, feeBasis: basisText, ...(feeBy === 'pages' ? { feePages: pages } : { feeNth: nth }) });
        note = `${basisText}，金额 ${amount} 元；缴费期限自申请人收到通知书之日起${FEE_PAYMENT_WORKDAYS}个工作日`;
        break;
      }
      case 'fee_notice_received': {
        // LAW-42: the 20 working days run from the day the applicant received the notice, a stored deadline.
        const fee = parse<Fee>(row.fee_json)!;
        if (fee.noticeReceivedAt) throw new AppError('FEE_NOTICE_RECEIVED', 409, '已登记收费通知送达');
        const at = input.receivedAt ? new Date(input.receivedAt).toISOString() : now;
        if (at < fee.notifiedAt || at > now) throw badRequest('FEE_NOTICE_TIME_INVALID', '申请人收到收费通知的时间须在发出通知之后、不晚于现在');
        const view = await setDeadline(tx, cal, deps.clock, { agencyId: row.agency_id, ...applicationSubject(row.id) }, { rule: 'LAW-42', term: { unit: 'workdays', n: FEE_PAYMENT_WORKDAYS }, startedAt: at, startedAs: '申请人收到收费通知' });
        changes = { fee_json: JSON.stringify({ ...fee, noticeReceivedAt: at, due: view.dueDate } satisfies Fee) };
        note = `申请人 ${chinaDateOf(at)} 收到收费通知，缴费期限至 ${view.dueDate}`;
        break;
      }
      case 'fee_paid': {
        changes = { fee_json: JSON.stringify({ ...parse<Fee>(row.fee_json)!, paidAt: now }) };
        await meetDeadline(tx, applicationSubject(row.id), 'LAW-42', now);
        await updateSpec(tx, deps, row, APP4, (s) => endPause(s, now));
        break;
      }
      case 'close_no_fee': {
        const fee = parse<Fee>(row.fee_json)!;
        if (!fee.due) throw new AppError('FEE_NOTICE_NOT_RECEIVED', 409, '尚未登记申请人收到收费通知的日期，缴费期限还没有开始计算');
        if (chinaToday(deps.clock) <= fee.due) throw new AppError('FEE_PERIOD_RUNNING', 409, `缴费期限至 ${fee.due}，期满后才能终止（《中华人民共和国政府信息公开条例》第四十二条）`);
        await finish('other_no_fee');
        await storeLetter(tx, deps, row, 'reply', { outcome: 'other_no_fee', feeDue: fee.due });
        break;
      }
      case 'ask_reasons': {
        // LAW-35: the agency asks for reasons, by a date it sets, with a letter.
        const due = input.reasonsDue;
        if (!due || due <= chinaToday(deps.clock)) throw badRequest('REASONS_DUE_INVALID', '请确定申请人说明理由的期限（晚于今天的日期）');
        const asked = note || '请说明申请的理由';
        changes = { reasons_json: JSON.stringify({ askedAt: now, asked, due } satisfies Reasons) };
        await storeLetter(tx, deps, row, 'reasons', { reasonsAsked: asked, reasonsDue: due });
        note = `${asked}；说明理由期限至 ${due}`;
        break;
      }
      case 'record_reasons': {
        const reasons = parse<Reasons>(row.reasons_json)!;
        if (!note) throw badRequest('REASONS_REQUIRED', '请填写申请人说明的理由');
        changes = { reasons_json: JSON.stringify({ ...reasons, answeredAt: now, answer: note } satisfies Reasons) };
        break;
      }
      case 'reasons_unreasonable': {
        const reasons = parse<Reasons>(row.reasons_json)!;
        if (!reasons.answer && chinaToday(deps.clock) <= reasons.due) throw new AppError('REASONS_PERIOD_RUNNING', 409, `申请人说明理由的期限至 ${reasons.due}，尚未说明理由的，期满后才能认定`);
        if (!note) throw badRequest('NOTE_REQUIRED', '请写明认定理由不合理的依据');
        changes = { reasons_json: JSON.stringify({ ...reasons, decision: 'unreasonable', decidedAt: now, decisionReason: note } satisfies Reasons) };
        break;
      }
      case 'reasons_reasonable': {
        // LAW-35: reasonable, but more than the term of 第三十三条 is needed: the office sets a longer term, tells the applicant.
        const reasons = parse<Reasons>(row.reasons_json)!;
        const spec = JSON.parse((await openDeadline(tx, applicationSubject(row.id), APP4))!.spec_json) as DeadlineSpec;
        const n = input.workdays;
        if (!n || !Number.isInteger(n) || n <= spec.term.n) throw badRequest('LONGER_TERM_INVALID', `延迟答复的期限须为多于${spec.term.n}个工作日的整数`);
        if (!note) throw badRequest('NOTE_REQUIRED', '请写明确定延迟答复期限的理由');
        const view = await setDeadline(tx, cal, deps.clock, { agencyId: row.agency_id, ...applicationSubject(row.id) }, { ...spec, term: { unit: 'workdays', n }, termSetBy: { rule: 'LAW-35', reason: note, at: now } });
        changes = { reasons_json: JSON.stringify({ ...reasons, decision: 'reasonable', decidedAt: now, decisionReason: note, workdays: n } satisfies Reasons) };
        await storeLetter(tx, deps, row, 'longer_term', { longerWorkdays: n, longerReason: note, extendedTo: view.dueDate });
        note = `答复期限确定为${n}个工作日，至 ${view.dueDate}：${note}`;
        break;
      }
      case 'draft_reply': {
        if (!input.outcome) throw badRequest('OUTCOME_REQUIRED', '请选择答复结果');
        const text = input.text?.trim();
        if (!text) throw badRequest('REPLY_TEXT_REQUIRED', '请填写答复意见和依据');
        if (input.outcome === 'unable_not_held' && !input.holderAgency?.trim()) note = '未能确定掌握机关';
        if (input.outcome === 'unprocessed_excessive' && parse<Reasons>(row.reasons_json)?.decision !== 'unreasonable') {
          throw new AppError('REASONS_NOT_DECIDED', 409, '以“无正当理由大量反复申请”不予处理，须先要求申请人说明理由并认定理由不合理（《中华人民共和国政府信息公开条例》第三十五条）');
        }
        const reply: Reply = { outcome: input.outcome, text, draftedBy: by?.name ?? '', ...(input.alreadyPublicWhere && { alreadyPublicWhere: input.alreadyPublicWhere }), ...(input.holderAgency && { holderAgency: input.holderAgency }) };
        changes = { reply_json: JSON.stringify(reply) };
        break;
      }
      case 'return_reply':
        if (!note) throw badRequest('NOTE_REQUIRED', '退回须写明意见');
        // The APP-6 reviews were of the reply as drafted; a redrafted reply is reviewed anew.
        await tx.deleteFrom('application_reviews').where('application_id', '=', row.id).execute();
        break;
      case 'approve_reply': {
        const reviews = await tx.selectFrom('application_reviews').select('kind').where('application_id', '=', row.id).execute();
        const missing = missingReviews(reviews.map((r) => r.kind));
        if (missing.length) throw new AppError('REVIEWS_MISSING', 409, `答复前须完成保密审查、合法性审查和舆情风险评估，尚缺：${missing.map((k) => REVIEW_KINDS[k]).join('、')}`);
        if (hasOpenPause(JSON.parse((await openDeadline(tx, applicationSubject(row.id), APP4))!.spec_json))) throw new AppError('CONSULTATION_OPEN', 409, '尚有未结束的征求意见，期限暂停中（《中华人民共和国政府信息公开条例》第三十二条、第三十四条）');
        const reply = parse<Reply>(row.reply_json)!;
        changes = { reply_json: JSON.stringify({ ...reply, approvedBy: by?.name ?? '', approvedAt: now } satisfies Reply) };
        await storeLetter(tx, deps, row, 'reply', { outcome: reply.outcome, opinion: reply.text, providedFiles: await providedFiles(tx, row.id), ...(reply.alreadyPublicWhere && { alreadyPublicWhere: reply.alreadyPublicWhere }), ...(reply.holderAgency && { holderAgency: reply.holderAgency }) });
        await finish(reply.outcome);
        break;
      }
      case 'withdraw':
        await finish('other');
        note = note || '申请人撤回申请';
        await storeLetter(tx, deps, row, 'reply', { outcome: 'other', withdrawnOn: chinaToday(deps.clock) });
        break;
    }

    await tx.updateTable('applications').set({ ...changes, state: t.to, updated_at: now }).where('id', '=', row.id).execute();
    await step(tx, deps, row.id, by, action, row.state, t.to, note);
    await appendAudit(tx, deps.clock, { actor: by, agencyId: row.agency_id, action: `application.${action}`, entityType: 'application', entityId: row.id, before: { state: row.state }, after: { state: t.to, ...(changes.outcome && { outcome: changes.outcome }) }, ip: mover.kind === 'staff' ? mover.actor.ip : null });
  });
}

// ---- beside the workflow ----

/**
 * LAW-33: who may approve an extension under the agency's setting: the head of the
 * disclosure office (an office member who is also a department head) or a leader by
 * default; only a leader where the agency requires its leader.
 */
function extensionApprover(actor: Actor, agencyId: string, approver: keyof typeof EXTENSION_APPROVERS): { role: Role; title: string } {
  const holds = (r: Role) => actor.reach.get(r)?.has(agencyId) ?? false;
  if (holds('leader')) return { role: 'leader', title: EXTENSION_APPROVERS.leader };
  if (approver === 'office_head' && holds('office') && holds('dept_head')) return { role: 'dept_head', title: EXTENSION_APPROVERS.office_head };
  throw forbidden(approver === 'leader' ? '本机关规定延期答复须经本机关负责人批准' : '延期答复须经政府信息公开工作机构负责人或本机关负责人批准');
}

/** LAW-33: one extension, approved, by at most the agency's extension term, with a letter to the applicant naming the approver. */
export async function extend(deps: Deps, actor: Actor, id: string, reason: string) {
  await deps.db.transaction().execute(async (tx) => {
    const row = await loadApplication(tx, id);
    const { role, title } = extensionApprover(actor, row.agency_id, (await applicationSettings(tx, row.agency_id)).extensionApprover);
    if (!OPEN_STATES.includes(row.state)) throw badRequest('APPLICATION_CLOSED', '申请已办结，不能延期');
    const d = await openDeadline(tx, applicationSubject(row.id), APP4);
    const spec = JSON.parse(d!.spec_json) as DeadlineSpec;
    if (spec.extension) throw new AppError('EXTENSION_ONCE', 409, '答复期限只能延长一次（《中华人民共和国政府信息公开条例》第三十三条）');
    const cal = await loadCalendar(tx);
    const now = isoNow(deps.clock);
    if (overdue(cal, spec, now)) throw new AppError('EXTENSION_TOO_LATE', 409, '答复期限已过，不能再延长（《中华人民共和国政府信息公开条例》第三十三条）');
    const agency = await tx.selectFrom('agencies').select(['reply_workdays', 'extension_workdays']).where('id', '=', row.agency_id).executeTakeFirstOrThrow();
    const extended = withExtension(spec, agency.extension_workdays, now, `${title}${actor.name}`, 'LAW-33');
    const view = await setDeadline(tx, cal, deps.clock, { agencyId: row.agency_id, ...applicationSubject(row.id) }, extended);
    await storeLetter(tx, deps, row, 'extension', { extendedTo: view.dueDate, extensionReason: reason, replyWorkdays: agency.reply_workdays, extensionWorkdays: agency.extension_workdays, approvedBy: `${title}${actor.name}` });
    await step(tx, deps, row.id, auditActor(actor, role), 'extend', row.state, row.state, `经${title}${actor.name}批准，延期至 ${view.dueDate}：${reason}`);
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'application.extend', entityType: 'application', entityId: row.id, after: { due: view.dueDate, reason }, ip: actor.ip });
  });
}

/** APP-6: each of the three reviews, by its own role, before the reply is signed. */
export async function review(deps: Deps, actor: Actor, id: string, kind: ReviewKind, opinion: string) {
  await deps.db.transaction().execute(async (tx) => {
    const row = await loadApplication(tx, id);
    const role = requireRoleIn(actor, [REVIEWERS[kind]], row.agency_id);
    if (row.state !== 'reviewing') throw badRequest('NOT_REVIEWING', '申请不在答复审核阶段');
    await tx.deleteFrom('application_reviews').where('application_id', '=', row.id).where('kind', '=', kind).execute();
    await tx.insertInto('application_reviews').values({ id: newId(), application_id: row.id, kind, by_id: actor.userId, by_name: actor.name, opinion, at: isoNow(deps.clock) }).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: `application.review.${kind}`, entityType: 'application', entityId: row.id, after: { opinion }, ip: actor.ip });
  });
}

/** LAW-32, LAW-34: asking a third party or another agency stops the reply clock until they answer. */
export async function consult(deps: Deps, actor: Actor, id: string, kind: 'third_party' | 'agency', party: string) {
  await deps.db.transaction().execute(async (tx) => {
    const row = await loadApplication(tx, id);
    const role = requireRoleIn(actor, ['office'], row.agency_id);
    if (row.state !== 'handling') throw badRequest('NOT_HANDLING', '只能在办理中征求意见');
    const now = isoNow(deps.clock);
    if (await tx.selectFrom('application_consultations').select('id').where('application_id', '=', row.id).where('answered_at', 'is', null).executeTakeFirst()) {
      throw new AppError('CONSULTATION_OPEN', 409, '已有未结束的征求意见');
    }
    const consultationId = newId();
    await tx.insertInto('application_consultations').values({ id: consultationId, application_id: row.id, kind, party, requested_at: now, answered_at: null, answer: null, answer_text: '', override_reason: '', notice: '' }).execute();
    const rule = CONSULTATION_RULES[kind];
    const cal = await loadCalendar(tx);
    // LAW-32, LAW-34: the party's 15 working days are a deadline of their own, shown, reminded and turning red.
    const view = await setDeadline(tx, cal, deps.clock, { agencyId: row.agency_id, ...consultationSubject(consultationId) }, { rule, term: { unit: 'workdays', n: CONSULTATION_WORKDAYS }, startedAt: now, startedAs: '发出征求意见' });
    await updateSpec(tx, deps, row, APP4, (s) => withPause(s, now, rule, `征求${party}意见，${view.dueDate}前答复`));
    await step(tx, deps, row.id, auditActor(actor, role), 'consult', row.state, row.state, `征求${party}意见，${CONSULTATION_WORKDAYS}个工作日内（至 ${view.dueDate}）答复，不计入答复期限`);
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'application.consult', entityType: 'application', entityId: row.id, after: { kind, party }, ip: actor.ip });
  });
}

/** The answer (or silence after 15 working days) restarts the clock; a public-interest override is recorded with its notice. */
export async function answerConsultation(deps: Deps, actor: Actor, consultationId: string, input: { answer: 'consent' | 'refuse' | 'no_answer'; text: string; overrideReason?: string | undefined; notice?: string | undefined }) {
  await deps.db.transaction().execute(async (tx) => {
    const c = await tx.selectFrom('application_consultations').selectAll().where('id', '=', consultationId).executeTakeFirst();
    if (!c || c.answered_at) throw notFound('未答复的征求意见');
    const row = await loadApplication(tx, c.application_id);
    const role = requireRoleIn(actor, ['office'], row.agency_id);
    if (input.overrideReason && !input.notice?.trim()) throw badRequest('NOTICE_REQUIRED', '以公共利益为由决定公开的，须书面告知第三方（《中华人民共和国政府信息公开条例》第三十二条）');
    const now = isoNow(deps.clock);
    const subject = consultationSubject(c.id);
    const due = await openDeadline(tx, subject, CONSULTATION_RULES[c.kind]);
    // LAW-32, LAW-34: silence is recorded only once the 15 working days have passed; another agency's silence is its consent.
    if (input.answer === 'no_answer' && due && !overdue(await loadCalendar(tx), JSON.parse(due.spec_json), now)) {
      throw new AppError('CONSULTATION_PERIOD_RUNNING', 409, `征求意见期限至 ${chinaDateOf(due.due_at)}，期满后才能登记逾期未答复`);
    }
    if (input.answer !== 'no_answer' && !input.text.trim()) throw badRequest('CONSULTATION_TEXT_REQUIRED', '请填写对方的意见');
    const silentAgency = input.answer === 'no_answer' && c.kind === 'agency';
    const answer = silentAgency ? 'consent' : input.answer;
    const text = input.answer !== 'no_answer' ? input.text : silentAgency
      ? `逾期未提出意见，视为同意（《中华人民共和国政府信息公开条例》第三十四条）${input.text ? `；${input.text}` : ''}`
      : `第三方逾期未提出意见，由本机关依照《中华人民共和国政府信息公开条例》的规定决定${input.text ? `；${input.text}` : ''}`;
    await tx.updateTable('application_consultations').set({ answered_at: now, answer, answer_text: text, override_reason: input.overrideReason ?? '', notice: input.notice ?? '' }).where('id', '=', c.id).execute();
    await meetDeadline(tx, subject, CONSULTATION_RULES[c.kind], now);
    await updateSpec(tx, deps, row, APP4, (s) => endPause(s, now));
    await step(tx, deps, row.id, auditActor(actor, role), 'consult_answer', row.state, row.state, `${c.party}：${text}${input.overrideReason ? `；公共利益理由：${input.overrideReason}` : ''}`);
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'application.consult_answer', entityType: 'application', entityId: row.id, after: input, ip: actor.ip });
  });
}

/** Delivery of the reply (method, date, proof), and for a transferred case the report back (APP-5). */
export async function recordDelivery(deps: Deps, actor: Actor, id: string, delivery: { method: string; on: string; proof: string }) {
  await deps.db.transaction().execute(async (tx) => {
    const row = await loadApplication(tx, id);
    const role = requireRoleIn(actor, ['office'], row.agency_id);
    if (row.state !== 'replied') throw badRequest('NOT_REPLIED', '答复签发后才能登记送达');
    checkDeliveryDate(delivery.on, row.finished_at!);
    const now = isoNow(deps.clock);
    const transfer = parse<Transfer>(row.transfer_json);
    await tx.updateTable('applications').set({
      delivery_json: JSON.stringify(delivery), updated_at: now,
      ...(transfer && { transfer_json: JSON.stringify({ ...transfer, reportedBackAt: now, report: `已于 ${delivery.on} 以${delivery.method}送达答复` } satisfies Transfer) }),
    }).where('id', '=', row.id).execute();
    await step(tx, deps, row.id, auditActor(actor, role), 'deliver', row.state, row.state, `${delivery.method}，${delivery.on}，凭证：${delivery.proof}`);
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'application.deliver', entityType: 'application', entityId: row.id, after: delivery, ip: actor.ip });
  });
}

/** APP-8: a reconsideration or lawsuit about the reply, and later its result (table 4). */
export async function recordAppeal(deps: Deps, actor: Actor, id: string, input: { kind: AppealKind; filedOn: string; body: string }) {
  await deps.db.transaction().execute(async (tx) => {
    const row = await loadApplication(tx, id);
    const role = requireRoleIn(actor, ['office'], row.agency_id);
    if (row.state !== 'replied' && row.state !== 'closed') throw badRequest('NOT_REPLIED', '只能对已答复或已终止的申请登记复议、诉讼');
    await tx.insertInto('application_appeals').values({ id: newId(), application_id: row.id, kind: input.kind, filed_on: input.filedOn, body: input.body, result: 'pending', result_on: null, note: '' }).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'application.appeal', entityType: 'application', entityId: row.id, after: input, ip: actor.ip });
  });
}

export async function recordAppealResult(deps: Deps, actor: Actor, appealId: string, input: { result: 'upheld' | 'corrected' | 'other'; resultOn: string; note: string }) {
  await deps.db.transaction().execute(async (tx) => {
    const a = await tx.selectFrom('application_appeals').selectAll().where('id', '=', appealId).executeTakeFirst();
    if (!a) throw notFound('复议或诉讼记录');
    const row = await loadApplication(tx, a.application_id);
    const role = requireRoleIn(actor, ['office'], row.agency_id);
    await tx.updateTable('application_appeals').set({ result: input.result, result_on: input.resultOn, note: input.note }).where('id', '=', a.id).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'application.appeal_result', entityType: 'application', entityId: row.id, before: { result: a.result }, after: input, ip: actor.ip });
  });
}

// ---- the applicant (portal) ----

/** Finds a case by tracking code and secret; anything else is "not found", never a hint which part was wrong. */
export async function applicantCase(deps: Deps, trackingCode: string, secret: string): Promise<ApplicationTable> {
  const row = await deps.db.selectFrom('applications').selectAll().where('tracking_code', '=', trackingCode.trim().toUpperCase()).executeTakeFirst();
  const given = Buffer.from(sha256(secret.trim()));
  if (!row || !timingSafeEqual(given, Buffer.from(row.secret_hash))) throw new AppError('CASE_NOT_FOUND', 404, '查询码或密码不正确');
  return row;
}

export { explainDeadline };

// ---- to-do list ----

/**
 * What waits for the user among the agency's open applications: the office assigns and
 * checks legality, the assigned department drafts, each reviewer gives their review, the
 * leader signs. Each with its reply deadline and traffic light.
 */
export async function applicationTodos(deps: Deps, actor: Actor) {
  const has = (r: Role) => actor.reach.get(r)?.has(actor.agencyId) ?? false;
  if (!APPLICATION_ROLES.some(has)) return [];
  await confirmDueReceipts(deps, [actor.agencyId]);
  const rows = await deps.db.selectFrom('applications').selectAll().where('agency_id', '=', actor.agencyId).where('state', 'in', ['received', 'handling', 'reviewing']).execute();
  if (!rows.length) return [];
  const unit = (await deps.db.selectFrom('users').select('unit_id').where('id', '=', actor.userId).executeTakeFirst())?.unit_id ?? null;
  const done = await deps.db.selectFrom('application_reviews').select(['application_id', 'kind']).where('application_id', 'in', rows.map((r) => r.id)).execute();
  const reviewed = (id: string, kind: ReviewKind) => done.some((d) => d.application_id === id && d.kind === kind);
  const waiting = (r: ApplicationTable): string | null => {
    if (r.state === 'received' && has('office')) return '待分办';
    if (r.state === 'handling' && !r.unit_id && has('office')) return '待分办';
    if (r.state === 'handling' && r.unit_id === unit && (has('drafter') || has('dept_head'))) return '待拟定答复';
    if (r.state !== 'reviewing') return null;
    const mine = (Object.entries(REVIEWERS) as [ReviewKind, Role][]).find(([kind, role]) => has(role) && !reviewed(r.id, kind));
    if (mine) return `待${REVIEW_KINDS[mine[0]]}`;
    return has('leader') && missingReviews(done.filter((d) => d.application_id === r.id).map((d) => d.kind)).length === 0 ? '待签发' : null;
  };
  const cal = await loadCalendar(deps.db);
  const now = isoNow(deps.clock);
  const out = [];
  for (const r of rows) {
    const what = waiting(r);
    if (!what) continue;
    const d = await openDeadline(deps.db, applicationSubject(r.id), APP4);
    const view = d ? presentDeadline(cal, d, now) : null;
    out.push({ id: r.id, kind: 'application', title: `${what}：${r.reg_number} ${r.description.slice(0, 40)}`, due: view?.dueDate ?? null, light: view?.light ?? null, link: `/applications/${r.id}` });
  }
  // LAW-32, LAW-34: the office is reminded of each party's 15 working days, red once they passed (silence may then be recorded).
  if (has('office')) {
    const open = await deps.db.selectFrom('application_consultations').innerJoin('deadlines', (j) => j.onRef('deadlines.subject_id', '=', 'application_consultations.id').on('deadlines.subject_type', '=', 'application_consultation'))
      .select(['application_consultations.application_id', 'application_consultations.party', 'deadlines.spec_json']).where('application_consultations.answered_at', 'is', null)
      .where('application_consultations.application_id', 'in', rows.map((r) => r.id)).execute();
    for (const c of open) {
      const r = rows.find((x) => x.id === c.application_id)!;
      const view = presentDeadline(cal, c, now);
      out.push({ id: r.id, kind: 'application', title: `征求意见待答复（${c.party}）：${r.reg_number}`, due: view.dueDate, light: view.light, link: `/applications/${r.id}` });
    }
  }
  return out;
}

// ---- information provided in the reply ----

/**
 * Attaches information provided to the applicant. For partial disclosure (LAW-37, SEC-10)
 * the marked phrases are removed from PDF and DOCX exactly as for published documents; the
 * original stays internal (`provided_original`) and the applicant only ever gets the copy.
 */
/** A PDF's pages are counted; for other files the staff give them (or none). */
async function pdfPages(bytes: Uint8Array): Promise<number> {
  const doc = (await loadMupdf()).Document.openDocument(bytes, 'application/pdf');
  try {
    return doc.countPages();
  } finally {
    doc.destroy();
  }
}

async function providingCase(tx: Tx, actor: Actor, id: string) {
  const row = await loadApplication(tx, id);
  const role = requireRoleIn(actor, ['office', 'drafter'], row.agency_id);
  if (role === 'drafter' && !(await handles(tx, actor, row))) throw forbidden('只有承办科室的工作人员可以上传提供的信息');
  if (row.state !== 'handling' && row.state !== 'reviewing') throw badRequest('NOT_HANDLING', '只能在办理中或答复审核阶段上传提供的信息');
  return { row, role };
}

export async function addProvidedFile(deps: Deps, actor: Actor, id: string, upload: { filename: string; bytes: Uint8Array }, phrases: string[], givenPages?: number) {
  // Refused before a byte is stored (issue 9).
  await providingCase(deps.db, actor, id);
  const sniffed = sniffFile(upload.bytes);
  if (!sniffed) throw new AppError('FILE_TYPE_NOT_ALLOWED', 415, `“${upload.filename}”不是允许的文件类型（PDF、Word、Excel、PNG、JPEG），以文件内容为准`);
  const marks = phrases.map((p) => p.trim()).filter(Boolean);
  if (marks.length && sniffed.kind !== 'pdf' && sniffed.kind !== 'docx') {
    throw new AppError('ATTACHMENT_CANNOT_REDACT', 409, '只有 PDF 和 Word 文件可以自动删除部分内容，请上传处理后的文件（《中华人民共和国政府信息公开条例》第三十七条）');
  }
  const root = filesRoot(deps.dataDir);
  const cleaned = marks.length ? (sniffed.kind === 'pdf' ? await redactPdf(upload.bytes, marks) : redactDocx(upload.bytes, marks)) : upload.bytes;
  const stored = await storeFile(root, cleaned);
  const original = marks.length ? await storeFile(root, upload.bytes) : null;
  const pages = givenPages ?? (sniffed.kind === 'pdf' ? await pdfPages(cleaned) : null);
  await deps.db.transaction().execute(async (tx) => {
    const { row, role } = await providingCase(tx, actor, id);
    const name = upload.filename.replace(/[\\/]/g, '_').slice(0, 200) || `提供的信息.${sniffed.ext}`;
    const now = isoNow(deps.clock);
    await tx.insertInto('application_files').values({ id: newId(), application_id: row.id, kind: 'provided', name, mime: sniffed.mime, size: stored.size, sha256: stored.sha256, pages, created_at: now }).execute();
    if (original) {
      await tx.insertInto('application_files').values({ id: newId(), application_id: row.id, kind: 'provided_original', name: `原件-${name}`, mime: sniffed.mime, size: original.size, sha256: original.sha256, created_at: now }).execute();
    }
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'application.file.provided', entityType: 'application', entityId: row.id, after: { name, redactions: marks.length }, ip: actor.ip });
  });
}

/** What the applicant may download: the letters and the provided (cleaned) files, never an original. */
export const applicantFiles = <T extends { kind: string }>(files: T[]) => files.filter((f) => f.kind !== 'provided_original');

// ---- one matter per application ----

/**
 * APP-3: an application asking for several matters is split by the office. The first part
 * stays in this case; each further part becomes a case of its own, registered with the same
 * receipt moment (so no term is shortened) and the same password, and listed on the
 * original's status page with its own tracking code.
 */
export async function splitApplication(deps: Deps, actor: Actor, id: string, parts: string[]) {
  const matters = parts.map((p) => p.trim()).filter(Boolean);
  if (matters.length < 2) throw badRequest('SPLIT_PARTS_REQUIRED', '拆分须至少填写两项申请内容，每行一项');
  const row = await loadApplication(deps.db, id);
  const role = requireRoleIn(actor, ['office'], row.agency_id);
  if (row.state !== 'received' && row.state !== 'handling') throw badRequest('SPLIT_NOT_ALLOWED', '只能拆分尚在登记或办理中的申请');
  const by = auditActor(actor, role);
  const applicant: ApplicantInput = {
    applicantKind: row.applicant_kind, name: row.applicant_name, idType: row.id_type, idNumber: row.id_number, orgCode: row.org_code, phone: row.phone,
    email: row.email, address: row.address, description: '', purpose: row.purpose, form: row.form, delivery: row.delivery,
  };
  const created: Registered[] = [];
  for (const matter of matters.slice(1)) {
    created.push(await register(deps, row.agency_id, { ...applicant, description: matter }, { channel: row.channel, receivedAt: row.received_at, splitFrom: { id: row.id, secretHash: row.secret_hash, arrivedAt: row.arrived_at, receipt: row.receipt_json } }, by));
  }
  await deps.db.transaction().execute(async (tx) => {
    await tx.updateTable('applications').set({ description: matters[0]!, updated_at: isoNow(deps.clock) }).where('id', '=', row.id).execute();
    await step(tx, deps, row.id, by, 'split', row.state, row.state, `一事一申请，拆分为：${[row.reg_number, ...created.map((c) => c.regNumber)].join('、')}`);
    await appendAudit(tx, deps.clock, { actor: by, agencyId: row.agency_id, action: 'application.split', entityType: 'application', entityId: row.id, before: { description: row.description }, after: { parts: [row.reg_number, ...created.map((c) => c.regNumber)] }, ip: actor.ip });
  });
  return created.map((c) => ({ id: c.id, regNumber: c.regNumber, trackingCode: c.trackingCode }));
}

/** The cases split from this one, for the applicant's status page and the staff page. */
export async function splitParts(deps: Deps, id: string) {
  return deps.db.selectFrom('applications').select(['id', 'reg_number', 'tracking_code', 'state']).where('split_from', '=', id).orderBy('reg_number').execute();
}
