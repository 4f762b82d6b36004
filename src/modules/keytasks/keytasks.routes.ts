import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../http/access.ts';
import type { AppDeps } from '../../http/deps.ts';
import { ITEM_ROLES } from '../documents/documents.repo.ts';
import { Created, KeyTasks, PolicyEvaluations } from './keytasks.schemas.ts';
import {
  addProgress, createKeyTask, deleteKeyTask, linkEvaluationReport, listEvaluations, listKeyTasks, registerEvaluation, updateKeyTask,
} from './keytasks.service.ts';

const strict = { additionalProperties: false } as const;
const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Text = (max: number) => Type.String({ maxLength: max });
const DateString = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const ItemId = Type.String({ minLength: 1, maxLength: 64 });
const Fields = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }), title: Text(200), measures: Text(5000), steps: Text(5000), units: Text(500), published: Type.Boolean() }, strict);

const readers = { roles: ITEM_ROLES };
const office = { roles: ['office'] } as const;

/** Key tasks and their progress (FIVE-2); major policies' evaluation reports one year on (FIVE-5). */
export async function keyTaskRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/key-tasks', { config: { access: readers }, schema: { tags: ['key-tasks'], summary: '本机关的重点工作及其进展', response: { 200: KeyTasks } } }, async (req) => listKeyTasks(deps, actorOf(req)));

  r.post('/key-tasks', { config: { access: office }, schema: { tags: ['key-tasks'], summary: '新增重点工作（公开办）', body: Fields, response: { 201: Created } } },
    async (req, reply) => reply.status(201).send(await createKeyTask(deps, actorOf(req), req.body)));

  r.put('/key-tasks/:id', { config: { access: office }, schema: { tags: ['key-tasks'], summary: '修改重点工作', params: Id, body: Fields } }, async (req, reply) => {
    await updateKeyTask(deps, actorOf(req), req.params.id, req.body);
    return reply.status(204).send();
  });

  r.delete('/key-tasks/:id', { config: { access: office }, schema: { tags: ['key-tasks'], summary: '删除重点工作', params: Id } }, async (req, reply) => {
    await deleteKeyTask(deps, actorOf(req), req.params.id);
    return reply.status(204).send();
  });

  r.post('/key-tasks/:id/progress', {
    config: { access: office },
    schema: { tags: ['key-tasks'], summary: '登记重点工作进展', params: Id, body: Type.Object({ onDate: DateString, text: Text(2000) }, strict) },
  }, async (req, reply) => {
    await addProgress(deps, actorOf(req), req.params.id, req.body);
    return reply.status(204).send();
  });

  r.get('/policy-evaluations', { config: { access: readers }, schema: { tags: ['key-tasks'], summary: '重大政策实施评估（施行一年后公开评估报告）', response: { 200: PolicyEvaluations } } },
    async (req) => listEvaluations(deps, actorOf(req)));

  r.post('/policy-evaluations', {
    config: { access: office },
    schema: { tags: ['key-tasks'], summary: '登记需要实施评估的重大政策及其施行日期', body: Type.Object({ policyItemId: ItemId, effectiveOn: DateString }, strict), response: { 201: Created } },
  }, async (req, reply) => reply.status(201).send(await registerEvaluation(deps, actorOf(req), req.body)));

  r.post('/policy-evaluations/:id/report', {
    config: { access: office },
    schema: { tags: ['key-tasks'], summary: '关联已发布的实施评估报告', params: Id, body: Type.Object({ reportItemId: ItemId }, strict) },
  }, async (req, reply) => {
    await linkEvaluationReport(deps, actorOf(req), req.params.id, req.body.reportItemId);
    return reply.status(204).send();
  });
}
