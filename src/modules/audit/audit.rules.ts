import { auditMac, type Keyring } from '../../core/field-crypto.ts';
import type { AuditEventTable } from './audit.tables.ts';

/**
 * The audit log's keyed chain (SUP-6: breaches are traced to people, so the record of who did
 * what must show tampering; 等保2.0 三级 安全审计 and 数据完整性). Each event's link is an
 * HMAC (SHA-256, or SM3 under the 国密 suite) over every column of the event and the previous
 * link, keyed with the audit key that lives outside the database: someone who can write the
 * database but not read the key file cannot recompute a link after altering, removing or
 * reordering an event. A signed checkpoint of every chain's head, kept by the auditor outside
 * the database, also catches cutting the newest events off.
 */
export const GENESIS = '0'.repeat(64);

/** Every column of an event but its own link. */
export type ChainedFields = Omit<AuditEventTable, 'prev_hash' | 'hash'>;

export function linkHash(ring: Keyring, prevHash: string, e: ChainedFields): string {
  const content = JSON.stringify([
    e.id, e.chain, e.seq, e.at, e.actor_id, e.actor_name, e.actor_role, e.agency_id,
    e.action, e.entity_type, e.entity_id, e.before_json, e.after_json, e.ip,
  ]);
  return auditMac(ring, 'link', prevHash, content);
}

export type BrokenLink = { chain: string; seq: number; id: string; reason: 'hash' | 'gap' | 'prev' | 'checkpoint' };

/** Checks one chain's events, given in seq order; returns the first broken link or null. */
export function firstBrokenLink(ring: Keyring, events: Iterable<ChainedFields & { prev_hash: string; hash: string }>): BrokenLink | null {
  let prev = GENESIS;
  let expectedSeq = 1;
  for (const e of events) {
    if (e.seq !== expectedSeq) return { chain: e.chain, seq: e.seq, id: e.id, reason: 'gap' };
    if (e.prev_hash !== prev) return { chain: e.chain, seq: e.seq, id: e.id, reason: 'prev' };
    if (linkHash(ring, prev, e) !== e.hash) return { chain: e.chain, seq: e.seq, id: e.id, reason: 'hash' };
    prev = e.hash;
    expectedSeq += 1;
  }
  return null;
}

export type Head = { chain: string; seq: number; hash: string };
/** The heads of every chain at a moment, signed with the audit key: one line of the auditor's checkpoint file. */
export type Checkpoint = { at: string; heads: Head[]; mac: string };

const checkpointContent = (at: string, heads: Head[]) => JSON.stringify({ at, heads: [...heads].sort((a, b) => a.chain.localeCompare(b.chain)) });

export function signCheckpoint(ring: Keyring, at: string, heads: Head[]): Checkpoint {
  return { at, heads, mac: auditMac(ring, 'checkpoint', checkpointContent(at, heads)) };
}

export const checkpointSigned = (ring: Keyring, c: Checkpoint) => auditMac(ring, 'checkpoint', checkpointContent(c.at, c.heads)) === c.mac;

/** A chain's events against the checkpoint's head for it: the event it names must still be there, with that link. */
export function checkpointBreak(head: Head, events: readonly (ChainedFields & { hash: string })[]): BrokenLink | null {
  const at = events[head.seq - 1];
  if (!at) return { chain: head.chain, seq: head.seq, id: events.at(-1)?.id ?? '', reason: 'checkpoint' };
  return at.hash === head.hash ? null : { chain: head.chain, seq: head.seq, id: at.id, reason: 'checkpoint' };
}

export type FieldDigest = { field: string; before: string | null; after: string | null };

/**
 * What the audit log keeps of an edit (DESIGN.md: audit events record that a field changed,
 * not its value): the names of the fields that changed, each with a keyed hash of its old and
 * new value, so an auditor holding a value can confirm it without the log holding it.
 */
export function changedFields(ring: Keyring, before: Record<string, unknown>, after: Record<string, unknown>): FieldDigest[] {
  const digest = (v: unknown) => (v === undefined ? null : auditMac(ring, 'field', JSON.stringify(v)).slice(0, 32));
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]))
    .map((field) => ({ field, before: digest(before[field]), after: digest(after[field]) }));
}
