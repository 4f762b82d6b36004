import { createHash } from 'node:crypto';
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { changedFields, GENESIS, linkHash } from '../../modules/audit/audit.rules.ts';
import type { Database } from '../database.ts';
import { keyringOf } from '../sealed-columns.ts';

/**
 * 等保2.0 三级 (issue 9): personal data encrypted at rest and an audit chain keyed outside the
 * database. Runs through the connection's sealing layer, so the key ring must be loaded:
 * - applications get a blind index of the ID number, and every existing row's ID number,
 *   phone, e-mail and address are sealed (read plain, written back through the layer);
 * - users' TOTP secrets are sealed the same way, and the step of the last code used is kept
 *   so a code counts once; a password set by an administrator must be changed at next sign-in;
 * - the audit log's existing plain SHA-256 chain is checked as it was, the full bodies of
 *   item edits are replaced by the changed fields' keyed hashes, and every link is recomputed
 *   as an HMAC over every column (actor_name too). A chain already broken stops the migration.
 */

/** The link of the chain before this migration: SHA-256 over everything but the id and the actor's name. */
function legacyLink(prev: string, e: Database['audit_events']): string {
  const content = JSON.stringify([e.chain, e.seq, e.at, e.actor_id, e.actor_role, e.agency_id, e.action, e.entity_type, e.entity_id, e.before_json, e.after_json, e.ip]);
  return createHash('sha256').update(prev).update('\n').update(content).digest('hex');
}

async function setAuditRewrites(db: Kysely<Database>, allowed: boolean, postgres: boolean) {
  if (postgres) {
    await sql`${sql.raw(allowed ? 'alter table audit_events disable trigger audit_events_no_rewrite' : 'alter table audit_events enable trigger audit_events_no_rewrite')}`.execute(db);
    return;
  }
  for (const op of ['update', 'delete']) {
    await sql`drop trigger if exists ${sql.raw(`audit_events_no_${op}`)}`.execute(db);
    if (!allowed) await sql`create trigger ${sql.raw(`audit_events_no_${op}`)} before ${sql.raw(op)} on audit_events begin select raise(abort, 'audit_events is append-only'); end`.execute(db);
  }
}

export async function up(anyDb: Kysely<unknown>): Promise<void> {
  const db = anyDb as unknown as Kysely<Database>;
  const ring = keyringOf(db);
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema.alterTable('applications').addColumn('id_number_bidx', 'text').execute();
  await db.schema.dropIndex('applications_applicant').execute();
  await db.schema.createIndex('applications_applicant').on('applications').columns(['agency_id', 'id_number_bidx']).execute();
  for (const a of await db.selectFrom('applications').select(['id', 'id_number', 'phone', 'email', 'address']).execute()) {
    await db.updateTable('applications').set({ id_number: a.id_number, phone: a.phone, email: a.email, address: a.address }).where('id', '=', a.id).execute();
  }
  await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();
  await db.schema.alterTable('users').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  for (const u of await db.selectFrom('users').select(['id', 'totp_secret']).where('totp_secret', 'is not', null).execute()) {
    await db.updateTable('users').set({ totp_secret: u.totp_secret }).where('id', '=', u.id).execute();
  }

  const events = await db.selectFrom('audit_events').selectAll().orderBy('chain').orderBy('seq').execute();
  let chain = '';
  let legacyPrev = GENESIS;
  let prev = GENESIS;
  await setAuditRewrites(db, true, postgres);
  for (const e of events) {
    if (e.chain !== chain) [chain, legacyPrev, prev] = [e.chain, GENESIS, GENESIS];
    if (e.prev_hash !== legacyPrev || legacyLink(legacyPrev, e) !== e.hash) throw new Error(`audit chain ${e.chain} is already broken at seq ${e.seq}: run \`gongkai audit verify\` on the previous version and investigate before upgrading`);
    legacyPrev = e.hash;
    const bodies = e.action === 'item.update' && e.before_json && e.after_json
      ? { before_json: null, after_json: JSON.stringify({ changed: changedFields(ring, JSON.parse(e.before_json) as Record<string, unknown>, JSON.parse(e.after_json) as Record<string, unknown>) }) }
      : { before_json: e.before_json, after_json: e.after_json };
    const hash = linkHash(ring, prev, { ...e, ...bodies });
    await db.updateTable('audit_events').set({ ...bodies, prev_hash: prev, hash }).where('id', '=', e.id).execute();
    await db.updateTable('audit_heads').set({ hash }).where('chain', '=', e.chain).where('seq', '=', e.seq).execute();
    prev = hash;
  }
  await setAuditRewrites(db, false, postgres);
}

export async function down(): Promise<void> {
  throw new Error('0009_security cannot be undone: sealed values and keyed links need the key ring to read, restore a backup instead');
}
