/**
 * Information items from draft to publication, as the staff of a bureau do it through the
 * console's HTTP API (/api/v1) and as the public then sees it on the portal (/xxgk): the
 * attribute at source (ATTR-*), the confidentiality review (SEC-*), consultations (LAW-32,
 * LAW-34), publication and its deadline (PUB-*), the ledger and the non-public register.
 * One demo city per describe block; the test clock starts on Monday 2026-11-23 10:00 Beijing time.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { extractText, loadMupdf } from '../../src/modules/files/text.ts';
import { seedDemo } from '../../src/seed/demo.ts';
import { agencyId, call, expectError, signIn, testClock, withDemoCity, type Session, type TestApp, uploadFile } from '../support/app.ts';
import { freshDatabase } from '../support/db.ts';

// ---- the material ------------------------------------------------------------------------------

/** A citizen's PRC ID number (valid GB 11643 check character) and a mobile number. */
const ID_NUMBER = '11010519491231002X';
const MOBILE = '13800138000';
const MASKED_ID = '【已删除】';

const TITLE = '关于做好2026年度高校毕业生就业见习工作的通知';
const BODY = [
  '各县（市、区）人力资源和社会保障局，各有关单位：',
  '为做好2026年度高校毕业生就业见习工作，现将有关事项通知如下。',
  `经审核，见习人员张某（公民身份号码${ID_NUMBER}）已完成见习登记。`,
  `见习政策咨询电话：${MOBILE}。`,
].join('\n');

type Body = Record<string, unknown>;

/** A 通知 as the drafter fills the approval sheet (发文呈批单). */
const notice = (over: Body = {}): Body => ({
  kind: 'document', docKind: 'notice', docNumber: '示人社通〔2026〕12号', title: TITLE, summary: '部署2026年度就业见习工作',
  body: '为做好2026年度就业见习工作，现将有关事项通知如下。', dateMade: '2026-11-16', category: 'work', attribute: 'proactive', ...over,
});

const PLAN = { outline: '出台背景、主要内容、申领条件', form: '图文解读', channel: '门户网站政策解读栏目', time: '与文件同步发布' };

// ---- the staff ---------------------------------------------------------------------------------

type Staff = { drafter: Session; sb: Session; head: Session; office: Session; secrecy: Session; leader: Session };

async function rsjStaff(t: TestApp): Promise<Staff> {
  return {
    drafter: await signIn(t, 'rsj.drafter'), sb: await signIn(t, 'rsj.sb'), head: await signIn(t, 'rsj.head'),
    office: await signIn(t, 'rsj.office'), secrecy: await signIn(t, 'rsj.secrecy'), leader: await signIn(t, 'rsj.leader'),
  };
}

/** A department head of RSJ's 社会保险科 (the demo city has heads only for 就业促进科), made as the administrators would. */
async function headOfSocialInsurance(t: TestApp): Promise<Session> {
  const rsj = await agencyId(t, 'RSJ');
  const unit = await t.conn.db.selectFrom('units').select('id').where('agency_id', '=', rsj).where('name', '=', '社会保险科').executeTakeFirstOrThrow();
  const sys = await signIn(t, 'sysadmin');
  const sec = await signIn(t, 'secadmin');
  const password = 'Kaifang#Test2026';
  const created = await call(t, sys, 'POST', '/users', { username: 'rsj.sbhead', name: '周科长', agencyId: rsj, unitId: unit.id, password });
  expect(created.statusCode, created.body).toBe(201);
  const granted = await call(t, sec, 'POST', `/users/${created.json().id}/grants`, { agencyId: rsj, role: 'dept_head' });
  expect(granted.statusCode, granted.body).toBe(201);
  return signIn(t, 'rsj.sbhead', password);
}

// ---- the workflow, as buttons ------------------------------------------------------------------

type Action = 'submit' | 'return' | 'pass_check' | 'dept_opinion' | 'secrecy_opinion' | 'refer_answer' | 'approve' | 'publish' | 'convert_to_proactive' | 'revise';

type Detail = {
  item: Record<string, any>;
  deadline: Record<string, any> | null;
  actions: string[];
  steps: Array<Record<string, any>>;
  consultations: Array<Record<string, any>>;
  attachments: Array<Record<string, any>>;
  findings: Array<Record<string, any>>;
  redactions: Array<Record<string, any>>;
};

async function createItem(t: TestApp, s: Session, over: Body = {}): Promise<string> {
  const res = await call(t, s, 'POST', '/items', notice(over));
  expect(res.statusCode, res.body).toBe(201);
  expect(res.json().state).toBe('draft');
  return res.json().id;
}

const act = (t: TestApp, s: Session, id: string, action: Action, body: Body = {}) => call(t, s, 'POST', `/items/${id}/actions/${action}`, body);

async function step(t: TestApp, s: Session, id: string, action: Action, body: Body = {}): Promise<Detail> {
  const res = await act(t, s, id, action, body);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json();
}

async function detail(t: TestApp, s: Session, id: string): Promise<Detail> {
  const res = await call(t, s, 'GET', `/items/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The ordinary path (SEC-4): each move by the person whose turn it is. */
const PATH: Array<[keyof Staff, Action, Body]> = [
  ['drafter', 'submit', {}],
  ['office', 'pass_check', {}],
  ['head', 'dept_opinion', { opinion: '内容属实，同意按主动公开报审' }],
  ['secrecy', 'secrecy_opinion', { conclusion: 'proactive', opinion: '未发现涉密内容，同意主动公开' }],
  ['leader', 'approve', { opinion: '同意' }],
  ['office', 'publish', { channels: ['platform'] }],
];

/** Moves a draft of rsj.drafter along PATH up to and including `until`. */
async function walk(t: TestApp, staff: Staff, id: string, until: Action, over: Partial<Record<Action, Body>> = {}): Promise<Detail> {
  let last: Detail | undefined;
  for (const [who, action, body] of PATH) {
    last = await step(t, staff[who], id, action, over[action] ?? body);
    if (action === until) return last;
  }
  throw new Error(`not on the path: ${until}`);
}

const publicPage = (t: TestApp, code: string, id: string) => t.app.inject({ method: 'GET', url: `/xxgk/${code}/items/${id}` });

/** The names of `people` whose to-do list shows the item. */
async function waitingFor(t: TestApp, people: Record<string, Session>, id: string): Promise<string[]> {
  const out: string[] = [];
  for (const [name, s] of Object.entries(people)) {
    const res = await call(t, s, 'GET', '/todos');
    expect(res.statusCode, res.body).toBe(200);
    if ((res.json().items as Array<{ id: string }>).some((i) => i.id === id)) out.push(name);
  }
  return out;
}

async function todoOf(t: TestApp, s: Session, id: string) {
  const res = await call(t, s, 'GET', '/todos');
  return (res.json().items as Array<Record<string, any>>).find((i) => i.id === id);
}

const days = (n: number) => n * 24 * 60;

// =================================================================================================

describe('1. the whole path of a proactive 通知, from the approval sheet to the public page (ATTR-2 → PUB-3)', () => {
  const city = withDemoCity();
  let t: TestApp;
  let staff: Staff;
  let otherHead: Session;
  let people: Record<string, Session>;
  let id: string;

  beforeAll(async () => {
    t = city();
    staff = await rsjStaff(t);
    otherHead = await headOfSocialInsurance(t);
    people = { drafter: staff.drafter, office: staff.office, head: staff.head, otherHead, secrecy: staff.secrecy, leader: staff.leader };
  });

  it('ATTR-2: the drafter creates the 通知 with its attribute; it waits only for the drafter', async () => {
    const res = await call(t, staff.drafter, 'POST', '/items', notice({ body: BODY }));
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({
      state: 'draft', title: TITLE, docKind: 'notice', category: 'work', attribute: 'proactive', dateMade: '2026-11-16',
      drafterName: '张拟稿', unitName: '就业促进科', version: 1, indexNumber: null, publishedAt: null, colophon: '（此件主动公开）',
    });
    const d = await detail(t, staff.drafter, id);
    expect(d.actions).toEqual(['submit']);
    expect(await waitingFor(t, people, id)).toEqual(['drafter']);
    expect((await todoOf(t, staff.drafter, id))!.title).toBe(`待拟稿：${TITLE}`);
  });

  it('ATTR-4: the office returns it with an opinion; the item is a draft again and the step is on record', async () => {
    await step(t, staff.drafter, id, 'submit');
    expect(await waitingFor(t, people, id)).toEqual(['office']);
    expect((await todoOf(t, staff.office, id))!.title).toBe(`待公开属性核查：${TITLE}`);

    expectError(await act(t, staff.office, id, 'return', { opinion: '  ' }), 400, 'OPINION_REQUIRED', /退回须写明意见/);
    const d = await step(t, staff.office, id, 'return', { opinion: '请补充文号并核对公开属性' });
    expect(d.item.state).toBe('draft');
    expect(d.steps.map((s) => [s.action, s.fromState, s.toState, s.actorName])).toEqual([
      ['submit', 'draft', 'office_check', '张拟稿'],
      ['return', 'office_check', 'draft', '王公开'],
    ]);
    expect(d.steps[1]).toMatchObject({ role: 'office', opinion: '请补充文号并核对公开属性' });
    expect(await waitingFor(t, people, id)).toEqual(['drafter']);
  });

  it('the drafter resubmits; the office passes the check; it waits for the head of the drafter\'s own unit', async () => {
    await step(t, staff.drafter, id, 'submit');
    const d = await step(t, staff.office, id, 'pass_check');
    expect(d.item.state).toBe('dept_review');
    expect(await waitingFor(t, people, id)).toEqual(['head']);
  });

  it('SEC-4: a department head of another unit cannot give the initial opinion (403); the drafter\'s head can', async () => {
    expect((await detail(t, otherHead, id)).actions).toEqual([]);
    expectError(await act(t, otherHead, id, 'dept_opinion', { opinion: '同意' }), 403, 'FORBIDDEN', /只有本科室负责人可以提出初审意见/);
    expect((await detail(t, staff.head, id)).actions).toEqual(['return', 'dept_opinion']);
    expectError(await act(t, staff.head, id, 'dept_opinion', {}), 400, 'OPINION_REQUIRED', /科室初审意见/);
    const d = await step(t, staff.head, id, 'dept_opinion', { opinion: '内容属实，同意主动公开' });
    expect(d.item.state).toBe('secrecy_review');
    expect(await waitingFor(t, people, id)).toEqual(['secrecy']);
  });

  it('SEC-2: in the secrecy review the findings list the ID number and the mobile number in the body', async () => {
    const d = await detail(t, staff.secrecy, id);
    expect(d.findings.map((f) => [f.source, f.kind, f.text, f.status])).toEqual([
      ['body', 'id_number', ID_NUMBER, 'open'],
      ['body', 'mobile', MOBILE, 'open'],
    ]);
    const body = d.item.body as string;
    expect(body.slice(d.findings[0]!.start, d.findings[0]!.end)).toBe(ID_NUMBER);
    expect(d.actions).toEqual(['return', 'secrecy_opinion']);
  });

  it('SEC-4, SEC-5: the leader cannot approve yet — the reviewer\'s opinion comes first', async () => {
    expectError(await act(t, staff.leader, id, 'approve', { opinion: '同意' }), 409, 'TRANSITION_NOT_ALLOWED');
    expect((await detail(t, staff.leader, id)).item.state).toBe('secrecy_review');
  });

  it('SEC-2, SEC-10: the reviewer removes the ID number and keeps the hotline with a reason, then opines 主动公开', async () => {
    const d = await detail(t, staff.secrecy, id);
    const idFinding = d.findings.find((f) => f.kind === 'id_number')!;
    const phone = d.findings.find((f) => f.kind === 'mobile')!;
    expectError(await call(t, staff.secrecy, 'POST', `/findings/${phone.id}/resolve`, { status: 'accepted', reason: ' ' }), 400, 'REASON_REQUIRED', /保留敏感信息须说明理由/);
    expectError(await call(t, staff.office, 'POST', `/findings/${idFinding.id}/resolve`, { status: 'removed', reason: '' }), 403, 'FORBIDDEN');
    expect((await call(t, staff.secrecy, 'POST', `/findings/${idFinding.id}/resolve`, { status: 'removed', reason: '公民个人隐私' })).statusCode).toBe(204);
    expect((await call(t, staff.secrecy, 'POST', `/findings/${phone.id}/resolve`, { status: 'accepted', reason: '单位对外公布的政策咨询电话' })).statusCode).toBe(204);

    const after = await detail(t, staff.secrecy, id);
    expect(after.findings.map((f) => [f.kind, f.status, f.reason])).toEqual([
      ['id_number', 'removed', '公民个人隐私'],
      ['mobile', 'accepted', '单位对外公布的政策咨询电话'],
    ]);
    expect(after.redactions.map((r) => r.phrase)).toEqual([ID_NUMBER]);

    expectError(await act(t, staff.secrecy, id, 'secrecy_opinion', { opinion: '同意' }), 400, 'CONCLUSION_REQUIRED', /主动公开、依申请公开、免予公开或需报审/);
    const d2 = await step(t, staff.secrecy, id, 'secrecy_opinion', { conclusion: 'proactive', opinion: '已删除个人身份信息，同意主动公开' });
    expect(d2.item).toMatchObject({ state: 'leader_approval', conclusion: 'proactive' });
    expect(await waitingFor(t, people, id)).toEqual(['leader']);
  });

  it('SEC-4: the leader approves; the office then has it to publish', async () => {
    const d = await step(t, staff.leader, id, 'approve', { opinion: '同意发布' });
    expect(d.item).toMatchObject({ state: 'approved', attribute: 'proactive' });
    expect(await waitingFor(t, people, id)).toEqual(['office']);
    expect((await todoOf(t, staff.office, id))!.title).toBe(`待发布：${TITLE}`);
    expect((await detail(t, staff.office, id)).actions).toEqual(['publish']);
  });

  it('PUB-5, CAT-1, ATTR-5: publication needs a channel, then gives the index number and the colophon', async () => {
    expectError(await act(t, staff.office, id, 'publish', { channels: [] }), 409, 'CHANNEL_REQUIRED', /请至少选择一个发布渠道/);
    const d = await step(t, staff.office, id, 'publish', { channels: ['platform', 'website'] });
    expect(d.item).toMatchObject({
      state: 'published', indexNumber: 'RSJ/2026-00001', colophon: '（此件主动公开）', channels: ['platform', 'website'], publishedAt: '2026-11-23T02:00:00.000Z',
    });
    expect(d.steps.at(-1)).toMatchObject({ action: 'publish', actorName: '王公开', data: { channels: ['platform', 'website'], indexNumber: 'RSJ/2026-00001' } });
    expect(await waitingFor(t, people, id)).toEqual([]);
  });

  it('CAT-1, SEC-10: the public page shows the metadata table and the body without the ID number', async () => {
    const res = await publicPage(t, 'RSJ', id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const page = res.body;
    for (const cell of [
      '<th scope="row">索引号</th><td>RSJ/2026-00001</td>',
      '<th scope="row">主题分类</th><td>工作动态</td>',
      '<th scope="row">发文机关</th><td>示例市人力资源和社会保障局</td>',
      '<th scope="row">成文日期</th><td>2026-11-16</td>',
      `<th scope="row">标题</th><td colspan="3">${TITLE}</td>`,
      '<th scope="row">发文字号</th><td>示人社通〔2026〕12号</td>',
      '<th scope="row">发布日期</th><td>2026-11-23</td>',
      '<th scope="row">有效性</th><td>有效</td>',
      '<th scope="row">版本</th><td>第 1 版</td>',
    ]) expect(page).toContain(cell);
    expect(page).not.toContain(ID_NUMBER);
    expect(page).toContain(`<p>经审核，见习人员张某（公民身份号码${MASKED_ID}）已完成见习登记。</p>`);
    expect(page).toContain(`<p>见习政策咨询电话：${MOBILE}。</p>`);
    expect(page).toContain('<p class="colophon">（此件主动公开）</p>');
    // The working copy inside stays whole; only staff read it.
    expect((await detail(t, staff.office, id)).item.body).toContain(ID_NUMBER);
    // The page belongs to its agency's site only.
    expect((await publicPage(t, 'YBJ', id)).statusCode).toBe(404);
  });

  it('SEC-10, CAT-4: search finds the published item by its words, never by the ID number removed from it', async () => {
    const search = (q: string) => t.app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent(q)}` });
    const found = await search('见习登记');
    expect(found.body).toContain(`/xxgk/RSJ/items/${id}`);
    expect(found.body).toContain('<mark>见习登记</mark>');
    const byNumber = await search(ID_NUMBER);
    expect(byNumber.body).not.toContain(`/xxgk/RSJ/items/${id}`);
    expect(byNumber.body).toContain('没有找到');
  });

  it('PUB-3, LAW-26: the publication deadline ran from the date made (Mon 11-16, due Mon 12-14) and publication met it', async () => {
    const d = await detail(t, staff.office, id);
    // 11-17..20 (4), 11-23..27 (9), 11-30..12-04 (14), 12-07..11 (19), Mon 12-14 (20).
    expect(d.deadline).toMatchObject({ rule: 'PUB-3', startDate: '2026-11-16', dueDate: '2026-12-14' });
    const met = await t.conn.db.selectFrom('deadlines').select(['met_at']).where('subject_id', '=', id).where('rule', '=', 'PUB-3').where('met_at', 'is not', null).execute();
    expect(met).toEqual([{ met_at: '2026-11-23T02:00:00.000Z' }]);
  });

  it('PUB-3: a published item shows its deadline as met, and no open PUB-3 deadline is left', async () => {
    const open = await t.conn.db.selectFrom('deadlines').select('id').where('subject_id', '=', id).where('rule', '=', 'PUB-3').where('met_at', 'is', null).execute();
    expect(open).toEqual([]);
    const d = await detail(t, staff.office, id);
    expect(d.deadline).toMatchObject({ state: 'met', light: 'green' });
  });

  it('PUB-7: the ledger names the drafter, the department reviewer, the secrecy reviewer and the approver', async () => {
    const res = await call(t, staff.office, 'GET', '/ledger');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total).toBe(1);
    expect(res.json().items[0]).toMatchObject({
      id, indexNumber: 'RSJ/2026-00001', title: TITLE, docNumber: '示人社通〔2026〕12号', unitName: '就业促进科', drafterName: '张拟稿',
      deptReviewer: '李科长', secrecyReviewer: '赵保密', approverName: '刘副局长', dateMade: '2026-11-16', version: 1, validity: 'valid',
    });
  });

  it('PUB-7: the ledger as an Excel workbook the office can file', async () => {
    const res = await call(t, staff.office, 'GET', '/ledger.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('发布台账-2026-11-23.xlsx'));
    expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(Object.keys(unzipSync(new Uint8Array(res.rawPayload)))).toContain('xl/workbook.xml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('发布台账')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('索引号');
    expect(sheet.getRow(1).getCell(2).value).toBe('标题');
    const row = sheet.getRow(2);
    expect([row.getCell(1).value, row.getCell(2).value, row.getCell(4).value, row.getCell(6).value, row.getCell(9).value]).toEqual([
      'RSJ/2026-00001', TITLE, '工作动态', '张拟稿', '刘副局长',
    ]);
    expect(sheet.rowCount).toBe(2);
  });

  it('SEC-13, SUP-6: the audit log holds every move of the item with who made it', async () => {
    const auditor = await signIn(t, 'auditor');
    const res = await call(t, auditor, 'GET', `/audit?action=item.&agencyId=${await agencyId(t, 'RSJ')}&pageSize=200`);
    expect(res.statusCode, res.body).toBe(200);
    const events = (res.json().items as Array<Record<string, any>>).filter((e) => e.entityId === id).reverse();
    expect(events.map((e) => [e.action, e.actorName])).toEqual([
      ['item.create', '张拟稿'],
      ['item.submit', '张拟稿'],
      ['item.return', '王公开'],
      ['item.submit', '张拟稿'],
      ['item.pass_check', '王公开'],
      ['item.dept_opinion', '李科长'],
      ['item.finding.removed', '赵保密'],
      ['item.finding.accepted', '赵保密'],
      ['item.secrecy_opinion', '赵保密'],
      ['item.approve', '刘副局长'],
      ['item.publish', '王公开'],
    ]);
    expect(events.at(-1)).toMatchObject({ entityType: 'item', actorRole: 'office', before: { state: 'approved' }, after: { state: 'published', index_number: 'RSJ/2026-00001' } });
  });

  it('SEC-4: a move the table does not allow in this state is refused with TRANSITION_NOT_ALLOWED, and changes nothing', async () => {
    const before = await detail(t, staff.leader, id);
    expectError(await act(t, staff.leader, id, 'approve', { opinion: '同意' }), 409, 'TRANSITION_NOT_ALLOWED', /不能执行该操作/);
    expectError(await act(t, staff.office, id, 'publish', { channels: ['platform'] }), 409, 'TRANSITION_NOT_ALLOWED');
    expect(await detail(t, staff.leader, id)).toEqual(before);
  });

  it('refusals name the item\'s state in Chinese (“已发布”), not by its code (“published”)', async () => {
    const res = await act(t, staff.leader, id, 'approve', { opinion: '同意' });
    expectError(res, 409, 'TRANSITION_NOT_ALLOWED', /^信息当前处于“已发布”状态，不能执行该操作$/);
  });
});

// =================================================================================================

describe('2. refusals at submission, with Chinese reasons and stable codes; nothing changes (ATTR-2, ATTR-3, ATTR-6, INT-3, INT-4)', () => {
  const city = withDemoCity();
  let t: TestApp;
  let staff: Staff;
  beforeAll(async () => {
    t = city();
    staff = await rsjStaff(t);
  });

  /** Submits a draft that must be refused and proves the item, its steps and findings are as they were. */
  async function refusedAtSubmit(over: Body, status: number, code: string, message: RegExp) {
    const id = await createItem(t, staff.drafter, { body: BODY, ...over });
    const before = await detail(t, staff.drafter, id);
    const res = await act(t, staff.drafter, id, 'submit');
    expectError(res, status, code, message);
    const after = await detail(t, staff.drafter, id);
    expect(after).toEqual(before);
    expect(after.item.state).toBe('draft');
    expect(after.steps).toEqual([]);
    expect(after.findings).toEqual([]); // the scan runs only on an accepted submission
    expect(await waitingFor(t, { office: staff.office }, id)).toEqual([]);
    return { id, res };
  }

  it('ATTR-2: no attribute', async () => {
    await refusedAtSubmit({ attribute: null }, 409, 'ATTR_REQUIRED', /^须确定公开属性$/);
  });

  it('ATTR-3: 依申请公开 without a reason', async () => {
    await refusedAtSubmit({ attribute: 'on_application', attributeReason: '   ' }, 409, 'ATTR_REASON_REQUIRED', /^依申请公开或不予公开须说明理由$/);
  });

  it('ATTR-3: 不予公开 without a reason', async () => {
    await refusedAtSubmit({ attribute: 'not_disclosed' }, 409, 'ATTR_REASON_REQUIRED', /^依申请公开或不予公开须说明理由$/);
  });

  it('ATTR-6: a proactive document with parts marked not for the public', async () => {
    await refusedAtSubmit({ nonPublicParts: '附件2：见习人员名单' }, 409, 'ATTR_PROACTIVE_MIXED', /主动公开的文件不得含有依申请公开或不予公开的内容，请拆分或调整属性/);
  });

  it('INT-3: a normative document without its interpretation plan', async () => {
    await refusedAtSubmit({ policyLevel: 'normative', category: 'policy' }, 409, 'INTERPRETATION_PLAN_REQUIRED', /政策性文件须同时报送解读方案.*/);
  });

  it('INT-4: an interpretation plan without its time', async () => {
    await refusedAtSubmit({ policyLevel: 'important', category: 'policy', interpretationPlan: { ...PLAN, time: '' } }, 409, 'INTERPRETATION_PLAN_REQUIRED', /解读提纲、形式、渠道和时间/);
  });

  it('ATTR-1: a document without its kind; several problems come together under ITEM_NOT_READY', async () => {
    await refusedAtSubmit({ docKind: null }, 409, 'DOC_KIND_REQUIRED', /^公文须选择文种$/);
    const { res } = await refusedAtSubmit({ docKind: null, attribute: 'not_disclosed', policyLevel: 'normative' }, 409, 'ITEM_NOT_READY', /公文须选择文种；依申请公开或不予公开须说明理由；政策性文件须同时报送解读方案/);
    expect(res.json().error.details.problems.map((p: { code: string }) => p.code)).toEqual(['DOC_KIND_REQUIRED', 'ATTR_REASON_REQUIRED', 'INTERPRETATION_PLAN_REQUIRED']);
  });

  it('once the drafter fixes the sheet the same draft is accepted', async () => {
    const { id } = await refusedAtSubmit({ policyLevel: 'normative', category: 'policy', nonPublicParts: '附件2' }, 409, 'ITEM_NOT_READY', /不得含有依申请公开或不予公开的内容.*须同时报送解读方案/);
    const patched = await call(t, staff.drafter, 'PATCH', `/items/${id}`, { nonPublicParts: '', interpretationPlan: PLAN });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().interpretationPlan).toEqual(PLAN);
    const d = await step(t, staff.drafter, id, 'submit');
    expect(d.item.state).toBe('office_check');
    expect(await waitingFor(t, { office: staff.office }, id)).toEqual(['office']);
  });
});

// =================================================================================================

describe('3. the non-public path and its register (ATTR-3, ATTR-8, ATTR-10, SEC-12)', () => {
  const city = withDemoCity();
  let t: TestApp;
  let staff: Staff;
  let id: string;
  const REASON = '涉及劳动争议当事人个人信息，公开后可能损害第三方合法权益';
  const register = async (query = '') => {
    const res = await call(t, staff.office, 'GET', `/register/non-public${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { total: number; items: Array<Record<string, any>> };
  };

  beforeAll(async () => {
    t = city();
    staff = await rsjStaff(t);
  });

  it('ATTR-3, SEC-5: an item proposed 不予公开 with its reason is reviewed 免予公开 and approved', async () => {
    id = await createItem(t, staff.drafter, { title: '关于2026年劳动争议案件处理情况的报告', docKind: 'report', attribute: 'not_disclosed', attributeReason: REASON });
    expect((await detail(t, staff.drafter, id)).deadline).toBeNull(); // PUB-3 runs only for proactive items
    const d = await walk(t, staff, id, 'approve', { secrecy_opinion: { conclusion: 'exempt', opinion: '涉及个人隐私，免予公开' } });
    expect(d.item).toMatchObject({ state: 'approved', attribute: 'not_disclosed', conclusion: 'exempt', colophon: '（此件不予公开）', attributeReason: REASON });
    expect(d.deadline).toBeNull();
  });

  it('PUB-6: it cannot be published; the office is offered only the conversion', async () => {
    expect((await detail(t, staff.office, id)).actions).toEqual(['convert_to_proactive']);
    expectError(await act(t, staff.office, id, 'publish', { channels: ['platform'] }), 409, 'NOT_PROACTIVE', /审查结论不是主动公开，不能发布/);
    expect((await detail(t, staff.office, id)).item.state).toBe('approved');
    expect(await waitingFor(t, { office: staff.office }, id)).toEqual([]); // not "待发布"
    expect((await publicPage(t, 'RSJ', id)).statusCode).toBe(404);
  });

  it('ATTR-3: it is registered with its reason, and listed as not yet re-checked this year', async () => {
    const all = await register();
    expect(all.total).toBe(1);
    expect(all.items[0]).toMatchObject({ id, attribute: 'not_disclosed', reason: REASON, unitName: '就业促进科', dateMade: '2026-11-16', lastCheck: null, checkedThisYear: false });
    expect((await register('?unchecked=true')).items.map((i) => i.id)).toEqual([id]);
  });

  it('ATTR-10: the yearly re-check "keep" needs a reason, keeps it registered and marks it checked', async () => {
    expectError(await call(t, staff.office, 'POST', `/items/${id}/recheck`, { result: 'keep', reason: '  ' }), 400, 'REASON_REQUIRED', /请写明复核理由/);
    expectError(await call(t, staff.drafter, 'POST', `/items/${id}/recheck`, { result: 'keep', reason: '理由' }), 403, 'FORBIDDEN');
    expect((await call(t, staff.office, 'POST', `/items/${id}/recheck`, { result: 'keep', reason: '不公开理由仍然成立' })).statusCode).toBe(204);
    const all = await register();
    expect(all.items[0]).toMatchObject({ id, checkedThisYear: true, lastCheck: { year: 2026, result: 'keep', reason: '不公开理由仍然成立' } });
    expect((await register('?unchecked=true')).items).toEqual([]);
    expect((await register('?year=2027&unchecked=true')).items.map((i) => i.id)).toEqual([id]);
  });

  it('SEC-12: the re-check "convert" sends it back to the office check as a proactive item, off the register', async () => {
    expect((await call(t, staff.office, 'POST', `/items/${id}/recheck`, { result: 'convert', reason: '案件已审结，不公开理由已消失' })).statusCode).toBe(204);
    const d = await detail(t, staff.office, id);
    expect(d.item).toMatchObject({ state: 'office_check', attribute: 'proactive', attributeReason: '', conclusion: null, colophon: '（此件主动公开）' });
    expect(d.steps.at(-1)).toMatchObject({ action: 'convert_to_proactive', fromState: 'approved', toState: 'office_check', opinion: '案件已审结，不公开理由已消失' });
    expect((await register()).items).toEqual([]);
    expect(await waitingFor(t, { office: staff.office, drafter: staff.drafter }, id)).toEqual(['office']);
    expectError(await call(t, staff.office, 'POST', `/items/${id}/recheck`, { result: 'keep', reason: '再次复核' }), 400, 'ITEM_NOT_NON_PUBLIC');
  });

  it('SEC-12: the converted item then goes the whole way to the public', async () => {
    await step(t, staff.office, id, 'pass_check');
    await step(t, staff.head, id, 'dept_opinion', { opinion: '同意转为主动公开' });
    await step(t, staff.secrecy, id, 'secrecy_opinion', { conclusion: 'proactive', opinion: '同意主动公开' });
    await step(t, staff.leader, id, 'approve');
    const d = await step(t, staff.office, id, 'publish', { channels: ['website'] });
    expect(d.item).toMatchObject({ state: 'published', indexNumber: 'RSJ/2026-00001' });
    expect((await publicPage(t, 'RSJ', id)).statusCode).toBe(200);
  });

  it('ATTR-3: a 依申请公开 item of another unit is reviewed by that unit\'s head and registered with its own reason', async () => {
    const sbHead = await headOfSocialInsurance(t);
    const other = await createItem(t, staff.sb, { title: '社会保险基金内部审计报告', docKind: 'report', category: 'finance', attribute: 'on_application', attributeReason: '内部管理信息' });
    await step(t, staff.sb, other, 'submit');
    await step(t, staff.office, other, 'pass_check');
    expect(await waitingFor(t, { head: staff.head, sbHead }, other)).toEqual(['sbHead']);
    expectError(await act(t, staff.head, other, 'dept_opinion', { opinion: '同意' }), 403, 'FORBIDDEN', /只有本科室负责人/);
    await step(t, sbHead, other, 'dept_opinion', { opinion: '属内部管理信息，同意依申请公开' });
    await step(t, staff.secrecy, other, 'secrecy_opinion', { conclusion: 'on_application', opinion: '同意依申请公开' });
    const d = await step(t, staff.leader, other, 'approve');
    expect(d.item).toMatchObject({ state: 'approved', attribute: 'on_application', colophon: '（此件依申请公开）' });
    const all = await register();
    expect(all.items.map((i) => [i.id, i.attribute, i.reason, i.unitName, i.checkedThisYear])).toEqual([[other, 'on_application', '内部管理信息', '社会保险科', false]]);
  });

  it('ATTR-8: a policy document proposed 依申请公开 needs the leading group\'s review at the office check', async () => {
    const policy = await createItem(t, staff.drafter, {
      title: '就业补助资金管理办法（征求意见稿）', docKind: 'opinion', category: 'policy', policyLevel: 'normative', interpretationPlan: PLAN,
      attribute: 'on_application', attributeReason: '属于过程性信息',
    });
    await step(t, staff.drafter, policy, 'submit');
    expectError(await act(t, staff.office, policy, 'pass_check'), 409, 'LEADING_GROUP_REVIEW_REQUIRED', /拟不公开的政策性文件须经领导小组审核，请登记审核意见/);
    expect((await detail(t, staff.office, policy)).item.state).toBe('office_check');
    const d = await step(t, staff.office, policy, 'pass_check', { leadingGroupReview: '领导小组2026年第4次会议审核同意' });
    expect(d.item).toMatchObject({ state: 'dept_review', leadingGroupReview: '领导小组2026年第4次会议审核同意' });
  });
});

// =================================================================================================

describe('4. a major item needs the collective decision before approval (SEC-3, SEC-4)', () => {
  const city = withDemoCity();
  let t: TestApp;
  let staff: Staff;
  let id: string;
  beforeAll(async () => {
    t = city();
    staff = await rsjStaff(t);
  });

  it('the office cannot record a decision before the review', async () => {
    id = await createItem(t, staff.drafter, { title: '关于调整全市最低工资标准的通知', major: true });
    expect((await detail(t, staff.drafter, id)).item.major).toBe(true);
    expectError(await call(t, staff.office, 'PUT', `/items/${id}/collective-decision`, { decision: '局务会研究同意' }), 400, 'ITEM_NOT_IN_REVIEW', /只能在审查或审批阶段登记会议决定/);
  });

  it('approval is refused with COLLECTIVE_DECISION_REQUIRED, and the item waits', async () => {
    await walk(t, staff, id, 'secrecy_opinion');
    const res = await act(t, staff.leader, id, 'approve', { opinion: '同意' });
    expectError(res, 409, 'COLLECTIVE_DECISION_REQUIRED', /^重大事项须经局务会或党组会研究，请登记会议决定$/);
    const d = await detail(t, staff.leader, id);
    expect(d.item.state).toBe('leader_approval');
    expect(d.steps.map((s) => s.action)).not.toContain('approve');
  });

  it('only the office records the decision; then the leader approves', async () => {
    expectError(await call(t, staff.leader, 'PUT', `/items/${id}/collective-decision`, { decision: '同意' }), 403, 'FORBIDDEN');
    expectError(await call(t, staff.drafter, 'PUT', `/items/${id}/collective-decision`, { decision: '同意' }), 403, 'FORBIDDEN');
    const res = await call(t, staff.office, 'PUT', `/items/${id}/collective-decision`, { decision: '2026年第12次局务会研究同意' });
    expect(res.statusCode, res.body).toBe(204);
    expect((await detail(t, staff.leader, id)).item.collectiveDecision).toBe('2026年第12次局务会研究同意');
    const d = await step(t, staff.leader, id, 'approve', { opinion: '按局务会决定办理' });
    expect(d.item.state).toBe('approved');
  });

  it('ATTR-4: the leader may return an item with an opinion; it is the drafter\'s draft again', async () => {
    const back = await createItem(t, staff.drafter, { title: '关于某企业劳动保障监察情况的通报' });
    await walk(t, staff, back, 'secrecy_opinion');
    expectError(await act(t, staff.leader, back, 'return', {}), 400, 'OPINION_REQUIRED');
    const d = await step(t, staff.leader, back, 'return', { opinion: '涉及企业经营信息，建议调整为不予公开' });
    expect(d.item.state).toBe('draft');
    expect(d.steps.at(-1)).toMatchObject({ action: 'return', fromState: 'leader_approval', toState: 'draft', actorName: '刘副局长', role: 'leader' });
    expect(await waitingFor(t, { drafter: staff.drafter, leader: staff.leader }, back)).toEqual(['drafter']);
    const patched = await call(t, staff.drafter, 'PATCH', `/items/${back}`, { attribute: 'not_disclosed', attributeReason: '涉及企业商业秘密' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().attribute).toBe('not_disclosed');
  });

  it('ATTR-5, PUB-3: after a return, the draft shows the drafter\'s new attribute, not the old review conclusion', async () => {
    const back = await createItem(t, staff.drafter, { title: '关于某企业欠薪处理情况的通报' });
    await walk(t, staff, back, 'secrecy_opinion');
    await step(t, staff.leader, back, 'return', { opinion: '建议不予公开' });
    await call(t, staff.drafter, 'PATCH', `/items/${back}`, { attribute: 'not_disclosed', attributeReason: '涉及企业商业秘密' });
    const d = await detail(t, staff.drafter, back);
    expect(d.item.colophon).toBe('（此件不予公开）');
    expect(d.deadline).toBeNull();
  });

  it('an ordinary item needs no decision', async () => {
    const plain = await createItem(t, staff.drafter, { title: '关于举办2026年冬季招聘会的通知' });
    const d = await walk(t, staff, plain, 'approve');
    expect(d.item).toMatchObject({ state: 'approved', major: false, collectiveDecision: '' });
  });
});

// =================================================================================================

describe('5. referral to the secrecy authority (SEC-8)', () => {
  const city = withDemoCity();
  let t: TestApp;
  let staff: Staff;
  let id: string;
  const LETTER = '文中引用的就业统计数据是否属于工作秘密无法确定，报请保密行政管理部门审定';
  beforeAll(async () => {
    t = city();
    staff = await rsjStaff(t);
  });

  it('SEC-5, SEC-8: the opinion 需报审 sends the item to the authority with the letter', async () => {
    id = await createItem(t, staff.drafter, { title: '2026年第三季度就业形势分析', category: 'work' });
    await walk(t, staff, id, 'dept_opinion');
    const d = await step(t, staff.secrecy, id, 'secrecy_opinion', { conclusion: 'refer', opinion: LETTER });
    expect(d.item).toMatchObject({ state: 'referred', conclusion: 'refer' });
    expect(d.consultations).toHaveLength(1);
    expect(d.consultations[0]).toMatchObject({ kind: 'referral', answer: null, expired: false });
    expect(d.consultations[0]!.party).toBe(`保密行政管理部门（报审函：${LETTER}）`);
    expect(d.actions).toEqual([]);
    expect((await detail(t, staff.office, id)).actions).toEqual(['refer_answer']);
    expect(await waitingFor(t, { office: staff.office, secrecy: staff.secrecy, leader: staff.leader }, id)).toEqual(['office']);
    expectError(await act(t, staff.leader, id, 'approve'), 409, 'TRANSITION_NOT_ALLOWED');
  });

  it('SEC-8: the authority may extend once; a second extension is refused', async () => {
    expectError(await call(t, staff.secrecy, 'POST', `/items/${id}/referral/extend`, { note: '保密局来函' }), 403, 'FORBIDDEN');
    expect((await call(t, staff.office, 'POST', `/items/${id}/referral/extend`, { note: '市保密局电话告知延期' })).statusCode).toBe(204);
    expectError(await call(t, staff.office, 'POST', `/items/${id}/referral/extend`, { note: '再次延期' }), 400, 'REFERRAL_ALREADY_EXTENDED', /^报审期限只能延长一次$/);
  });

  it('SEC-8: the office records the written answer; the item returns to the secrecy review without a conclusion', async () => {
    expectError(await act(t, staff.office, id, 'refer_answer', { opinion: ' ' }), 400, 'OPINION_REQUIRED', /保密行政管理部门的书面答复/);
    const d = await step(t, staff.office, id, 'refer_answer', { opinion: '经审定，不属于国家秘密，可以公开' });
    expect(d.item).toMatchObject({ state: 'secrecy_review', conclusion: null });
    expect(d.consultations[0]).toMatchObject({ kind: 'referral', answer: 'answered', answerText: '经审定，不属于国家秘密，可以公开' });
    expect(await waitingFor(t, { office: staff.office, secrecy: staff.secrecy }, id)).toEqual(['secrecy']);
    expectError(await call(t, staff.office, 'POST', `/items/${id}/referral/extend`, { note: '延期' }), 400, 'REFERRAL_MISSING');
  });

  it('the answered referral does not hold up the reviewer\'s opinion', async () => {
    const d = await step(t, staff.secrecy, id, 'secrecy_opinion', { conclusion: 'proactive', opinion: '依保密部门答复，同意主动公开' });
    expect(d.item.state).toBe('leader_approval');
  });

  it('SEC-8: the extension must be asked before the first 7 working days run out', async () => {
    const late = await createItem(t, staff.drafter, { title: '2026年第四季度就业形势分析' });
    await walk(t, staff, late, 'dept_opinion');
    await step(t, staff.secrecy, late, 'secrecy_opinion', { conclusion: 'refer', opinion: '无法确定是否涉密' });
    // Sent Mon 11-23; seven working days end Wed 12-02. Thursday 12-03 is too late.
    t.clock.advance(days(10));
    const office = await signIn(t, 'rsj.office');
    expectError(await call(t, office, 'POST', `/items/${late}/referral/extend`, { note: '延期' }), 409, 'REFERRAL_TERM_PASSED', /首个期限已过，不能再延长/);
  });
});

// =================================================================================================

describe('6. consultations with co-makers and third parties (SEC-7, LAW-32, LAW-34, PUB-4)', () => {
  const city = withDemoCity();
  let t: TestApp;
  let staff: Staff;
  beforeAll(async () => {
    t = city();
    staff = await rsjStaff(t);
  });

  async function inSecrecyReview(title: string) {
    const id = await createItem(t, staff.drafter, { title });
    await walk(t, staff, id, 'dept_opinion');
    return id;
  }
  async function consult(id: string, kind: 'joint' | 'third_party', party: string) {
    const res = await call(t, staff.office, 'POST', `/items/${id}/consultations`, { kind, party });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }
  const answer = (cid: string, body: Body) => call(t, staff.office, 'POST', `/consultations/${cid}/answer`, body);
  const opinion = (id: string, conclusion = 'proactive') => act(t, staff.secrecy, id, 'secrecy_opinion', { conclusion, opinion: '审查意见' });

  it('consultations are asked only during the review', async () => {
    const id = await createItem(t, staff.drafter);
    expectError(await call(t, staff.office, 'POST', `/items/${id}/consultations`, { kind: 'joint', party: '示例市财政局' }), 400, 'ITEM_NOT_IN_REVIEW', /只能在审查阶段征求意见/);
    expectError(await call(t, staff.drafter, 'POST', `/items/${id}/consultations`, { kind: 'joint', party: '示例市财政局' }), 403, 'FORBIDDEN');
  });

  it('LAW-32: a pending third party blocks the opinion; its refusal blocks 主动公开 (THIRD_PARTY_REFUSED) but not 依申请公开', async () => {
    const id = await inSecrecyReview('关于某人力资源服务公司经营许可情况的通报');
    const cid = await consult(id, 'third_party', '示例市某人力资源服务有限公司');
    expectError(await opinion(id), 409, 'CONSULTATION_PENDING', /尚在等待“示例市某人力资源服务有限公司”的意见（《中华人民共和国政府信息公开条例》第三十二条）/);

    expect((await answer(cid, { answer: 'refuse', text: '涉及本公司经营信息，不同意公开' })).statusCode).toBe(204);
    expectError(await answer(cid, { answer: 'consent', text: '改为同意' }), 400, 'CONSULTATION_ANSWERED', /该意见已登记/);
    expectError(await opinion(id), 409, 'THIRD_PARTY_REFUSED', /第三方“示例市某人力资源服务有限公司”不同意公开.*（《中华人民共和国政府信息公开条例》第三十二条）/);
    expect((await detail(t, staff.secrecy, id)).item.state).toBe('secrecy_review');

    const d = await step(t, staff.secrecy, id, 'secrecy_opinion', { conclusion: 'on_application', opinion: '尊重第三方意见，依申请公开' });
    expect(d.item).toMatchObject({ state: 'leader_approval', conclusion: 'on_application' });
  });

  it('LAW-32, PUB-4: a refusal answered with a public-interest override lets the item be opined 主动公开', async () => {
    const id = await inSecrecyReview('关于欠薪企业名单的通报');
    const joint = await consult(id, 'joint', '示例市医疗保障局');
    expectError(await answer(joint, { answer: 'consent', text: '同意', overrideReason: '公共利益' }), 400, 'OVERRIDE_NOT_APPLICABLE', /只有第三方不同意公开时/);
    expect((await answer(joint, { answer: 'consent', text: '同意公开' })).statusCode).toBe(204);

    const third = await consult(id, 'third_party', '示例市某建筑有限公司');
    const override = '涉及众多农民工工资支付，公共利益重大，已书面告知第三方';
    expect((await answer(third, { answer: 'refuse', text: '不同意公开', overrideReason: override })).statusCode).toBe(204);
    const before = await detail(t, staff.secrecy, id);
    expect(before.consultations.map((c) => [c.kind, c.answer, c.overrideReason])).toEqual([
      ['joint', 'consent', ''],
      ['third_party', 'refuse', override],
    ]);
    const d = await step(t, staff.secrecy, id, 'secrecy_opinion', { conclusion: 'proactive', opinion: '公共利益优先，同意主动公开' });
    expect(d.item.state).toBe('leader_approval');
  });

  it('LAW-32: the office can record the public-interest override after registering the refusal', async () => {
    const id = await inSecrecyReview('关于工伤事故调查处理情况的通报');
    const cid = await consult(id, 'third_party', '示例市某机械厂');
    expect((await answer(cid, { answer: 'refuse', text: '不同意公开' })).statusCode).toBe(204);
    const later = await answer(cid, { answer: 'refuse', text: '不同意公开', overrideReason: '涉及公共安全，公共利益重大' });
    expect(later.statusCode, later.body).toBe(204);
    expect((await opinion(id)).statusCode).toBe(200);
  });

  it('SEC-7: a co-maker\'s refusal blocks 主动公开 (JOINT_CONSENT_REFUSED)', async () => {
    const id = await inSecrecyReview('关于联合开展就业援助月活动的通知');
    const cid = await consult(id, 'joint', '示例市财政局');
    expect((await answer(cid, { answer: 'refuse', text: '资金数据尚未确定，不同意公开' })).statusCode).toBe(204);
    expectError(await opinion(id), 409, 'JOINT_CONSENT_REFUSED', /联合制作单位“示例市财政局”不同意公开/);
    expect((await opinion(id, 'exempt')).statusCode).toBe(200);
  });

  it('SEC-7, LAW-34: a co-maker\'s silence counts as consent only after 15 working days', async () => {
    const id = await inSecrecyReview('关于联合发布2026年度企业工资指导线的通知');
    await consult(id, 'joint', '示例市发展和改革委员会');
    expectError(await opinion(id), 409, 'CONSULTATION_PENDING', /尚在等待“示例市发展和改革委员会”的意见（《中华人民共和国政府信息公开条例》第三十四条）/);

    // Asked Mon 11-23: 11-24..27 (4), 11-30..12-04 (9), 12-07..11 (14), Mon 12-14 (15).
    // Three weeks later it is Mon 12-14 10:00: fifteen calendar days are long gone, the term is not.
    t.clock.advance(days(21));
    let secrecy = await signIn(t, 'rsj.secrecy');
    expect((await detail(t, secrecy, id)).consultations[0]).toMatchObject({ kind: 'joint', answer: null, expired: false });
    expectError(await act(t, secrecy, id, 'secrecy_opinion', { conclusion: 'proactive', opinion: '同意' }), 409, 'CONSULTATION_PENDING');

    // Tuesday 12-15: the term ran out yesterday; silence is consent.
    t.clock.advance(days(1));
    secrecy = await signIn(t, 'rsj.secrecy');
    expect((await detail(t, secrecy, id)).consultations[0]).toMatchObject({ answer: null, expired: true });
    const d = await step(t, secrecy, id, 'secrecy_opinion', { conclusion: 'proactive', opinion: '联合制作单位逾期未答复，视为同意' });
    expect(d.item).toMatchObject({ state: 'leader_approval', conclusion: 'proactive' });
  });
});

// =================================================================================================

describe('7. revision of a published item (PUB-3, CAT-1)', () => {
  const city = withDemoCity();
  let t: TestApp;
  let staff: Staff;
  let id: string;
  const V1 = '见习补贴标准为每人每月1500元。';
  const V2 = '见习补贴标准为每人每月1800元。';
  beforeAll(async () => {
    t = city();
    staff = await rsjStaff(t);
    id = await createItem(t, staff.drafter, { body: V1 });
    await walk(t, staff, id, 'publish');
  });

  it('a revision needs a reason', async () => {
    expectError(await act(t, staff.drafter, id, 'revise', {}), 400, 'REASON_REQUIRED', /^请说明修订理由$/);
    expect((await detail(t, staff.drafter, id)).item.state).toBe('published');
  });

  it('PUB-3: the revision is version 2 in draft, its deadline counted from the day of the change', async () => {
    const d = await step(t, staff.drafter, id, 'revise', { reason: '调整见习补贴标准' });
    expect(d.item).toMatchObject({ state: 'draft', version: 2, changeReason: '调整见习补贴标准', changedOn: '2026-11-23', indexNumber: 'RSJ/2026-00001', conclusion: null });
    // Changed Mon 11-23: 11-24..27 (4), 11-30..12-04 (9), 12-07..11 (14), 12-14..18 (19), Mon 12-21 (20).
    expect(d.deadline).toMatchObject({ rule: 'PUB-3', startDate: '2026-11-23', dueDate: '2026-12-21', state: 'running', light: 'green' });
    expect(d.actions).toEqual(['submit']);
  });

  it('the public page keeps showing version 1 while version 2 is worked on', async () => {
    const patched = await call(t, staff.drafter, 'PATCH', `/items/${id}`, { body: V2 });
    expect(patched.statusCode, patched.body).toBe(200);
    const page = (await publicPage(t, 'RSJ', id)).body;
    expect(page).toContain('<th scope="row">版本</th><td>第 1 版</td>');
    expect(page).toContain(V1);
    expect(page).not.toContain(V2);
  });

  it('CAT-1: republished, it keeps its index number and shows version 2 with its change reason', async () => {
    const d = await walk(t, staff, id, 'publish');
    expect(d.item).toMatchObject({ state: 'published', version: 2, indexNumber: 'RSJ/2026-00001' });
    const page = (await publicPage(t, 'RSJ', id)).body;
    expect(page).toContain('<th scope="row">索引号</th><td>RSJ/2026-00001</td>');
    expect(page).toContain('<th scope="row">版本</th><td>第 2 版（修订：调整见习补贴标准）</td>');
    expect(page).toContain(V2);
    expect(page).not.toContain(V1);
    const ledger = (await call(t, staff.office, 'GET', '/ledger')).json();
    expect(ledger.items).toHaveLength(1);
    expect(ledger.items[0]).toMatchObject({ id, version: 2, indexNumber: 'RSJ/2026-00001' });
  });

  it('ATTR-7, PUB-7: the office records the paper copies and, later, the repeal; the catalog entry stays, marked 废止', async () => {
    expect((await call(t, staff.office, 'PUT', `/items/${id}/paper-copies`, { copies: 1 })).statusCode).toBe(204);
    expectError(await call(t, staff.office, 'POST', `/items/${id}/validity`, { validity: 'repealed', reason: ' ' }), 400, 'REASON_REQUIRED');
    expect((await call(t, staff.office, 'POST', `/items/${id}/validity`, { validity: 'repealed', reason: '被新通知替代' })).statusCode).toBe(204);
    const page = (await publicPage(t, 'RSJ', id));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<th scope="row">有效性</th><td>废止</td>');
    expect((await call(t, staff.office, 'GET', '/ledger')).json().items[0]).toMatchObject({ id, validity: 'repealed', paperCopies: 1 });
  });

  it('CAT-1: the republication used no number of the sequence; the next item gets 00002', async () => {
    const next = await createItem(t, staff.drafter, { title: '关于举办2026年冬季招聘会的通知' });
    const d = await walk(t, staff, next, 'publish');
    expect(d.item.indexNumber).toBe('RSJ/2026-00002');
  });
});

// =================================================================================================

describe('8. the publication deadline\'s traffic light on the 2026 calendar (PUB-3, LAW-26)', () => {
  const city = withDemoCity();
  let t: TestApp;
  let staff: Staff;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = city();
    staff = await rsjStaff(t);
    for (const made of ['2026-11-02', '2026-10-26', '2026-10-09', '2026-09-30']) ids[made] = await createItem(t, staff.drafter, { title: `成文于${made}的通知`, dateMade: made });
    ids.nonPublic = await createItem(t, staff.drafter, { title: '内部工作方案', attribute: 'not_disclosed', attributeReason: '内部事务信息' });
  });

  const listed = async () => {
    const res = await call(t, staff.drafter, 'GET', '/items?pageSize=50');
    expect(res.statusCode, res.body).toBe(200);
    return new Map((res.json().items as Array<Record<string, any>>).map((i) => [i.id, i.deadline]));
  };

  it('made Mon 11-02 → due Mon 11-30, five working days left on Mon 11-23: green', async () => {
    // 11-03..06 (4), 11-09..13 (9), 11-16..20 (14), 11-23..27 (19), 11-30 (20).
    expect((await listed()).get(ids['2026-11-02']!)).toMatchObject({ rule: 'PUB-3', dueDate: '2026-11-30', state: 'running', light: 'green', remainingWorkdays: 5 });
  });

  it('made Mon 10-26 → due today, Mon 11-23: yellow', async () => {
    // 10-27..30 (4), 11-02..06 (9), 11-09..13 (14), 11-16..20 (19), 11-23 (20).
    expect((await listed()).get(ids['2026-10-26']!)).toMatchObject({ dueDate: '2026-11-23', state: 'running', light: 'yellow', remainingWorkdays: 0 });
  });

  it('made Fri 10-09 → the make-up Saturday 10-10 counts → due Thu 11-05: overdue, red', async () => {
    // 10-10 make-up Sat (1), 10-12..16 (6), 10-19..23 (11), 10-26..30 (16), 11-02..05 (20).
    const d = (await listed()).get(ids['2026-10-09']!);
    expect(d).toMatchObject({ dueDate: '2026-11-05', state: 'overdue', light: 'red' });
    expect((d.explanation as string[]).some((s) => s.includes('2026-10-10') && s.includes('调休工作日'))).toBe(true);
  });

  it('made Wed 09-30 → National Day 10-01..07 skipped → due Tue 11-03: red', async () => {
    // 10-08 (1), 10-09 (2), 10-10 make-up (3), 10-12..16 (8), 10-19..23 (13), 10-26..30 (18), 11-02 (19), 11-03 (20).
    const d = (await listed()).get(ids['2026-09-30']!);
    expect(d).toMatchObject({ dueDate: '2026-11-03', state: 'overdue', light: 'red' });
    expect((d.explanation as string[]).some((s) => s.includes('2026-10-01') && s.includes('国庆节'))).toBe(true);
  });

  it('an item proposed 不予公开 has no publication deadline', async () => {
    expect((await listed()).get(ids.nonPublic!)).toBeNull();
  });

  it('the drafter\'s to-do list puts the oldest deadline first, items without one last', async () => {
    const res = await call(t, staff.drafter, 'GET', '/todos');
    const order = (res.json().items as Array<Record<string, any>>).map((i) => i.id);
    expect(order).toEqual([ids['2026-09-30'], ids['2026-10-09'], ids['2026-10-26'], ids['2026-11-02'], ids.nonPublic]);
    expect((res.json().items as Array<Record<string, any>>).map((i) => [i.due, i.light])).toEqual([
      ['2026-11-03', 'red'], ['2026-11-05', 'red'], ['2026-11-23', 'yellow'], ['2026-11-30', 'green'], [null, null],
    ]);
  });

  it('correcting the date made moves the deadline: Fri 11-20 → Fri 12-18', async () => {
    const res = await call(t, staff.drafter, 'PATCH', `/items/${ids['2026-11-02']}`, { dateMade: '2026-11-20' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await detail(t, staff.drafter, ids['2026-11-02']!)).deadline).toMatchObject({ startDate: '2026-11-20', dueDate: '2026-12-18', light: 'green' });
  });

  it('a date that does not exist is refused in Chinese', async () => {
    expectError(await call(t, staff.drafter, 'POST', '/items', notice({ dateMade: '2026-02-30' })), 400, 'DATE_INVALID', /成文日期 2026-02-30 无效/);
  });
});

// =================================================================================================

/** A DOCX with one paragraph per line, built by hand: enough for Word and for the sniffer. */
function docx(lines: string[]): Uint8Array {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
        lines.map((l) => `<w:p><w:r><w:t xml:space="preserve">${esc(l)}</w:t></w:r></w:p>`).join('') +
        '</w:body></w:document>',
    ),
  });
}

/** A one-page PDF with Latin text, made with MuPDF. */
async function pdf(lines: string[]): Promise<Uint8Array> {
  const mupdf = await loadMupdf();
  const doc = new mupdf.PDFDocument();
  try {
    const font = doc.addSimpleFont(new mupdf.Font('Helvetica'));
    const resources = doc.addObject({ Font: { F1: font } });
    const text = lines.map((l, i) => `${i === 0 ? '' : '0 -20 Td '}(${l}) Tj`).join(' ');
    doc.insertPage(-1, doc.addPage([0, 0, 595, 842], 0, resources, `BT /F1 12 Tf 72 760 Td ${text} ET`));
    const buf = doc.saveToBuffer('compress');
    const out = buf.asUint8Array().slice();
    buf.destroy();
    return out;
  } finally {
    doc.destroy();
  }
}

const upload = (t: TestApp, s: Session, itemId: string, filename: string, bytes: Uint8Array) => uploadFile(t, s, `/items/${itemId}/attachments`, filename, bytes);

describe('9. attachments: recognised by content, scanned, and published with the marked text removed (SEC-2, SEC-10, LAW-37)', () => {
  // This block needs a real file store, so it builds its demo city with a temporary data directory.
  let t: TestApp;
  let dataDir: string;
  let staff: Staff;
  let id: string;
  const att: Record<string, string> = {};
  const DOCX_LINES = ['2026年度就业见习人员名单', `张某，公民身份号码${ID_NUMBER}，见习岗位：行政助理`];
  const PDF_LINES = [`Trainee ID: ${ID_NUMBER}`, 'Employment training list 2026'];

  beforeAll(async () => {
    const conn = await freshDatabase();
    const clock = testClock();
    dataDir = await mkdtemp(join(tmpdir(), 'gongkai-documents-'));
    const deps = { db: conn.db, dialect: conn.dialect, clock, dataDir, secureCookies: false };
    await seedDemo(deps);
    const app = await buildApp(deps, { logLevel: 'silent' });
    t = { app, conn, clock, close: async () => { await app.close(); await conn.close(); } };
    staff = await rsjStaff(t);
  });
  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('a DOCX and a PDF are accepted and recognised by their content', async () => {
    id = await createItem(t, staff.drafter, { title: '关于公布2026年度就业见习人员名单的通知' });
    const d = await upload(t, staff.drafter, id, '见习人员名单.docx', docx(DOCX_LINES));
    expect(d.statusCode, d.body).toBe(201);
    expect(d.json()).toMatchObject({ name: '见习人员名单.docx', kind: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    att.docx = d.json().id;
    // A PDF uploaded under a misleading name is still a PDF.
    const p = await upload(t, staff.drafter, id, 'list.dat', await pdf(PDF_LINES));
    expect(p.statusCode, p.body).toBe(201);
    expect(p.json()).toMatchObject({ kind: 'pdf', mime: 'application/pdf' });
    att.pdf = p.json().id;
    expect((await detail(t, staff.drafter, id)).attachments.map((a) => [a.name, a.kind, a.hasPublicVersion])).toEqual([
      ['见习人员名单.docx', 'docx', false],
      ['list.dat', 'pdf', false],
    ]);
  });

  it('a text file renamed .pdf is refused 415 FILE_TYPE_NOT_ALLOWED, and nothing is attached', async () => {
    const res = await upload(t, staff.drafter, id, '名单.pdf', strToU8(`张某 ${ID_NUMBER}\n`));
    expectError(res, 415, 'FILE_TYPE_NOT_ALLOWED', /“名单\.pdf”不是允许的文件类型（PDF、Word、Excel、PNG、JPEG），以文件内容为准/);
    expect((await detail(t, staff.drafter, id)).attachments).toHaveLength(2);
  });

  it('only the drafter uploads, and only to a draft', async () => {
    expectError(await upload(t, staff.sb, id, 'a.docx', docx(['x'])), 400, 'ITEM_NOT_DRAFT', /只有拟稿人可以在草稿阶段添加附件/);
    expectError(await upload(t, staff.office, id, 'a.docx', docx(['x'])), 403, 'FORBIDDEN');
  });

  it('SEC-2: the findings include the ID number in each attachment', async () => {
    await walk(t, staff, id, 'dept_opinion');
    expectError(await upload(t, staff.drafter, id, 'late.docx', docx(['x'])), 400, 'ITEM_NOT_DRAFT');
    const d = await detail(t, staff.secrecy, id);
    const bySource = d.findings.map((f) => [f.source, f.kind, f.text, f.status]).sort();
    expect(bySource).toEqual([[att.docx, 'id_number', ID_NUMBER, 'open'], [att.pdf, 'id_number', ID_NUMBER, 'open']].sort());
  });

  it('SEC-10: one "removed" settles the same number in both files; the leader approves', async () => {
    const d = await detail(t, staff.secrecy, id);
    const res = await call(t, staff.secrecy, 'POST', `/findings/${d.findings[0]!.id}/resolve`, { status: 'removed', reason: '公民个人隐私' });
    expect(res.statusCode, res.body).toBe(204);
    expect((await detail(t, staff.secrecy, id)).findings.map((f) => f.status)).toEqual(['removed', 'removed']);
    await step(t, staff.secrecy, id, 'secrecy_opinion', { conclusion: 'proactive', opinion: '删除身份证号码后主动公开' });
    await step(t, staff.leader, id, 'approve');
  });

  it('LAW-37: after publication the public files do not contain the number; the originals are for staff only', async () => {
    const d = await step(t, staff.office, id, 'publish', { channels: ['platform'] });
    expect(d.attachments.map((a) => a.hasPublicVersion)).toEqual([true, true]);
    const page = (await publicPage(t, 'RSJ', id)).body;
    expect(page).toContain(`<a href="/xxgk/files/${id}/${att.docx}">见习人员名单.docx</a>`);
    expect(page).toContain(`<a href="/xxgk/files/${id}/${att.pdf}">list.dat</a>`);

    const word = await t.app.inject({ method: 'GET', url: `/xxgk/files/${id}/${att.docx}` });
    expect(word.statusCode).toBe(200);
    expect(word.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(word.headers['content-disposition']).toMatch(/^attachment; /);
    const wordText = await extractText('docx', new Uint8Array(word.rawPayload));
    expect(wordText).not.toContain(ID_NUMBER);
    expect(wordText).toContain(`张某，公民身份号码${MASKED_ID}，见习岗位：行政助理`);
    expect(word.rawPayload.includes(Buffer.from(ID_NUMBER))).toBe(false);

    const paper = await t.app.inject({ method: 'GET', url: `/xxgk/files/${id}/${att.pdf}` });
    expect(paper.statusCode).toBe(200);
    expect(paper.headers['content-type']).toBe('application/pdf');
    // A public PDF opens in the browser's viewer (issue 8), still named for saving.
    expect(paper.headers['content-disposition']).toBe(`inline; filename*=UTF-8''list.dat`);
    const pdfText = await extractText('pdf', new Uint8Array(paper.rawPayload));
    expect(pdfText).not.toContain(ID_NUMBER);
    expect(pdfText).toContain('Employment training list 2026');

    // The original stays whole, for staff of the agency only.
    const original = await call(t, staff.office, 'GET', `/attachments/${att.docx}/original`);
    expect(original.statusCode).toBe(200);
    expect(await extractText('docx', new Uint8Array(original.rawPayload))).toContain(ID_NUMBER);
    expect((await call(t, null, 'GET', `/attachments/${att.docx}/original`)).statusCode).toBe(401);
    expectError(await call(t, await signIn(t, 'ybj.office'), 'GET', `/attachments/${att.docx}/original`), 403, 'FORBIDDEN');
  });

  it('a file of an unpublished item is not public', async () => {
    const draft = await createItem(t, staff.drafter);
    const res = await upload(t, staff.drafter, draft, '通知.docx', docx(['通知正文']));
    expect(res.statusCode, res.body).toBe(201);
    expect((await t.app.inject({ method: 'GET', url: `/xxgk/files/${draft}/${res.json().id}` })).statusCode).toBe(404);
  });
});

// =================================================================================================

describe('10. access: agencies, the public and other drafters', () => {
  const city = withDemoCity();
  let t: TestApp;
  let staff: Staff;
  let id: string;
  beforeAll(async () => {
    t = city();
    staff = await rsjStaff(t);
    id = await createItem(t, staff.drafter);
  });

  it('a YBJ user cannot read or move RSJ\'s item (403), nor see it in YBJ\'s lists', async () => {
    const ybjDrafter = await signIn(t, 'ybj.drafter');
    const ybjOffice = await signIn(t, 'ybj.office');
    expectError(await call(t, ybjDrafter, 'GET', `/items/${id}`), 403, 'FORBIDDEN', /您在该机关没有执行此操作的角色/);
    expectError(await call(t, ybjOffice, 'GET', `/items/${id}`), 403, 'FORBIDDEN');
    expectError(await act(t, ybjOffice, id, 'return', { opinion: '退回' }), 403, 'FORBIDDEN');
    expectError(await call(t, ybjDrafter, 'PATCH', `/items/${id}`, { title: '改' }), 403, 'FORBIDDEN');
    const list = await call(t, ybjOffice, 'GET', '/items');
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(0);
    expect((await call(t, staff.office, 'GET', '/items')).json().items.map((i: { id: string }) => i.id)).toEqual([id]);
  });

  it('the public page of an unpublished item is 404, for any agency code and a made-up id', async () => {
    for (const url of [`/xxgk/RSJ/items/${id}`, `/xxgk/YBJ/items/${id}`, '/xxgk/RSJ/items/nonexistent']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain('信息不存在或未公开');
    }
    expect((await call(t, null, 'GET', `/items/${id}`)).statusCode).toBe(401);
  });

  it('another drafter of the same agency can read the draft but cannot edit or submit it', async () => {
    expect((await detail(t, staff.sb, id)).actions).toEqual([]);
    expectError(await call(t, staff.sb, 'PATCH', `/items/${id}`, { title: '被他人修改' }), 400, 'ITEM_NOT_DRAFTER', /^只有拟稿人可以修改草稿$/);
    expectError(await act(t, staff.sb, id, 'submit'), 403, 'FORBIDDEN', /^只有拟稿人本人可以提交$/);
    const d = await detail(t, staff.drafter, id);
    expect(d.item).toMatchObject({ title: TITLE, state: 'draft' });
    expect(d.steps).toEqual([]);
  });

  it('the drafter cannot edit once submitted; only drafters create items; administrators do not read them', async () => {
    await step(t, staff.drafter, id, 'submit');
    expectError(await call(t, staff.drafter, 'PATCH', `/items/${id}`, { title: '提交后修改' }), 400, 'ITEM_NOT_DRAFT');
    expectError(await call(t, staff.office, 'POST', '/items', notice()), 403, 'FORBIDDEN');
    expectError(await call(t, await signIn(t, 'sysadmin'), 'GET', `/items/${id}`), 403, 'FORBIDDEN');
    expectError(await act(t, staff.drafter, id, 'pass_check'), 403, 'FORBIDDEN', /您没有执行此操作的角色/);
  });
});
