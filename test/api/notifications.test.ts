import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar } from '../../src/modules/calendar/calendar.service.ts';
import { setDeadline } from '../../src/modules/deadlines/deadlines.service.ts';
import { gongkaiRunner } from '../../src/modules/jobs/jobs.setup.ts';
import type { Runner } from '../../src/modules/jobs/jobs.runner.ts';
import { agencyId, call, demoApp, signIn, userId, type Session, type TestApp } from '../support/app.ts';
import { startSmtp } from '../support/smtp.ts';

/**
 * Clocks that act (issue 12): the reminder sweep under a fake clock, the notification centre,
 * e-mail through a real SMTP server, the SMS gateway's signed webhook, and the duty roster (OP-7).
 */
let t: TestApp;
let runner: Runner;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
const sms: { body: string; headers: IncomingHttpHeaders }[] = [];
const gateway = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString('utf8')));
  req.on('end', () => {
    sms.push({ body, headers: req.headers });
    res.end('ok');
  });
});
const s: Record<string, Session> = {};
let rsj: string;
let itemId: string;

/** Runs the job runner at a Beijing moment, as the server's minute tick would. */
const runAt = (beijing: string) => runner.runDue(new Date(beijing));
const mine = async (who: string, query = '') => (await call(t, s[who]!, 'GET', `/notifications${query}`)).json();
/** A person's notifications about the test's item: the demo city's own clocks remind the same people of other things. */
const aboutItem = async (who: string) => ((await mine(who, '?pageSize=100')).items as { kind: string; title: string; link: string | null }[]).filter((n) => n.link === `/documents/${itemId}`);

beforeAll(async () => {
  t = await demoApp('2026-11-23T02:00:00.000Z');
  runner = gongkaiRunner({ db: t.conn.db, dialect: t.conn.dialect });
  smtp = await startSmtp();
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  for (const who of ['rsj.drafter', 'rsj.head', 'rsj.leader', 'rsj.office', 'sysadmin', 'ybj.office']) s[who] = await signIn(t, who);
  rsj = await agencyId(t, 'RSJ');
});

afterAll(async () => {
  await smtp.close();
  await new Promise((r) => gateway.close(r));
  await t.close();
});

describe('the reminder sweep fires each stage once at its moment (PUB-3, LAW-26)', () => {
  it('PUB-3: an item made Monday 2026-11-23 is due Monday 12-21; nothing is sent while the term is young', async () => {
    const res = await call(t, s['rsj.drafter']!, 'POST', '/items', {
      kind: 'document', docKind: 'notice', docNumber: '示人社通〔2026〕90号', title: '关于提醒测试的通知', summary: '', body: '正文。', dateMade: '2026-11-23', category: 'work', attribute: 'proactive',
    });
    expect(res.statusCode, res.body).toBe(201);
    itemId = res.json().id;
    const due = await t.conn.db.selectFrom('deadlines').select('due_at').where('subject_id', '=', itemId).executeTakeFirstOrThrow();
    expect(new Date(due.due_at).toISOString()).toBe('2026-12-21T15:59:59.999Z');
    await runAt('2026-11-23T10:00:00+08:00');
    await runAt('2026-12-15T23:59:00+08:00');
    expect((await mine('rsj.drafter')).total).toBe(0);
  });

  it('PUB-3: the warning reaches the drafter holding the draft when 3 working days are left (Wednesday 12-16), once however often the sweep runs', async () => {
    await runAt('2026-12-16T00:00:30+08:00');
    await runAt('2026-12-16T00:01:30+08:00');
    await runAt('2026-12-16T09:00:00+08:00');
    const list = await mine('rsj.drafter');
    expect(list.total).toBe(1);
    expect(list.unread).toBe(1);
    expect(list.items[0]).toMatchObject({ kind: 'warning', kindLabel: '即将到期', urgent: false, title: '主动公开信息发布期限即将到期：“关于提醒测试的通知”', link: `/documents/${itemId}` });
    expect(list.items[0].body).toContain('2026-12-21 24时');
  });

  it('PUB-3: red after 12-21 24:00 to the drafter; the same first working day past the term, the unit head (李科长) is told', async () => {
    await runAt('2026-12-21T23:59:00+08:00');
    expect((await mine('rsj.drafter')).total).toBe(1);
    await runAt('2026-12-22T00:00:30+08:00');
    await runAt('2026-12-22T00:01:30+08:00');
    const drafter = await mine('rsj.drafter');
    expect(drafter.items.map((n: { kind: string }) => n.kind)).toEqual(['red', 'warning']);
    const head = await mine('rsj.head');
    expect(head.items.map((n: { kind: string; title: string }) => [n.kind, n.title])).toEqual([['unit', '【督办】主动公开信息发布期限逾期未办结：“关于提醒测试的通知”']]);
    expect(await aboutItem('rsj.leader')).toEqual([]);
  });

  it('PUB-3: the third working day past the term (Thursday 12-24) the agency leader is told; every stage was fired exactly once', async () => {
    await runAt('2026-12-24T00:00:30+08:00');
    await runAt('2026-12-24T08:00:00+08:00');
    expect((await aboutItem('rsj.leader')).map((n) => n.kind)).toEqual(['leader']);
    const stages = await t.conn.db.selectFrom('reminder_stages').innerJoin('deadlines', 'deadlines.id', 'reminder_stages.deadline_id').select('stage').where('deadlines.subject_id', '=', itemId).orderBy('stage').execute();
    expect(stages.map((r) => r.stage)).toEqual(['leader', 'red', 'unit', 'warning']);
    const sent = await t.conn.db.selectFrom('notifications').select('id').where('subject_id', '=', itemId).execute();
    expect(sent).toHaveLength(4);
  });

  it('an office of another agency sees none of it', async () => {
    expect((await mine('ybj.office')).total).toBe(0);
  });
});

describe('the notification centre: paging, unread, read and unread again', () => {
  it('lists newest first with paging, filters unread, marks one read and back, then all', async () => {
    const page = await mine('rsj.drafter', '?page=1&pageSize=1');
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 1, unread: 2 });
    const [first] = page.items;
    expect((await call(t, s['rsj.drafter']!, 'POST', `/notifications/${first.id}/read`)).statusCode).toBe(204);
    expect((await call(t, s['rsj.drafter']!, 'GET', '/notifications/unread-count')).json()).toEqual({ unread: 1 });
    expect((await mine('rsj.drafter', '?unread=true')).items.map((n: { id: string }) => n.id)).not.toContain(first.id);
    expect((await call(t, s['rsj.drafter']!, 'POST', `/notifications/${first.id}/unread`)).statusCode).toBe(204);
    expect((await call(t, s['rsj.drafter']!, 'GET', '/notifications/unread-count')).json()).toEqual({ unread: 2 });
    expect((await call(t, s['rsj.drafter']!, 'POST', '/notifications/read-all')).json()).toEqual({ marked: 2 });
    expect((await mine('rsj.drafter')).unread).toBe(0);
  });

  it("nobody reads or marks another person's notification", async () => {
    const [n] = (await mine('rsj.head')).items;
    const res = await call(t, s['rsj.drafter']!, 'POST', `/notifications/${n.id}/read`);
    expect(res.statusCode).toBe(404);
    expect((await mine('rsj.head')).unread).toBe(1);
  });
});

describe('e-mail over a real SMTP server, settings sealed at rest', () => {
  it('the city system administrator saves the server; the password is sealed and never returned; the test mail arrives in Chinese', async () => {
    const settings = { host: '127.0.0.1', port: smtp.port, security: 'none', sender: 'noreply@example.gov.cn', senderName: '示例市政务公开平台', user: 'mailer', consoleUrl: 'https://gk.example.gov.cn' };
    const saved = await call(t, s.sysadmin!, 'PUT', '/notifications/mail-settings', { settings, password: 'smtp-secret-1' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.body).not.toContain('smtp-secret-1');
    const got = await call(t, s.sysadmin!, 'GET', '/notifications/mail-settings');
    expect(got.json()).toEqual({ configured: true, settings, secretSet: true });
    const row = await t.conn.db.selectFrom('channel_settings').select('secret').where('id', '=', 'mail').executeTakeFirstOrThrow();
    expect(row.secret).toBe('smtp-secret-1');
    const raw = await t.conn.db.withoutPlugins().selectFrom('channel_settings').select('secret').where('id', '=', 'mail').executeTakeFirstOrThrow();
    expect(raw.secret).toMatch(/^gk1:/);
    // A blank password keeps the stored one.
    expect((await call(t, s.sysadmin!, 'PUT', '/notifications/mail-settings', { settings })).statusCode).toBe(200);
    const sent = await call(t, s.sysadmin!, 'POST', '/notifications/mail-settings/test');
    expect(sent.json()).toEqual({ to: 'sysadmin@example.gov.cn' });
    const mail = smtp.received.at(-1)!;
    expect(mail).toMatchObject({ to: ['sysadmin@example.gov.cn'], from: 'noreply@example.gov.cn', subject: '政务公开管理平台测试邮件' });
    expect(mail.text).toContain('北京时间');
    expect(smtp.auths.at(-1)).toEqual({ user: 'mailer', pass: 'smtp-secret-1' });
  });

  it('only the system administrator reaches the mail settings', async () => {
    expect((await call(t, s['rsj.office']!, 'GET', '/notifications/mail-settings')).statusCode).toBe(403);
  });

  it('the morning digest (08:30 Beijing) mails each person their day-clock reminders once, title and link only', async () => {
    const before = smtp.received.length;
    await runAt('2026-12-25T08:30:10+08:00');
    await runAt('2026-12-25T08:31:10+08:00');
    const mails = smtp.received.slice(before);
    const to = (addr: string) => mails.filter((m) => m.to.includes(addr));
    expect(to('rsj.drafter@example.gov.cn')).toHaveLength(1);
    const digest = to('rsj.drafter@example.gov.cn')[0]!;
    expect(digest.subject).toBe('期限提醒日报（2条）');
    expect(digest.text).toContain('2026-12-25 08:30（北京时间）');
    expect(digest.text).toContain(`https://gk.example.gov.cn/admin/documents/${itemId}`);
    expect(to('rsj.head@example.gov.cn')).toHaveLength(1);
    expect(to('rsj.leader@example.gov.cn')).toHaveLength(1);
    const deliveries = await t.conn.db.selectFrom('deliveries').innerJoin('notifications', 'notifications.id', 'deliveries.notification_id').select(['notification_id']).where('channel', '=', 'email').where('notifications.subject_id', '=', itemId).execute();
    expect(deliveries).toHaveLength(4);
    const next = smtp.received.length;
    await runAt('2026-12-26T08:30:10+08:00');
    expect(smtp.received.slice(next).filter((m) => m.text.includes(itemId))).toEqual([]);
  });
});

describe('hour clocks reach the leader on duty at once, whatever their choice (OP-5, OP-7)', () => {
  it('OP-7: the office keeps the duty roster; the phone is sealed at rest; a drafter cannot edit it', async () => {
    const leader = await userId(t, 'rsj.leader');
    const body = { agencyId: rsj, userId: leader, phone: '13911112222', startsAt: '2026-12-28T00:00:00+08:00', endsAt: '2026-12-29T00:00:00+08:00', note: '周一值班' };
    expect((await call(t, s['rsj.drafter']!, 'POST', '/duty-roster', body)).statusCode).toBe(403);
    const res = await call(t, s['rsj.office']!, 'POST', '/duty-roster', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: '刘副局长', phone: '13911112222', startsAt: '2026-12-27T16:00:00.000Z' });
    const raw = await t.conn.db.withoutPlugins().selectFrom('duty_shifts').select('phone').executeTakeFirstOrThrow();
    expect(raw.phone).toMatch(/^gk1:/);
    const list = await call(t, s['rsj.leader']!, 'GET', `/duty-roster?agencyId=${rsj}&from=2026-12-28T00:00:00%2B08:00&to=2026-12-29T00:00:00%2B08:00`);
    expect(list.json().items.map((d: { name: string }) => d.name)).toEqual(['刘副局长']);
  });

  it('OP-5, OP-7: a new 1-hour clock notifies the office and the duty leader within the minute, mailed at once to the leader who turned mail off, and sent by SMS signed with the shared secret', async () => {
    expect((await call(t, s['rsj.leader']!, 'PUT', '/notifications/preferences', { email: false, sms: false })).json()).toMatchObject({ email: false, sms: false });
    await call(t, s['rsj.leader']!, 'POST', '/notifications/read-all');
    const { port } = gateway.address() as AddressInfo;
    expect((await call(t, s.sysadmin!, 'PUT', '/notifications/sms-settings', { settings: { url: `http://127.0.0.1:${port}/sms` }, secret: 'gateway-secret' })).statusCode).toBe(200);
    const before = smtp.received.length;
    await t.conn.db.transaction().execute(async (tx) =>
      setDeadline(tx, await loadCalendar(tx), () => new Date('2026-12-28T10:00:00+08:00'), { agencyId: rsj, type: 'opinion_case', id: 'case-1' }, { rule: 'OP-5', term: { unit: 'hours', n: 1 }, startedAt: '2026-12-28T10:00:00+08:00' }));
    await runAt('2026-12-28T10:00:40+08:00');
    const leader = await mine('rsj.leader', '?unread=true');
    expect(leader.items[0]).toMatchObject({ kind: 'opened', urgent: true, title: '【限时】重大舆情上报时限开始计时：办理事项' });
    expect(leader.items[0].body).toContain('2026-12-28 11:00（北京时间）');
    expect((await mine('rsj.office')).items[0]).toMatchObject({ kind: 'opened' });
    const mails = smtp.received.slice(before);
    expect(mails.map((m) => m.to[0]).sort()).toEqual(['rsj.leader@example.gov.cn', 'rsj.office@example.gov.cn']);
    expect(mails[0]!.subject).toBe('【限时】重大舆情上报时限开始计时：办理事项');
    expect(sms).toHaveLength(1);
    const { body, headers } = sms[0]!;
    // OP-7: the number the roster gives for the shift, not the account's.
    expect(JSON.parse(body)).toMatchObject({ to: '13911112222', text: '【限时】重大舆情上报时限开始计时：办理事项' });
    const expected = createHmac('sha256', 'gateway-secret').update(`${headers['x-gongkai-timestamp']}.${body}`).digest('hex');
    expect(headers['x-gongkai-signature']).toBe(expected);
    await runAt('2026-12-28T10:01:40+08:00');
    expect(smtp.received.length).toBe(before + 2);
    expect(sms).toHaveLength(1);
  });

  it('OP-5: red past 11:00, then the unit head (none for this subject: the office) and the leader, an hour apart', async () => {
    await runAt('2026-12-28T11:00:30+08:00');
    expect((await mine('rsj.leader', '?unread=true')).items.map((n: { kind: string }) => n.kind)).toEqual(['red', 'opened']);
    await runAt('2026-12-28T12:00:30+08:00');
    await runAt('2026-12-28T13:00:30+08:00');
    expect((await mine('rsj.leader', '?unread=true')).items.map((n: { kind: string }) => n.kind)).toEqual(['leader', 'unit', 'red', 'opened']);
  });

  it('the office sets its thresholds; the leader cannot escalate before the unit head', async () => {
    const bad = await call(t, s['rsj.office']!, 'PUT', `/notifications/reminder-settings/${rsj}`, { warnWorkdays: 5, warnHours: 2, unitAfterWorkdays: 3, leaderAfterWorkdays: 1, unitAfterHours: 1, leaderAfterHours: 2 });
    expect(bad.statusCode).toBe(400);
    const ok = await call(t, s['rsj.office']!, 'PUT', `/notifications/reminder-settings/${rsj}`, { warnWorkdays: 5, warnHours: 2, unitAfterWorkdays: 1, leaderAfterWorkdays: 2, unitAfterHours: 1, leaderAfterHours: 2 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await call(t, s['rsj.leader']!, 'GET', `/notifications/reminder-settings/${rsj}`)).json()).toMatchObject({ warnWorkdays: 5 });
    expect((await call(t, s['ybj.office']!, 'PUT', `/notifications/reminder-settings/${rsj}`, ok.json())).statusCode).toBe(403);
  });
});
