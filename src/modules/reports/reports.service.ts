import ExcelJS from 'exceljs';
import { chinaDateOf, chinaLongDateOf, chinaToday, isoNow, type Clock } from '../../core/clock.ts';
import { badRequest, conflict, forbidden, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Db, Tx } from '../../db/database.ts';
import { APPEAL_KINDS, type AppealKind } from '../applications/applications.rules.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { auditActor, reach, requireRoleIn, type Actor } from '../auth/actor.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { meetDeadline, openDeadline, presentDeadline, setDeadline } from '../deadlines/deadlines.service.ts';
import type { ClockOutcome } from '../interpretation/interpretation.rules.ts';
import { INTERPRETATION_RULE } from '../interpretation/interpretation.rules.ts';
import { interpretationSubject } from '../interpretation/interpretation.workflow.ts';
import { messageFacts, summarise } from '../messages/messages.stats.ts';
import { caseSubject } from '../opinion/opinion.repo.ts';
import { CLOCK_RULES, type RiskLevel } from '../opinion/opinion.rules.ts';
import type { Role } from '../org/org.rules.ts';
import {
  ANNUAL_ACTIONS, ANNUAL_DUE_DAY, ANNUAL_STATES, annualActions, annualClockStart, annualFigures, annualTransition, ENTRY_KEYS, generatedTexts, isEntryKey, MONTHLY_DUE_DAY, monthlyClockStart,
  monthlyFigures, monthlyGrids, previousMonth, submitProblems, templateById, templateFor, type AnnualAction, type AnnualStep, type EntryKey, type Figures, type MonthlyFigures, type Texts,
} from './reports.rules.ts';
import { gridsWorkbook, reportDocx, reportPdf, type ReportDoc } from './reports.render.ts';
import type { AnnualReportTable } from './reports.tables.ts';

/**
 * The annual report (LAW-49/50) and the monthly report (SUP-5): figures counted from the
 * records, the workflow draft → office review → leader approval → published, corrections as
 * new versions, the clocks, and the city office's view over its agencies.
 */
export type Deps = { db: Db; clock: Clock };

export const REPORT_ROLES: readonly Role[] = ['office', 'leader'];
const ANNUAL = { type: 'annual_report', rule: 'LAW-49' } as const;
const MONTHLY = { type: 'monthly_report', rule: 'SUP-5' } as const;

const parse = <T>(s: string | null, fallback: T): T => (s ? (JSON.parse(s) as T) : fallback);
const rolesIn = (actor: Actor, agencyId: string) => REPORT_ROLES.filter((r) => actor.reach.get(r)?.has(agencyId));

// ---- figures from the records ----

/**
 * INT-3, INT-5: the interpretation clocks of the policies published in a period (Beijing dates),
 * as they stand now, for the interpretation module's 三同步 rate.
 */
async function syncClocks(db: Tx, clock: Clock, agencyId: string, from: string, to: string): Promise<ClockOutcome[]> {
  const subject = interpretationSubject('');
  const rows = await db.selectFrom('deadlines').innerJoin('items', 'items.id', 'deadlines.subject_id').select(['deadlines.spec_json', 'items.published_at'])
    .where('deadlines.agency_id', '=', agencyId).where('deadlines.subject_type', '=', subject.type).where('deadlines.rule', '=', INTERPRETATION_RULE).where('items.published_at', 'is not', null).execute();
  const cal = await loadCalendar(db);
  const now = isoNow(clock);
  return rows.filter((r) => chinaDateOf(r.published_at!) >= from && chinaDateOf(r.published_at!) <= to).map((r) => presentDeadline(cal, r, now));
}

type Stock = { rules: number; normative: number };

/** The year's figures counted from the agency's applications, items, appeals and entries. */
export async function countAnnual(db: Tx, clock: Clock, agencyId: string, year: number): Promise<Figures> {
  const [apps, items, changes, appeals, entries, onTime, lastReport, sync] = await Promise.all([
    db.selectFrom('applications').select(['id', 'reg_number', 'applicant_kind', 'received_at', 'finished_at', 'outcome', 'fee_json', 'state']).where('agency_id', '=', agencyId).where('state', '!=', 'unconfirmed').execute(),
    db.selectFrom('items').select(['id', 'title', 'doc_kind', 'policy_level', 'category', 'date_made', 'published_at', 'validity', 'updated_at']).where('agency_id', '=', agencyId).execute(),
    db.selectFrom('audit_events').select(['entity_id', 'at', 'after_json']).where('agency_id', '=', agencyId).where('action', '=', 'item.validity').orderBy('seq').execute(),
    db.selectFrom('application_appeals').innerJoin('applications', 'applications.id', 'application_appeals.application_id')
      .select(['application_appeals.id', 'application_appeals.application_id', 'application_appeals.kind', 'application_appeals.filed_on', 'application_appeals.result', 'application_appeals.result_on', 'applications.reg_number'])
      .where('applications.agency_id', '=', agencyId).execute(),
    db.selectFrom('report_entries').selectAll().where('agency_id', '=', agencyId).where('year', '=', year).execute(),
    db.selectFrom('deadlines').select(['subject_id', 'due_at', 'met_at']).where('agency_id', '=', agencyId).where('subject_type', '=', 'application').where('rule', '=', 'APP-4').where('met_at', 'is not', null).execute(),
    lastPublished(db, agencyId, year - 1),
    syncClocks(db, clock, agencyId, `${year}-01-01`, `${year}-12-31`),
  ]);
  const changesOf = new Map<string, { at: string; validity: 'valid' | 'expired' | 'repealed' }[]>();
  for (const c of changes) changesOf.set(c.entity_id!, [...(changesOf.get(c.entity_id!) ?? []), { at: c.at, validity: parse<{ validity: 'valid' | 'expired' | 'repealed' }>(c.after_json, { validity: 'valid' }).validity }]);
  const lastFigures = lastReport ? parse<Figures | null>(lastReport.figures_json, null) : null;
  const lastInForce: Stock | undefined = lastFigures ? { rules: lastFigures.cells['t2.rules.inForce'] ?? 0, normative: lastFigures.cells['t2.normative.inForce'] ?? 0 } : undefined;
  return annualFigures(year, {
    apps: apps.filter((a) => a.state !== 'withdrawn').map((a) => ({
      id: a.id, label: a.reg_number, kind: a.applicant_kind, receivedAt: a.received_at, finishedAt: a.finished_at, outcome: a.outcome,
      fee: parse<{ amount: number; notifiedAt?: string; paidAt?: string } | null>(a.fee_json, null),
    })),
    items: items.map((i) => ({
      id: i.id, label: i.title, docKind: i.doc_kind, policyLevel: i.policy_level, category: i.category, dateMade: i.date_made, publishedAt: i.published_at, validity: i.validity,
      updatedAt: i.updated_at, changes: changesOf.get(i.id) ?? [],
    })),
    appeals: appeals.map((a) => ({ id: a.id, applicationId: a.application_id, label: `${a.reg_number} ${APPEAL_KINDS[a.kind as AppealKind]}`, kind: a.kind as AppealKind, filedOn: a.filed_on, result: a.result as 'pending', resultOn: a.result_on })),
    entries: entries.map((e) => ({ id: e.id, key: e.key, value: Number(e.value), source: e.source, by: e.entered_by_name })),
    onTime: new Set(onTime.filter((d) => d.met_at! <= d.due_at).map((d) => d.subject_id)),
    ...(lastInForce ? { lastInForce } : {}),
    syncClocks: sync,
  });
}

/** The report version now published for a year (the newest, when corrected). */
async function lastPublished(db: Tx, agencyId: string, year: number) {
  return db.selectFrom('annual_reports').selectAll().where('agency_id', '=', agencyId).where('year', '=', year).where('state', '=', 'published').where('superseded_by', 'is', null).executeTakeFirst();
}

// ---- the annual report ----

async function loadReport(db: Tx, id: string): Promise<AnnualReportTable> {
  const row = await db.selectFrom('annual_reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('年度报告');
  return row;
}

async function readable(db: Tx, actor: Actor, id: string) {
  const row = await loadReport(db, id);
  if (!reach(actor, REPORT_ROLES).has(row.agency_id)) throw forbidden('您无权查看该机关的年度报告');
  return row;
}

const agencyName = async (db: Tx, id: string) => (await db.selectFrom('agencies').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name;

async function dueDayOf(db: Tx, agencyId: string): Promise<number> {
  return (await db.selectFrom('report_settings').select('annual_due_day').where('agency_id', '=', agencyId).executeTakeFirst())?.annual_due_day ?? ANNUAL_DUE_DAY;
}

/** LAW-49: the year's report is due from 1 January to 31 January of the next (or the agency's stricter day). */
async function setAnnualClock(tx: Tx, deps: Deps, agencyId: string, year: number) {
  const cal = await loadCalendar(tx);
  const day = await dueDayOf(tx, agencyId);
  await setDeadline(tx, cal, deps.clock, { agencyId, type: ANNUAL.type, id: `${agencyId}:${year}` }, { rule: ANNUAL.rule, term: { unit: 'calendarDays', n: day - 1 }, startedAt: annualClockStart(year), startedAs: '新的一年开始' });
}

export async function createAnnual(deps: Deps, actor: Actor, input: { year: number }) {
  const agencyId = actor.agencyId;
  return deps.db.transaction().execute(async (tx) => {
    const role = requireRoleIn(actor, ['office'], agencyId);
    const template = templateFor(input.year);
    if (input.year >= Number(chinaToday(deps.clock).slice(0, 4))) throw badRequest('REPORT_YEAR_OPEN', '只能编制已结束年度的报告');
    const existing = await tx.selectFrom('annual_reports').select(['id', 'state']).where('agency_id', '=', agencyId).where('year', '=', input.year).execute();
    if (existing.length) throw conflict('REPORT_EXISTS', `${input.year}年度报告已经存在；已发布的报告只能更正`);
    const figures = await countAnnual(tx, deps.clock, agencyId, input.year);
    const now = isoNow(deps.clock);
    const id = newId();
    await tx.insertInto('annual_reports').values({
      id, agency_id: agencyId, year: input.year, version: 1, template: template.id, state: 'draft', texts_json: JSON.stringify(generatedTexts(await agencyName(tx, agencyId), figures)),
      figures_json: null, stock_reason: '', correction_reason: '', supersedes: null, superseded_by: null, steps_json: '[]', published_at: null, created_by: actor.userId, created_at: now, updated_at: now,
    }).execute();
    await setAnnualClock(tx, deps, agencyId, input.year);
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId, action: 'annual_report.create', entityType: 'annual_report', entityId: id, after: { year: input.year, template: template.id }, ip: actor.ip });
    return id;
  });
}

/** A published report is never changed: a correction is the next version, a draft with its reason. */
export async function correctAnnual(deps: Deps, actor: Actor, id: string, reason: string) {
  if (!reason.trim()) throw badRequest('REASON_REQUIRED', '请说明更正原因');
  return deps.db.transaction().execute(async (tx) => {
    const old = await loadReport(tx, id);
    const role = requireRoleIn(actor, ['office'], old.agency_id);
    if (old.state !== 'published' || old.superseded_by) throw badRequest('REPORT_NOT_CURRENT', '只能更正当前已发布的版本');
    const pending = await tx.selectFrom('annual_reports').select('id').where('supersedes', '=', old.id).executeTakeFirst();
    if (pending) throw conflict('CORRECTION_EXISTS', '该报告已有正在办理的更正版本');
    const now = isoNow(deps.clock);
    const newIdValue = newId();
    await tx.insertInto('annual_reports').values({
      id: newIdValue, agency_id: old.agency_id, year: old.year, version: old.version + 1, template: old.template, state: 'draft', texts_json: old.texts_json, figures_json: null,
      stock_reason: old.stock_reason, correction_reason: reason.trim(), supersedes: old.id, superseded_by: null, steps_json: '[]', published_at: null, created_by: actor.userId, created_at: now, updated_at: now,
    }).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: old.agency_id, action: 'annual_report.correct', entityType: 'annual_report', entityId: newIdValue, after: { supersedes: old.id, reason }, ip: actor.ip });
    return newIdValue;
  });
}

export async function updateAnnual(deps: Deps, actor: Actor, id: string, input: { texts: Texts; stockReason: string }) {
  await deps.db.transaction().execute(async (tx) => {
    const row = await loadReport(tx, id);
    const role = requireRoleIn(actor, ['office'], row.agency_id);
    if (row.state !== 'draft') throw badRequest('REPORT_NOT_DRAFT', '只有草稿可以修改');
    await tx.updateTable('annual_reports').set({ texts_json: JSON.stringify(input.texts), stock_reason: input.stockReason.trim(), updated_at: isoNow(deps.clock) }).where('id', '=', id).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'annual_report.update', entityType: 'annual_report', entityId: id, ip: actor.ip });
  });
}

/** Draft → office review → leader approval → published; the figures are frozen when the draft goes to review. */
export async function actOnAnnual(deps: Deps, actor: Actor, id: string, action: AnnualAction, opinion: string) {
  await deps.db.transaction().execute(async (tx) => {
    const row = await loadReport(tx, id);
    const { to, role } = annualTransition(row.state, action, rolesIn(actor, row.agency_id));
    if (action === 'return' && !opinion.trim()) throw badRequest('OPINION_REQUIRED', '退回时请填写意见');
    const now = isoNow(deps.clock);
    let figures = row.figures_json;
    if (action === 'submit') {
      const live = await countAnnual(tx, deps.clock, row.agency_id, row.year);
      const problems = submitProblems(live, row.stock_reason);
      if (problems.length) throw badRequest('REPORT_CHECK_FAILED', `报告未通过校验，不能提交：${problems.join('；')}`, { problems });
      figures = JSON.stringify(live);
    }
    if (action === 'return') figures = null;
    const steps: AnnualStep[] = [...parse<AnnualStep[]>(row.steps_json, []), { at: now, by: actor.name, role, action, from: row.state, to, opinion: opinion.trim() }];
    await tx.updateTable('annual_reports').set({ state: to, figures_json: figures, steps_json: JSON.stringify(steps), updated_at: now, ...(to === 'published' ? { published_at: now } : {}) }).where('id', '=', id).execute();
    if (to === 'published') {
      if (row.supersedes) await tx.updateTable('annual_reports').set({ superseded_by: id }).where('id', '=', row.supersedes).execute();
      await meetDeadline(tx, { type: ANNUAL.type, id: `${row.agency_id}:${row.year}` }, ANNUAL.rule, now);
    }
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: `annual_report.${action}`, entityType: 'annual_report', entityId: id, before: { state: row.state }, after: { state: to, opinion }, ip: actor.ip });
  });
}

/** The figures a report shows: frozen once it went to review, counted live while a draft. */
const figuresOf = async (db: Tx, clock: Clock, row: AnnualReportTable): Promise<Figures> => parse<Figures | null>(row.figures_json, null) ?? countAnnual(db, clock, row.agency_id, row.year);

export function annualDoc(row: AnnualReportTable, agency: string, f: Figures, previous?: { version: number; publishedAt: string | null }): ReportDoc {
  const t = templateById(row.template);
  const texts = parse<Texts>(row.texts_json, { overall: '', problems: '', other: '' });
  const tables = t.tables(f);
  return {
    title: `${agency}${row.year}年政府信息公开工作年度报告`,
    subtitle: `按照${t.basis}规定的格式编制${row.version > 1 ? `（第${row.version}版，更正原因：${row.correction_reason}）` : ''}${row.published_at ? `，${chinaLongDateOf(row.published_at)}发布` : ''}`,
    parts: [
      { heading: t.parts.overall, text: texts.overall, grids: [] },
      { heading: t.parts.proactive, text: row.stock_reason ? `现行有效件数说明：${row.stock_reason}` : '', grids: [tables.proactive] },
      { heading: t.parts.applications, text: '', grids: [tables.applications] },
      { heading: t.parts.appeals, text: '', grids: [tables.appeals] },
      { heading: t.parts.problems, text: texts.problems, grids: [] },
      { heading: t.parts.other, text: texts.other, grids: [tables.fees] },
    ],
    note: previous ? `本报告更正了${previous.publishedAt ? chinaLongDateOf(previous.publishedAt) : ''}发布的第${previous.version}版，原版本继续保留备查。` : '',
  };
}

export async function getAnnual(deps: Deps, actor: Actor, id: string) {
  const row = await readable(deps.db, actor, id);
  const f = await figuresOf(deps.db, deps.clock, row);
  const t = templateById(row.template);
  const cal = await loadCalendar(deps.db);
  const clock = await deps.db.selectFrom('deadlines').select('spec_json').where('subject_type', '=', ANNUAL.type).where('subject_id', '=', `${row.agency_id}:${row.year}`).orderBy('created_at', 'desc').executeTakeFirst();
  const versions = await deps.db.selectFrom('annual_reports').select(['id', 'version', 'state', 'published_at', 'correction_reason', 'superseded_by']).where('agency_id', '=', row.agency_id).where('year', '=', row.year).orderBy('version').execute();
  return {
    id: row.id, agencyId: row.agency_id, agencyName: await agencyName(deps.db, row.agency_id), year: row.year, version: row.version, template: { id: t.id, basis: t.basis, parts: t.parts },
    state: row.state, stateLabel: ANNUAL_STATES[row.state], texts: parse<Texts>(row.texts_json, { overall: '', problems: '', other: '' }), stockReason: row.stock_reason,
    correctionReason: row.correction_reason, supersededBy: row.superseded_by, publishedAt: row.published_at, steps: parse<AnnualStep[]>(row.steps_json, []),
    figuresFrozen: row.figures_json !== null, figures: { cells: f.cells, stockCheck: f.stockCheck, identity: f.identity, summary: f.summary },
    tables: t.tables(f), problems: submitProblems(f, row.stock_reason), generated: generatedTexts(await agencyName(deps.db, row.agency_id), f),
    actions: annualActions(row.state, rolesIn(actor, row.agency_id)), actionLabels: ANNUAL_ACTIONS, canCorrect: row.state === 'published' && !row.superseded_by && rolesIn(actor, row.agency_id).includes('office'),
    deadline: clock ? presentDeadline(cal, clock, isoNow(deps.clock)) : null,
    versions: versions.map((v) => ({ id: v.id, version: v.version, state: v.state, publishedAt: v.published_at, correctionReason: v.correction_reason, current: v.state === 'published' && !v.superseded_by })),
  };
}

/** The records behind one figure of a report (a table cell). */
export async function annualRecords(deps: Deps, actor: Actor, id: string, key: string) {
  const row = await readable(deps.db, actor, id);
  const f = await figuresOf(deps.db, deps.clock, row);
  if (!(key in f.cells)) throw badRequest('CELL_UNKNOWN', '报告中没有这一项数据');
  return { key, value: f.cells[key] ?? 0, records: f.records[key] ?? [] };
}

export type AnnualFile = { name: string; bytes: Uint8Array; mime: string };
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function docOf(db: Tx, clock: Clock, row: AnnualReportTable) {
  const previous = row.supersedes ? await loadReport(db, row.supersedes) : undefined;
  const f = await figuresOf(db, clock, row);
  return { doc: annualDoc(row, await agencyName(db, row.agency_id), f, previous && { version: previous.version, publishedAt: previous.published_at }), f };
}

export async function annualFile(db: Tx, clock: Clock, row: AnnualReportTable, format: 'docx' | 'pdf' | 'xlsx'): Promise<AnnualFile> {
  const { doc, f } = await docOf(db, clock, row);
  const name = `${doc.title}${row.version > 1 ? `（第${row.version}版）` : ''}`;
  if (format === 'docx') return { name: `${name}.docx`, bytes: await reportDocx(doc), mime: DOCX };
  if (format === 'pdf') return { name: `${name}.pdf`, bytes: await reportPdf(doc), mime: 'application/pdf' };
  const t = templateById(row.template).tables(f);
  return { name: `${name}.xlsx`, bytes: await gridsWorkbook([{ name: '表二', grid: t.proactive }, { name: '表三', grid: t.applications }, { name: '表四', grid: t.appeals }, { name: '信息处理费', grid: t.fees }], doc.title), mime: XLSX };
}

export async function annualDownload(deps: Deps, actor: Actor, id: string, format: 'docx' | 'pdf' | 'xlsx') {
  return annualFile(deps.db, deps.clock, await readable(deps.db, actor, id), format);
}

/** Every agency the actor reaches with its reports of a year; the city office sees all its agencies. */
export async function listAnnual(deps: Deps, actor: Actor, year: number) {
  const agencies = [...reach(actor, REPORT_ROLES)];
  if (!agencies.length) throw forbidden('您没有查看年度报告的角色');
  const [names, reports, clocks] = await Promise.all([
    deps.db.selectFrom('agencies').select(['id', 'name', 'code']).where('id', 'in', agencies).orderBy('code').execute(),
    deps.db.selectFrom('annual_reports').select(['id', 'agency_id', 'version', 'state', 'published_at', 'superseded_by', 'updated_at']).where('agency_id', 'in', agencies).where('year', '=', year).orderBy('version').execute(),
    deps.db.selectFrom('deadlines').select(['subject_id', 'spec_json']).where('subject_type', '=', ANNUAL.type).where('subject_id', 'in', agencies.map((a) => `${a}:${year}`)).execute(),
  ]);
  const cal = await loadCalendar(deps.db);
  const now = isoNow(deps.clock);
  return {
    year,
    agencies: names.map((a) => {
      const mine = reports.filter((r) => r.agency_id === a.id);
      const latest = mine[mine.length - 1];
      const clock = clocks.find((c) => c.subject_id === `${a.id}:${year}`);
      return {
        agencyId: a.id, agencyName: a.name, own: a.id === actor.agencyId,
        report: latest ? { id: latest.id, version: latest.version, state: latest.state, stateLabel: ANNUAL_STATES[latest.state], publishedAt: latest.published_at, updatedAt: latest.updated_at } : null,
        deadline: clock ? presentDeadline(cal, clock, now) : null,
      };
    }),
  };
}

/**
 * The city's summary tables: every reached agency's published figures (or its figures counted now,
 * where none is published), added up; each agency's own figures kept, so a city figure opens the agencies behind it.
 */
export async function citySummary(deps: Deps, actor: Actor, year: number) {
  const agencies = [...reach(actor, ['office'])];
  if (agencies.length < 2) throw forbidden('汇总全市年度报告数据需由市政府办公室（政务公开办）办理');
  const cells: Record<string, number> = {};
  const sources: { agencyId: string; agencyName: string; published: boolean; reportId: string | null; cells: Record<string, number> }[] = [];
  for (const a of await deps.db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', agencies).orderBy('code').execute()) {
    const published = await lastPublished(deps.db, a.id, year);
    const f = published ? parse<Figures>(published.figures_json, null as never) : await countAnnual(deps.db, deps.clock, a.id, year);
    for (const [k, v] of Object.entries(f.cells)) cells[k] = (cells[k] ?? 0) + v;
    sources.push({ agencyId: a.id, agencyName: a.name, published: !!published, reportId: published?.id ?? null, cells: f.cells });
  }
  return { year, sources, cells, tables: templateFor(year).tables({ cells }) };
}

export async function citySummaryWorkbook(deps: Deps, actor: Actor, year: number): Promise<Buffer> {
  const s = await citySummary(deps, actor, year);
  return gridsWorkbook([{ name: '表二', grid: s.tables.proactive }, { name: '表三', grid: s.tables.applications }, { name: '表四', grid: s.tables.appeals }, { name: '信息处理费', grid: s.tables.fees }], `${year}年度政府信息公开工作年度报告汇总`);
}

// ---- entries (what other systems hold) ----

export async function listEntries(deps: Deps, actor: Actor, year: number) {
  requireRoleIn(actor, REPORT_ROLES, actor.agencyId);
  const rows = await deps.db.selectFrom('report_entries').selectAll().where('agency_id', '=', actor.agencyId).where('year', '=', year).orderBy('entered_at').execute();
  return { keys: ENTRY_KEYS, items: rows.map((r) => ({ id: r.id, key: r.key, label: ENTRY_KEYS[r.key], value: Number(r.value), source: r.source, enteredBy: r.entered_by_name, enteredAt: r.entered_at })) };
}

async function refuseIfFrozen(tx: Tx, agencyId: string, year: number) {
  const frozen = await tx.selectFrom('annual_reports').select('id').where('agency_id', '=', agencyId).where('year', '=', year).where('state', 'in', ['office_review', 'leader_approval']).executeTakeFirst();
  if (frozen) throw badRequest('REPORT_IN_REVIEW', '该年度报告正在审核，请退回草稿后再修改数据');
}

async function insertEntries(tx: Tx, deps: Deps, actor: Actor, year: number, entries: { key: EntryKey; value: number; source: string }[], how: string) {
  const role = requireRoleIn(actor, ['office'], actor.agencyId);
  await refuseIfFrozen(tx, actor.agencyId, year);
  const now = isoNow(deps.clock);
  for (const e of entries) {
    if (!(e.value >= 0) || !Number.isFinite(e.value)) throw badRequest('ENTRY_VALUE_INVALID', `${ENTRY_KEYS[e.key]}的数值无效`);
    if (!e.source.trim()) throw badRequest('ENTRY_SOURCE_REQUIRED', `请注明${ENTRY_KEYS[e.key]}数据的来源`);
    await tx.insertInto('report_entries').values({ id: newId(), agency_id: actor.agencyId, year, key: e.key, value: e.value, source: e.source.trim(), entered_by: actor.userId, entered_by_name: actor.name, entered_at: now }).execute();
  }
  await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: actor.agencyId, action: 'annual_report.entry', entityType: 'annual_report', entityId: null, after: { year, how, entries }, ip: actor.ip });
}

export async function addEntry(deps: Deps, actor: Actor, input: { year: number; key: EntryKey; value: number; source: string }) {
  await deps.db.transaction().execute((tx) => insertEntries(tx, deps, actor, input.year, [input], '录入'));
  return listEntries(deps, actor, input.year);
}

export async function deleteEntry(deps: Deps, actor: Actor, id: string) {
  await deps.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('report_entries').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('年报数据');
    const role = requireRoleIn(actor, ['office'], row.agency_id);
    await refuseIfFrozen(tx, row.agency_id, row.year);
    await tx.deleteFrom('report_entries').where('id', '=', id).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'annual_report.entry_delete', entityType: 'annual_report', entityId: null, before: row, ip: actor.ip });
  });
}

/** An Excel sheet of rows 事项 | 数量 | 来源 (a header row first), e.g. exported from the licensing system. */
export async function importEntries(deps: Deps, actor: Actor, year: number, bytes: Uint8Array) {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw badRequest('IMPORT_NOT_XLSX', '请上传 Excel（.xlsx）文件');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw badRequest('IMPORT_EMPTY', '表格中没有工作表');
  const byLabel = new Map(Object.entries(ENTRY_KEYS).map(([k, label]) => [label.replace(/（.*）/, ''), k as EntryKey]));
  const entries: { key: EntryKey; value: number; source: string }[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const cell = (i: number) => String(row.getCell(i).text ?? '').trim();
    const label = cell(1).replace(/（.*）/, '');
    const key = isEntryKey(label) ? label : byLabel.get(label);
    if (!key) throw badRequest('IMPORT_ROW_INVALID', `第${n}行的事项“${cell(1)}”不是行政许可、行政处罚、行政强制或行政事业性收费`);
    entries.push({ key, value: Number(cell(2)), source: cell(3) });
  });
  if (!entries.length) throw badRequest('IMPORT_EMPTY', '表格中没有数据行');
  await deps.db.transaction().execute((tx) => insertEntries(tx, deps, actor, year, entries, '导入Excel'));
  return listEntries(deps, actor, year);
}

export async function reportSettings(deps: Deps, actor: Actor) {
  requireRoleIn(actor, REPORT_ROLES, actor.agencyId);
  return { annualDueDay: await dueDayOf(deps.db, actor.agencyId), maxDueDay: ANNUAL_DUE_DAY, monthlyDueDay: MONTHLY_DUE_DAY };
}

/** A stricter day of January for the annual report; the open clock follows. */
export async function setReportSettings(deps: Deps, actor: Actor, annualDueDay: number) {
  if (!Number.isInteger(annualDueDay) || annualDueDay < 1 || annualDueDay > ANNUAL_DUE_DAY) throw badRequest('DUE_DAY_INVALID', '年度报告报送期限须在1月1日至1月31日之间');
  await deps.db.transaction().execute(async (tx) => {
    const role = requireRoleIn(actor, ['office'], actor.agencyId);
    const now = isoNow(deps.clock);
    await tx.insertInto('report_settings').values({ agency_id: actor.agencyId, annual_due_day: annualDueDay, updated_by: actor.userId, updated_at: now })
      .onConflict((oc) => oc.column('agency_id').doUpdateSet({ annual_due_day: annualDueDay, updated_by: actor.userId, updated_at: now })).execute();
    const open = await tx.selectFrom('deadlines').select('subject_id').where('agency_id', '=', actor.agencyId).where('subject_type', '=', ANNUAL.type).where('met_at', 'is', null).execute();
    for (const d of open) await setAnnualClock(tx, deps, actor.agencyId, Number(d.subject_id.split(':')[1]));
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: actor.agencyId, action: 'annual_report.settings', entityType: 'annual_report', entityId: null, after: { annualDueDay }, ip: actor.ip });
  });
  return reportSettings(deps, actor);
}

// ---- the monthly report (SUP-5) ----

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** SUP-5: the month's figures from the items, applications, interpretation clocks, citizen messages and public-opinion cases. */
export async function countMonthly(db: Tx, clock: Clock, agencyId: string, month: string): Promise<Required<MonthlyFigures>> {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const period = { from: `${month}-01`, to: `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}` };
  const [items, apps, clocks, sync, messages, cases, cal] = await Promise.all([
    db.selectFrom('items').select(['id', 'category', 'kind', 'published_at']).where('agency_id', '=', agencyId).where('published_at', 'is not', null).execute(),
    db.selectFrom('applications').select(['id', 'received_at', 'finished_at', 'outcome', 'state']).where('agency_id', '=', agencyId).where('state', 'not in', ['unconfirmed', 'withdrawn']).execute(),
    db.selectFrom('deadlines').select(['subject_id', 'rule', 'due_at', 'met_at']).where('agency_id', '=', agencyId).where('rule', 'in', ['PUB-3', 'APP-4']).where('met_at', 'is not', null).execute(),
    syncClocks(db, clock, agencyId, period.from, period.to),
    messageFacts(db, [agencyId], period),
    db.selectFrom('opinion_cases').leftJoin('deadlines', (j) => j.onRef('deadlines.subject_id', '=', 'opinion_cases.id').on('deadlines.subject_type', '=', caseSubject('').type)
      .on('deadlines.rule', 'in', [CLOCK_RULES.response, CLOCK_RULES.authoritative]))
      .select(['opinion_cases.id', 'opinion_cases.found_at', 'opinion_cases.risk_level', 'opinion_cases.state', 'deadlines.due_at', 'deadlines.met_at'])
      .where('opinion_cases.agency_id', '=', agencyId).execute(),
    loadCalendar(db),
  ]);
  const late = new Set(clocks.filter((c) => c.met_at! > c.due_at).map((c) => c.subject_id));
  const summary = summarise(cal, messages);
  return monthlyFigures(
    month,
    items.map((i) => ({ category: i.category, kind: i.kind, publishedAt: i.published_at!, late: late.has(i.id) })),
    apps.map((a) => ({ receivedAt: a.received_at, finishedAt: a.finished_at, outcome: a.outcome, late: late.has(a.id) })),
    {
      syncClocks: sync,
      messages: { received: summary.received, answered: summary.answered, onTime: summary.onTime, refused: summary.refused, satisfaction: summary.satisfaction },
      cases: [...new Map(cases.map((c) => [c.id, c])).values()].map((c) => ({ foundAt: c.found_at, riskLevel: c.risk_level as RiskLevel, respondedAt: c.met_at ?? null, responseDueAt: c.due_at ?? null, closed: c.state === 'closed' })),
    },
  );
}

/** The console's charts: items and applications per month of a year, outcomes, on-time rates. */
export async function reportCharts(deps: Deps, actor: Actor, year: number) {
  requireRoleIn(actor, REPORT_ROLES, actor.agencyId);
  const months = [];
  for (let m = 1; m <= 12; m++) {
    const f = await countMonthly(deps.db, deps.clock, actor.agencyId, `${year}-${String(m).padStart(2, '0')}`);
    const items = f.items.reduce((s, r) => ({ published: s.published + r.documents + r.others, onTime: s.onTime + r.onTime }), { published: 0, onTime: 0 });
    months.push({ month: f.month, itemsPublished: items.published, itemsOnTime: items.onTime, received: f.applications.received, answered: f.applications.answered, answeredOnTime: f.applications.onTime, byGroup: f.applications.byGroup });
  }
  const outcomes: Record<string, number> = {};
  for (const m of months) for (const [g, n] of Object.entries(m.byGroup)) outcomes[g] = (outcomes[g] ?? 0) + n;
  return { year, months: months.map(({ byGroup: _, ...m }) => m), outcomes };
}

async function setMonthlyClock(tx: Tx, deps: Deps, agencyId: string, month: string) {
  const cal = await loadCalendar(tx);
  await setDeadline(tx, cal, deps.clock, { agencyId, type: MONTHLY.type, id: `${agencyId}:${month}` }, { rule: MONTHLY.rule, term: { unit: 'calendarDays', n: MONTHLY_DUE_DAY - 1 }, startedAt: monthlyClockStart(month), startedAs: '次月开始' });
}

export async function getMonthly(deps: Deps, actor: Actor, month: string) {
  if (!MONTH.test(month)) throw badRequest('MONTH_INVALID', '月份格式应为 YYYY-MM');
  requireRoleIn(actor, REPORT_ROLES, actor.agencyId);
  const row = await deps.db.selectFrom('monthly_reports').selectAll().where('agency_id', '=', actor.agencyId).where('month', '=', month).executeTakeFirst();
  const figures = row ? parse<MonthlyFigures>(row.figures_json, null as never) : await countMonthly(deps.db, deps.clock, actor.agencyId, month);
  const clock = await deps.db.selectFrom('deadlines').select('spec_json').where('subject_type', '=', MONTHLY.type).where('subject_id', '=', `${actor.agencyId}:${month}`).orderBy('created_at', 'desc').executeTakeFirst();
  return {
    month, figures, grids: monthlyGrids(figures), submitted: row ? { at: row.submitted_at, by: row.submitted_by_name } : null,
    deadline: clock ? presentDeadline(await loadCalendar(deps.db), clock, isoNow(deps.clock)) : null,
  };
}

/** SUP-5: the month's report is kept exactly as submitted. */
export async function submitMonthly(deps: Deps, actor: Actor, month: string) {
  if (!MONTH.test(month)) throw badRequest('MONTH_INVALID', '月份格式应为 YYYY-MM');
  if (month >= chinaToday(deps.clock).slice(0, 7)) throw badRequest('MONTH_OPEN', '只能报送已结束月份的月度报告');
  await deps.db.transaction().execute(async (tx) => {
    const role = requireRoleIn(actor, ['office'], actor.agencyId);
    const exists = await tx.selectFrom('monthly_reports').select('id').where('agency_id', '=', actor.agencyId).where('month', '=', month).executeTakeFirst();
    if (exists) throw conflict('MONTHLY_SUBMITTED', '该月度报告已报送');
    const figures = await countMonthly(tx, deps.clock, actor.agencyId, month);
    const now = isoNow(deps.clock);
    const id = newId();
    await tx.insertInto('monthly_reports').values({ id, agency_id: actor.agencyId, month, figures_json: JSON.stringify(figures), submitted_by: actor.userId, submitted_by_name: actor.name, submitted_at: now }).execute();
    if (!(await openDeadline(tx, { type: MONTHLY.type, id: `${actor.agencyId}:${month}` }, MONTHLY.rule))) await setMonthlyClock(tx, deps, actor.agencyId, month);
    await meetDeadline(tx, { type: MONTHLY.type, id: `${actor.agencyId}:${month}` }, MONTHLY.rule, now);
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: actor.agencyId, action: 'monthly_report.submit', entityType: 'monthly_report', entityId: id, after: { month }, ip: actor.ip });
  });
  return getMonthly(deps, actor, month);
}

export async function monthlyFile(deps: Deps, actor: Actor, month: string, format: 'docx' | 'xlsx'): Promise<AnnualFile> {
  const m = await getMonthly(deps, actor, month);
  const agency = await agencyName(deps.db, actor.agencyId);
  const [y, mm] = month.split('-');
  const title = `${agency}${y}年${Number(mm)}月政府信息公开工作月度报告`;
  if (format === 'xlsx') return { name: `${title}.xlsx`, bytes: await gridsWorkbook(m.grids.map((g) => ({ name: g.caption.replace(/^.、/, '').replace(/情况$/, ''), grid: g })), title), mime: XLSX };
  const note = m.submitted ? `${chinaLongDateOf(m.submitted.at)}由${m.submitted.by}报送。` : '尚未报送（数据为当前统计）。';
  return { name: `${title}.docx`, bytes: await reportDocx({ title, subtitle: `统计期间：${y}年${Number(mm)}月`, parts: [{ heading: '月度统计', text: '', grids: m.grids }], note }), mime: DOCX };
}

// ---- to-dos ----

const STATE_TODO: Record<AnnualReportTable['state'], string> = { draft: '完成并提交', office_review: '审核', leader_approval: '审批', published: '' };

/**
 * LAW-49, SUP-5: last year's annual report (to draft in January, then at each step of its
 * workflow) and last month's report until submitted. A clock not yet stored is stored when the
 * office first sees the to-do, so reminders (the job runner) follow it.
 */
export async function reportTodos(deps: Deps, actor: Actor) {
  const roles = rolesIn(actor, actor.agencyId);
  if (!roles.length) return [];
  const isOffice = roles.includes('office');
  const today = chinaToday(deps.clock);
  const year = Number(today.slice(0, 4)) - 1;
  const cal = await loadCalendar(deps.db);
  const now = isoNow(deps.clock);
  const todo = async (kind: string, id: string, subject: { type: string; id: string }, rule: string, title: string, link: string, store: (tx: Tx) => Promise<void>) => {
    if (isOffice && !(await openDeadline(deps.db, subject, rule))) await deps.db.transaction().execute(store);
    const d = await openDeadline(deps.db, subject, rule);
    const view = d ? presentDeadline(cal, d, now) : null;
    return { id, kind, title, due: view?.dueDate ?? null, light: view?.light ?? null, link };
  };
  const out = [];
  const report = await deps.db.selectFrom('annual_reports').select(['id', 'state']).where('agency_id', '=', actor.agencyId).where('year', '=', year).where('superseded_by', 'is', null).orderBy('version', 'desc').executeTakeFirst();
  const what = report
    ? annualActions(report.state, roles).some((a) => a !== 'return') ? STATE_TODO[report.state] : null
    : isOffice && today.slice(5, 7) === '01' ? '编制' : null;
  if (what) {
    out.push(await todo('annual_report', `annual:${year}`, { type: ANNUAL.type, id: `${actor.agencyId}:${year}` }, ANNUAL.rule, `${what}${year}年政府信息公开工作年度报告`,
      report ? `/reports/annual/${report.id}` : '/reports/annual', (tx) => setAnnualClock(tx, deps, actor.agencyId, year)));
  }
  const month = previousMonth(today);
  const submitted = await deps.db.selectFrom('monthly_reports').select('id').where('agency_id', '=', actor.agencyId).where('month', '=', month).executeTakeFirst();
  if (isOffice && !submitted) {
    out.push(await todo('monthly_report', `monthly:${month}`, { type: MONTHLY.type, id: `${actor.agencyId}:${month}` }, MONTHLY.rule, `报送${month.replace('-', '年')}月政府信息公开工作月度报告`,
      `/reports/monthly?month=${month}`, (tx) => setMonthlyClock(tx, deps, actor.agencyId, month)));
  }
  return out;
}

// ---- the portal ----

export async function publishedReports(db: Db, agencyId: string) {
  return db.selectFrom('annual_reports').select(['id', 'year', 'version', 'published_at', 'correction_reason', 'superseded_by']).where('agency_id', '=', agencyId).where('state', '=', 'published').orderBy('year', 'desc').orderBy('version', 'desc').execute();
}

/** A published version of a year (the current one unless `version` names an older). */
export async function publishedReport(db: Db, clock: Clock, agencyId: string, year: number, version?: number) {
  let q = db.selectFrom('annual_reports').selectAll().where('agency_id', '=', agencyId).where('year', '=', year).where('state', '=', 'published');
  q = version ? q.where('version', '=', version) : q.where('superseded_by', 'is', null);
  const row = await q.executeTakeFirst();
  if (!row) return null;
  const { doc, f } = await docOf(db, clock, row);
  return { row, doc, figures: f, publishedOn: row.published_at ? chinaDateOf(row.published_at) : null };
}
