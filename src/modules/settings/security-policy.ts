import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import type { Tx } from '../../db/database.ts';

/**
 * Security settings. The defaults satisfy 等保2.0 level 3 (GB/T 22239-2019 §8.1.4.1):
 * complex passwords, lockout after repeated failures, session timeouts. Each stays a setting
 * within bounds that cannot switch a protection off.
 */
export const SecurityPolicySchema = Type.Object(
  {
    passwordMinLength: Type.Integer({ minimum: 8, maximum: 64, description: '密码最小长度' }),
    lockoutThreshold: Type.Integer({ minimum: 3, maximum: 10, description: '连续失败几次后锁定' }),
    lockoutMinutes: Type.Integer({ minimum: 1, maximum: 1440, description: '锁定时长（分钟）' }),
    idleTimeoutMinutes: Type.Integer({ minimum: 5, maximum: 120, description: '空闲超时（分钟）' }),
    absoluteTimeoutHours: Type.Integer({ minimum: 1, maximum: 24, description: '会话最长时长（小时）' }),
  },
  { additionalProperties: false },
);

export type SecurityPolicy = Static<typeof SecurityPolicySchema>;

export const DEFAULT_SECURITY_POLICY: SecurityPolicy = {
  passwordMinLength: 10,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  idleTimeoutMinutes: 30,
  absoluteTimeoutHours: 12,
};

/** The settings key the policy is stored under. */
export const SECURITY_KEY = 'security';

/** The stored policy over the defaults; read by sign-in, sessions and every password change. */
export async function getSecurityPolicy(db: Tx): Promise<SecurityPolicy> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', SECURITY_KEY).executeTakeFirst();
  if (!row) return DEFAULT_SECURITY_POLICY;
  const merged = { ...DEFAULT_SECURITY_POLICY, ...JSON.parse(row.value_json) };
  // A stored value that no longer fits the bounds falls back to the defaults, never to weaker settings.
  return Value.Check(SecurityPolicySchema, merged) ? merged : DEFAULT_SECURITY_POLICY;
}
