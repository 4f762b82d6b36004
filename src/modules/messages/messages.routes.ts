import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { paging, PageQuery } from '../../core/paging.ts';
import { actorOf } from '../../http/access.ts';
import { sendDownload, XLSX } from '../../http/download.ts';
import { oneOf } from '../../http/schemas.ts';
import type { AppDeps } from '../../http/deps.ts';
import { ACTION_LABELS, LIMITS, MAX_ANSWER_WORKDAYS, RATINGS, REFUSALS, STATES } from './messages.rules.ts';
import { actOnMessage, getMessage, listMessages, MESSAGE_ROLES, messageSettings, updateMessageSettings } from './messages.service.ts';
import { messageStatsWorkbook } from './messages.export.ts';
import { messageStats } from './messages.stats.ts';
import { MessageActed, MessageDetail, MessagePage, MessageSettings, MessageStats, MessageVocabulary } from './messages.schemas.ts';

const strict = { additionalProperties: false } as const;
const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const DateString = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const Period = Type.Object({ from: DateString, to: DateString }, strict);
const staff = { roles: MESSAGE_ROLES };
const office = { roles: ['office', 'sys_admin'] } as const;

/** Citizens' messages in the console (OP-6): the queue with its clocks, the moves the server allows, the term, the statistics. */
export async function messageRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/messages/vocabulary', { config: { access: staff }, schema: { response: { 200: MessageVocabulary }, tags: ['messages'], summary: '网民留言的状态、操作、不予受理理由、评价，本机关部门和其他机关' } }, async (req) => {
    const actor = actorOf(req);
    const units = await deps.db.selectFrom('units').select(['id', 'name']).where('agency_id', '=', actor.agencyId).where('status', '=', 'active').orderBy('name').execute();
    const agencies = await deps.db.selectFrom('agencies').select(['id', 'name']).where('id', '!=', actor.agencyId).orderBy('code').execute();
    return { states: STATES, actions: ACTION_LABELS, refusals: REFUSALS, ratings: RATINGS, limits: LIMITS, units, agencies };
  });

  r.get('/messages', {
    config: { access: staff },
    schema: { response: { 200: MessagePage }, tags: ['messages'], summary: '网民留言队列（含答复期限和红黄绿灯）', querystring: Type.Object({ state: Type.Optional(oneOf(STATES)), q: Type.Optional(Type.String({ maxLength: 100 })), ...PageQuery }, strict) },
  }, async (req) => listMessages(deps, actorOf(req), req.query, paging(req.query)));

  r.get('/messages/settings', { config: { access: { roles: [...MESSAGE_ROLES, 'sys_admin'] } }, schema: { response: { 200: MessageSettings }, tags: ['messages'], summary: '本机关网民留言答复期限（工作日）' } }, async (req) => messageSettings(deps, actorOf(req)));

  r.put('/messages/settings', {
    config: { access: office },
    schema: { response: { 200: MessageSettings }, tags: ['messages'], summary: '设置本机关网民留言答复期限（公开办）', body: Type.Object({ answerWorkdays: Type.Integer({ minimum: 1, maximum: MAX_ANSWER_WORKDAYS }) }, strict) },
  }, async (req) => updateMessageSettings(deps, actorOf(req), req.body));

  r.get('/messages/stats', { config: { access: staff }, schema: { response: { 200: MessageStats }, tags: ['messages'], summary: '网民留言统计：收到、答复、按期、平均工作日、满意度', querystring: Period } },
    async (req) => messageStats(deps, actorOf(req), req.query));

  r.get('/messages/stats.xlsx', { config: { access: staff }, schema: { tags: ['messages'], summary: '导出网民留言统计（Excel）', querystring: Period } }, async (req, reply) =>
    sendDownload(reply, { name: `网民留言统计-${req.query.from}至${req.query.to}.xlsx`, mime: XLSX, bytes: await messageStatsWorkbook(deps, actorOf(req), req.query) }));

  r.get('/messages/:id', { config: { access: staff }, schema: { response: { 200: MessageDetail }, tags: ['messages'], summary: '留言详情、办理过程和可执行的操作', params: Id } }, async (req) => getMessage(deps, actorOf(req), req.params.id));

  r.post('/messages/:id/actions', {
    config: { access: staff },
    schema: { response: { 200: MessageActed },
      tags: ['messages'], summary: '办理留言：审核、交办、转办、答复、退回、公开、不予受理',
      params: Id,
      body: Type.Object({
        action: oneOf(ACTION_LABELS), unitId: Type.Optional(Type.String({ maxLength: 64 })), agencyId: Type.Optional(Type.String({ maxLength: 64 })),
        reason: Type.Optional(Type.String({ maxLength: LIMITS.reason })), answer: Type.Optional(Type.String({ maxLength: LIMITS.answer })), refusal: Type.Optional(oneOf(REFUSALS)),
      }, strict),
    },
  }, async (req) => actOnMessage(deps, actorOf(req), req.params.id, req.body.action, req.body));
}
