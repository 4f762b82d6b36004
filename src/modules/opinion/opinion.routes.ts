import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { badRequest } from '../../core/errors.ts';
import { chinaDateOf } from '../../core/clock.ts';
import { paging, PageQuery } from '../../core/paging.ts';
import { actorOf } from '../../http/access.ts';
import { sendDownload, XLSX } from '../../http/download.ts';
import { oneOf } from '../../http/schemas.ts';
import type { AppDeps } from '../../http/deps.ts';
import { ITEM_ROLES } from '../documents/documents.repo.ts';
import { caseLogWorkbook, specialReportDocx } from './opinion.export.ts';
import { RESPONSE_FORMS, RISK_LEVELS, SOURCES, STATES, ACTION_LABELS, INTAKES, CLOCK_NAMES } from './opinion.rules.ts';
import { SUMMARY_MAX, createFeed, deleteFeed, getSettings, listFeeds, pollOpinionFeeds, receiveWebhook, updateSettings } from './opinion.intake.ts';
import { OpinionCases, OpinionDetail, OpinionFeed, OpinionFeeds, OpinionPollResult, OpinionResponseItem, OpinionSettings, OpinionVocabulary } from './opinion.schemas.ts';
import { actOnCase, allCases, draftResponse, getCase, listCases, registerCase } from './opinion.service.ts';

const strict = { additionalProperties: false } as const;
const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Text = (max: number, min = 0) => Type.String({ maxLength: max, minLength: min });
/** A moment with its offset, as the console sends it (e.g. 2026-12-04T09:30:00+08:00). */
const Moment = Type.String({ maxLength: 40, pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9]{2}:?[0-9]{2})$' });
const DateString = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const Filter = {
  q: Type.Optional(Text(100)), state: Type.Optional(oneOf(STATES)), riskLevel: Type.Optional(oneOf(RISK_LEVELS)), source: Type.Optional(oneOf(SOURCES)),
  from: Type.Optional(DateString), to: Type.Optional(DateString),
};

const WebhookBody = Type.Object({
  items: Type.Array(Type.Object({ title: Text(500), summary: Text(SUMMARY_MAX), source: oneOf(SOURCES), link: Type.Optional(Text(1000)), happenedAt: Type.Optional(Moment) }), { minItems: 1, maxItems: 50 }),
});

const readers = { roles: ITEM_ROLES };
const lead = { roles: ['opinion_lead'] } as const;

/** Public-opinion cases (OP-1 … OP-5): the log, registration, the workflow, the response item, the special report. */
export async function opinionRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/opinion/vocabulary', { config: { access: 'staff' }, schema: { tags: ['opinion'], summary: '舆情来源、风险等级、办理环节、回应形式等词表', response: { 200: OpinionVocabulary } } }, async () => ({
    sources: SOURCES, riskLevels: RISK_LEVELS, states: STATES, actions: ACTION_LABELS, responseForms: RESPONSE_FORMS, intakes: INTAKES, clocks: CLOCK_NAMES,
  }));

  r.get('/opinion/cases', {
    config: { access: readers },
    schema: { tags: ['opinion'], summary: '舆情台账（OP-3，筛选、分页，含时限红黄绿灯）', querystring: Type.Object({ ...Filter, ...PageQuery }, strict), response: { 200: OpinionCases } },
  }, async (req) => listCases(deps, actorOf(req), req.query, paging(req.query)));

  r.get('/opinion/cases/export', {
    config: { access: readers },
    schema: { tags: ['opinion'], summary: '导出舆情台账（Excel）', querystring: Type.Object(Filter, strict) },
  }, async (req, reply) => {
    const now = deps.clock();
    const log = await allCases(deps, actorOf(req), req.query);
    return sendDownload(reply, { name: `${log.agencyName}舆情台账-${chinaDateOf(now)}.xlsx`, mime: XLSX, bytes: await caseLogWorkbook(log, now) }, 'no-store');
  });

  r.post('/opinion/cases', {
    config: { access: lead },
    schema: {
      tags: ['opinion'], summary: '登记舆情（OP-1、OP-2；重复的链接或内容不再登记）',
      body: Type.Object({
        title: Text(200, 1), source: oneOf(SOURCES), link: Type.Optional(Text(1000)), happenedAt: Moment, foundAt: Moment, summary: Text(5000, 1),
        riskLevel: oneOf(RISK_LEVELS), analysis: Type.Optional(Text(5000)), handlingPlan: Type.Optional(Text(5000)),
        responsibleUnitId: Type.Optional(Type.Union([Text(64), Type.Null()])),
      }, strict),
      response: { 201: OpinionDetail },
    },
  }, async (req, reply) => reply.status(201).send(await registerCase(deps, actorOf(req), req.body)));

  r.get('/opinion/cases/:id', { config: { access: readers }, schema: { tags: ['opinion'], summary: '舆情详情：办理过程、时限及说明、回应、可执行的操作', params: Id, response: { 200: OpinionDetail } } },
    async (req) => getCase(deps, actorOf(req), req.params.id));

  r.post('/opinion/cases/:id/actions/:action', {
    config: { access: readers },
    schema: {
      tags: ['opinion'], summary: '研判、转办、登记回应、反馈、办结、向上级报告（OP-2 … OP-5）',
      params: Type.Object({ id: Id.properties.id, action: Type.Union(['assess', 'transfer', 'respond', 'feedback', 'close', 'report_upward'].map((a) => Type.Literal(a as 'assess'))) }),
      body: Type.Object({
        riskLevel: Type.Optional(oneOf(RISK_LEVELS)), analysis: Type.Optional(Text(5000)), handlingPlan: Type.Optional(Text(5000)), unitId: Type.Optional(Text(64)),
        note: Type.Optional(Text(5000)), form: Type.Optional(oneOf(RESPONSE_FORMS)), description: Type.Optional(Text(5000)), at: Type.Optional(Moment), to: Type.Optional(Text(200)),
      }, strict),
      response: { 200: OpinionDetail },
    },
  }, async (req) => actOnCase(deps, actorOf(req), req.params.id, req.params.action, req.body));

  r.post('/opinion/cases/:id/response-item', {
    config: { access: { roles: ['drafter'] } },
    schema: {
      tags: ['opinion'], summary: '责任单位起草回应信息（OP-4，回应关切栏目，走信息审核发布流程）', params: Id,
      body: Type.Object({ form: Type.Union([Type.Literal('online_release'), Type.Literal('expert_interpretation')]), title: Text(200, 1), body: Text(50_000, 1), summary: Type.Optional(Text(1000)) }, strict),
      response: { 201: OpinionResponseItem },
    },
  }, async (req, reply) => reply.status(201).send(await draftResponse(deps, actorOf(req), req.params.id, req.body)));

  r.get('/opinion/cases/:id/special-report', { config: { access: readers }, schema: { tags: ['opinion'], summary: '舆情专报（Word）', params: Id } }, async (req, reply) => {
    const actor = actorOf(req);
    const detail = await getCase(deps, actor, req.params.id);
    const agency = await deps.db.selectFrom('agencies').select('name').where('id', '=', detail.case.agencyId).executeTakeFirstOrThrow();
    const bytes = await specialReportDocx(detail, agency.name, deps.clock());
    return sendDownload(reply, { name: `舆情专报-${detail.case.caseNo}.docx`, mime: DOCX, bytes }, 'no-store');
  });

  r.get('/opinion/settings', { config: { access: lead }, schema: { tags: ['opinion'], summary: '舆情设置：允许抓取的主机、回应信息的加急时限、推送密钥是否已设置', response: { 200: OpinionSettings } } },
    async (req) => getSettings(deps, actorOf(req)));

  r.put('/opinion/settings', {
    config: { access: lead },
    schema: {
      tags: ['opinion'], summary: '修改舆情设置；rotateSecret 生成新的推送密钥（仅此一次显示）',
      body: Type.Object({ feedHosts: Type.Optional(Type.Array(Text(253), { maxItems: 50 })), responseItemHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 48 })), rotateSecret: Type.Optional(Type.Boolean()) }, strict),
      response: { 200: OpinionSettings },
    },
  }, async (req) => updateSettings(deps, actorOf(req), req.body));

  r.get('/opinion/feeds', { config: { access: lead }, schema: { tags: ['opinion'], summary: '本机关的舆情订阅源（RSS/Atom）', response: { 200: OpinionFeeds } } }, async (req) => listFeeds(deps, actorOf(req)));

  r.post('/opinion/feeds', {
    config: { access: lead },
    schema: { tags: ['opinion'], summary: '新增订阅源（主机须在允许名单中）', body: Type.Object({ name: Text(100, 1), url: Text(1000, 1), source: oneOf(SOURCES) }, strict), response: { 201: OpinionFeed } },
  }, async (req, reply) => reply.status(201).send(await createFeed(deps, actorOf(req), req.body)));

  r.delete('/opinion/feeds/:id', { config: { access: lead }, schema: { tags: ['opinion'], summary: '删除订阅源', params: Id } }, async (req, reply) => {
    await deleteFeed(deps, actorOf(req), req.params.id);
    return reply.status(204).send();
  });

  r.post('/opinion/feeds/poll', { config: { access: lead }, schema: { tags: ['opinion'], summary: '立即抓取本机关的订阅源（重复的按链接和内容合并）', response: { 200: OpinionPollResult } } },
    async (req) => pollOpinionFeeds(deps, deps.clock(), actorOf(req).agencyId));

  // The monitoring services' webhook: its own scope reads the body as text, since the signature is over the bytes sent.
  await r.register(async (hook) => {
    hook.removeContentTypeParser('application/json');
    hook.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 256 * 1024 }, (_req, body, done) => done(null, body));
    hook.withTypeProvider<TypeBoxTypeProvider>().post('/opinion/webhook/:code', {
      config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['opinion'], summary: '舆情监测服务推送（HMAC-SHA256 签名：X-Gongkai-Timestamp、X-Gongkai-Nonce、X-Gongkai-Signature = hex(HMAC(密钥, 时间戳.随机数.请求体))，5分钟内有效，随机数不得重复）',
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 32 }) }),
      },
    }, async (req) => {
      const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
      const body = typeof req.body === 'string' ? req.body : '';
      return receiveWebhook(deps, req.params.code, { timestamp: header('x-gongkai-timestamp'), nonce: header('x-gongkai-nonce'), signature: header('x-gongkai-signature') }, body, (payload) => {
        if (!Value.Check(WebhookBody, payload)) throw badRequest('WEBHOOK_BODY_INVALID', '推送内容格式不符：须为 { items: [{ title, summary, source, link?, happenedAt? }] }');
      });
    });
  });
}
