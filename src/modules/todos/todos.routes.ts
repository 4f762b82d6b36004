import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { actorOf } from '../../http/access.ts';
import type { AppDeps } from '../../http/deps.ts';
import { applicationTodos } from '../applications/applications.service.ts';
import { itemTodos } from '../documents/documents.registers.ts';
import { itemsOf } from '../../core/paging.ts';
import { Todo } from './todos.schemas.ts';

/** The signed-in user's to-do list: what waits for their roles across capabilities, soonest deadline first. */
export async function todoRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/todos', { config: { access: 'staff' }, schema: { response: { 200: itemsOf(Todo) }, tags: ['todos'], summary: '我的待办（按最早期限排序）' } }, async (req) => {
    const actor = actorOf(req);
    const items = [...(await itemTodos(deps, actor)), ...(await applicationTodos(deps, actor))];
    return { items: items.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999')) };
  });
}
