import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { actorOf } from '../../http/access.ts';
import type { AppDeps } from '../../http/deps.ts';
import { applicationTodos } from '../applications/applications.service.ts';
import { coordinationTodos } from '../coordination/coordination.service.ts';
import { consultationTodos } from '../consultation/consultation.service.ts';
import { evaluationTodos } from '../keytasks/keytasks.service.ts';
import { itemTodos } from '../documents/documents.registers.ts';
import { itemsOf } from '../../core/paging.ts';
import { Todo } from './todos.schemas.ts';
import { interpretationTodos } from '../interpretation/interpretation.service.ts';
import { opinionTodos } from '../opinion/opinion.service.ts';
import { reportTodos } from '../reports/reports.service.ts';
import { messageTodos } from '../messages/messages.service.ts';
import { assessmentTodos } from '../supervision/supervision.service.ts';

/** Each capability's to-dos for the actor; one line per capability. */
const TODO_SOURCES = [
  itemTodos,
  applicationTodos,
  messageTodos,
  coordinationTodos,
  consultationTodos,
  evaluationTodos,
  reportTodos,
  opinionTodos,
  interpretationTodos,
  assessmentTodos,
];

/** The signed-in user's to-do list: what waits for their roles across capabilities, soonest deadline first. */
export async function todoRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/todos', { config: { access: 'staff' }, schema: { response: { 200: itemsOf(Todo) }, tags: ['todos'], summary: '我的待办（按最早期限排序）' } }, async (req) => {
    const actor = actorOf(req);
    const lists = await Promise.all(TODO_SOURCES.map((source) => source(deps, actor)));
    const items = lists.flat();
    return { items: items.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999')) };
  });
}
