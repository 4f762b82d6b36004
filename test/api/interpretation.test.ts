/**
 * Policy interpretation (政策解读) through the console's HTTP API and on the portal: the
 * interpretation as an item of its own reviewed with its policy (INT-3), the office check of
 * its content (INT-6, INT-7), the 10-working-day clock after a policy published alone (INT-5)
 * on the real 2026 Spring Festival calendar, the 三同步 rate, the year view (INT-8) and the
 * re-issue (INT-9). The test clock starts on Thursday 2026-02-12 10:00 Beijing time.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleImage } from '../../src/modules/files/fixtures/samples.ts';
import { CHECKLIST } from '../../src/modules/interpretation/interpretation.rules.ts';
import { agencyId, call, demoApp, expectError, signIn, uploadFile, withDemoCity, type Session, type TestApp } from '../support/app.ts';

type Body = Record<string, unknown>;
type Staff = { drafter: Session; head: Session; office: Session; secrecy: Session; leader: Session };

const PLAN = { outline: '出台背景、补贴标准、申领条件', form: '问答', channel: '门户网站政策解读栏目', time: '与文件同步发布' };
const policy = (title: string): Body => ({
  kind: 'document', docKind: 'notice', docNumber: '示人社规〔2026〕1号', title, body: '为促进就业，现就一次性就业补贴有关事项通知如下……',
  dateMade: '2026-02-10', category: 'policy', attribute: 'proactive', policyLevel: 'normative', interpretationPlan: PLAN,
});
const checklist = (skip: string[] = []) =>
  Object.fromEntries(Object.keys(CHECKLIST).filter((k) => !skip.includes(k)).map((k) => [k, k === 'changes' ? { content: '', notApplicableReason: '首次出台，无旧政策' } : { content: `关于${CHECKLIST[k as keyof typeof CHECKLIST]}的说明`, notApplicableReason: '' }]));
const QA = [{ question: '谁可以申领一次性就业补贴？', answer: '在本市登记失业并实现就业的人员。' }, { question: '补贴标准是多少？', answer: '每人1000元。' }];
const qa = (title: string, policyIds: string[], over: Body = {}): Body => ({
  title, summary: '图文问答解读', body: '', dateMade: '2026-02-10', form: 'qa', content: { pairs: QA }, checklist: checklist(), policyIds, ...over,
});

async function staffOf(t: TestApp): Promise<Staff> {
  return { drafter: await signIn(t, 'rsj.drafter'), head: await signIn(t, 'rsj.head'), office: await signIn(t, 'rsj.office'), secrecy: await signIn(t, 'rsj.secrecy'), leader: await signIn(t, 'rsj.leader') };
}

const PATH: Array<[keyof Staff, string, Body]> = [
  ['drafter', 'submit', {}],
  ['office', 'pass_check', {}],
  ['head', 'dept_opinion', { opinion: '同意' }],
  ['secrecy', 'secrecy_opinion', { conclusion: 'proactive', opinion: '同意主动公开' }],
  ['leader', 'approve', { opinion: '同意' }],
  ['office', 'publish', { channels: ['platform', 'website'] }],
];

async function step(t: TestApp, s: Session, id: string, action: string, body: Body = {}) {
  const res = await call(t, s, 'POST', `/items/${id}/actions/${action}`, body);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json();
}
async function walk(t: TestApp, staff: Staff, id: string, until = 'publish') {
  for (const [who, action, body] of PATH) {
    await step(t, staff[who], id, action, body);
    if (action === until) return;
  }
}
async function newPolicy(t: TestApp, staff: Staff, title: string): Promise<string> {
  const res = await call(t, staff.drafter, 'POST', '/items', policy(title));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
async function newInterpretation(t: TestApp, staff: Staff, body: Body): Promise<Record<string, any>> {
  const res = await call(t, staff.drafter, 'POST', '/interpretations', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const stateOf = async (t: TestApp, s: Session, id: string) => (await call(t, s, 'GET', `/items/${id}`)).json().item.state;
const overview = async (t: TestApp, s: Session) => (await call(t, s, 'GET', '/interpretations')).json();

describe('三同步: a normative policy and its Q&A interpretation reviewed and published together', () => {
  const city = withDemoCity('2026-02-12T02:00:00.000Z');
  let t: TestApp;
  let staff: Staff;
  let policyId: string;
  let interpretationId: string;

  beforeAll(async () => {
    t = city();
    staff = await staffOf(t);
  });

  it('INT-1, INT-2: only the drafting unit interprets, and only policy documents', async () => {
    policyId = await newPolicy(t, staff, '关于发放一次性就业补贴的通知');
    const other = await call(t, staff.drafter, 'POST', '/items', { ...policy('工作动态'), category: 'work', policyLevel: 'none', interpretationPlan: null });
    expectError(await call(t, staff.drafter, 'POST', '/interpretations', qa('解读', [other.json().id])), 409, 'NOT_A_POLICY', /不是政策性文件/);
    expectError(await call(t, staff.office, 'POST', '/interpretations', qa('解读', [policyId])), 403, 'FORBIDDEN');
  });

  it('INT-7: the drafter writes a Q&A interpretation linked to the policy; the console sees what is missing', async () => {
    const created = await newInterpretation(t, staff, qa('《关于发放一次性就业补贴的通知》政策问答', [policyId], { checklist: checklist(['cautions']) }));
    interpretationId = created.item.id;
    expect(created.item).toMatchObject({ category: 'interpretation', attribute: 'proactive', unitName: '就业促进科', state: 'draft' });
    expect(created.interpretation.policies.map((p: any) => p.id)).toEqual([policyId]);
    expect(created.interpretation.problems.join()).toContain('注意事项');
    const policyDetail = (await call(t, staff.office, 'GET', `/items/${policyId}`)).json();
    expect(policyDetail.interpretationLinks.interpretations.map((i: any) => i.id)).toEqual([interpretationId]);
  });

  it('INT-3: submitting the policy submits its interpretation; INT-6: the office check refuses both while a point is skipped', async () => {
    await step(t, staff.drafter, policyId, 'submit');
    expect(await stateOf(t, staff.office, interpretationId)).toBe('office_check');
    const refused = await call(t, staff.office, 'POST', `/items/${policyId}/actions/pass_check`, {});
    expectError(refused, 409, 'CHECKLIST_INCOMPLETE', /解读材料“《关于发放一次性就业补贴的通知》政策问答”.*“注意事项”尚未填写/);
    expect(await stateOf(t, staff.office, policyId)).toBe('office_check');
    await step(t, staff.office, policyId, 'return', { opinion: '解读缺少注意事项' });
    expect(await stateOf(t, staff.office, interpretationId)).toBe('draft');
    const fixed = await call(t, staff.drafter, 'PATCH', `/interpretations/${interpretationId}`, { checklist: checklist() });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().interpretation.problems).toEqual([]);
  });

  it('INT-3: each reviewer decides on both; publication publishes both and meets the clock at once', async () => {
    await walk(t, staff, policyId);
    const interp = (await call(t, staff.office, 'GET', `/interpretations/${interpretationId}`)).json();
    expect(interp.item.state).toBe('published');
    expect(interp.item.indexNumber).toMatch(/^.+\/2026-\d+$/);
    expect(interp.steps.map((s: any) => s.action)).toEqual(['submit', 'return', 'submit', 'pass_check', 'dept_opinion', 'secrecy_opinion', 'approve', 'publish']);
    const o = await overview(t, staff.office);
    const row = o.items.find((r: any) => r.policyId === policyId);
    expect(row.deadline).toMatchObject({ state: 'met', metLate: false, dueDate: '2026-03-04' });
    expect(o.rate).toMatchObject({ due: 1, onTime: 1, rate: 1 });
  });

  it('the portal: the policy lists its interpretation, the interpretation links its policy, Q&A as a description list', async () => {
    const policyPage = await t.app.inject({ method: 'GET', url: `/xxgk/RSJ/items/${policyId}` });
    expect(policyPage.body).toContain(`href="/xxgk/RSJ/items/${interpretationId}"`);
    expect(policyPage.body).toContain('政策解读');
    const page = await t.app.inject({ method: 'GET', url: `/xxgk/RSJ/items/${interpretationId}` });
    expect(page.body).toContain(`href="/xxgk/RSJ/items/${policyId}"`);
    expect(page.body).toMatch(/<dl class="qa">\s*<dt>谁可以申领一次性就业补贴？<\/dt>\s*<dd>/);
    const column = await t.app.inject({ method: 'GET', url: '/xxgk/RSJ/catalog?category=interpretation' });
    expect(column.body).toContain('《关于发放一次性就业补贴的通知》政策问答');
    const city = await t.app.inject({ method: 'GET', url: '/xxgk/interpretations' });
    expect(city.statusCode).toBe(200);
    expect(city.body).toContain('《关于发放一次性就业补贴的通知》政策问答');
    expect(city.body).toContain('关于发放一次性就业补贴的通知');
    const search = (await t.app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent('一次性就业补贴')}` })).body;
    expect(search).toContain(`政策解读：<a href="/xxgk/RSJ/items/${interpretationId}">`);
    expect(search).toContain(`所解读的文件：<a href="/xxgk/RSJ/items/${policyId}">`);
    const searchColumn = (await t.app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent('就业补贴')}&category=interpretation` })).body;
    expect(searchColumn).toContain('找到 1 条');
    const csv = await t.app.inject({ method: 'GET', url: '/xxgk/RSJ/catalog.csv?category=interpretation' });
    expect(csv.body).toContain('政策问答');
  });

  it('INT-9: a re-issue gives its reason, links the first and explains the same policies', async () => {
    const { policyIds: _, ...fields } = qa('再解读', []);
    expectError(await call(t, staff.drafter, 'POST', `/interpretations/${interpretationId}/reissue`, { ...fields, reason: ' ' }), 409, 'REISSUE_REASON_REQUIRED', /再解读须说明原因/);
    const res = await call(t, staff.drafter, 'POST', `/interpretations/${interpretationId}/reissue`, {
      title: '关于一次性就业补贴申领条件的再解读', dateMade: '2026-02-12', form: 'article', body: '针对“不限户籍”的误读，现再作说明……', checklist: checklist(), reason: '网上出现“不限户籍”的误读',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().interpretation).toMatchObject({ reissueOf: { id: interpretationId, reason: '网上出现“不限户籍”的误读' } });
    expect(res.json().interpretation.policies.map((p: any) => p.id)).toEqual([policyId]);
    const first = (await call(t, staff.drafter, 'GET', `/interpretations/${interpretationId}`)).json();
    expect(first.interpretation.reissues.map((r: any) => r.id)).toEqual([res.json().item.id]);
  });
});

describe('INT-5: a policy published alone starts 10 working days over the 2026 Spring Festival', () => {
  const city = withDemoCity('2026-02-12T02:00:00.000Z');
  let t: TestApp;
  let staff: Staff;
  let policyId: string;

  beforeAll(async () => {
    t = city();
    staff = await staffOf(t);
  });

  it('INT-3, INT-5: an interpretation cannot be published before its policy; waiting approved, it is published with it', async () => {
    const first = await newPolicy(t, staff, '关于调整失业保险金标准的通知');
    const early = await newInterpretation(t, staff, qa('失业保险金标准调整问答', [first]));
    await walk(t, staff, early.item.id, 'approve');
    expectError(await call(t, staff.office, 'POST', `/items/${early.item.id}/actions/publish`, { channels: ['platform'] }), 409, 'POLICY_NOT_PUBLISHED', /尚未发布/);
    await walk(t, staff, first);
    expect(await stateOf(t, staff.office, early.item.id)).toBe('published');
  });

  it('INT-5: the policy published alone shows its clock, due 2026-03-04 with the make-up Saturdays counted, on the drafter\'s to-do list', async () => {
    policyId = await newPolicy(t, staff, '关于发放稳岗返还资金的通知');
    await walk(t, staff, policyId);
    const todo = (await call(t, staff.drafter, 'GET', '/todos')).json().items.find((i: any) => i.id === policyId && i.kind === 'interpretation');
    expect(todo).toMatchObject({ title: '待发布政策解读：关于发放稳岗返还资金的通知', due: '2026-03-04', light: 'green' });
    const row = (await overview(t, staff.drafter)).items.find((r: any) => r.policyId === policyId);
    expect(row.deadline.explanation.join('\n')).toContain('政策文件发布');
    expect(row.deadline.explanation.join('\n')).toContain('2026-02-14');
    expect(row.deadline.explanation.join('\n')).not.toMatch(/INT-/);
    const office = (await call(t, staff.office, 'GET', '/todos')).json().items.find((i: any) => i.id === policyId && i.kind === 'interpretation');
    expect(office).toBeUndefined();
    expect((await call(t, staff.office, 'GET', '/interpretations?pending=true')).json().items.map((r: any) => r.policyId)).toEqual([policyId]);
  });

  it('INT-5: published late, the interpretation meets the clock late and the 三同步 rate says so', async () => {
    t.clock.advance(21 * 24 * 60); // 2026-03-05, a day past the term
    staff = await staffOf(t);
    expect((await overview(t, staff.office)).items.find((r: any) => r.policyId === policyId).deadline).toMatchObject({ state: 'overdue', light: 'red' });
    const late = await newInterpretation(t, staff, qa('稳岗返还政策问答', [policyId], { dateMade: '2026-03-05' }));
    await walk(t, staff, late.item.id);
    const o = await overview(t, staff.office);
    expect(o.items.find((r: any) => r.policyId === policyId).deadline).toMatchObject({ state: 'met', metLate: true });
    expect(o.rate).toMatchObject({ due: 2, onTime: 1, late: 1, rate: 0.5 });
    expect((await call(t, staff.drafter, 'GET', '/todos')).json().items.some((i: any) => i.kind === 'interpretation')).toBe(false);
    expect((await call(t, staff.office, 'GET', '/interpretations?pending=true')).json()).toMatchObject({ total: 0, items: [], rate: { rate: 0.5 } });
  });

  it('INT-5: the office may set a stricter figure, never a looser one; new clocks use it', async () => {
    expectError(await call(t, staff.drafter, 'PUT', '/interpretations/settings', { days: 5 }), 403, 'FORBIDDEN');
    expect((await call(t, staff.office, 'PUT', '/interpretations/settings', { days: 11 })).statusCode).toBe(400);
    expect((await call(t, staff.office, 'PUT', '/interpretations/settings', { days: 5 })).json()).toEqual({ days: 5 });
    const id = await newPolicy(t, staff, '关于就业见习补贴的通知');
    await walk(t, staff, id);
    const row = (await overview(t, staff.office)).items.find((r: any) => r.policyId === id);
    expect(row.deadline.term).toEqual({ unit: 'workdays', n: 5 });
  });

  it('INT-8: the year view warns in the fourth quarter while no important policy was interpreted', async () => {
    expect((await call(t, staff.office, 'GET', '/interpretations/year')).json()).toMatchObject({ year: 2026, importantInterpreted: 0, warning: null });
    t.clock.advance(220 * 24 * 60); // October 2026
    staff = await staffOf(t);
    const year = (await call(t, staff.office, 'GET', '/interpretations/year')).json();
    expect(year.warning).toContain('每年至少解读一项重要政策');
    expect(year.interpreted.map((r: any) => r.policyTitle)).toEqual(['关于调整失业保险金标准的通知', '关于发放稳岗返还资金的通知']);
  });
});

describe('INT-2: a colleague of the drafting unit writes the interpretation', () => {
  const city = withDemoCity('2026-02-12T02:00:00.000Z');

  it('INT-2, INT-3: the policy\'s drafter submits the policy and, with it, the colleague\'s interpretation', async () => {
    const t = city();
    const staff = await staffOf(t);
    const rsj = await agencyId(t, 'RSJ');
    const unit = await t.conn.db.selectFrom('units').select('id').where('agency_id', '=', rsj).where('name', '=', '就业促进科').executeTakeFirstOrThrow();
    const password = 'Kaifang#Test2026';
    const created = await call(t, await signIn(t, 'sysadmin'), 'POST', '/users', { username: 'rsj.drafter2', name: '陈拟稿', agencyId: rsj, unitId: unit.id, password });
    expect(created.statusCode, created.body).toBe(201);
    expect((await call(t, await signIn(t, 'secadmin'), 'POST', `/users/${created.json().id}/grants`, { agencyId: rsj, role: 'drafter' })).statusCode).toBe(201);
    const colleague = await signIn(t, 'rsj.drafter2', password);
    const policyId = await newPolicy(t, staff, '关于就业困难人员认定办法的通知');
    const res = await call(t, colleague, 'POST', '/interpretations', qa('就业困难人员认定办法问答', [policyId]));
    expect(res.statusCode, res.body).toBe(201);
    expectError(await call(t, colleague, 'POST', `/items/${policyId}/actions/submit`, {}), 403, 'FORBIDDEN', /只有拟稿人本人可以提交/);
    await step(t, staff.drafter, policyId, 'submit');
    expect(await stateOf(t, staff.office, res.json().item.id)).toBe('office_check');
  });
});

describe('INT-7: a graphic and a press conference, checked like any text and shown as readers need them', () => {
  let t: TestApp;
  let staff: Staff;
  let dataDir: string;
  let policyId: string;
  let graphicId: string;
  let pressId: string;
  const ID_NUMBER = '11010519491231002X';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'gongkai-interpretation-'));
    t = await demoApp('2026-02-12T02:00:00.000Z', dataDir);
    staff = await staffOf(t);
  });
  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('INT-7: the office check refuses a graphic without its picture, naming the interpretation', async () => {
    policyId = await newPolicy(t, staff, '关于提高工伤保险待遇的通知');
    graphicId = (await newInterpretation(t, staff, qa('一图读懂工伤保险待遇调整', [policyId], { form: 'graphic', content: { altText: '图中分三栏：调整对象、调整标准（每月增加120元）、发放时间（2026年3月起）。' } }))).item.id;
    pressId = (await newInterpretation(t, staff, qa('工伤保险待遇调整新闻发布会', [policyId], {
      form: 'press_conference', content: { heldOn: '2026-02-11', speakers: ['市人社局副局长 王某', '工伤保险科科长 李某'], transcript: `主持人：各位记者上午好。\n记者：咨询电话是多少？\n王某：请拨打12333。来信人${ID_NUMBER}的问题已答复。` },
    }))).item.id;
    await step(t, staff.drafter, policyId, 'submit');
    expectError(await call(t, staff.office, 'POST', `/items/${policyId}/actions/pass_check`, {}), 409, 'GRAPHIC_IMAGE_REQUIRED', /一图读懂工伤保险待遇调整.*图解须上传图片/);
    await step(t, staff.office, policyId, 'return', { opinion: '图解缺少图片' });
    const up = await uploadFile(t, staff.drafter, `/items/${graphicId}/attachments`, '图解.png', sampleImage('png'));
    expect(up.statusCode, up.body).toBe(201);
  });

  it('SEC-2: the transcript is checked at submission; a personal ID number found there is removed from the public copy', async () => {
    await step(t, staff.drafter, policyId, 'submit');
    const finding = (await call(t, staff.secrecy, 'GET', `/items/${pressId}`)).json().findings.find((f: any) => f.source === 'interpretation');
    expect(finding).toMatchObject({ kind: 'id_number', text: ID_NUMBER, status: 'open' });
    await step(t, staff.office, policyId, 'pass_check');
    await step(t, staff.head, policyId, 'dept_opinion', { opinion: '同意' });
    expect((await call(t, staff.secrecy, 'POST', `/findings/${finding.id}/resolve`, { status: 'removed', reason: '公民个人信息' })).statusCode).toBe(204);
    await step(t, staff.secrecy, policyId, 'secrecy_opinion', { conclusion: 'proactive', opinion: '删除个人信息后同意公开' });
    await step(t, staff.leader, policyId, 'approve', { opinion: '同意' });
    await step(t, staff.office, policyId, 'publish', { channels: ['platform'] });
    expect(await stateOf(t, staff.office, graphicId)).toBe('published');
    expect(await stateOf(t, staff.office, pressId)).toBe('published');
  });

  it('INT-7: the graphic shows its text alternative; the press conference its date, speakers and transcript without the ID number', async () => {
    const graphic = (await t.app.inject({ method: 'GET', url: `/xxgk/RSJ/items/${graphicId}` })).body;
    expect(graphic).toMatch(/<img src="\/xxgk\/files\/[^"]+" alt="[^"]+" aria-describedby="graphic-text">/);
    expect(graphic).toContain('调整标准（每月增加120元）');
    const press = (await t.app.inject({ method: 'GET', url: `/xxgk/RSJ/items/${pressId}` })).body;
    expect(press).toContain('<h3>文字实录</h3>');
    expect(press).toContain('市人社局副局长 王某、工伤保险科科长 李某');
    expect(press).toContain('2026-02-11');
    expect(press).toContain('来信人【已删除】');
    expect(press).not.toContain(ID_NUMBER);
    const policyPage = (await t.app.inject({ method: 'GET', url: `/xxgk/RSJ/items/${policyId}` })).body;
    expect(policyPage).toContain(`/xxgk/RSJ/items/${graphicId}`);
    expect(policyPage).toContain(`/xxgk/RSJ/items/${pressId}`);
  });
});
