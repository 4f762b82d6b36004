import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { badRequest, notFound } from '../../core/errors.ts';
import { paging, PageQuery } from '../../core/paging.ts';
import { actorOf } from '../../http/access.ts';
import { oneOf } from '../../http/schemas.ts';
import type { AppDeps } from '../../http/deps.ts';
import { readStoredFile } from '../files/store.ts';
import { filesRoot } from '../documents/documents.publication.ts';
import {
  ACTION_LABELS, APPEAL_KINDS, APPLICANT_KINDS, CHANNELS, DELIVERIES, EXTENSION_APPROVERS, FORMS, ID_TYPES, OUTCOMES, RECEIPT_RULE, REPLY_TYPES, REVIEW_KINDS, STATES,
} from './applications.rules.ts';
import { agencyApplicationSettings, updateApplicationSettings } from './applications.settings.ts';
import { APPLICATION_ROLES, visibleApplication } from './applications.repo.ts';
import {
  actOn, addProvidedFile, answerConsultation, consult, extend, getApplication, intake, listApplications, recordAppeal, recordAppealResult, recordDelivery, review, splitApplication,
} from './applications.service.ts';
import { table3Report, table3Workbook } from './applications.stats.ts';
import { sendDownload, XLSX } from '../../http/download.ts';
import { queueWorkbook } from './applications.export.ts';
import { chinaToday } from '../../core/clock.ts';
import { pageOf } from '../../core/paging.ts';
import { ApplicationDetail, ApplicationListEntry, ApplicationRegistered, ApplicationSettings, AppVocabulary, Table3Report } from './applications.schemas.ts';

const strict = { additionalProperties: false } as const;
const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });
const DateString = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const staff = { roles: APPLICATION_ROLES };
const office = { roles: ['office'] } as const;

export const ApplicantFields = {
  applicantKind: oneOf(APPLICANT_KINDS),
  name: Text(100, 1),
  idType: oneOf(ID_TYPES),
  idNumber: Text(40, 2),
  orgCode: Type.Optional(Text(30)),
  phone: Type.String({ minLength: 5, maxLength: 30, pattern: '^[0-9+()\\- ]+$' }),
  email: Type.Optional(Type.Union([Type.Literal(''), Type.String({ format: 'email', maxLength: 100 })])),
  address: Type.Optional(Text(200)),
  description: Text(2000, 5),
  purpose: Type.Optional(Text(500)),
  form: oneOf(FORMS),
  delivery: oneOf(DELIVERIES),
};

export async function applicationRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/applications/vocabulary', { config: { access: 'staff' }, schema: { response: { 200: AppVocabulary }, tags: ['applications'], summary: '申请人类型、收到方式、答复结果（年报表三）等词表' } }, async () => ({
    applicantKinds: APPLICANT_KINDS, channels: CHANNELS, receiptRules: RECEIPT_RULE, forms: FORMS, deliveries: DELIVERIES, outcomes: OUTCOMES,
    replyTypes: REPLY_TYPES, idTypes: ID_TYPES, states: STATES, actions: ACTION_LABELS, reviewKinds: REVIEW_KINDS, appealKinds: APPEAL_KINDS, extensionApprovers: EXTENSION_APPROVERS,
  }));

  const AgencyParam = Type.Object({ agencyId: Type.String({ minLength: 1, maxLength: 64 }) });
  const Settings = Type.Object({
    autoConfirm: Type.Boolean(), extensionApprover: oneOf(EXTENSION_APPROVERS), ownRule: Text(100),
  }, strict);
  r.get('/agencies/:agencyId/application-settings', {
    config: { access: { roles: [...APPLICATION_ROLES, 'sys_admin'] } },
    schema: { response: { 200: ApplicationSettings }, tags: ['applications'], summary: '本机关依申请公开设置（自动确认收到、延期审批人、本机关规定名称）', params: AgencyParam },
  }, async (req) => agencyApplicationSettings(deps, actorOf(req), req.params.agencyId));
  r.put('/agencies/:agencyId/application-settings', {
    config: { access: { roles: ['office', 'sys_admin'] } },
    schema: { response: { 200: ApplicationSettings }, tags: ['applications'], summary: '修改本机关依申请公开设置', params: AgencyParam, body: Settings },
  }, async (req) => updateApplicationSettings(deps, actorOf(req), req.params.agencyId, req.body));

  const QueueQuery = { state: Type.Optional(oneOf(STATES)), open: Type.Optional(Type.Boolean()), q: Type.Optional(Text(100)) };
  r.get('/applications', {
    config: { access: staff },
    schema: { response: { 200: pageOf(ApplicationListEntry) }, tags: ['applications'], summary: '申请队列（红黄绿灯、期限）', querystring: Type.Object({ ...QueueQuery, ...PageQuery }, strict) },
  }, async (req) => listApplications(deps, actorOf(req), req.query, paging(req.query)));

  r.get('/applications.xlsx', {
    config: { access: staff },
    schema: { tags: ['applications'], summary: '导出申请队列（Excel，北京时间，申请人已脱敏）', querystring: Type.Object(QueueQuery, strict) },
  }, async (req, reply) =>
    sendDownload(reply, { name: `申请队列-${chinaToday(deps.clock)}.xlsx`, mime: XLSX, bytes: await queueWorkbook(deps, actorOf(req), req.query) }));

  r.post('/applications', {
    config: { access: office },
    schema: { response: { 201: ApplicationRegistered },
      tags: ['applications'], summary: '登记信函、传真、电子邮件、当面和转办申请；传真、电子邮件到达后待确认，平信记录与申请人确认的方式（LAW-31、APP-5）',
      body: Type.Object({
        ...ApplicantFields,
        channel: oneOf(CHANNELS),
        receivedAt: Type.String({ format: 'date-time' }),
        confirmedWith: Type.Optional(Text(500)),
        transfer: Type.Optional(Type.Object({ from: Text(200, 1), handedOverAt: Type.String({ format: 'date-time' }), record: Text(1000, 1) }, strict)),
      }, strict),
    },
  }, async (req, reply) => {
    const { channel, receivedAt, transfer, confirmedWith, ...applicant } = req.body;
    const done = await intake(deps, actorOf(req), applicant, { channel, receivedAt, transfer, confirmedWith });
    return reply.status(201).send({ id: done.id, regNumber: done.regNumber, trackingCode: done.trackingCode, secret: done.secret });
  });

  r.get('/applications/:id', { config: { access: staff }, schema: { response: { 200: ApplicationDetail }, tags: ['applications'], summary: '申请详情（办理人员可见申请人信息，查看留痕）', params: Id } },
    async (req) => getApplication(deps, actorOf(req), req.params.id));

  r.post('/applications/:id/actions/:action', {
    config: { access: staff },
    schema: { response: { 200: ApplicationDetail },
      tags: ['applications'], summary: '办理操作：确认收到、分办、补正、收费、要求说明理由、拟定答复、签发……',
      params: Type.Object({ id: Type.String({ minLength: 1 }), action: oneOf(ACTION_LABELS) }),
      body: Type.Object({
        unitId: Type.Optional(Type.String()), note: Type.Optional(Text(2000)), needed: Type.Optional(Text(2000)), correction: Type.Optional(Text(4000)),
        feeBasis: Type.Optional(Type.Union([Type.Literal('count'), Type.Literal('pages')])), pages: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
        outcome: Type.Optional(oneOf(OUTCOMES)), text: Type.Optional(Text(5000)), alreadyPublicWhere: Type.Optional(Text(500)), holderAgency: Type.Optional(Text(200)),
        receivedAt: Type.Optional(Type.String({ format: 'date-time' })),
        reasonsDue: Type.Optional(DateString), workdays: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
      }, strict),
    },
  }, async (req) => {
    await actOn(deps, { kind: 'staff', actor: actorOf(req) }, req.params.id, req.params.action, req.body);
    return getApplication(deps, actorOf(req), req.params.id);
  });

  r.post('/applications/:id/split', {
    config: { access: office },
    schema: { response: { 200: ApplicationDetail }, tags: ['applications'], summary: '一事一申请：拆分为多件申请（APP-3），沿用收到时间和查询密码', params: Id, body: Type.Object({ parts: Type.Array(Text(2000, 1), { minItems: 2, maxItems: 20 }) }, strict) },
  }, async (req) => {
    await splitApplication(deps, actorOf(req), req.params.id, req.body.parts);
    return getApplication(deps, actorOf(req), req.params.id);
  });

  r.post('/applications/:id/extend', { config: { access: { roles: ['leader', 'dept_head'] } }, schema: { response: { 200: ApplicationDetail }, tags: ['applications'], summary: '延期答复（LAW-33，一次；公开工作机构负责人或机关负责人批准，依本机关设置）', params: Id, body: Type.Object({ reason: Text(1000, 1) }, strict) } }, async (req) => {
    await extend(deps, actorOf(req), req.params.id, req.body.reason);
    return getApplication(deps, actorOf(req), req.params.id);
  });

  r.post('/applications/:id/reviews', {
    config: { access: staff },
    schema: { response: { 200: ApplicationDetail }, tags: ['applications'], summary: '保密审查、合法性审查、舆情风险评估（APP-6）', params: Id, body: Type.Object({ kind: oneOf(REVIEW_KINDS), opinion: Text(2000, 1) }, strict) },
  }, async (req) => {
    await review(deps, actorOf(req), req.params.id, req.body.kind, req.body.opinion);
    return getApplication(deps, actorOf(req), req.params.id);
  });

  r.post('/applications/:id/consultations', {
    config: { access: office },
    schema: { response: { 200: ApplicationDetail }, tags: ['applications'], summary: '征求第三方或其他机关意见（LAW-32、LAW-34，期限暂停）', params: Id, body: Type.Object({ kind: Type.Union([Type.Literal('third_party'), Type.Literal('agency')]), party: Text(200, 1) }, strict) },
  }, async (req) => {
    await consult(deps, actorOf(req), req.params.id, req.body.kind, req.body.party);
    return getApplication(deps, actorOf(req), req.params.id);
  });

  r.post('/application-consultations/:id/answer', {
    config: { access: office },
    schema: {
      tags: ['applications'], summary: '登记意见，或期满后登记逾期未答复（其他机关视为同意，第三方由本机关决定），期限恢复计算', params: Id,
      body: Type.Object({ answer: Type.Union([Type.Literal('consent'), Type.Literal('refuse'), Type.Literal('no_answer')]), text: Text(2000), overrideReason: Type.Optional(Text(2000)), notice: Type.Optional(Text(2000)) }, strict),
    },
  }, async (req, reply) => {
    await answerConsultation(deps, actorOf(req), req.params.id, req.body);
    return reply.status(204).send();
  });

  r.post('/applications/:id/delivery', {
    config: { access: office },
    schema: { response: { 200: ApplicationDetail }, tags: ['applications'], summary: '登记送达（方式、日期、凭证）；转办件同时回告（APP-5）', params: Id, body: Type.Object({ method: Text(50, 1), on: DateString, proof: Text(500, 1) }, strict) },
  }, async (req) => {
    await recordDelivery(deps, actorOf(req), req.params.id, req.body);
    return getApplication(deps, actorOf(req), req.params.id);
  });

  r.post('/applications/:id/appeals', {
    config: { access: office },
    schema: { response: { 200: ApplicationDetail }, tags: ['applications'], summary: '登记行政复议或诉讼（APP-8）', params: Id, body: Type.Object({ kind: oneOf(APPEAL_KINDS), filedOn: DateString, body: Text(200, 1) }, strict) },
  }, async (req) => {
    await recordAppeal(deps, actorOf(req), req.params.id, req.body);
    return getApplication(deps, actorOf(req), req.params.id);
  });

  r.post('/application-appeals/:id/result', {
    config: { access: office },
    schema: { tags: ['applications'], summary: '登记复议、诉讼结果（维持、纠正、其他）', params: Id, body: Type.Object({ result: Type.Union([Type.Literal('upheld'), Type.Literal('corrected'), Type.Literal('other')]), resultOn: DateString, note: Text(1000) }, strict) },
  }, async (req, reply) => {
    await recordAppealResult(deps, actorOf(req), req.params.id, req.body);
    return reply.status(204).send();
  });

  r.post('/applications/:id/files', {
    config: { access: { roles: ['office', 'drafter'] } },
    schema: { response: { 200: ApplicationDetail },
      tags: ['applications'], summary: '上传提供给申请人的信息（multipart 字段 file）；redact 为需删除的内容，PDF/Word 自动删除（LAW-37）', params: Id,
      querystring: Type.Object({ redact: Type.Optional(Type.Array(Text(500, 1), { maxItems: 50 })), pages: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })) }, strict),
    },
  }, async (req) => {
    const file = await req.file();
    if (!file) throw badRequest('FILE_REQUIRED', '请选择要上传的文件');
    await addProvidedFile(deps, actorOf(req), req.params.id, { filename: file.filename, bytes: new Uint8Array(await file.toBuffer()) }, req.query.redact ?? [], req.query.pages);
    return getApplication(deps, actorOf(req), req.params.id);
  });

  r.get('/application-files/:id', { config: { access: staff }, schema: { tags: ['applications'], summary: '下载告知书或提供的文件', params: Id } }, async (req, reply) => {
    const file = await deps.db.selectFrom('application_files').selectAll().where('id', '=', req.params.id).executeTakeFirst();
    if (!file) throw notFound('文件');
    await visibleApplication(deps.db, actorOf(req), file.application_id);
    const bytes = await readStoredFile(filesRoot(deps.dataDir), file.sha256);
    return sendDownload(reply, { name: file.name, mime: file.mime, bytes }, 'no-store');
  });

  const Period = Type.Object({ from: DateString, to: DateString }, strict);
  r.get('/applications/stats/table3', { config: { access: staff }, schema: { response: { 200: Table3Report }, tags: ['applications'], summary: '依申请公开情况统计（年报表三格式）', querystring: Period } },
    async (req) => table3Report(deps, actorOf(req), req.query));
  r.get('/applications/stats/table3.xlsx', { config: { access: staff }, schema: { tags: ['applications'], summary: '导出表三（Excel）', querystring: Period } }, async (req, reply) =>
    sendDownload(reply, { name: `依申请公开统计-${req.query.from}至${req.query.to}.xlsx`, mime: XLSX, bytes: await table3Workbook(deps, actorOf(req), req.query) }));
}
