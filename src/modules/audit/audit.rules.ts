import { createHash } from 'node:crypto';
import type { AuditEventTable } from './audit.tables.ts';

/**
 * The audit log's hash chain (SUP-6: breaches are traced to people, so the record of who did
 * what must show tampering). Each event's hash covers its content and the previous hash of
 * its chain; altering, removing or reordering any event breaks every later link.
 */
export const GENESIS = '0'.repeat(64);

/** The fields the hash covers: everything of an event but its id, the actor's display name and the hashes. */
export type ChainedFields = Omit<AuditEventTable, 'id' | 'actor_name' | 'prev_hash' | 'hash'>;

export function linkHash(prevHash: string, e: ChainedFields): string {
  const content = JSON.stringify([
    e.chain, e.seq, e.at, e.actor_id, e.actor_role, e.agency_id,
    e.action, e.entity_type, e.entity_id, e.before_json, e.after_json, e.ip,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

export type BrokenLink = { chain: string; seq: number; id: string; reason: 'hash' | 'gap' | 'prev' };

/** Checks one chain's events, given in seq order; returns the first broken link or null. */
export function firstBrokenLink(
  events: Iterable<ChainedFields & { id: string; prev_hash: string; hash: string }>,
): BrokenLink | null {
  let prev = GENESIS;
  let expectedSeq = 1;
  for (const e of events) {
    if (e.seq !== expectedSeq) return { chain: e.chain, seq: e.seq, id: e.id, reason: 'gap' };
    if (e.prev_hash !== prev) return { chain: e.chain, seq: e.seq, id: e.id, reason: 'prev' };
    if (linkHash(prev, e) !== e.hash) return { chain: e.chain, seq: e.seq, id: e.id, reason: 'hash' };
    prev = e.hash;
    expectedSeq += 1;
  }
  return null;
}
