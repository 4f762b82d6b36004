import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isoNow, type Clock } from '../../core/clock.ts';
import { newId } from '../../core/ids.ts';
import type { Db, Tx } from '../../db/database.ts';
import { keyringOf } from '../../db/sealed-columns.ts';
import { changedFields, checkpointBreak, checkpointSigned, firstBrokenLink, GENESIS, linkHash, signCheckpoint, type BrokenLink, type Checkpoint } from './audit.rules.ts';

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
  /** An edit of data that may hold personal details: only the changed fields' names and keyed hashes are kept. */
  changed?: { before: Record<string, unknown>; after: Record<string, unknown> };
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
  const ring = keyringOf(tx);
  const fields = {
    id: newId(),
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
    after_json: json(entry.changed ? { changed: changedFields(ring, entry.changed.before, entry.changed.after) } : entry.after),
    ip: entry.ip ?? null,
    actor_name: entry.actor?.name ?? null,
  };
  const hash = linkHash(ring, head.hash, fields);
  await tx.insertInto('audit_events').values({ ...fields, prev_hash: head.hash, hash }).execute();
  await tx.updateTable('audit_heads').set({ hash }).where('chain', '=', chain).execute();
}

export type Unconfirmed = { chain: string; seq: number; id: string; at: string; action: string };
export type VerifyResult = {
  ok: boolean;
  checked: number;
  firstBroken: BrokenLink | null;
  /** The checkpoint the chains were held against (the last the auditor keeps), if any. */
  checkpoint: { at: string; signed: boolean } | null;
  /** Events after the checkpoint: their links hold, but no checkpoint outside the database confirms them yet. */
  unconfirmed: Unconfirmed[];
};

/**
 * Walks chains from their first event and reports the first link that does not hold: every
 * chain (the CLI, a city-level auditor) or only those of the given agencies. Given the
 * auditor's last checkpoint, it also checks that every head it names is still in place (so
 * cutting off the newest events shows) and lists the events after it as unconfirmed.
 */
export async function verifyAudit(db: Db, agencyIds: string[] | 'all' = 'all', checkpoint: Checkpoint | null = null): Promise<VerifyResult> {
  const ring = keyringOf(db);
  let heads = db.selectFrom('audit_heads').select(['chain', 'seq']);
  if (agencyIds !== 'all') heads = heads.where('chain', 'in', agencyIds.length ? agencyIds : ['-']);
  const chains = await heads.orderBy('chain').execute();
  const inScope = (chain: string) => agencyIds === 'all' || agencyIds.includes(chain);
  const signed = checkpoint ? checkpointSigned(ring, checkpoint) : false;
  const result = (firstBroken: BrokenLink | null, checked: number, unconfirmed: Unconfirmed[]): VerifyResult =>
    ({ ok: !firstBroken && (!checkpoint || signed), checked, firstBroken, checkpoint: checkpoint && { at: checkpoint.at, signed }, unconfirmed });
  let checked = 0;
  const unconfirmed: Unconfirmed[] = [];
  for (const cpHead of checkpoint?.heads ?? []) {
    if (inScope(cpHead.chain) && !chains.some((c) => c.chain === cpHead.chain)) return result({ chain: cpHead.chain, seq: cpHead.seq, id: '', reason: 'checkpoint' }, checked, unconfirmed);
  }
  for (const { chain, seq } of chains) {
    const events = await db.selectFrom('audit_events').selectAll().where('chain', '=', chain).orderBy('seq').execute();
    checked += events.length;
    const broken = firstBrokenLink(ring, events);
    if (broken) return result(broken, checked, unconfirmed);
    if (events.length !== seq) {
      const last = events.at(-1);
      return result({ chain, seq: events.length + 1, id: last?.id ?? '', reason: 'gap' }, checked, unconfirmed);
    }
    if (!checkpoint) continue;
    const cpHead = checkpoint.heads.find((h) => h.chain === chain);
    const cut = cpHead ? checkpointBreak(cpHead, events) : null;
    if (cut) return result(cut, checked, unconfirmed);
    for (const e of events.slice(cpHead?.seq ?? 0)) unconfirmed.push({ chain, seq: e.seq, id: e.id, at: e.at, action: e.action });
  }
  return result(null, checked, unconfirmed);
}

/** The heads of every chain now, signed with the audit key. */
export async function currentCheckpoint(db: Db, clock: Clock): Promise<Checkpoint> {
  const heads = await db.selectFrom('audit_heads').select(['chain', 'seq', 'hash']).orderBy('chain').execute();
  return signCheckpoint(keyringOf(db), isoNow(clock), heads);
}

/**
 * Appends a signed checkpoint to the auditor's file (one JSON line each, the file outside the
 * database: `GONGKAI_AUDIT_CHECKPOINT_FILE`). The server writes one at start and on a schedule.
 */
export async function exportCheckpoint(db: Db, clock: Clock, file: string): Promise<Checkpoint> {
  const checkpoint = await currentCheckpoint(db, clock);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  appendFileSync(file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
  return checkpoint;
}

/** The last checkpoint in the auditor's file, or null if there is none yet. */
export function lastCheckpoint(file: string): Checkpoint | null {
  if (!existsSync(file)) return null;
  const line = readFileSync(file, 'utf8').trim().split('\n').at(-1);
  return line ? (JSON.parse(line) as Checkpoint) : null;
}
