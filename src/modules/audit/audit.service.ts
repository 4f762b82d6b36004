import { isoNow, type Clock } from '../../core/clock.ts';
import { newId } from '../../core/ids.ts';
import type { Db, Tx } from '../../db/database.ts';
import { firstBrokenLink, GENESIS, linkHash, type BrokenLink } from './audit.rules.ts';

export type AuditActor = { id: string; name: string; role: string | null } | null;

/** Changes made from the command line (`gongkai user add`, `seed`): the operator at the server. */
export const CLI_ACTOR: AuditActor = { id: 'cli', name: '命令行', role: null };

export type AuditEntry = {
  actor: AuditActor;
  agencyId: string | null;
  /** dotted verb, e.g. `user.create`, `auth.login.failed` */
  action: string;
  entityType: string;
  entityId?: string | null;
  /** Shapes safe to keep: never a password hash, TOTP secret or session token. */
  before?: unknown;
  after?: unknown;
  ip?: string | null;
};

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

/**
 * A number that grows with every audited write anywhere, read from the chains' heads (one
 * row per agency). Every change of data commits with its audit event, so a cache of
 * anything derived from the data stays valid while this number stays the same.
 */
export async function auditGeneration(db: Tx): Promise<number> {
  const row = await db.selectFrom('audit_heads').select((eb) => eb.fn.sum<number | string | null>('seq').as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Appends one event to its agency's chain. Call it inside the transaction of the change it
 * records, so that the change and its record commit or fail together. The head row's update
 * serialises concurrent writers of one chain on both databases.
 */
export async function appendAudit(tx: Tx, clock: Clock, entry: AuditEntry): Promise<void> {
  const chain = entry.agencyId ?? 'system';
  await tx.insertInto('audit_heads').values({ chain, seq: 0, hash: GENESIS }).onConflict((oc) => oc.column('chain').doNothing()).execute();
  const head = await tx
    .updateTable('audit_heads')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('chain', '=', chain)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const fields = {
    chain,
    seq: head.seq,
    at: isoNow(clock),
    actor_id: entry.actor?.id ?? null,
    actor_role: entry.actor?.role ?? null,
    agency_id: entry.agencyId,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId ?? null,
    before_json: json(entry.before),
    after_json: json(entry.after),
    ip: entry.ip ?? null,
  };
  const hash = linkHash(head.hash, fields);
  await tx
    .insertInto('audit_events')
    .values({ id: newId(), ...fields, actor_name: entry.actor?.name ?? null, prev_hash: head.hash, hash })
    .execute();
  await tx.updateTable('audit_heads').set({ hash }).where('chain', '=', chain).execute();
}

export type VerifyResult = { ok: boolean; checked: number; firstBroken: BrokenLink | null };

/**
 * Walks chains from their first event and reports the first link that does not hold: every
 * chain (the CLI, a city-level auditor) or only those of the given agencies.
 */
export async function verifyAudit(db: Db, agencyIds: string[] | 'all' = 'all'): Promise<VerifyResult> {
  let heads = db.selectFrom('audit_heads').select(['chain', 'seq']);
  if (agencyIds !== 'all') heads = heads.where('chain', 'in', agencyIds.length ? agencyIds : ['-']);
  const chains = await heads.orderBy('chain').execute();
  let checked = 0;
  for (const { chain, seq } of chains) {
    const events = await db.selectFrom('audit_events').selectAll().where('chain', '=', chain).orderBy('seq').execute();
    checked += events.length;
    const broken = firstBrokenLink(events);
    if (broken) return { ok: false, checked, firstBroken: broken };
    if (events.length !== seq) {
      const last = events.at(-1);
      return { ok: false, checked, firstBroken: { chain, seq: events.length + 1, id: last?.id ?? '', reason: 'gap' } };
    }
  }
  return { ok: true, checked, firstBroken: null };
}
