/**
 * Citizens' messages (网民留言, OP-6), end to end through the portal and the API: a message is
 * left on the 我要留言 form, checked by the office, assigned, transferred between units,
 * answered within the agency's term, published without the asker's personal data, and rated
 * from the asker's private link; refusals and transfers between agencies are told and
 * recorded. Runs on PostgreSQL when DATABASE_URL is set.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { agencyId, call, expectError, signIn, withDemoCity, type Session, type TestApp } from '../support/app.ts';
import { solveChallenge } from '../support/portal.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const NAME = '李晓明';
const PHONE = '13912345678';
const ID_NUMBER = '11010519491231002X';

/** A message left on the portal as a person leaves it: the form read, the sum worked out, a moment later the post. */
async function leaveMessage(t: TestApp, fields: Record<string, string>, code = 'RSJ') {
  const form = await t.app.inject({ url: `/xxgk/${code}/messages/new` });
  expect(form.statusCode).toBe(200);
  t.clock.advance(1);
  return t.app.inject({ method: 'POST', url: `/xxgk/${code}/messages/new`, headers: FORM, payload: new URLSearchParams({ ...solveChallenge(form.body), ...fields }).toString() });
}
const tokenOf = (page: string) => /\/messages\/track\/([A-Za-z0-9_-]+)/.exec(page)![1]!;
const idOf = async (t: TestApp, topic: string) => (await t.conn.db.selectFrom('citizen_messages').select('id').where('topic', '=', topic).executeTakeFirstOrThrow()).id;

describe('citizens\' messages (OP-6)', () => {
  // Wednesday 2026-09-30 10:00 Beijing time, the eve of National Day.
  const city = withDemoCity('2026-09-30T02:00:00.000Z');
  let office: Session;
  let before: { received: number; answered: number; onTime: number; refused: number; ratings: Record<string, number> };
  let token: string;
  let id: string;
  const QUESTION = { topic: '失业保险金申领', content: `我叫${NAME}，身份证号${ID_NUMBER}，电话${PHONE}。请问失业保险金在哪里申领，需要带哪些材料？`, name: NAME, phone: PHONE };

  it('OP-6: bad input on the form gets clear Chinese errors and keeps what was typed, never a 5xx', async () => {
    const t = city();
    // The demo city's own messages, counted before this test adds any.
    before = (await call(t, await signIn(t, 'rsj.office'), 'GET', '/messages/stats?from=2026-09-01&to=2026-10-31')).json().total;
    const empty = await leaveMessage(t, { topic: '', content: '太短', name: '', phone: '12345' });
    expect(empty.statusCode).toBe(400);
    for (const text of ['请填写留言主题', '留言内容不少于10字', '请填写姓名', '联系电话格式不正确']) expect(empty.body).toContain(text);
    expect(empty.body).toContain('太短</textarea>');
    const wrongSum = await leaveMessage(t, { ...QUESTION, challengeAnswer: '99' });
    expect(wrongSum.statusCode).toBe(400);
    expect(wrongSum.body).toContain('验证题答案不正确');
    const garbage = await t.app.inject({ method: 'POST', url: '/xxgk/RSJ/messages/new', headers: FORM, payload: 'topic=%E0%A4%A&challengeToken=x.y' });
    expect(garbage.statusCode).toBe(400);
    expect((await t.app.inject({ url: '/xxgk/NOPE/messages/new' })).statusCode).toBe(404);
  });

  it('OP-6: a message is received with a private link shown once; name and phone are sealed at rest; the term is 5 working days over National Day', async () => {
    const t = city();
    const res = await leaveMessage(t, QUESTION);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('留言已提交');
    token = tokenOf(res.body);
    id = await idOf(t, QUESTION.topic);
    // Read under other names, the columns come back as stored: sealed envelopes, and the link only as its hash.
    const raw = await sql<{ n: string; p: string; h: string }>`select asker_name as n, asker_phone as p, token_hash as h from citizen_messages`.execute(t.conn.db);
    expect(raw.rows[0]!.n).toMatch(/^gk1:/);
    expect(raw.rows[0]!.p).toMatch(/^gk1:/);
    expect(JSON.stringify(raw.rows)).not.toContain(NAME);
    expect(JSON.stringify(raw.rows)).not.toContain(PHONE);
    expect(JSON.stringify(raw.rows)).not.toContain(token);

    office = await signIn(t, 'rsj.office');
    const queue = await call(t, office, 'GET', '/messages');
    const item = queue.json().items.find((m: { id: string }) => m.id === id);
    // 10-01..10-07 National Day skipped, 10-08 (1), 10-09 (2), make-up Sat 10-10 (3), 10-12 (4), 10-13 (5).
    expect(item).toMatchObject({ state: 'received', stateLabel: '待审核', actions: ['check', 'refuse', 'transfer_agency'] });
    // The queue masks the asker; the message itself shows the office whom to call.
    expect(item.asker.name).not.toBe(NAME);
    expect(item.asker.phone).not.toBe(PHONE);
    expect((await call(t, office, 'GET', `/messages/${id}`)).json().asker).toEqual({ name: NAME, phone: PHONE });
    expect(item.due.dueDate).toBe('2026-10-13');
    expect(item.due.explanation[0]).toMatch(/^2026-09-30（星期三）10:0\d收到留言，以当日为起算日（起算日不计入期限）$/);
    expect(item.due.explanation.at(-1)).toBe('依据本机关网民留言办理时限规定，期限为5个工作日，截止于2026-10-13（星期二）24时');
    const todos = (await call(t, office, 'GET', '/todos')).json().items;
    expect(todos).toContainEqual(expect.objectContaining({ kind: 'citizen_message', title: '网民留言待审核：失业保险金申领', due: '2026-10-13' }));
  });

  it('OP-6: a phone may leave 3 messages in 24 hours; the fourth gets a Chinese message and a 429, not a 5xx', async () => {
    const t = city();
    for (const n of [2, 3]) expect((await leaveMessage(t, { ...QUESTION, topic: `第${n}条留言` })).statusCode).toBe(200);
    const fourth = await leaveMessage(t, { ...QUESTION, topic: '第4条留言', phone: '139-1234-5678' });
    expect(fourth.statusCode).toBe(429);
    expect(fourth.body).toContain('同一联系电话24小时内最多留言3条');
  });

  it('OP-6: only the office checks and assigns; only the assigned unit answers; the queue offers exactly the allowed actions', async () => {
    const t = city();
    const drafter = await signIn(t, 'rsj.drafter');
    expectError(await call(t, drafter, 'POST', `/messages/${id}/actions`, { action: 'check' }), 403, 'FORBIDDEN');
    const checked = await call(t, office, 'POST', `/messages/${id}/actions`, { action: 'check' });
    expect(checked.json(), checked.body).toMatchObject({ state: 'accepted', actions: ['refuse', 'assign', 'transfer_agency'] });
    expectError(await call(t, office, 'POST', `/messages/${id}/actions`, { action: 'answer', answer: '答复' }), 409, 'MESSAGE_ACTION_NOT_ALLOWED', /不能答复/);
    const units = (await call(t, office, 'GET', '/messages/vocabulary')).json().units as { id: string; name: string }[];
    const jiuye = units.find((u) => u.name === '就业促进科')!;
    t.clock.advance(5);
    const assigned = await call(t, office, 'POST', `/messages/${id}/actions`, { action: 'assign', unitId: jiuye.id });
    expect(assigned.json()).toMatchObject({ state: 'assigned', unitName: '就业促进科' });
    const sb = await signIn(t, 'rsj.sb');
    expectError(await call(t, sb, 'POST', `/messages/${id}/actions`, { action: 'answer', answer: '答复' }), 403, 'FORBIDDEN', /承办部门/);
    const mine = (await call(t, drafter, 'GET', `/messages/${id}`)).json();
    expect(mine.actions).toEqual(['transfer_unit', 'answer']);
    expect((await call(t, drafter, 'GET', '/todos')).json().items).toContainEqual(expect.objectContaining({ title: '网民留言待答复：失业保险金申领', due: '2026-10-13' }));
    // Staff who do not handle the message see the asker masked.
    expect((await call(t, sb, 'GET', `/messages/${id}`)).json().asker.phone).not.toBe(PHONE);
  });

  it('OP-6: a transfer between units is recorded and keeps the term; the explanation says so', async () => {
    const t = city();
    t.clock.advance(24 * 60 * 8); // Thursday 2026-10-08, the first working day after the holiday
    office = await signIn(t, 'rsj.office');
    const drafter = await signIn(t, 'rsj.drafter');
    const units = (await call(t, drafter, 'GET', '/messages/vocabulary')).json().units as { id: string; name: string }[];
    expectError(await call(t, drafter, 'POST', `/messages/${id}/actions`, { action: 'transfer_unit', unitId: units.find((u) => u.name === '社会保险科')!.id }), 400, 'MESSAGE_FIELD_REQUIRED', /转办理由/);
    const moved = await call(t, drafter, 'POST', `/messages/${id}/actions`, { action: 'transfer_unit', unitId: units.find((u) => u.name === '社会保险科')!.id, reason: '失业保险属社会保险科职责' });
    expect(moved.statusCode, moved.body).toBe(200);
    const view = (await call(t, office, 'GET', `/messages/${id}`)).json();
    expect(view.unitName).toBe('社会保险科');
    expect(view.due.dueDate).toBe('2026-10-13');
    expect(view.due.explanation).toContain('2026-10-08由就业促进科转交社会保险科办理（失业保险属社会保险科职责），同一机关内转办不重新计算期限');
    expect(view.steps.map((s: { label: string }) => s.label)).toEqual(['收到留言', '审核通过', '交办', '转办其他部门']);
  });

  it('OP-6: the unit answers on time; the office publishes without the asker\'s name, phone or ID number; dates in Beijing time', async () => {
    const t = city();
    const sb = await signIn(t, 'rsj.sb');
    // A first answer the office sends back: the term is open again as it was, and the unit answers anew.
    expect((await call(t, sb, 'POST', `/messages/${id}/actions`, { action: 'answer', answer: '请到窗口咨询。' })).json()).toMatchObject({ state: 'answered', due: { state: 'met' } });
    expectError(await call(t, office, 'POST', `/messages/${id}/actions`, { action: 'return' }), 400, 'MESSAGE_FIELD_REQUIRED', /退回理由/);
    const returned = (await call(t, office, 'POST', `/messages/${id}/actions`, { action: 'return', reason: '请写明办理地点和所需材料' })).json();
    expect(returned).toMatchObject({ state: 'assigned', answer: null, due: { state: 'running', dueDate: '2026-10-13' } });
    const answered = await call(t, sb, 'POST', `/messages/${id}/actions`, { action: 'answer', answer: `${NAME}您好：失业保险金可在市民服务中心一楼社会保险窗口申领，携带居民身份证和社会保障卡即可。咨询电话0310-1234388。` });
    expect(answered.json()).toMatchObject({ state: 'answered', due: { state: 'met', light: 'green' } });
    expect((await call(t, office, 'GET', '/todos')).json().items).toContainEqual(expect.objectContaining({ title: '网民留言待公开：失业保险金申领' }));
    // Before publication the asker's link shows no answer and no rating form.
    expect((await t.app.inject({ url: `/messages/track/${token}` })).body).not.toContain('评价答复');
    expect((await call(t, office, 'POST', `/messages/${id}/actions`, { action: 'publish' })).json()).toMatchObject({ state: 'published' });

    const list = await t.app.inject({ url: '/xxgk/RSJ/messages' });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.body).toContain(`href="/xxgk/RSJ/messages/${id}"`);
    expect(list.body).toMatch(/<time datetime="2026-09-30T10:0\d:00\+08:00">2026-09-30<\/time>/);
    const page = await t.app.inject({ url: `/xxgk/RSJ/messages/${id}` });
    expect(page.statusCode).toBe(200);
    for (const secret of [NAME, PHONE, ID_NUMBER]) {
      expect(page.body).not.toContain(secret);
      expect(list.body).not.toContain(secret);
    }
    expect(page.body).toContain('失业保险金可在市民服务中心一楼社会保险窗口申领');
    expect(page.body).toContain('社会保险科');
    expect(page.body).toMatch(/<time datetime="2026-10-08T10:\d\d:00\+08:00">2026-10-08<\/time>/);
    expect((await t.app.inject({ url: `/xxgk/YBJ/messages/${id}` })).statusCode).toBe(404);
  });

  it('OP-6: the agency\'s column links to its messages; the list pages by 20 and a page past the end is still a page', async () => {
    const t = city();
    expect((await t.app.inject({ url: '/xxgk/RSJ' })).body).toContain('href="/xxgk/RSJ/messages"');
    const far = await t.app.inject({ url: '/xxgk/RSJ/messages?page=99' });
    expect(far.statusCode).toBe(200);
    expect(far.body).toContain('暂无已公开的留言');
    expect((await t.app.inject({ url: '/xxgk/RSJ/messages?page=abc' })).statusCode).toBe(200);
  });

  it('OP-6: the asker reads the answer behind the link and rates it once; a guessed link finds nothing', async () => {
    const t = city();
    const mine = await t.app.inject({ url: `/messages/track/${token}` });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['referrer-policy']).toBe('no-referrer');
    expect(mine.body).toContain('失业保险金可在市民服务中心');
    expect(mine.body).toContain('评价答复');
    const bad = await t.app.inject({ method: 'POST', url: `/messages/track/${token}/rate`, headers: FORM, payload: 'rating=great' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('请选择满意、基本满意或不满意');
    const rated = await t.app.inject({ method: 'POST', url: `/messages/track/${token}/rate`, headers: FORM, payload: 'rating=satisfied' });
    expect(rated.statusCode).toBe(200);
    expect(rated.body).toContain('您的评价：<strong>满意</strong>');
    const twice = await t.app.inject({ method: 'POST', url: `/messages/track/${token}/rate`, headers: FORM, payload: 'rating=unsatisfied' });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('您已经评价过这条留言的答复');
    expect((await t.app.inject({ url: `/messages/track/${'A'.repeat(32)}` })).statusCode).toBe(404);
  });

  it('OP-6: a refusal is recorded with its reason and told to the asker behind the link', async () => {
    const t = city();
    const res = await leaveMessage(t, { topic: '广告', content: '低价出售各类证件，联系微信某某某某某某', name: '某人', phone: '13700000000' });
    const abuse = tokenOf(res.body);
    const abuseId = await idOf(t, '广告');
    expectError(await call(t, office, 'POST', `/messages/${abuseId}/actions`, { action: 'refuse', refusal: 'abuse' }), 400, 'MESSAGE_FIELD_REQUIRED', /不予受理的说明/);
    expect((await call(t, office, 'POST', `/messages/${abuseId}/actions`, { action: 'refuse', refusal: 'abuse', reason: '留言为商业广告' })).json()).toMatchObject({ state: 'refused', refusalLabel: '含有辱骂、攻击、广告等不当内容' });
    const page = await t.app.inject({ url: `/messages/track/${abuse}` });
    expect(page.body).toContain('不予受理');
    expect(page.body).toContain('留言为商业广告');
    expect((await t.app.inject({ url: '/xxgk/RSJ/messages' })).body).not.toContain('低价出售');
  });

  it('OP-6: a transfer to another agency is recorded; the term restarts there the day it arrives, and the explanation says why', async () => {
    const t = city();
    await leaveMessage(t, { topic: '医保报销比例', content: '请问职工医保住院报销比例是多少？', name: '王五', phone: '13600000000' });
    const mid = await idOf(t, '医保报销比例');
    const ybj = await agencyId(t, 'YBJ');
    expectError(await call(t, office, 'POST', `/messages/${mid}/actions`, { action: 'transfer_agency', agencyId: ybj }), 400, 'MESSAGE_FIELD_REQUIRED', /转办理由/);
    const moved = await call(t, office, 'POST', `/messages/${mid}/actions`, { action: 'transfer_agency', agencyId: ybj, reason: '属医疗保障局职责' });
    expect(moved.json()).toEqual({ id: mid, moved: true });
    const ybjOffice = await signIn(t, 'ybj.office');
    const view = (await call(t, ybjOffice, 'GET', `/messages/${mid}`)).json();
    expect(view.state).toBe('received');
    expect(view.transfers).toEqual([expect.objectContaining({ kind: 'agency', from: '示例市人力资源和社会保障局', to: '示例市医疗保障局', reason: '属医疗保障局职责' })]);
    // Received by RSJ and handed over the same Thu 10-08: YBJ's 5 working days run 10-09, make-up Sat 10-10, 10-12, 10-13, 10-14.
    expect(view.due.dueDate).toBe('2026-10-14');
    expect(view.due.explanation[1]).toMatch(/^依据本机关网民留言办理时限规定重新计算期限（由示例市人力资源和社会保障局转来（属医疗保障局职责），自本机关收到之日起重新计算）：2026-10-08（星期四）/);
    expectError(await call(t, office, 'GET', `/messages/${mid}`), 403, 'FORBIDDEN');
  });

  it('OP-6: the agency sets its term in working days; a new message gets it, a bad value gets a Chinese error', async () => {
    const t = city();
    expect((await call(t, office, 'GET', '/messages/settings')).json()).toEqual({ answerWorkdays: 5, defaultWorkdays: 5 });
    expectError(await call(t, office, 'PUT', '/messages/settings', { answerWorkdays: 0 }), 400, 'VALIDATION_FAILED');
    expectError(await call(t, await signIn(t, 'rsj.drafter'), 'PUT', '/messages/settings', { answerWorkdays: 3 }), 403, 'FORBIDDEN');
    expect((await call(t, office, 'PUT', '/messages/settings', { answerWorkdays: 3 })).json().answerWorkdays).toBe(3);
    await leaveMessage(t, { topic: '就业见习补贴', content: '就业见习补贴什么时候发放？', name: '赵六', phone: '13500000000' });
    const view = (await call(t, office, 'GET', `/messages/${await idOf(t, '就业见习补贴')}`)).json();
    expect(view.due.dueDate).toBe('2026-10-12'); // received Thu 10-08: 10-09, make-up Sat 10-10, Mon 10-12
  });

  it('OP-6: statistics per agency and period: received, answered, on time, average working days, satisfaction; Excel export', async () => {
    const t = city();
    const stats = (await call(t, office, 'GET', '/messages/stats?from=2026-09-01&to=2026-10-31')).json();
    expect(stats.agencies).toHaveLength(1);
    // Added here: the question, two more from the same phone, the advertisement, the 就业见习补贴 message (the 医保 one went to YBJ).
    expect(stats.total).toMatchObject({
      received: before.received + 5, answered: before.answered + 1, onTime: before.onTime + 1, refused: before.refused + 1,
      ratings: { satisfied: before.ratings.satisfied! + 1, basic: before.ratings.basic, unsatisfied: before.ratings.unsatisfied },
    });
    const ybj = (await call(t, await signIn(t, 'ybj.office'), 'GET', '/messages/stats?from=2026-09-01&to=2026-10-31')).json();
    expect(ybj.total).toMatchObject({ received: 1, answered: 0, averageWorkdays: null, satisfaction: null });
    const xlsx = await call(t, office, 'GET', '/messages/stats.xlsx?from=2026-09-01&to=2026-10-31');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expectError(await call(t, office, 'GET', '/messages/stats?from=2026-10-31&to=2026-09-01'), 400, 'PERIOD_INVALID', /起始日期不能晚于截止日期/);
  });
});
