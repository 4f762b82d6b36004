import { Value } from 'typebox/value';
import { isoNow, type Clock } from '../../core/clock.ts';
import type { Db, Tx } from '../../db/database.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { auditActor, requireRoleIn, type Actor } from '../auth/actor.ts';
import { cityAgencyId, requireCityRole } from '../org/city.ts';
import { getSecurityPolicy, SECURITY_KEY, type SecurityPolicy } from './security-policy.ts';
import { EMPTY_SITE_SETTINGS, SiteSettingsSchema, type SiteSettings } from './site-settings.ts';

const SITE_KEY = 'site';

/** The policy binds every account of the deployment, so only a city-level security administrator sets it. */
export async function updateSecurityPolicy(db: Db, clock: Clock, actor: Actor, policy: SecurityPolicy): Promise<SecurityPolicy> {
  const { agencyId, role } = await requireCityRole(db, actor, 'security_admin');
  return db.transaction().execute(async (tx) => {
    const before = await getSecurityPolicy(tx);
    const row = { value_json: JSON.stringify(policy), updated_by: actor.userId, updated_at: isoNow(clock) };
    await tx
      .insertInto('settings')
      .values({ key: SECURITY_KEY, ...row })
      .onConflict((oc) => oc.column('key').doUpdateSet(row))
      .execute();
    await appendAudit(tx, clock, { actor: auditActor(actor, role), agencyId, action: 'settings.security.update', entityType: 'settings', entityId: SECURITY_KEY, before, after: policy, ip: actor.ip });
    return policy;
  });
}

export async function getSiteSettings(db: Tx): Promise<SiteSettings> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', SITE_KEY).executeTakeFirst();
  const merged = { ...EMPTY_SITE_SETTINGS, ...(row ? JSON.parse(row.value_json) : {}) };
  return Value.Check(SiteSettingsSchema, merged) ? merged : EMPTY_SITE_SETTINGS;
}

/** The portal's footer identity: the city's system administrator or its disclosure office keeps it. */
export async function updateSiteSettings(db: Db, clock: Clock, actor: Actor, settings: SiteSettings): Promise<SiteSettings> {
  const agencyId = await cityAgencyId(db);
  const role = requireRoleIn(actor, ['sys_admin', 'office'], agencyId);
  return db.transaction().execute(async (tx) => {
    const before = await getSiteSettings(tx);
    const row = { value_json: JSON.stringify(settings), updated_by: actor.userId, updated_at: isoNow(clock) };
    await tx.insertInto('settings').values({ key: SITE_KEY, ...row }).onConflict((oc) => oc.column('key').doUpdateSet(row)).execute();
    await appendAudit(tx, clock, { actor: auditActor(actor, role), agencyId, action: 'settings.site.update', entityType: 'settings', entityId: SITE_KEY, before, after: settings, ip: actor.ip });
    return settings;
  });
}
