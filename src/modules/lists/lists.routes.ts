import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { paging, PageQuery } from '../../core/paging.ts';
import { actorOf } from '../../http/access.ts';
import { oneOf } from '../../http/schemas.ts';
import type { AppDeps } from '../../http/deps.ts';
import { ITEM_ROLES } from '../documents/documents.repo.ts';
import {
  createNegativeEntry, createPower, createService, deleteNegativeEntry, deletePower, deleteService, getPower, getService, listNegativeEntries,
  listPowers, listServices, powerFields, updateNegativeEntry, updatePower, updateService,
} from './lists.service.ts';
import { REASON_CATEGORIES } from './negative-list.rules.ts';
import { powerFlowSvg } from './power-flow.svg.ts';
import { MAX_STEPS, POWER_CATEGORIES } from './powers.rules.ts';
import { NO_FEE, SERVICE_LABELS } from './services.rules.ts';
import { pageOf } from '../../core/paging.ts';
import { ListVocabulary, NegativeEntry, Power, ServiceItem } from './lists.schemas.ts';

const strict = { additionalProperties: false } as const;
const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
/** Required-ness is the rules' (they name the blank fields in Chinese); the schema bounds sizes. */
const Text = (max: number) => Type.String({ maxLength: max });
const DateString = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
/** An optional text where null, like '', means no value (what a cleared form field sends). */
const Blankable = (max: number) => Type.Optional(Type.Union([Text(max), Type.Null()]));
const ListQuery = { q: Type.Optional(Text(100)), ...PageQuery };

const negativeFields = {
  matter: Text(500), reasonCategory: oneOf(REASON_CATEGORIES), legalBasis: Text(1000), note: Blankable(2000),
  listedOn: Type.Optional(DateString), reviewedOn: Type.Optional(DateString),
};
const SampleForm = Type.Object({ name: Text(200), url: Blankable(500), text: Blankable(5000) }, strict);
const serviceFields = {
  name: Text(200), dutyPost: Text(200), legalBasis: Text(2000), acceptingUnit: Text(200), place: Text(500), eligibility: Text(2000), process: Text(5000),
  materials: Type.Array(Text(500), { maxItems: 50 }), forms: Type.Array(SampleForm, { maxItems: 20 }), fee: Text(500), feeBasis: Blankable(1000),
  timeLimit: Text(200), enquiries: Text(500), complaints: Text(500),
};
const Step = Type.Object({ name: Text(100), actor: Text(100), timeLimit: Blankable(100), note: Blankable(300) }, strict);
const Steps = Type.Array(Step, { maxItems: MAX_STEPS });
const powerFieldsSchema = {
  name: Text(200), category: oneOf(POWER_CATEGORIES), actor: Text(200), legalBasis: Text(2000), timeLimit: Text(200), oversight: Text(1000), steps: Steps,
};

const readers = { roles: ITEM_ROLES };
const office = { roles: ['office'] } as const;

/** The published lists the office keeps: negative list (CAT-5), service catalog (FIVE-4), list of powers (FIVE-3). */
export async function listRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/lists/vocabulary', { config: { access: 'staff' }, schema: { response: { 200: ListVocabulary }, tags: ['lists'], summary: '负面清单理由类别、职权类别、服务指南要素等词表' } }, async () => ({
    reasonCategories: REASON_CATEGORIES, powerCategories: POWER_CATEGORIES, serviceLabels: SERVICE_LABELS, noFee: NO_FEE, maxSteps: MAX_STEPS,
  }));

  r.get('/negative-list', {
    config: { access: readers },
    schema: { response: { 200: pageOf(NegativeEntry) }, tags: ['lists'], summary: '本机关的负面清单（CAT-5，分页、搜索）', querystring: Type.Object({ ...ListQuery, reasonCategory: Type.Optional(oneOf(REASON_CATEGORIES)) }, strict) },
  }, async (req) => listNegativeEntries(deps, actorOf(req), req.query, paging(req.query)));

  r.post('/negative-list', { config: { access: office }, schema: { response: { 201: NegativeEntry }, tags: ['lists'], summary: '列入负面清单（公开办）', body: Type.Object(negativeFields, strict) } },
    async (req, reply) => reply.status(201).send(await createNegativeEntry(deps, actorOf(req), req.body)));

  r.patch('/negative-list/:id', { config: { access: office }, schema: { response: { 200: NegativeEntry }, tags: ['lists'], summary: '修改或复核负面清单事项', params: Id, body: Type.Partial(Type.Object(negativeFields, strict)) } },
    async (req) => updateNegativeEntry(deps, actorOf(req), req.params.id, req.body));

  r.delete('/negative-list/:id', { config: { access: office }, schema: { tags: ['lists'], summary: '移出负面清单（此后依法公开）', params: Id } }, async (req, reply) => {
    await deleteNegativeEntry(deps, actorOf(req), req.params.id);
    return reply.status(204).send();
  });

  r.get('/services', { config: { access: readers }, schema: { response: { 200: pageOf(ServiceItem) }, tags: ['lists'], summary: '本机关的公共服务事项目录（FIVE-4，分页、搜索）', querystring: Type.Object(ListQuery, strict) } },
    async (req) => listServices(deps, actorOf(req), req.query, paging(req.query)));

  r.get('/services/:id', { config: { access: readers }, schema: { response: { 200: ServiceItem }, tags: ['lists'], summary: '服务事项详情', params: Id } }, async (req) => getService(deps, actorOf(req), req.params.id));

  r.post('/services', { config: { access: office }, schema: { response: { 201: ServiceItem }, tags: ['lists'], summary: '新增服务事项（公开办）', body: Type.Object(serviceFields, strict) } },
    async (req, reply) => reply.status(201).send(await createService(deps, actorOf(req), req.body)));

  r.patch('/services/:id', { config: { access: office }, schema: { response: { 200: ServiceItem }, tags: ['lists'], summary: '修改服务事项', params: Id, body: Type.Partial(Type.Object(serviceFields, strict)) } },
    async (req) => updateService(deps, actorOf(req), req.params.id, req.body));

  r.delete('/services/:id', { config: { access: office }, schema: { tags: ['lists'], summary: '删除服务事项', params: Id } }, async (req, reply) => {
    await deleteService(deps, actorOf(req), req.params.id);
    return reply.status(204).send();
  });

  r.get('/powers', {
    config: { access: readers },
    schema: { response: { 200: pageOf(Power) }, tags: ['lists'], summary: '本机关的行政职权目录（FIVE-3，分页、搜索）', querystring: Type.Object({ ...ListQuery, category: Type.Optional(oneOf(POWER_CATEGORIES)) }, strict) },
  }, async (req) => listPowers(deps, actorOf(req), req.query, paging(req.query)));

  r.get('/powers/:id', { config: { access: readers }, schema: { response: { 200: Power }, tags: ['lists'], summary: '行政职权详情', params: Id } }, async (req) => getPower(deps, actorOf(req), req.params.id));

  r.post('/powers', { config: { access: office }, schema: { response: { 201: Power }, tags: ['lists'], summary: '新增行政职权及其运行流程（公开办）', body: Type.Object(powerFieldsSchema, strict) } },
    async (req, reply) => reply.status(201).send(await createPower(deps, actorOf(req), req.body)));

  r.patch('/powers/:id', { config: { access: office }, schema: { response: { 200: Power }, tags: ['lists'], summary: '修改行政职权', params: Id, body: Type.Partial(Type.Object(powerFieldsSchema, strict)) } },
    async (req) => updatePower(deps, actorOf(req), req.params.id, req.body));

  r.delete('/powers/:id', { config: { access: office }, schema: { tags: ['lists'], summary: '删除行政职权', params: Id } }, async (req, reply) => {
    await deletePower(deps, actorOf(req), req.params.id);
    return reply.status(204).send();
  });

  // A preview of unsaved steps is drawn by the same function as the portal, so what the editor shows is what the public gets.
  r.post('/powers/flow-preview', {
    config: { access: readers },
    schema: { response: { 200: Type.Object({ svg: Type.String() }) }, tags: ['lists'], summary: '按办理环节生成权力运行流程图（SVG 预览）', body: Type.Object({ name: Text(200), steps: Steps }, strict) },
  }, async (req) => {
    const { steps } = powerFields({ name: req.body.name, category: 'other', actor: '', legalBasis: '', timeLimit: '', oversight: '', steps: req.body.steps });
    return { svg: String(powerFlowSvg({ id: 'preview', title: `${req.body.name.trim() || '行政职权'}运行流程图`, steps })) };
  });
}
