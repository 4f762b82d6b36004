import type { SecurityPolicy } from '../settings/security-policy.ts';

const MINUTE = 60_000;

export type SessionTimes = { created_at: string; last_seen_at: string };

/** Idle and absolute session limits (等保2.0): the earlier of the two ends the session. */
export function sessionExpiry(s: SessionTimes, policy: SecurityPolicy): { idleExpiresAt: Date; absoluteExpiresAt: Date } {
  return {
    idleExpiresAt: new Date(Date.parse(s.last_seen_at) + policy.idleTimeoutMinutes * MINUTE),
    absoluteExpiresAt: new Date(Date.parse(s.created_at) + policy.absoluteTimeoutHours * 60 * MINUTE),
  };
}

export function sessionExpired(s: SessionTimes, policy: SecurityPolicy, now: Date): boolean {
  const { idleExpiresAt, absoluteExpiresAt } = sessionExpiry(s, policy);
  return now >= idleExpiresAt || now >= absoluteExpiresAt;
}

/** Writing last_seen_at on every request would make each read a write; a minute's precision is enough. */
export const shouldTouch = (s: SessionTimes, now: Date): boolean => now.getTime() - Date.parse(s.last_seen_at) >= MINUTE;

export type LockState = { failed_logins: number; locked_until: string | null };

export const isLocked = (u: LockState, now: Date): boolean => u.locked_until !== null && Date.parse(u.locked_until) > now.getTime();

/** After a failed attempt: count it, and lock for the policy's minutes once the threshold is reached. */
export function afterFailure(u: LockState, policy: SecurityPolicy, now: Date): LockState & { lockedNow: boolean } {
  const failed = u.failed_logins + 1;
  if (failed >= policy.lockoutThreshold) {
    return { failed_logins: 0, locked_until: new Date(now.getTime() + policy.lockoutMinutes * MINUTE).toISOString(), lockedNow: true };
  }
  return { failed_logins: failed, locked_until: null, lockedNow: false };
}
