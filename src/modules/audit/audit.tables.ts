/**
 * Row types of the audit tables. Moments are ISO-8601 UTC strings and dates 'YYYY-MM-DD' on
 * both databases, so the same queries hold on SQLite and PostgreSQL; flags are 0/1 integers.
 */

/** Append-only and hash-chained: one chain per agency, plus `system` for events of no agency. */
export interface AuditEventTable {
  id: string;
  chain: string;
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  agency_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

/** The last link of each chain, updated in the same transaction as the event it points to. */
export interface AuditHeadTable {
  chain: string;
  seq: number;
  hash: string;
}
