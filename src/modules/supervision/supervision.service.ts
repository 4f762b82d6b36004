import { sql } from 'kysely';
import { chinaToday, isoNow } from '../../core/clock.ts';
import { badRequest, conflict, forbidden, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Tx } from '../../db/database.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { auditActor, reach, requireRoleIn, type Actor } from '../auth/actor.ts';
import type { Role } from '../org/org.rules.ts';
import { filesRoot } from '../documents/documents.publication.ts';
import { isStored } from '../files/store.ts';
import { cityAgencyId } from '../org/city.ts';
import { chinaMidnight, mondayOf, type Deps } from './supervision.dashboard.ts';
import { computeIndicators, INCOMPLETE, type Scope } from './supervision.indicators.ts';
import {
  ASSESSMENT_KINDS, assessmentActions, checkScores, checkTemplate, FINDING_KINDS, gradeOf, maxOf, missingCatalogElements, RESOLUTIONS,
  type AssessmentKind, type FindingKind, type Resolution, type Scores, type TemplateBody,
} from './supervision.rules.ts';

/** Who works in supervision: the office runs it, leaders read it; department heads check their units weekly. */
export const SUPERVISION_ROLES: readonly Role[] = ['office', 'leader'];
export const SELF_CHECK_ROLES: readonly Role[] = ['office', 'dept_head'];

// ---------------------------------------------------------------- weekly self-checks (SUP-4)

type Detected = { kind: FindingKind; subjectType: string; subjectId: string; text: string };
/** The self-check reads stored files to find broken attachments. */
type CheckDeps = Deps & { dataDir: string };

/**
 * The findings the platform fills in for a unit: items past their 20 working days, catalog
 * entries lacking required elements, published items past their end date still 有效, non-public items not re-checked this year (ATTR-10,
 * LAW-18), published items whose attachment's stored file is missing. `only` narrows to one subject, to verify a finding reported fixed.
 */
async function detect(deps: CheckDeps, unitId: string, only?: { kind: FindingKind; subjectId: string }): Promise<Detected[]> {
  const now = isoNow(deps.clock);
  const today = chinaToday(deps.clock);
  const year = Number(today.slice(0, 4));
  const out: Detected[] = [];
  const wants = (kind: FindingKind) => !only || only.kind === kind;
  if (wants('publication_overdue')) {
    let q = deps.db.selectFrom('deadlines').innerJoin('items', 'items.id', 'deadlines.subject_id')
      .select(['items.id', 'items.title', 'items.date_made'])
      .where('deadlines.subject_type', '=', 'item').where('deadlines.rule', '=', 'PUB-3').where('deadlines.met_at', 'is', null).where('deadlines.due_at', '<', now)
      .where('items.unit_id', '=', unitId);
    if (only) q = q.where('items.id', '=', only.subjectId);
    for (const r of await q.execute()) out.push({ kind: 'publication_overdue', subjectType: 'item', subjectId: r.id, text: `《${r.title}》成文于${r.date_made}，已超过20个工作日仍未公开` });
  }
  if (wants('catalog_incomplete')) {
    let q = deps.db.selectFrom('catalog_entries').select(['item_id', 'index_number', 'title', 'summary', 'date_made', 'doc_number', 'kind']).where('unit_id', '=', unitId).where(INCOMPLETE);
    if (only) q = q.where('item_id', '=', only.subjectId);
    for (const r of await q.execute()) out.push({ kind: 'catalog_incomplete', subjectType: 'item', subjectId: r.item_id, text: `目录条目《${r.title || '（无名称）'}》缺少${missingCatalogElements(r).join('、')}` });
  }
  if (wants('validity_expired')) {
    // SUP-4: past its stated end date and still 有效; the unit marks it 失效 or explains (e.g. extended).
    let q = deps.db.selectFrom('items').select(['id', 'title', 'valid_until'])
      .where('unit_id', '=', unitId).where('state', '=', 'published').where('validity', '=', 'valid').where('valid_until', '<', today);
    if (only) q = q.where('id', '=', only.subjectId);
    for (const r of await q.execute()) out.push({ kind: 'validity_expired', subjectType: 'item', subjectId: r.id, text: `《${r.title}》有效期至${r.valid_until}，已过期仍标为有效` });
  }
  if (wants('recheck_due')) {
    let q = deps.db.selectFrom('items').select(['id', 'title'])
      .where('unit_id', '=', unitId).where('state', '=', 'approved').where('attribute', 'in', ['on_application', 'not_disclosed'])
      .where((eb) => eb.not(eb.exists(eb.selectFrom('item_rechecks').select('item_rechecks.id').whereRef('item_rechecks.item_id', '=', 'items.id').where('item_rechecks.year', '=', year))));
    if (only) q = q.where('id', '=', only.subjectId);
    for (const r of await q.execute()) out.push({ kind: 'recheck_due', subjectType: 'item', subjectId: r.id, text: `不公开信息《${r.title}》${year}年度尚未复核` });
  }
  if (wants('attachment_broken')) {
    let q = deps.db.selectFrom('item_attachments').innerJoin('items', 'items.id', 'item_attachments.item_id')
      .select(['items.id', 'items.title', 'item_attachments.name', 'item_attachments.sha256', 'item_attachments.public_sha256'])
      .where('items.unit_id', '=', unitId).where('items.state', '=', 'published');
    if (only) q = q.where('items.id', '=', only.subjectId);
    const root = filesRoot(deps.dataDir);
    for (const r of await q.execute()) {
      const shas = [r.sha256, ...(r.public_sha256 ? [r.public_sha256] : [])];
      if ((await Promise.all(shas.map((sha) => isStored(root, sha)))).every(Boolean)) continue;
      out.push({ kind: 'attachment_broken', subjectType: 'item', subjectId: r.id, text: `《${r.title}》的附件“${r.name}”文件缺失，公众无法下载` });
    }
  }
  return out;
}

async function unitOf(deps: Deps, actor: Actor, unitId: string) {
  const unit = await deps.db.selectFrom('units').select(['id', 'name', 'agency_id']).where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw notFound('部门');
  return { unit, role: requireRoleIn(actor, SELF_CHECK_ROLES, unit.agency_id) };
}

/** The units of the user's agency with this week's and last week's checks (a week not checked shows). */
export async function listSelfChecks(deps: Deps, actor: Actor, filter: { week?: string | undefined }) {
  requireRoleIn(actor, [...SELF_CHECK_ROLES, 'leader'], actor.agencyId);
  const week = mondayOf(filter.week ?? chinaToday(deps.clock));
  const rows = await deps.db.selectFrom('units')
    .leftJoin('sup_self_checks', (j) => j.onRef('sup_self_checks.unit_id', '=', 'units.id').on('sup_self_checks.week', '=', week))
    .select(['units.id as unitId', 'units.name as unit', 'sup_self_checks.id as checkId', 'sup_self_checks.state', 'sup_self_checks.completed_at as completedAt',
      (eb) => eb.selectFrom('sup_findings').select(sql<number>`count(*)`.as('n')).whereRef('sup_findings.check_id', '=', 'sup_self_checks.id').as('findings'),
      (eb) => eb.selectFrom('sup_findings').select(sql<number>`count(*)`.as('n')).whereRef('sup_findings.check_id', '=', 'sup_self_checks.id').where('sup_findings.resolution', 'is', null).as('open')])
    .where('units.agency_id', '=', actor.agencyId).where('units.status', '=', 'active').orderBy('units.name').execute();
  return { week, thisWeek: mondayOf(chinaToday(deps.clock)), units: rows.map((r) => ({ ...r, state: r.state ?? ('unchecked' as const), findings: Number(r.findings ?? 0), open: Number(r.open ?? 0) })) };
}

/** Opens a unit's check of a week (this week unless given) and fills in what the platform finds. */
export async function openSelfCheck(deps: CheckDeps, actor: Actor, input: { unitId: string; week?: string | undefined }) {
  const { unit, role } = await unitOf(deps, actor, input.unitId);
  const week = mondayOf(input.week ?? chinaToday(deps.clock));
  if (week > mondayOf(chinaToday(deps.clock))) throw badRequest('WEEK_IN_FUTURE', '不能检查尚未到来的周');
  const existing = await deps.db.selectFrom('sup_self_checks').select('id').where('unit_id', '=', unit.id).where('week', '=', week).executeTakeFirst();
  if (existing) return getSelfCheck(deps, actor, existing.id);
  const found = await detect(deps, unit.id);
  const id = newId();
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (tx) => {
    await tx.insertInto('sup_self_checks').values({ id, agency_id: unit.agency_id, unit_id: unit.id, week, state: 'open', opened_by: actor.userId, completed_by: null, completed_at: null, created_at: now }).execute();
    if (found.length) {
      await tx.insertInto('sup_findings').values(found.map((f) => ({
        id: newId(), check_id: id, kind: f.kind, subject_type: f.subjectType, subject_id: f.subjectId, text: f.text, resolution: null, note: '', resolved_by: null, resolved_at: null, created_at: now,
      }))).execute();
    }
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: unit.agency_id, action: 'self_check.open', entityType: 'self_check', entityId: id, after: { unit: unit.name, week, findings: found.length }, ip: actor.ip });
  });
  return getSelfCheck(deps, actor, id);
}

async function checkRow(deps: Deps | { db: Tx }, id: string) {
  const row = await deps.db.selectFrom('sup_self_checks').innerJoin('units', 'units.id', 'sup_self_checks.unit_id').selectAll('sup_self_checks').select('units.name as unit').where('sup_self_checks.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('自查记录');
  return row;
}

export async function getSelfCheck(deps: Deps, actor: Actor, id: string) {
  const row = await checkRow(deps, id);
  requireRoleIn(actor, [...SELF_CHECK_ROLES, 'leader'], row.agency_id);
  const findings = await deps.db.selectFrom('sup_findings').selectAll().where('check_id', '=', id).orderBy('created_at').orderBy('kind').orderBy('id').execute();
  return {
    id: row.id, unitId: row.unit_id, unit: row.unit, week: row.week, state: row.state, completedAt: row.completed_at,
    findings: findings.map((f) => ({
      id: f.id, kind: f.kind, kindLabel: FINDING_KINDS[f.kind], automatic: f.kind !== 'own', subjectId: f.subject_id, path: f.subject_type === 'item' && f.subject_id ? `/documents/${f.subject_id}` : null,
      text: f.text, resolution: f.resolution, resolutionLabel: f.resolution ? RESOLUTIONS[f.resolution] : null, note: f.note, resolvedAt: f.resolved_at,
    })),
  };
}

async function openCheckFor(deps: Deps, actor: Actor, id: string) {
  const row = await checkRow(deps, id);
  const role = requireRoleIn(actor, SELF_CHECK_ROLES, row.agency_id);
  if (row.state !== 'open') throw conflict('SELF_CHECK_DONE', '本周自查已完成，不能再修改');
  return { row, role };
}

/** The unit's own finding, beside the platform's. */
export async function addFinding(deps: Deps, actor: Actor, checkId: string, text: string) {
  if (!text.trim()) throw badRequest('FINDING_TEXT_REQUIRED', '请写明发现的问题');
  const { row, role } = await openCheckFor(deps, actor, checkId);
  await deps.db.transaction().execute(async (tx) => {
    const id = newId();
    await tx.insertInto('sup_findings').values({ id, check_id: checkId, kind: 'own', subject_type: null, subject_id: null, text: text.trim(), resolution: null, note: '', resolved_by: null, resolved_at: null, created_at: isoNow(deps.clock) }).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'self_check.finding', entityType: 'self_check', entityId: checkId, after: { text: text.trim() }, ip: actor.ip });
  });
  return getSelfCheck(deps, actor, checkId);
}

/**
 * Each finding is fixed or explained. A platform finding reported fixed is looked for again:
 * if the record still shows it, the report is refused.
 */
export async function resolveFinding(deps: CheckDeps, actor: Actor, checkId: string, findingId: string, input: { resolution: Resolution; note: string }) {
  const { row, role } = await openCheckFor(deps, actor, checkId);
  const f = await deps.db.selectFrom('sup_findings').selectAll().where('id', '=', findingId).where('check_id', '=', checkId).executeTakeFirst();
  if (!f) throw notFound('自查问题');
  if (input.resolution === 'explained' && !input.note.trim()) throw badRequest('NOTE_REQUIRED', '请写明情况说明');
  if (input.resolution === 'fixed' && f.kind !== 'own' && f.subject_id && (await detect(deps, row.unit_id, { kind: f.kind, subjectId: f.subject_id })).length) {
    throw conflict('FINDING_STILL_PRESENT', '系统复查该问题仍然存在：请整改后再标记已整改，或写明情况说明');
  }
  await deps.db.transaction().execute(async (tx) => {
    await tx.updateTable('sup_findings').set({ resolution: input.resolution, note: input.note.trim(), resolved_by: actor.userId, resolved_at: isoNow(deps.clock) }).where('id', '=', f.id).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'self_check.resolve', entityType: 'self_check', entityId: checkId, after: { finding: f.text, resolution: input.resolution, note: input.note.trim() }, ip: actor.ip });
  });
  return getSelfCheck(deps, actor, checkId);
}

export async function completeSelfCheck(deps: Deps, actor: Actor, checkId: string) {
  const { row, role } = await openCheckFor(deps, actor, checkId);
  const open = await deps.db.selectFrom('sup_findings').select(sql<number>`count(*)`.as('n')).where('check_id', '=', checkId).where('resolution', 'is', null).executeTakeFirstOrThrow();
  if (Number(open.n)) throw conflict('FINDINGS_OPEN', `还有${Number(open.n)}个问题未整改或说明`);
  await deps.db.transaction().execute(async (tx) => {
    await tx.updateTable('sup_self_checks').set({ state: 'done', completed_by: actor.userId, completed_at: isoNow(deps.clock) }).where('id', '=', checkId).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'self_check.complete', entityType: 'self_check', entityId: checkId, after: { unit: row.unit, week: row.week }, ip: actor.ip });
  });
  return getSelfCheck(deps, actor, checkId);
}

// ---------------------------------------------------------------- templates (SUP-2, SUP-3)

const presentTemplate = (t: { id: string; agency_id: string | null; family: string; year: number | null; version: number; name: string; body_json: string }) => {
  const body = JSON.parse(t.body_json) as TemplateBody;
  return { id: t.id, builtIn: t.agency_id === null, family: t.family, year: t.year, version: t.version, name: t.name, max: maxOf(body), body };
};

/** The templates an agency may use for a year: the built-in ones, and the newest version of each it edited for that year. */
export async function listTemplates(deps: Deps, actor: Actor, year: number) {
  requireRoleIn(actor, SUPERVISION_ROLES, actor.agencyId);
  const rows = await deps.db.selectFrom('sup_templates').selectAll()
    .where((eb) => eb.or([eb('agency_id', 'is', null), eb.and([eb('agency_id', '=', actor.agencyId), eb('year', '=', year)])]))
    .orderBy('family').orderBy('version', 'desc').execute();
  const own = rows.filter((r) => r.agency_id !== null);
  const newest = own.filter((r, i) => own.findIndex((o) => o.family === r.family) === i);
  return { year, items: [...newest, ...rows.filter((r) => r.agency_id === null)].map(presentTemplate) };
}

/** An agency edits a template for a year: a new version; assessments made with an earlier one keep it. */
export async function saveTemplate(deps: Deps, actor: Actor, input: { family: string; year: number; name: string; body: TemplateBody }) {
  const role = requireRoleIn(actor, ['office'], actor.agencyId);
  const body = checkTemplate(input.body);
  const id = newId();
  await deps.db.transaction().execute(async (tx) => {
    const last = await tx.selectFrom('sup_templates').select(sql<number>`max(version)`.as('v')).where('agency_id', '=', actor.agencyId).where('family', '=', input.family).where('year', '=', input.year).executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    await tx.insertInto('sup_templates').values({ id, agency_id: actor.agencyId, family: input.family, year: input.year, version, name: input.name.trim(), body_json: JSON.stringify(body), created_by: actor.userId, created_at: isoNow(deps.clock) }).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: actor.agencyId, action: 'assessment_template.save', entityType: 'assessment_template', entityId: id, after: { family: input.family, year: input.year, version, name: input.name.trim() }, ip: actor.ip });
  });
  return presentTemplate(await deps.db.selectFrom('sup_templates').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}

// ---------------------------------------------------------------- assessments (SUP-2, SUP-3)

/** The period an assessment looks at: the first half for a spot check, the whole year otherwise. */
export function periodOf(kind: AssessmentKind, year: number): { from: string; to: string } {
  return { from: chinaMidnight(`${year}-01-01`), to: chinaMidnight(kind === 'spot' ? `${year}-07-01` : `${year + 1}-01-01`) };
}

/** Self-evaluation is the agency's own office; spot checks and the year-end assessment are the city office's. */
async function assessorRole(deps: Deps, actor: Actor, kind: AssessmentKind, agencyId: string): Promise<{ role: Role; assessorAgencyId: string }> {
  if (kind === 'self') {
    if (agencyId !== actor.agencyId) throw forbidden('自评只能由本机关进行');
    return { role: requireRoleIn(actor, ['office'], agencyId), assessorAgencyId: agencyId };
  }
  const city = await cityAgencyId(deps.db);
  if (!actor.reach.get('office')?.has(city)) throw forbidden('抽查和年终考核由市政务公开办进行');
  return { role: 'office', assessorAgencyId: city };
}

export async function createAssessment(deps: Deps, actor: Actor, input: { agencyId: string; templateId: string; kind: AssessmentKind; year: number }) {
  const { role, assessorAgencyId } = await assessorRole(deps, actor, input.kind, input.agencyId);
  const tpl = await deps.db.selectFrom('sup_templates').selectAll().where('id', '=', input.templateId).executeTakeFirst();
  if (!tpl || (tpl.agency_id !== null && tpl.agency_id !== input.agencyId && tpl.agency_id !== assessorAgencyId)) throw notFound('考评模板');
  const agency = await deps.db.selectFrom('agencies').select(['id', 'name']).where('id', '=', input.agencyId).executeTakeFirst();
  if (!agency) throw notFound('机关');
  const id = newId();
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (tx) => {
    await tx.insertInto('sup_assessments').values({
      id, agency_id: agency.id, assessor_agency_id: assessorAgencyId, template_id: tpl.id, kind: input.kind, year: input.year, state: 'draft', scores_json: '{}', indicators_json: '{}',
      total: null, grade: null, created_by: actor.userId, signed_by: null, signed_by_name: null, signed_at: null, created_at: now, updated_at: now,
    }).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: agency.id, action: 'assessment.create', entityType: 'assessment', entityId: id, after: { agency: agency.name, kind: input.kind, year: input.year, template: tpl.name }, ip: actor.ip });
  });
  return getAssessment(deps, actor, id);
}

async function assessmentRow(deps: Deps, id: string) {
  const row = await deps.db.selectFrom('sup_assessments').innerJoin('agencies', 'agencies.id', 'sup_assessments.agency_id').innerJoin('sup_templates', 'sup_templates.id', 'sup_assessments.template_id')
    .selectAll('sup_assessments').select(['agencies.name as agency', 'sup_templates.name as template_name', 'sup_templates.version as template_version', 'sup_templates.body_json'])
    .where('sup_assessments.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('考评');
  return row;
}

/** The assessment with its template, scores and, beside each scored line, the platform's figure and its evidence. */
export async function getAssessment(deps: Deps, actor: Actor, id: string) {
  const row = await assessmentRow(deps, id);
  const readers = reach(actor, SUPERVISION_ROLES);
  if (!readers.has(row.agency_id) && !readers.has(row.assessor_agency_id)) throw forbidden();
  const body = JSON.parse(row.body_json) as TemplateBody;
  const scope: Scope = { agencyId: row.agency_id, ...periodOf(row.kind, row.year), now: isoNow(deps.clock) };
  const indicators = row.state === 'signed' ? JSON.parse(row.indicators_json) : await computeIndicators(deps.db, scope);
  const canAct = await assessorRole(deps, actor, row.kind, row.agency_id).then((r) => r.assessorAgencyId === row.assessor_agency_id, () => false);
  return {
    id: row.id, agencyId: row.agency_id, agency: row.agency, kind: row.kind, kindLabel: ASSESSMENT_KINDS[row.kind], year: row.year, state: row.state,
    template: { id: row.template_id, name: row.template_name, version: row.template_version, max: maxOf(body), body },
    scores: JSON.parse(row.scores_json) as Scores, indicators, total: row.total, grade: row.grade,
    signedBy: row.signed_by_name, signedAt: row.signed_at, actions: canAct ? assessmentActions(row.state) : [],
  };
}

async function draftFor(deps: Deps, actor: Actor, id: string) {
  const row = await assessmentRow(deps, id);
  const { role, assessorAgencyId } = await assessorRole(deps, actor, row.kind, row.agency_id);
  if (assessorAgencyId !== row.assessor_agency_id) throw forbidden();
  if (row.state !== 'draft') throw conflict('ASSESSMENT_SIGNED', '考评已签署，不能再修改');
  return { row, role, body: JSON.parse(row.body_json) as TemplateBody };
}

export async function scoreAssessment(deps: Deps, actor: Actor, id: string, scores: Scores) {
  const { row, role, body } = await draftFor(deps, actor, id);
  const merged = checkScores(body, { ...(JSON.parse(row.scores_json) as Scores), ...scores });
  await deps.db.transaction().execute(async (tx) => {
    await tx.updateTable('sup_assessments').set({ scores_json: JSON.stringify(merged), updated_at: isoNow(deps.clock) }).where('id', '=', id).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'assessment.score', entityType: 'assessment', entityId: id, after: scores, ip: actor.ip });
  });
  return getAssessment(deps, actor, id);
}

/** Signing totals the scores, grades them, and freezes the figures the assessor saw. */
export async function signAssessment(deps: Deps, actor: Actor, id: string) {
  const { row, role, body } = await draftFor(deps, actor, id);
  const { total, grade } = gradeOf(body, JSON.parse(row.scores_json) as Scores);
  const indicators = await computeIndicators(deps.db, { agencyId: row.agency_id, ...periodOf(row.kind, row.year), now: isoNow(deps.clock) });
  await deps.db.transaction().execute(async (tx) => {
    await tx.updateTable('sup_assessments').set({ state: 'signed', total, grade, indicators_json: JSON.stringify(indicators), signed_by: actor.userId, signed_by_name: actor.name, signed_at: isoNow(deps.clock), updated_at: isoNow(deps.clock) }).where('id', '=', id).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId: row.agency_id, action: 'assessment.sign', entityType: 'assessment', entityId: id, after: { total, grade }, ip: actor.ip });
  });
  return getAssessment(deps, actor, id);
}

/** The results table: every assessment of the year of the agencies the user reaches, each agency's rows together. */
export async function results(deps: Deps, actor: Actor, year: number) {
  const agencies = [...reach(actor, SUPERVISION_ROLES)];
  if (!agencies.length) throw forbidden();
  const rows = await deps.db.selectFrom('sup_assessments').innerJoin('agencies', 'agencies.id', 'sup_assessments.agency_id').innerJoin('sup_templates', 'sup_templates.id', 'sup_assessments.template_id')
    .select(['sup_assessments.id', 'sup_assessments.agency_id', 'agencies.name as agency', 'sup_assessments.kind', 'sup_assessments.state', 'sup_assessments.total', 'sup_assessments.grade', 'sup_assessments.signed_by_name', 'sup_assessments.signed_at', 'sup_templates.name as template', 'sup_templates.body_json'])
    .where('sup_assessments.year', '=', year)
    .where((eb) => eb.or([eb('sup_assessments.agency_id', 'in', agencies), eb('sup_assessments.assessor_agency_id', 'in', agencies)]))
    .orderBy('agencies.code').orderBy('sup_assessments.kind').orderBy('sup_assessments.created_at').execute();
  return {
    year,
    items: rows.map((r) => ({
      id: r.id, agencyId: r.agency_id, agency: r.agency, kind: r.kind, kindLabel: ASSESSMENT_KINDS[r.kind], state: r.state, template: r.template,
      max: maxOf(JSON.parse(r.body_json) as TemplateBody), total: r.total, grade: r.grade, signedBy: r.signed_by_name, signedAt: r.signed_at,
    })),
  };
}


/** To-dos: the assessments the user's office has started and not yet signed. */
export async function assessmentTodos(deps: Deps, actor: Actor) {
  const offices = [...(actor.reach.get('office') ?? [])].filter((id) => id === actor.agencyId);
  if (!offices.length) return [];
  const rows = await deps.db.selectFrom('sup_assessments').innerJoin('agencies', 'agencies.id', 'sup_assessments.agency_id')
    .select(['sup_assessments.id', 'sup_assessments.kind', 'sup_assessments.year', 'agencies.name as agency'])
    .where('sup_assessments.assessor_agency_id', 'in', offices).where('sup_assessments.state', '=', 'draft').orderBy('sup_assessments.created_at').execute();
  return rows.map((r) => ({ id: r.id, kind: 'assessment', title: `考评待签署：${r.agency}${r.year}年${ASSESSMENT_KINDS[r.kind]}`, due: null, light: null, link: '/supervision?tab=assessments' }));
}
