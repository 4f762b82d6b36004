import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { paging, PageQuery } from '../../core/paging.ts';
import { actorOf } from '../../http/access.ts';
import { sendDownload, XLSX } from '../../http/download.ts';
import type { AppDeps } from '../../http/deps.ts';
import { oneOf } from '../../http/schemas.ts';
import { ITEM_ROLES } from '../documents/documents.repo.ts';
import { ADOPTIONS } from './consultation.rules.ts';
import { ConsultationCreated, ConsultationDetail, ConsultationPage, ConsultationSettings } from './consultation.schemas.ts';
import {
  commentsWorkbook, consultationSettings, createConsultation, deleteConsultation, getConsultation, listConsultations, markComment, openConsultation, publishFeedback,
  updateConsultation, updateConsultationSettings,
} from './consultation.service.ts';

const strict = { additionalProperties: false } as const;
const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Text = (max: number) => Type.String({ maxLength: max });
const DateString = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const Fields = Type.Object({
  itemId: Type.String({ minLength: 1, maxLength: 64 }), title: Type.Optional(Text(200)), unit: Text(200), normative: Type.Boolean(), closesOn: DateString,
  howToComment: Text(1000), shortBasis: Type.Optional(Text(1000)),
}, strict);

const readers = { roles: ITEM_ROLES };
const office = { roles: ['office'] } as const;
const markers = { roles: ['office', 'drafter', 'dept_head'] } as const;

/** Drafts opened for public comment and their feedback (FIVE-1), for the agency's staff. */
export async function consultationRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/consultations', { config: { access: readers }, schema: { tags: ['consultations'], summary: '本机关的征求意见（分页）', querystring: Type.Object(PageQuery, strict), response: { 200: ConsultationPage } } },
    async (req) => listConsultations(deps, actorOf(req), paging(req.query)));

  r.get('/consultations/settings', { config: { access: readers }, schema: { tags: ['consultations'], summary: '公布意见采纳情况的期限（工作日）', response: { 200: ConsultationSettings } } },
    async (req) => consultationSettings(deps, actorOf(req)));

  r.put('/consultations/settings', {
    config: { access: office },
    schema: { tags: ['consultations'], summary: '设置公布意见采纳情况的期限（公开办）', body: Type.Object({ feedbackWorkdays: Type.Integer({ minimum: 1, maximum: 60 }) }, strict), response: { 200: ConsultationSettings } },
  }, async (req) => updateConsultationSettings(deps, actorOf(req), req.body));

  r.post('/consultations', { config: { access: office }, schema: { tags: ['consultations'], summary: '新建征求意见（以已发布的征求意见稿为依据）', body: Fields, response: { 201: ConsultationCreated } } },
    async (req, reply) => reply.status(201).send({ id: await createConsultation(deps, actorOf(req), req.body) }));

  r.get('/consultations/:id', { config: { access: readers }, schema: { tags: ['consultations'], summary: '征求意见详情、意见和可执行的操作', params: Id, response: { 200: ConsultationDetail } } },
    async (req) => getConsultation(deps, actorOf(req), req.params.id));

  r.put('/consultations/:id', { config: { access: office }, schema: { tags: ['consultations'], summary: '修改未发布的征求意见', params: Id, body: Fields, response: { 200: ConsultationDetail } } }, async (req) => {
    await updateConsultation(deps, actorOf(req), req.params.id, req.body);
    return getConsultation(deps, actorOf(req), req.params.id);
  });

  r.delete('/consultations/:id', { config: { access: office }, schema: { tags: ['consultations'], summary: '删除未发布的征求意见', params: Id } }, async (req, reply) => {
    await deleteConsultation(deps, actorOf(req), req.params.id);
    return reply.status(204).send();
  });

  r.post('/consultations/:id/open', { config: { access: office }, schema: { tags: ['consultations'], summary: '发布征求意见（今日开始）', params: Id, response: { 200: ConsultationDetail } } }, async (req) => {
    await openConsultation(deps, actorOf(req), req.params.id);
    return getConsultation(deps, actorOf(req), req.params.id);
  });

  r.post('/consultations/comments/:id/mark', {
    config: { access: markers },
    schema: { tags: ['consultations'], summary: '登记一条意见的采纳情况和理由', params: Id, body: Type.Object({ adoption: oneOf(ADOPTIONS), reason: Text(2000) }, strict) },
  }, async (req, reply) => {
    await markComment(deps, actorOf(req), req.params.id, req.body);
    return reply.status(204).send();
  });

  r.post('/consultations/:id/feedback', {
    config: { access: office },
    schema: { tags: ['consultations'], summary: '公布意见采纳情况', params: Id, body: Type.Object({ summary: Text(5000) }, strict), response: { 200: ConsultationDetail } },
  }, async (req) => {
    await publishFeedback(deps, actorOf(req), req.params.id, req.body.summary);
    return getConsultation(deps, actorOf(req), req.params.id);
  });

  r.get('/consultations/:id/comments.xlsx', { config: { access: readers }, schema: { tags: ['consultations'], summary: '导出意见汇总（Excel）', params: Id } }, async (req, reply) => {
    const { title, bytes } = await commentsWorkbook(deps, actorOf(req), req.params.id);
    return sendDownload(reply, { name: `意见汇总-${title.slice(0, 60)}.xlsx`, mime: XLSX, bytes });
  });
}
