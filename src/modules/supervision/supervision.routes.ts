import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { paging, PageQuery } from '../../core/paging.ts';
import { actorOf } from '../../http/access.ts';
import { sendDownload, XLSX } from '../../http/download.ts';
import { oneOf } from '../../http/schemas.ts';
import type { AppDeps } from '../../http/deps.ts';
import { cityAgencyId } from '../org/city.ts';
import { INDICATORS } from './supervision.indicators.ts';
import {
  Assessment, ClockPage, Dashboard, Key, MissedClockPage, Results, Scores, SelfCheck, SelfCheckWeek, SupervisionVocabulary, Template, TemplateBody, TemplateList,
} from './supervision.schemas.ts';
import { accountabilityWorkbook, resultsWorkbook } from './supervision.export.ts';
import { accountability, dashboard, dashboardAgencies, DASHBOARD_ROLES, listClocks } from './supervision.dashboard.ts';
import { CLOCK_SUBJECTS } from '../deadlines/subjects.rules.ts';
import { ASSESSMENT_KINDS, ASSESSMENT_STATES, FINDING_KINDS, RESOLUTIONS } from './supervision.rules.ts';
import {
  addFinding, completeSelfCheck, createAssessment, getAssessment, getSelfCheck, listSelfChecks, listTemplates, openSelfCheck, resolveFinding, results,
  saveTemplate, scoreAssessment, SELF_CHECK_ROLES, signAssessment, SUPERVISION_ROLES,
} from './supervision.service.ts';

const strict = { additionalProperties: false } as const;
const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const DateString = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const AgencyId = Type.Optional(Type.String({ minLength: 1, maxLength: 64 }));
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const Light = Type.Union([Type.Literal('red'), Type.Literal('yellow'), Type.Literal('green')]);
const Period = { agencyId: AgencyId, from: DateString, to: DateString };
const Name = Type.String({ minLength: 1, maxLength: 200 });
const staff = { roles: DASHBOARD_ROLES };
const supervisors = { roles: SUPERVISION_ROLES };
const checkers = { roles: [...SELF_CHECK_ROLES, 'leader'] as const };

/** Supervision (监督考评): the dashboard and the lists behind it, weekly self-checks, assessments and results, accountability. */
export async function supervisionRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/supervision/vocabulary', { config: { access: staff }, schema: { response: { 200: SupervisionVocabulary }, tags: ['supervision'], summary: '监督考评的考评类型、状态、自查问题类别、处理方式、期限类别、指标，可查看的机关和能否考评其他机关' } }, async (req) => {
    const actor = actorOf(req);
    const reached = dashboardAgencies(actor);
    const agencies = await deps.db.selectFrom('agencies').select(['id', 'name', 'level']).where('id', 'in', reached).orderBy('level').orderBy('code').execute();
    return {
      kinds: ASSESSMENT_KINDS, states: ASSESSMENT_STATES, findingKinds: FINDING_KINDS, resolutions: RESOLUTIONS,
      subjects: Object.fromEntries(Object.entries(CLOCK_SUBJECTS).map(([k, v]) => [k, v.label])),
      indicators: INDICATORS.map((i) => ({ key: i.key, label: i.label, unit: i.unit, higherIsBetter: i.higherIsBetter })),
      agencies: agencies.map((a) => ({ id: a.id, name: a.name })),
      ownAgencyId: actor.agencyId,
      canAssessAgencies: Boolean(actor.reach.get('office')?.has(await cityAgencyId(deps.db))),
    };
  });

  r.get('/supervision/dashboard', {
    config: { access: staff },
    schema: { response: { 200: Dashboard }, tags: ['supervision'], summary: '工作台：各类期限红黄绿灯、超期事项、本月和本年按期率、趋势、未完成的每周自查', querystring: Type.Object({ agencyId: AgencyId }, strict) },
  }, async (req) => dashboard(deps, actorOf(req), req.query));

  r.get('/supervision/clocks', {
    config: { access: staff },
    schema: {
      response: { 200: ClockPage }, tags: ['supervision'], summary: '工作台数字背后的清单：在办期限（按灯色、类别、机关）或期内超期的期限，含当前经办人',
      querystring: Type.Object({ agencyId: AgencyId, light: Type.Optional(Light), subjectType: Type.Optional(Type.String({ maxLength: 40 })), missed: Type.Optional(Type.Boolean()), from: Type.Optional(DateString), to: Type.Optional(DateString), ...PageQuery }, strict),
    },
  }, async (req) => listClocks(deps, actorOf(req), req.query, paging(req.query)));

  r.get('/supervision/accountability', {
    config: { access: supervisors },
    schema: { response: { 200: MissedClockPage }, tags: ['supervision'], summary: '责任追究：期内每个超期期限的办理环节、经办人和停留时间', querystring: Type.Object({ ...Period, ...PageQuery }, strict) },
  }, async (req) => accountability(deps, actorOf(req), req.query, paging(req.query)));

  r.get('/supervision/accountability.xlsx', {
    config: { access: supervisors },
    schema: { tags: ['supervision'], summary: '导出责任追究报告（Excel）', querystring: Type.Object(Period, strict) },
  }, async (req, reply) => sendDownload(reply, { name: `责任追究-${req.query.from}至${req.query.to}.xlsx`, mime: XLSX, bytes: await accountabilityWorkbook(deps, actorOf(req), req.query) }));

  r.get('/supervision/self-checks', {
    config: { access: checkers },
    schema: { response: { 200: SelfCheckWeek }, tags: ['supervision'], summary: '本机关各部门某周的自查情况（默认本周）', querystring: Type.Object({ week: Type.Optional(DateString) }, strict) },
  }, async (req) => listSelfChecks(deps, actorOf(req), req.query));

  r.post('/supervision/self-checks', {
    config: { access: { roles: SELF_CHECK_ROLES } },
    schema: { response: { 200: SelfCheck }, tags: ['supervision'], summary: '开始部门的每周自查，系统自动列出发现的问题', body: Type.Object({ unitId: Type.String({ minLength: 1, maxLength: 64 }), week: Type.Optional(DateString) }, strict) },
  }, async (req) => openSelfCheck(deps, actorOf(req), req.body));

  r.get('/supervision/self-checks/:id', { config: { access: checkers }, schema: { response: { 200: SelfCheck }, tags: ['supervision'], summary: '自查记录和问题', params: Id } }, async (req) => getSelfCheck(deps, actorOf(req), req.params.id));

  r.post('/supervision/self-checks/:id/findings', {
    config: { access: { roles: SELF_CHECK_ROLES } },
    schema: { response: { 200: SelfCheck }, tags: ['supervision'], summary: '登记部门自查发现的问题', params: Id, body: Type.Object({ text: Type.String({ minLength: 1, maxLength: 1000 }) }, strict) },
  }, async (req) => addFinding(deps, actorOf(req), req.params.id, req.body.text));

  r.post('/supervision/self-checks/:id/findings/:findingId', {
    config: { access: { roles: SELF_CHECK_ROLES } },
    schema: {
      response: { 200: SelfCheck }, tags: ['supervision'], summary: '问题已整改或作出说明（标记已整改时系统复查）',
      params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), findingId: Type.String({ minLength: 1, maxLength: 64 }) }),
      body: Type.Object({ resolution: oneOf(RESOLUTIONS), note: Type.String({ maxLength: 1000 }) }, strict),
    },
  }, async (req) => resolveFinding(deps, actorOf(req), req.params.id, req.params.findingId, req.body));

  r.post('/supervision/self-checks/:id/complete', { config: { access: { roles: SELF_CHECK_ROLES } }, schema: { response: { 200: SelfCheck }, tags: ['supervision'], summary: '完成本周自查（问题均已整改或说明）', params: Id } },
    async (req) => completeSelfCheck(deps, actorOf(req), req.params.id));

  r.get('/supervision/templates', { config: { access: supervisors }, schema: { response: { 200: TemplateList }, tags: ['supervision'], summary: '本机关某年度可用的考评模板', querystring: Type.Object({ year: Year }, strict) } },
    async (req) => listTemplates(deps, actorOf(req), req.query.year));

  r.post('/supervision/templates', {
    config: { access: { roles: ['office'] } },
    schema: { response: { 200: Template }, tags: ['supervision'], summary: '编辑本机关某年度的考评模板（保存为新版本）', body: Type.Object({ family: Key, year: Year, name: Name, body: TemplateBody }, strict) },
  }, async (req) => saveTemplate(deps, actorOf(req), req.body));

  r.post('/supervision/assessments', {
    config: { access: { roles: ['office'] } },
    schema: { response: { 200: Assessment }, tags: ['supervision'], summary: '开始考评：本机关自评，或市政务公开办对机关的半年抽查、年终考核', body: Type.Object({ agencyId: Type.String({ minLength: 1, maxLength: 64 }), templateId: Type.String({ minLength: 1, maxLength: 64 }), kind: oneOf(ASSESSMENT_KINDS), year: Year }, strict) },
  }, async (req) => createAssessment(deps, actorOf(req), req.body));

  r.get('/supervision/assessments/:id', { config: { access: supervisors }, schema: { response: { 200: Assessment }, tags: ['supervision'], summary: '考评：模板、评分、系统指标及依据', params: Id } }, async (req) => getAssessment(deps, actorOf(req), req.params.id));

  r.put('/supervision/assessments/:id/scores', {
    config: { access: { roles: ['office'] } },
    schema: { response: { 200: Assessment }, tags: ['supervision'], summary: '为考评打分', params: Id, body: Type.Object({ scores: Scores }, strict) },
  }, async (req) => scoreAssessment(deps, actorOf(req), req.params.id, req.body.scores));

  r.post('/supervision/assessments/:id/sign', { config: { access: { roles: ['office'] } }, schema: { response: { 200: Assessment }, tags: ['supervision'], summary: '签署考评：计算总分和等次', params: Id } },
    async (req) => signAssessment(deps, actorOf(req), req.params.id));

  r.get('/supervision/results', { config: { access: supervisors }, schema: { response: { 200: Results }, tags: ['supervision'], summary: '各机关考评结果', querystring: Type.Object({ year: Year }, strict) } },
    async (req) => results(deps, actorOf(req), req.query.year));

  r.get('/supervision/results.xlsx', { config: { access: supervisors }, schema: { tags: ['supervision'], summary: '导出各机关考评结果（Excel）', querystring: Type.Object({ year: Year }, strict) } },
    async (req, reply) => sendDownload(reply, { name: `${req.query.year}年政务公开考评结果.xlsx`, mime: XLSX, bytes: await resultsWorkbook(deps, actorOf(req), req.query.year) }));
}
