import { Value } from 'typebox/value';
import { isoNow, type Clock } from '../../core/clock.ts';
import type { Db, Tx } from '../../db/database.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { auditActor, type Actor } from '../auth/actor.ts';
import { requireCityRole } from '../org/org.service.ts';
import { DEFAULT_SECURITY_POLICY, SecurityPolicySchema, type SecurityPolicy } from './security-policy.ts';

const SECURITY_KEY = 'security';

export async function getSecurityPolicy(db: Tx): Promise<SecurityPolicy> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', SECURITY_KEY).executeTakeFirst();
  if (!row) return DEFAULT_SECURITY_POLICY;
  const merged = { ...DEFAULT_SECURITY_POLICY, ...JSON.parse(row.value_json) };
  // A stored value that no longer fits the bounds falls back to the defaults, never to weaker settings.
  return Value.Check(SecurityPolicySchema, merged) ? merged : DEFAULT_SECURITY_POLICY;
}

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
