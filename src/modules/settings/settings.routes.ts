import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { actorOf } from '../../http/access.ts';
import type { AppDeps } from '../../http/deps.ts';
import { SecurityPolicySchema } from './security-policy.ts';
import { getSecurityPolicy } from './security-policy.ts';
import { getSiteSettings, updateSecurityPolicy, updateSiteSettings } from './settings.service.ts';
import { SiteSettingsSchema } from './site-settings.ts';

const secAdmin = { roles: ['security_admin'] } as const;
const siteEditors = { roles: ['sys_admin', 'office'] } as const;

export async function settingsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/settings/security', { config: { access: secAdmin }, schema: { response: { 200: SecurityPolicySchema }, tags: ['settings'], summary: '安全策略' } }, async () => getSecurityPolicy(deps.db));
  r.put('/settings/security', {
    config: { access: secAdmin },
    schema: { response: { 200: SecurityPolicySchema }, tags: ['settings'], summary: '修改安全策略（不能低于等保底线）', body: SecurityPolicySchema },
  }, async (req) => updateSecurityPolicy(deps.db, deps.clock, actorOf(req), req.body));
  r.get('/settings/site', { config: { access: siteEditors }, schema: { response: { 200: SiteSettingsSchema }, tags: ['settings'], summary: '门户网站信息（主办单位、联系方式、备案号、网站标识码）' } }, async () => getSiteSettings(deps.db));
  r.put('/settings/site', {
    config: { access: siteEditors },
    schema: { response: { 200: SiteSettingsSchema }, tags: ['settings'], summary: '修改门户网站信息（市级系统管理员或公开办）', body: SiteSettingsSchema },
  }, async (req) => updateSiteSettings(deps.db, deps.clock, actorOf(req), req.body));
}
