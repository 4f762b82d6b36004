import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/modules/audit/audit.service.ts';
import { agencyId, call, demoApp, signIn, type Session, type TestApp } from '../support/app.ts';

let t: TestApp;
let auditor: Session;
let admin: Session;

beforeAll(async () => {
  t = await demoApp();
  auditor = await signIn(t, 'auditor');
  admin = await signIn(t, 'sysadmin');
});
afterAll(() => t.close());

describe('SUP-6 every change leaves a record of who did what, which the auditor can browse', () => {
  it('a change shows with actor, role, agency and before/after', async () => {
    const rsj = await agencyId(t, 'RSJ');
    await call(t, admin, 'PATCH', `/agencies/${rsj}`, { phone: '0310-7654321' });
    const res = await call(t, auditor, 'GET', `/audit?action=agency.update&agencyId=${rsj}`);
    expect(res.statusCode).toBe(200);
    const [event] = res.json().items;
    expect(event).toMatchObject({ actorName: '周系统', actorRole: 'sys_admin', agencyId: rsj, action: 'agency.update' });
    expect(event.before.phone).toBe('0310-1234333');
    expect(event.after.phone).toBe('0310-7654321');
  });

  it('authentication events are recorded', async () => {
    const res = await call(t, auditor, 'GET', '/audit?action=auth.&pageSize=200');
    const actions = new Set(res.json().items.map((e: { action: string }) => e.action));
    expect(actions).toEqual(new Set(['auth.login', 'auth.mfa.verified', 'auth.mfa.enabled']));
  });

  it('filters by time and pages newest first', async () => {
    const all = (await call(t, auditor, 'GET', '/audit?pageSize=200')).json();
    expect(all.total).toBeGreaterThan(50);
    const ats = all.items.map((e: { at: string }) => e.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    const none = (await call(t, auditor, 'GET', '/audit?to=2000-01-01T00:00:00Z')).json();
    expect(none).toMatchObject({ total: 0, items: [] });
  });

  it('never stores a password hash or TOTP secret in an event', async () => {
    const rows = await t.conn.db.selectFrom('audit_events').select(['before_json', 'after_json']).execute();
    const text = JSON.stringify(rows);
    expect(text).not.toContain('$argon2id$');
    expect(text).not.toContain('GONGKAI2DEMO3TOTP4SECRET');
  });
});

describe('the audit log is append-only and hash-chained: tampering shows', () => {
  it('the demo history verifies', async () => {
    const res = await call(t, auditor, 'GET', '/audit/verify');
    expect(res.json()).toMatchObject({ ok: true, firstBroken: null });
    expect(res.json().checked).toBeGreaterThan(50);
  });

  it('the database itself refuses to update or delete an event', async () => {
    await expect(sql`update audit_events set action = 'x'`.execute(t.conn.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events`.execute(t.conn.db)).rejects.toThrow(/append-only/);
  });

  it('an event edited behind the triggers is reported as the first broken link', async () => {
    const victim = await t.conn.db.selectFrom('audit_events').select(['id', 'chain', 'seq']).where('action', '=', 'unit.create').orderBy('seq').executeTakeFirstOrThrow();
    const disable = t.conn.dialect === 'postgres'
      ? sql`alter table audit_events disable trigger audit_events_no_rewrite`
      : sql`drop trigger audit_events_no_update`;
    await disable.execute(t.conn.db);
    await sql`update audit_events set after_json = '{"name":"篡改"}' where id = ${victim.id}`.execute(t.conn.db);
    const result = await verifyAudit(t.conn.db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toEqual({ chain: victim.chain, seq: victim.seq, id: victim.id, reason: 'hash' });
  });
});
