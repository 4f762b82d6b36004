import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { chinaToday } from '../../core/clock.ts';
import { paging, PageQuery } from '../../core/paging.ts';
import { actorOf } from '../../http/access.ts';
import type { AppDeps } from '../../http/deps.ts';
import { oneOf } from '../../http/schemas.ts';
import { ITEM_ROLES } from '../documents/documents.repo.ts';
import { CHECKLIST, DEFAULT_INTERPRETATION_DAYS, FORMS } from './interpretation.rules.ts';
import {
  createInterpretation, getInterpretation, interpretationSettings, reissueInterpretation, setInterpretationDays, syncOverview, updateInterpretation, yearView,
} from './interpretation.service.ts';
import { InterpretationDetail, InterpretationSettings, InterpretationVocabulary, InterpretationYear, SyncOverview } from './interpretation.schemas.ts';

const strict = { additionalProperties: false } as const;
const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });
const DateString = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });

const Content = Type.Object({
  pairs: Type.Optional(Type.Array(Type.Object({ question: Text(1000), answer: Text(10_000) }, strict), { maxItems: 100 })),
  altText: Type.Optional(Text(20_000)),
  mediaUrl: Type.Optional(Text(1000)),
  transcript: Type.Optional(Text(200_000)),
  heldOn: Type.Optional(Text(10)),
  speakers: Type.Optional(Type.Array(Text(200), { maxItems: 30 })),
}, strict);
const Entry = Type.Object({ content: Text(10_000), notApplicableReason: Text(1000) }, strict);
const Checklist = Type.Object(Object.fromEntries(Object.keys(CHECKLIST).map((k) => [k, Type.Optional(Entry)])), strict);
const fields = {
  title: Text(200, 1),
  summary: Type.Optional(Text(1000)),
  body: Type.Optional(Text(200_000)),
  dateMade: DateString,
  form: oneOf(FORMS),
  content: Type.Optional(Content),
  checklist: Type.Optional(Checklist),
};
const PolicyIds = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 20, uniqueItems: true });
const staff = { roles: ITEM_ROLES };
const drafter = { roles: ['drafter'] } as const;

/** 政策解读 (INT-1 … INT-9); the review moves are the documents workflow's (`/items/:id/actions/:action`). */
export async function interpretationRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/interpretations/vocabulary', { config: { access: staff }, schema: { tags: ['interpretation'], summary: '解读形式和解读内容要点', response: { 200: InterpretationVocabulary } } }, async () => ({ forms: FORMS, checklist: CHECKLIST }));

  r.get('/interpretations', {
    config: { access: staff },
    schema: { tags: ['interpretation'], summary: '须解读的政策文件、其解读和10个工作日期限，及“三同步”率（INT-1、INT-3、INT-5）', querystring: Type.Object({ pending: Type.Optional(Type.Boolean()), ...PageQuery }, strict), response: { 200: SyncOverview } },
  }, async (req) => syncOverview(deps, actorOf(req), req.query, paging(req.query)));

  r.post('/interpretations', { config: { access: drafter }, schema: { tags: ['interpretation'], summary: '起草政策解读（INT-2、INT-6、INT-7）', body: Type.Object({ ...fields, policyIds: PolicyIds }, strict), response: { 201: InterpretationDetail } } },
    async (req, reply) => reply.status(201).send(await createInterpretation(deps, actorOf(req), req.body)));

  r.get('/interpretations/year', {
    config: { access: staff },
    schema: { tags: ['interpretation'], summary: '年度解读情况：本年度解读的重要政策，第四季度尚无时提醒（INT-8）', querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }, strict), response: { 200: InterpretationYear } },
  }, async (req) => yearView(deps, actorOf(req), req.query.year ?? Number(chinaToday(deps.clock).slice(0, 4))));

  r.get('/interpretations/settings', { config: { access: staff }, schema: { tags: ['interpretation'], summary: '本机关解读材料发布期限（工作日）', response: { 200: InterpretationSettings } } }, async (req) => interpretationSettings(deps, actorOf(req)));

  r.put('/interpretations/settings', {
    config: { access: { roles: ['office'] } },
    schema: { tags: ['interpretation'], summary: '设置更严的解读材料发布期限（INT-5，不超过10个工作日）', body: Type.Object({ days: Type.Integer({ minimum: 1, maximum: DEFAULT_INTERPRETATION_DAYS }) }, strict), response: { 200: InterpretationSettings } },
  }, async (req) => setInterpretationDays(deps, actorOf(req), req.body.days));

  r.get('/interpretations/:id', { config: { access: staff }, schema: { tags: ['interpretation'], summary: '政策解读详情：信息、流程、解读形式、内容要点和所解读的政策文件', params: Id, response: { 200: InterpretationDetail } } },
    async (req) => getInterpretation(deps, actorOf(req), req.params.id));

  r.patch('/interpretations/:id', { config: { access: drafter }, schema: { tags: ['interpretation'], summary: '修改政策解读草稿', params: Id, body: Type.Partial(Type.Object({ ...fields, policyIds: PolicyIds }, strict)), response: { 200: InterpretationDetail } } },
    async (req) => updateInterpretation(deps, actorOf(req), req.params.id, req.body));

  r.post('/interpretations/:id/reissue', {
    config: { access: drafter },
    schema: { tags: ['interpretation'], summary: '再解读：针对误读或关切再次解读，说明原因（INT-9）', params: Id, body: Type.Object({ ...fields, reason: Text(2000, 1) }, strict), response: { 201: InterpretationDetail } },
  }, async (req, reply) => {
    const { reason, ...input } = req.body;
    return reply.status(201).send(await reissueInterpretation(deps, actorOf(req), req.params.id, reason, input));
  });
}
