/**
 * Release coordination (发布协调, COORD-1) through the HTTP API, on SQLite and (with
 * DATABASE_URL) PostgreSQL: 人社局's office asks 医保局 in writing before publishing an item
 * that concerns it; the answer's clock; each side seeing only its own side; disagreement and
 * silence going to the city's disclosure office; the publication guard; the two letters.
 * The test clock starts on Monday 2026-11-23 10:00 Beijing time.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText } from '../../src/modules/files/text.ts';
import { agencyId, call, demoApp, expectError, signIn, type Session, type TestApp } from '../support/app.ts';
import { draftItem, publishingStaff, type PublishingStaff } from '../support/publish.ts';

let t: TestApp;
let rsj: PublishingStaff;
let ybjOffice: Session;
let cityOffice: Session;
let ybj: string;
beforeAll(async () => {
  t = await demoApp();
  rsj = await publishingStaff(t);
  ybjOffice = await signIn(t, 'ybj.office');
  cityOffice = await signIn(t, 'szf.office');
  ybj = await agencyId(t, 'YBJ');
});
afterAll(async () => {
  await t?.close();
});

type Request = {
  id: string; state: string; stateLabel: string; overdue: boolean; actions: string[]; ourWording: string; proposedWording: string | null; settledWording: string;
  letterNumber: string; answerLetterNumber: string | null; answeringAgencyName: string; requestingAgencyName: string; decision: string | null;
  deadline: { dueDate: string; state: string; explanation: string[] } | null;
};
const json = <T>(res: LightMyRequestResponse, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};

const OURS = '参保人员在定点医疗机构发生的就业见习期间医疗费用，按规定由医保基金支付。';
const THEIRS = '见习人员在定点医疗机构发生的医疗费用，按规定由基本医疗保险基金支付。';

/** An RSJ item walked to leader approval (ready to publish). */
async function approvedItem(title: string): Promise<string> {
  const id = await draftItem(t, rsj, { title, body: `正文。${OURS}` });
  for (const [who, action, body] of [
    ['drafter', 'submit', {}], ['office', 'pass_check', {}], ['head', 'dept_opinion', { opinion: '同意公开' }],
    ['secrecy', 'secrecy_opinion', { conclusion: 'proactive', opinion: '不涉密，同意主动公开' }], ['leader', 'approve', { opinion: '同意' }],
  ] as const) json(await call(t, rsj[who], 'POST', `/items/${id}/actions/${action}`, body));
  return id;
}

const send = async (itemId: string, over: Record<string, unknown> = {}) =>
  json<Request>(await call(t, rsj.office, 'POST', '/coordination/requests', {
    subjectType: 'item', subjectId: itemId, answeringAgencyId: ybj, channel: 'platform', urgent: false, matter: '见习期间医疗费用由医保基金支付的表述', ourWording: OURS, ...over,
  }), 201);
const act = (s: Session, id: string, action: string, body: Record<string, unknown> = {}) => call(t, s, 'POST', `/coordination/requests/${id}/actions/${action}`, body);
const publish = (id: string) => call(t, rsj.office, 'POST', `/items/${id}/actions/publish`, { channels: ['platform'] });
const box = async (s: Session, which: string) => json<{ items: Request[] }>(await call(t, s, 'GET', `/coordination/requests?box=${which}`)).items;
const todos = async (s: Session) => json<{ items: { title: string; due: string | null; link: string }[] }>(await call(t, s, 'GET', '/todos')).items;

describe('COORD-1: a request through the platform, answered with a wording change', () => {
  let itemId: string;
  let req: Request;
  beforeAll(async () => {
    itemId = await approvedItem('关于就业见习人员医疗保障有关问题的通知');
    req = await send(itemId);
  });

  it('COORD-1: the request takes a 发文字号 and its answer is due in 10 working days, stored as a clock the reminders sweep', async () => {
    expect(req).toMatchObject({ state: 'awaiting', stateLabel: '待答复', letterNumber: '〔2026〕1号', answeringAgencyName: '示例市医疗保障局', actions: ['withdraw'] });
    expect(req.deadline).toMatchObject({ dueDate: '2026-12-07', state: 'running' });
    expect(req.deadline!.explanation.at(-1)).toBe('依据《政府信息发布协调制度》，期限为10个工作日，截止于2026-12-07（星期一）24时');
    const clock = await t.conn.db.selectFrom('deadlines').selectAll().where('subject_type', '=', 'coordination_request').where('subject_id', '=', req.id).executeTakeFirstOrThrow();
    expect(clock).toMatchObject({ rule: 'COORD-1', agency_id: ybj, met_at: null });
  });

  it('COORD-1: publication waits, with the reason, while the other agency has not confirmed', async () => {
    expectError(await publish(itemId), 409, 'COORDINATION_PENDING', /须经其书面确认后发布，尚未办结：示例市医疗保障局（待答复）/);
  });

  it('COORD-1: each side sees only its own side: 医保局 sees the request addressed to it, not 人社局’s item or requests', async () => {
    expect((await box(ybjOffice, 'incoming')).map((r) => r.id)).toEqual([req.id]);
    expect(await box(ybjOffice, 'outgoing')).toEqual([]);
    expect((await box(rsj.office, 'outgoing')).map((r) => r.id)).toContain(req.id);
    expect(await box(rsj.office, 'incoming')).toEqual([]);
    expect((await box(cityOffice, 'city')).map((r) => r.id)).not.toContain(req.id);
    expectError(await call(t, ybjOffice, 'GET', `/coordination/subjects/item/${itemId}`), 403, 'FORBIDDEN');
    expectError(await call(t, ybjOffice, 'GET', `/items/${itemId}`), 403, 'FORBIDDEN');
    expectError(await call(t, rsj.drafter, 'GET', '/coordination/requests?box=outgoing'), 403, 'FORBIDDEN');
    expect((await todos(ybjOffice)).find((d) => d.link.endsWith(req.id))).toMatchObject({ title: '待答复协调请求：关于就业见习人员医疗保障有关问题的通知（示例市人力资源和社会保障局）', due: '2026-12-07' });
  });

  it('COORD-1: only the answering office answers a platform request; agree with changes needs a different wording', async () => {
    expectError(await act(rsj.office, req.id, 'agree'), 403, 'FORBIDDEN');
    expectError(await act(ybjOffice, req.id, 'agree_with_changes', { proposedWording: OURS }), 400, 'WORDING_UNCHANGED');
    const answered = json<Request>(await act(ybjOffice, req.id, 'agree_with_changes', { proposedWording: THEIRS, opinion: '与我局文件表述保持一致' }));
    expect(answered).toMatchObject({ state: 'changes_proposed', answerLetterNumber: '〔2026〕1号', actions: [] });
    expect(answered.deadline).toMatchObject({ state: 'met' });
  });

  it('COORD-1: 人社局 sees their wording beside its own; publication waits until it takes it, then goes ahead', async () => {
    const mine = (await box(rsj.office, 'outgoing')).find((r) => r.id === req.id)!;
    expect(mine).toMatchObject({ ourWording: OURS, proposedWording: THEIRS, actions: ['adopt_changes', 'reject_changes'] });
    expectError(await publish(itemId), 409, 'COORDINATION_PENDING', /示例市医疗保障局（同意但提出修改意见）/);
    const adopted = json<Request>(await act(rsj.office, req.id, 'adopt_changes'));
    expect(adopted).toMatchObject({ state: 'agreed', settledWording: THEIRS });
    expect(json<{ item: { state: string } }>(await publish(itemId)).item.state).toBe('published');
  });

  it('COORD-1: both letters download as Word files in 公文 form, to either side', async () => {
    const request = await call(t, ybjOffice, 'GET', `/coordination/requests/${req.id}/letters/request`);
    expect(request.statusCode).toBe(200);
    const text = await extractText('docx', new Uint8Array(request.rawPayload));
    expect(text).toContain('关于商请确认《关于就业见习人员医疗保障有关问题的通知》有关内容的函');
    expect(text).toContain(`拟发布的表述：“${OURS}”`);
    expect(text).toContain('请于2026年12月7日前书面答复');
    const answer = await call(t, rsj.office, 'GET', `/coordination/requests/${req.id}/letters/answer`);
    const answerText = await extractText('docx', new Uint8Array(answer.rawPayload));
    expect(answerText).toContain('贵单位〔2026〕1号函收悉');
    expect(answerText).toContain(`建议将有关表述修改为：“${THEIRS}”`);
    expect(answerText).toContain('示例市医疗保障局');
  });

  it('COORD-1: every step is audited with its Chinese name', async () => {
    const events = await t.conn.db.selectFrom('audit_events').select(['action', 'agency_id']).where('entity_id', '=', req.id).execute();
    const rsjId = await agencyId(t, 'RSJ');
    expect(events).toHaveLength(3);
    expect(events).toEqual(expect.arrayContaining([
      { action: 'coordination.send', agency_id: rsjId }, { action: 'coordination.agree_with_changes', agency_id: ybj }, { action: 'coordination.adopt_changes', agency_id: rsjId },
    ]));
    const labels = json<{ items: { value: string; label: string }[] }>(await call(t, await signIn(t, 'auditor'), 'GET', '/audit/kinds'));
    expect(labels.items.filter((k) => k.value.startsWith('coordination.')).map((k) => k.label)).toContain('答复同意并提出修改意见');
  });
});

describe('COORD-1: disagreement and silence go to the city’s disclosure office', () => {
  it('COORD-1: a disagreement (with reasons) is referred; only the city office decides, and publication follows its decision', async () => {
    const itemId = await approvedItem('关于见习补贴与医疗救助衔接的通知');
    const req = await send(itemId);
    expectError(await act(ybjOffice, req.id, 'disagree'), 400, 'OPINION_REQUIRED');
    expect(json<Request>(await act(ybjOffice, req.id, 'disagree', { opinion: '医疗救助不属于见习补贴范围' })).state).toBe('referred');
    expectError(await publish(itemId), 409, 'COORDINATION_PENDING', /示例市医疗保障局（提请市政务公开主管部门协调）/);
    expect((await box(cityOffice, 'city')).find((r) => r.id === req.id)).toMatchObject({ actions: ['decide'] });
    expect((await todos(cityOffice)).some((d) => d.title.startsWith('待协调决定：关于见习补贴与医疗救助衔接的通知'))).toBe(true);
    expectError(await act(rsj.office, req.id, 'decide', { decision: 'as_drafted', opinion: '同意' }), 403, 'FORBIDDEN');
    const decided = json<Request>(await act(cityOffice, req.id, 'decide', { decision: 'as_drafted', opinion: '经协调，按人社局拟发布表述发布' }));
    expect(decided).toMatchObject({ state: 'decided', decision: 'as_drafted' });
    expect(json<{ item: { state: string } }>(await publish(itemId)).item.state).toBe('published');
  });

  it('COORD-1: a proposed wording the requester will not take goes to the city office, which may decide for it; a withdrawn request stops its clock', async () => {
    const itemId = await approvedItem('关于见习期间意外伤害保险的通知');
    const req = await send(itemId);
    json<Request>(await act(ybjOffice, req.id, 'agree_with_changes', { proposedWording: THEIRS }));
    expect((await todos(rsj.office)).find((d) => d.link.endsWith(req.id))?.title).toBe('待处理修改意见：关于见习期间意外伤害保险的通知（示例市医疗保障局）');
    expectError(await act(rsj.office, req.id, 'reject_changes'), 400, 'OPINION_REQUIRED');
    expect(json<Request>(await act(rsj.office, req.id, 'reject_changes', { opinion: '本局文件已有规定' })).state).toBe('referred');
    expect((await box(cityOffice, 'outgoing')).some((r) => r.id === req.id)).toBe(false);
    const decided = json<Request>(await act(cityOffice, req.id, 'decide', { decision: 'as_proposed', opinion: '统一采用医保局表述' }));
    expect(decided).toMatchObject({ state: 'decided', settledWording: THEIRS });

    const other = await approvedItem('关于见习基地动态管理的通知');
    const second = await send(other);
    const again = await call(t, rsj.office, 'POST', '/coordination/requests', { subjectType: 'item', subjectId: other, answeringAgencyId: ybj, channel: 'platform', urgent: false, matter: '事项', ourWording: '表述' });
    expectError(again, 409, 'REQUEST_OPEN');
    expect(json<Request>(await act(rsj.office, second.id, 'withdraw', { opinion: '经核实不涉及医保局职责' })).state).toBe('withdrawn');
    expect(await t.conn.db.selectFrom('deadlines').select('id').where('subject_type', '=', 'coordination_request').where('subject_id', '=', second.id).execute()).toEqual([]);
    expect(json<{ item: { state: string } }>(await publish(other)).item.state).toBe('published');
  });

  it('COORD-1: an answering agency does not see the requests the same item sent to other agencies', async () => {
    const itemId = await approvedItem('关于市直机关见习岗位统筹的通知');
    const toYbj = await send(itemId);
    const toCity = await send(itemId, { answeringAgencyId: await agencyId(t, 'SZF') });
    expect((await box(ybjOffice, 'incoming')).map((r) => r.id)).toContain(toYbj.id);
    expect((await box(ybjOffice, 'incoming')).map((r) => r.id)).not.toContain(toCity.id);
    expectError(await call(t, ybjOffice, 'GET', `/coordination/requests/${toCity.id}`), 404, 'NOT_FOUND');
    expectError(await call(t, ybjOffice, 'GET', `/coordination/requests/${toCity.id}/letters/request`), 404, 'NOT_FOUND');
    expect(json<{ blocking: string[] }>(await call(t, rsj.office, 'GET', `/coordination/subjects/item/${itemId}`)).blocking).toEqual([
      '示例市医疗保障局（待答复）', '示例市人民政府办公室（待答复）',
    ]);
  });

  it('COORD-1: an urgent request is due the same day; unanswered, it reaches the city office just after midnight, which may withhold publication', async () => {
    const itemId = await approvedItem('关于应急医疗费用结算的紧急通知');
    const req = await send(itemId, { urgent: true });
    expect(req.deadline).toMatchObject({ dueDate: '2026-11-23' });
    expect(await box(cityOffice, 'city').then((rs) => rs.some((r) => r.id === req.id))).toBe(false);
    // 01:00 Beijing time the next day (17:00 UTC the same day): the term ended at midnight.
    t.clock.advance(15 * 60);
    [rsj, ybjOffice, cityOffice] = [await publishingStaff(t), await signIn(t, 'ybj.office'), await signIn(t, 'szf.office')];
    const late = (await box(cityOffice, 'city')).find((r) => r.id === req.id)!;
    expect(late).toMatchObject({ state: 'awaiting', overdue: true, stateLabel: '逾期未答复，待市级协调', actions: ['decide'] });
    expectError(await publish(itemId), 409, 'COORDINATION_PENDING', /逾期未答复，待市政务公开主管部门协调/);
    expectError(await act(cityOffice, req.id, 'decide', { decision: 'as_proposed', opinion: '按对方意见' }), 400, 'NO_PROPOSAL');
    json<Request>(await act(cityOffice, req.id, 'decide', { decision: 'withhold', opinion: '待医保局核实后再行发布' }));
    expectError(await publish(itemId), 409, 'COORDINATION_PENDING', /市政务公开主管部门决定暂不发布/);
  });
});

describe('COORD-1: a request by letter outside the platform', () => {
  it('COORD-1: the letter is recorded with its date, the other agency does not see it, and the requesting office enters the answer', async () => {
    const itemId = await approvedItem('关于离校未就业毕业生参保登记的通知');
    const req = await send(itemId, { channel: 'letter', sentOn: '2026-11-20' });
    expect(req.deadline).toMatchObject({ dueDate: '2026-12-04' });
    expect((await box(ybjOffice, 'incoming')).some((r) => r.id === req.id)).toBe(false);
    expectError(await act(ybjOffice, req.id, 'agree'), 404, 'NOT_FOUND');
    const entered = json<Request>(await act(rsj.office, req.id, 'agree', { letterNumber: '示医保函〔2026〕9号' }));
    expect(entered).toMatchObject({ state: 'agreed', answerLetterNumber: '示医保函〔2026〕9号' });
    expect(json<{ item: { state: string } }>(await publish(itemId)).item.state).toBe('published');
    const again = await call(t, rsj.office, 'POST', '/coordination/requests', { subjectType: 'item', subjectId: itemId, answeringAgencyId: ybj, channel: 'platform', urgent: false, matter: '事项', ourWording: '表述' });
    expectError(again, 409, 'SUBJECT_PUBLISHED');
  });
});
