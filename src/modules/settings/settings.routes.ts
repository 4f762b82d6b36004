import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { actorOf } from '../../http/access.ts';
import type { AppDeps } from '../../http/deps.ts';
import { SecurityPolicySchema } from './security-policy.ts';
import { getSecurityPolicy, updateSecurityPolicy } from './settings.service.ts';

const secAdmin = { roles: ['security_admin'] } as const;

export async function settingsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/settings/security', { config: { access: secAdmin }, schema: { tags: ['settings'], summary: '安全策略' } }, async () => getSecurityPolicy(deps.db));
  r.put('/settings/security', {
    config: { access: secAdmin },
    schema: { tags: ['settings'], summary: '修改安全策略（不能低于等保底线）', body: SecurityPolicySchema },
  }, async (req) => updateSecurityPolicy(deps.db, deps.clock, actorOf(req), req.body));
}
