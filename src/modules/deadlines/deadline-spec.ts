import type { DeadlineSpec } from '../../core/deadline.ts';

/**
 * Edits of a stored deadline as events happen; pure, so each event's effect on the clock is
 * one readable line (LAW-30 restart, LAW-32/34/42 pauses, LAW-33 extension).
 */
export const withPause = (s: DeadlineSpec, from: string, rule: string, reason: string): DeadlineSpec => ({
  ...s,
  pauses: [...(s.pauses ?? []), { from, rule, reason }],
});

/** Ends the open pause (the clock runs again from `to`); a spec without one is returned as it is. */
export function endPause(s: DeadlineSpec, to: string): DeadlineSpec {
  const pauses = s.pauses ?? [];
  const open = pauses.findIndex((p) => p.to === undefined);
  if (open < 0) return s;
  return { ...s, pauses: pauses.map((p, i) => (i === open ? { ...p, to } : p)) };
}

export const hasOpenPause = (s: DeadlineSpec): boolean => (s.pauses ?? []).some((p) => p.to === undefined);

export const withRestart = (s: DeadlineSpec, at: string, rule: string, reason: string): DeadlineSpec => ({
  ...endPause(s, at),
  restarts: [...(s.restarts ?? []), { at, rule, reason }],
});

export const withExtension = (s: DeadlineSpec, n: number, approvedAt: string, approvedBy: string, rule: string): DeadlineSpec => ({
  ...s,
  extension: { n, approvedAt, approvedBy, rule },
});
