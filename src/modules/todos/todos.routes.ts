import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../http/access.ts';
import type { AppDeps } from '../../http/deps.ts';
import { applicationTodos } from '../applications/applications.service.ts';
import { itemTodos } from '../documents/documents.registers.ts';
import { messageTodos } from '../messages/messages.service.ts';
import { assessmentTodos } from '../supervision/supervision.service.ts';

/** The signed-in user's to-do list: what waits for their roles across capabilities, soonest deadline first. */
export async function todoRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/todos', { config: { access: 'staff' }, schema: { tags: ['todos'], summary: '我的待办（按最早期限排序）' } }, async (req) => {
    const actor = actorOf(req);
    const items = [...(await itemTodos(deps, actor)), ...(await applicationTodos(deps, actor)), ...(await messageTodos(deps, actor)), ...(await assessmentTodos(deps, actor))];
    return { items: items.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999')) };
  });
}
