import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Insertable, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database, Tx } from '../../src/db/database.ts';
import type { ApplicationTable } from '../../src/modules/applications/applications.tables.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { exportCheckpoint, lastCheckpoint, verifyAudit } from '../../src/modules/audit/audit.service.ts';
import { call, signIn, withDemoCity } from '../support/app.ts';
import { freshDatabase } from '../support/db.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What an insider with write access to the database (but not the key file) can do. */
async function allowRewrites(db: Tx, dialect: string) {
  if (dialect === 'postgres') await sql`alter table audit_events disable trigger audit_events_no_rewrite`.execute(db);
  else for (const op of ['update', 'delete']) await sql`drop trigger if exists ${sql.raw(`audit_events_no_${op}`)}`.execute(db);
}

/** Recomputes every link of a chain with plain SHA-256, as the old chain was made, and rewrites the head. */
async function recomputePlain(db: Kysely<Database>, chain: string) {
  const events = await db.selectFrom('audit_events').selectAll().where('chain', '=', chain).orderBy('seq').execute();
  let prev = '0'.repeat(64);
  let seq = 0;
  for (const e of events) {
    seq += 1;
    const content = JSON.stringify([e.chain, seq, e.at, e.actor_id, e.actor_role, e.agency_id, e.action, e.entity_type, e.entity_id, e.before_json, e.after_json, e.ip]);
    const hash = createHash('sha256').update(prev).update('\n').update(content).digest('hex');
    await db.updateTable('audit_events').set({ seq, prev_hash: prev, hash }).where('id', '=', e.id).execute();
    prev = hash;
  }
  await db.updateTable('audit_heads').set({ seq, hash: prev }).where('chain', '=', chain).execute();
}

describe('issue 9: an insider who can write the database cannot re-forge the audit chain (SUP-6)', () => {
  const city = withDemoCity();
  const file = join(dir, 'checkpoints.jsonl');

  it('the chain verifies, and a checkpoint of its heads is written to the auditor\'s file and shown to the auditor', async () => {
    const t = city();
    expect((await verifyAudit(t.conn.db)).ok).toBe(true);
    const cp = await exportCheckpoint(t.conn.db, t.clock, file);
    expect(lastCheckpoint(file)).toEqual(cp);
    const auditor = await signIn(t, 'auditor');
    const res = await call(t, auditor, 'GET', '/audit/checkpoint');
    expect(res.statusCode).toBe(200);
    expect(res.json().current.heads.map((h: { chain: string }) => h.chain)).toEqual(cp.heads.map((h) => h.chain));
    expect(res.json().current.mac).toMatch(/^[0-9a-f]{64}$/);
  });

  it('events after the checkpoint are named as unconfirmed', async () => {
    const t = city();
    await signIn(t, 'sysadmin');
    const result = await verifyAudit(t.conn.db, 'all', lastCheckpoint(file));
    expect(result.ok).toBe(true);
    expect(result.checkpoint).toMatchObject({ signed: true });
    expect(result.unconfirmed.map((u) => u.action)).toContain('auth.login');
  });

  it('deleting an event and recomputing every plain hash is detected', async () => {
    const t = city();
    const victim = await t.conn.db.selectFrom('audit_events').select(['id', 'chain']).where('action', '=', 'unit.create').orderBy('seq').executeTakeFirstOrThrow();
    await allowRewrites(t.conn.db, t.conn.dialect);
    await t.conn.db.deleteFrom('audit_events').where('id', '=', victim.id).execute();
    await recomputePlain(t.conn.db, victim.chain);
    const result = await verifyAudit(t.conn.db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ chain: victim.chain, seq: 1, reason: 'hash' });
  });
});

describe('issue 9: changing an event, even only who did it, is detected; cutting off the newest is caught by the checkpoint', () => {
  const city = withDemoCity();

  it('the newest events removed with the head rewritten to match: the keyed links hold, the checkpoint does not', async () => {
    const t = city();
    const file = join(dir, 'cut.jsonl');
    const cp = await exportCheckpoint(t.conn.db, t.clock, file);
    const head = cp.heads.find((h) => h.seq > 2)!;
    await allowRewrites(t.conn.db, t.conn.dialect);
    await t.conn.db.deleteFrom('audit_events').where('chain', '=', head.chain).where('seq', '=', head.seq).execute();
    const prev = await t.conn.db.selectFrom('audit_events').select('hash').where('chain', '=', head.chain).where('seq', '=', head.seq - 1).executeTakeFirstOrThrow();
    await t.conn.db.updateTable('audit_heads').set({ seq: head.seq - 1, hash: prev.hash }).where('chain', '=', head.chain).execute();
    expect((await verifyAudit(t.conn.db)).ok).toBe(true);
    const result = await verifyAudit(t.conn.db, 'all', lastCheckpoint(file));
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ chain: head.chain, seq: head.seq, reason: 'checkpoint' });
  });

  it("an actor's name changed behind the triggers breaks the link", async () => {
    const t = city();
    const victim = await t.conn.db.selectFrom('audit_events').select(['id', 'chain', 'seq']).where('actor_name', 'is not', null).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    await allowRewrites(t.conn.db, t.conn.dialect);
    await t.conn.db.updateTable('audit_events').set({ actor_name: '别人' }).where('id', '=', victim.id).execute();
    expect((await verifyAudit(t.conn.db)).firstBroken).toMatchObject({ id: victim.id, reason: 'hash' });
  });

});

describe('issue 9: migration 0009 seals existing personal data and re-keys the existing chain', () => {
  it('rows written before the upgrade are sealed and found by blind index; item edits keep only changed fields; the old chain verifies keyed', async () => {
    const conn = await freshDatabase('0008_catalog_filing');
    try {
      const raw = conn.db.withoutPlugins();
      const now = '2026-11-23T02:00:00.000Z';
      await raw.insertInto('agencies').values({ id: 'a1', code: 'RSJ', name: '人社局', parent_id: null, level: 'agency', address: '', phone: '', fax: '', email: '', index_format: '{orgCode}/{year}-{seq:5}', reply_workdays: 20, extension_workdays: 20, created_at: now, updated_at: now }).execute();
      // A row of the 0008 schema, before later migrations added columns: typed as the table was then.
      await raw.insertInto('applications').values({
        id: 'p1', agency_id: 'a1', reg_number: 'RSJ-YSQ-2026-0001', tracking_code: 'GK1', secret_hash: 'x', submission_token: null, channel: 'online', received_at: now, transfer_json: null,
        applicant_kind: 'natural', applicant_name: '张三', id_type: 'prc_id', id_number: '11010519491231002X', org_code: '', phone: '13912345678', email: 'z@example.com', address: '解放路99号',
        description: 'd', purpose: '', form: 'electronic', delivery: 'online', state: 'received', unit_id: null, flags_json: '[]', repeat_of: null, split_from: null,
        correction_json: null, fee_json: null, outcome: null, reply_json: null, finished_at: null, delivery_json: null, created_at: now, updated_at: now,
      } as Insertable<ApplicationTable>).execute();
      for (const [seq, action, before, after] of [[1, 'item.create', null, '{"title":"t"}'], [2, 'item.update', '{"title":"t","body":"张三 13912345678"}', '{"title":"t","body":"张三"}']] as const) {
        await raw.insertInto('audit_events').values({ id: `e${seq}`, chain: 'a1', seq, at: now, actor_id: 'u1', actor_name: '王公开', actor_role: 'office', agency_id: 'a1', action, entity_type: 'item', entity_id: 'i1', before_json: before, after_json: after, ip: null, prev_hash: '', hash: '' }).execute();
      }
      await raw.insertInto('audit_heads').values({ chain: 'a1', seq: 2, hash: '' }).execute();
      await allowRewrites(raw, conn.dialect);
      await recomputePlain(raw, 'a1');
      await migrateToLatest(conn.db, conn.schema === 'public' ? undefined : conn.schema);

      const stored = await raw.selectFrom('applications').select(['id_number', 'phone', 'email', 'address']).executeTakeFirstOrThrow();
      for (const v of Object.values(stored)) expect(v).toMatch(/^gk1:k[0-9a-f]{8}:/);
      expect(await conn.db.selectFrom('applications').select(['id_number', 'phone']).where('id_number', '=', '11010519491231002X').executeTakeFirstOrThrow()).toEqual({ id_number: '11010519491231002X', phone: '13912345678' });
      const edit = await raw.selectFrom('audit_events').select(['before_json', 'after_json']).where('id', '=', 'e2').executeTakeFirstOrThrow();
      expect(`${edit.before_json}${edit.after_json}`).not.toMatch(/13912345678|张三/);
      expect(JSON.parse(edit.after_json!).changed.map((c: { field: string }) => c.field)).toEqual(['body']);
      expect(await verifyAudit(conn.db)).toMatchObject({ ok: true, checked: 2 });
    } finally {
      await conn.close();
    }
  });
});

describe('issue 9: a draft edited with personal data in it leaves only the changed fields and their keyed hashes in the audit log', () => {
  const city = withDemoCity();
  it('item.update keeps field names, not the body', async () => {
    const t = city();
    const drafter = await signIn(t, 'rsj.drafter');
    const created = await call(t, drafter, 'POST', '/items', { kind: 'document', docKind: 'notice', docNumber: '示人社通〔2026〕99号', title: '关于养老保险的通知', summary: '通知', body: '联系人张三', dateMade: '2026-11-16', category: 'work', attribute: 'proactive' });
    expect(created.statusCode, created.body).toBe(201);
    const edited = await call(t, drafter, 'PATCH', `/items/${created.json().id}`, { body: '联系人张三，电话13912345678，身份证11010519491231002X' });
    expect(edited.statusCode, edited.body).toBe(200);
    const e = await t.conn.db.selectFrom('audit_events').select(['before_json', 'after_json']).where('action', '=', 'item.update').where('entity_id', '=', created.json().id).executeTakeFirstOrThrow();
    expect(`${e.before_json}${e.after_json}`).not.toMatch(/13912345678|11010519491231002X|张三/);
    expect(JSON.parse(e.after_json!).changed.map((c: { field: string }) => c.field)).toContain('body');
  });
});
