/**
 * Drafts opened for public comment (FIVE-1), end to end as staff and citizens do it: the draft
 * is an item published through the review chain, the office opens the window, citizens comment
 * on the portal, the comments are marked after the window, and the feedback is published.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { call, expectError, signIn, withDemoCity, type Session, type TestApp } from '../support/app.ts';
import { solveChallenge } from '../support/portal.ts';
import { draftItem, publishDraft, publishingStaff, type PublishingStaff } from '../support/publish.ts';

const FORM = 'application/x-www-form-urlencoded';
const ID_NUMBER = '11010519491231002X';

/** A comment as a citizen sends it from `remoteAddress`: the form fetched, the sum worked out, a minute of typing. */
async function comment(t: TestApp, url: string, fields: Record<string, string>, remoteAddress = '203.0.113.1', wait = 1) {
  const page = await t.app.inject({ method: 'GET', url, remoteAddress });
  t.clock.advance(wait);
  const sent = new URLSearchParams({ ...solveChallenge(page.body), ...fields }).toString();
  return Object.assign(await t.app.inject({ method: 'POST', url, remoteAddress, payload: sent, headers: { 'content-type': FORM } }), { sent });
}

const BASE = { unit: '就业促进科', normative: false, howToComment: '电子邮箱：rsj@example.gov.cn；通信地址：示例市人民路1号（邮编 063000）' };

describe('drafts for comment (FIVE-1)', () => {
  const city = withDemoCity('2026-11-23T02:00:00.000Z');
  let s: PublishingStaff;
  let itemId: string;
  let id: string;
  const url = () => `/xxgk/RSJ/consultations/${id}`;

  it('FIVE-1: a consultation opens only on a draft that passed secrecy review and leader approval and was published', async () => {
    const t = city();
    s = await publishingStaff(t);
    expect((await call(t, s.office, 'PUT', '/consultations/settings', { feedbackWorkdays: 5 })).statusCode).toBe(200);
    itemId = await draftItem(t, s, { title: '示例市就业见习管理办法（征求意见稿）', body: '第一条 为规范就业见习工作，制定本办法。', category: 'policy' });
    const res = await call(t, s.office, 'POST', '/consultations', { ...BASE, itemId, closesOn: '2026-12-23' });
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expectError(await call(t, s.office, 'POST', `/consultations/${id}/open`), 409, 'DRAFT_NOT_PUBLISHED', /保密审查和领导审批/);
    expect((await t.app.inject({ method: 'GET', url: url() })).statusCode).toBe(404);
    await publishDraft(t, s, itemId);
  });

  it('FIVE-1: a window shorter than 30 days is refused unless its legal basis is recorded; the drafter cannot open it', async () => {
    const t = city();
    await call(t, s.office, 'PUT', `/consultations/${id}`, { ...BASE, itemId, closesOn: '2026-12-22' });
    expectError(await call(t, s.office, 'POST', `/consultations/${id}/open`), 400, 'WINDOW_TOO_SHORT', /不少于30日（所选期限只有29日）/);
    expectError(await call(t, s.drafter, 'POST', `/consultations/${id}/open`), 403, 'FORBIDDEN');
    await call(t, s.office, 'PUT', `/consultations/${id}`, { ...BASE, itemId, closesOn: '2026-12-23' });
    const res = await call(t, s.office, 'POST', `/consultations/${id}/open`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ phase: 'open', opensOn: '2026-11-23', closesOn: '2026-12-23', actions: [] });
    // The feedback's clock: the agency's 5 working days from the window's last day (Wednesday 12-23).
    expect(res.json().feedbackDeadline).toMatchObject({ dueDate: '2026-12-30' });
  });

  it('FIVE-1: citizens comment on the portal; name and phone are sealed and never shown; an ID number in a comment is flagged', async () => {
    const t = city();
    const list = await t.app.inject({ method: 'GET', url: '/xxgk/RSJ/consultations' });
    expect(list.body).toContain('示例市就业见习管理办法（征求意见稿）');
    expect(list.body).toContain('征求意见中');
    const first = await comment(t, url(), { name: '王小红', phone: '13900001111', content: `建议把见习期延长到12个月。我的身份证号是${ID_NUMBER}。` });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.body).toContain('您的意见已提交');
    const second = await comment(t, url(), { name: '赵大明', phone: '13900002222', content: '建议补贴按月发放，不要等到见习期满。' });
    expect(second.statusCode).toBe(200);
    // The same page sent again (a double click, a reload) is not a second comment.
    const again = await t.app.inject({ method: 'POST', url: url(), remoteAddress: '203.0.113.1', payload: second.sent, headers: { 'content-type': FORM } });
    expect(again.statusCode).toBe(200);
    const d = (await call(t, s.office, 'GET', `/consultations/${id}`)).json();
    expect(d.comments).toHaveLength(2);
    expect(d.comments[0]).toMatchObject({ commenter: '王**', flags: [{ kind: 'id_number', label: '身份证号码' }] });
    expect(d.comments[1].flags).toEqual([]);
    expect(JSON.stringify(d)).not.toContain('13900001111');
    const raw = await sql<{ n: string; p: string; c: string }>`select name as n, phone as p, content as c from consultation_comments`.execute(t.conn.db);
    expect(raw.rows.every((r) => [r.n, r.p, r.c].every((v) => v.startsWith('gk1:')))).toBe(true);
    const page = await t.app.inject({ method: 'GET', url: url() });
    expect(page.body).not.toContain('建议把见习期延长');
  });

  it('FIVE-1: bad input gets clear Chinese errors and a 400, never a 5xx, and what was typed is kept', async () => {
    const t = city();
    const res = await comment(t, url(), { name: '', phone: 'abc', content: '好' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('请填写姓名');
    expect(res.body).toContain('联系电话格式不正确');
    expect(res.body).toContain('意见内容不少于5字');
    const long = await comment(t, url(), { name: '张三', phone: '13900003333', content: '意'.repeat(3001) });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('意见内容不超过3000字');
    const wrong = await t.app.inject({ method: 'POST', url: url(), payload: 'name=%E5%BC%A0&phone=1&content=x&challengeToken=bad', headers: { 'content-type': FORM } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('验证信息缺失');
    const garbage = await t.app.inject({ method: 'POST', url: url(), payload: '%%%', headers: { 'content-type': FORM } });
    expect(garbage.statusCode).toBeLessThan(500);
  });

  it('FIVE-1: one address sends at most 10 comments an hour', async () => {
    const t = city();
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await t.app.inject({ method: 'POST', url: url(), remoteAddress: '192.0.2.50', payload: 'content=x', headers: { 'content-type': FORM } })).statusCode);
    expect(statuses.slice(0, 10).every((c) => c === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('FIVE-1: one phone number leaves at most 5 comments a day on one consultation', async () => {
    const t = city();
    const other = await draftItem(t, s, { title: '示例市人力资源市场管理规定（征求意见稿）', body: '第一条 为规范人力资源市场。', category: 'policy' });
    await publishDraft(t, s, other);
    const created = await call(t, s.office, 'POST', '/consultations', { ...BASE, itemId: other, normative: true, closesOn: '2026-12-02' });
    const cid = created.json().id;
    expect((await call(t, s.office, 'POST', `/consultations/${cid}/open`)).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await comment(t, `/xxgk/RSJ/consultations/${cid}`, { name: '钱多', phone: '13900004444', content: `第${i + 1}条意见：建议明确中介机构的备案要求。` }, `198.51.100.${i + 1}`)).statusCode).toBe(200);
    const sixth = await comment(t, `/xxgk/RSJ/consultations/${cid}`, { name: '钱多', phone: '13900004444', content: '第6条意见：建议明确中介机构的备案要求。' }, '198.51.100.9');
    expect(sixth.statusCode).toBe(400);
    expect(sixth.body).toContain('同一联系电话每天对同一事项最多提交5条意见');
  });

  it('FIVE-1: comments are marked only after the window; then each with its reason', async () => {
    const t = city();
    const d = (await call(t, s.office, 'GET', `/consultations/${id}`)).json();
    expectError(await call(t, s.drafter, 'POST', `/consultations/comments/${d.comments[0].id}/mark`, { adoption: 'adopted', reason: '采纳' }), 409, 'ACTION_NOT_ALLOWED', /期限尚未届满/);
    // A page fetched at 23:30 on the last day (Beijing time) and sent 40 minutes later, after the window closed.
    t.clock.advance((Date.parse('2026-12-23T15:30:00Z') - t.clock().getTime()) / 60_000);
    const closed = await comment(t, url(), { name: '孙', phone: '13900005555', content: '迟到的意见，请考虑。' }, '203.0.113.7', 40);
    expect(closed.statusCode).toBe(400);
    expect(closed.body).toContain('征求意见期限已届满');
    s.drafter = await signIn(t, 'rsj.drafter'); // a month later: a new session
    expectError(await call(t, s.drafter, 'POST', `/consultations/comments/${d.comments[0].id}/mark`, { adoption: 'not_adopted', reason: '' }), 400, 'REASON_REQUIRED');
    expect((await call(t, s.drafter, 'POST', `/consultations/comments/${d.comments[0].id}/mark`, { adoption: 'not_adopted', reason: '见习期限由国家政策确定，本办法不作调整' })).statusCode).toBe(204);
  });

  it('FIVE-1: the feedback waits on the to-do list with its clock, is published with the counts, and shows on the portal', async () => {
    const t = city();
    const office: Session = await signIn(t, 'rsj.office');
    const todos = (await call(t, office, 'GET', '/todos')).json().items;
    expect(todos).toContainEqual(expect.objectContaining({ kind: 'consultation', title: '待公布意见采纳情况：示例市就业见习管理办法（征求意见稿）', due: '2026-12-30' }));
    expectError(await call(t, office, 'POST', `/consultations/${id}/feedback`, { summary: '' }), 400, 'COMMENTS_UNMARKED', /还有1条意见未登记采纳情况/);
    const d = (await call(t, office, 'GET', `/consultations/${id}`)).json();
    await call(t, office, 'POST', `/consultations/comments/${d.comments[1].id}/mark`, { adoption: 'adopted', reason: '已修改第十二条，补贴按月发放' });
    const xlsx = await call(t, office, 'GET', `/consultations/${id}/comments.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const res = await call(t, office, 'POST', `/consultations/${id}/feedback`, { summary: '关于延长见习期的意见：见习期限由国家政策确定，本办法不作调整。' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ phase: 'feedback_published', counts: { total: 2, adopted: 1, partly: 0, notAdopted: 1 } });
    expect((await call(t, office, 'GET', '/todos')).json().items.filter((i: { id: string }) => i.id === id)).toEqual([]);
    const page = await t.app.inject({ method: 'GET', url: url() });
    expect(page.body).toContain('共收到意见 <strong>2</strong> 条，其中采纳 <strong>1</strong> 条');
    expect(page.body).toContain('见习期限由国家政策确定');
    expect(page.body).not.toContain('王小红');
  });
});
