/**
 * Public-opinion cases through the API as staff work them (OP-1 … OP-5): the opinion lead
 * registers a major case on its hour clocks, assesses, reports upward and transfers it; the
 * responsible unit drafts the response as an information item that walks the whole review chain
 * (secrecy review included) and, once published, records the response and meets its clocks;
 * the unit feeds back, the lead closes; the log, its Excel export and the DOCX special report.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { call, expectError, signIn, withDemoCity, type Session } from '../support/app.ts';

// The demo clock stands at 2026-11-23 10:00 Beijing time.
const MAJOR = {
  title: '网传社保卡补换需排队三小时', source: 'weibo', link: 'https://weibo.example.com/status/8801?utm_source=share', happenedAt: '2026-11-23T09:30:00+08:00',
  foundAt: '2026-11-23T09:40:00+08:00', summary: '有网民在微博发帖称市民服务中心社保卡补换窗口排队超过三小时，转发量快速上升。', riskLevel: 'major',
};

describe('opinion cases (OP-1 … OP-5)', () => {
  const city = withDemoCity();
  let lead: Session;
  // The test clock moves on past the idle timeout: each test signs the lead in afresh.
  const signInLead = async (t: ReturnType<typeof city>) => (lead = await signIn(t, 'rsj.opinion'));
  let caseId: string;
  let itemId: string;

  it('OP-1, OP-5: the opinion lead registers a major case; its 1-, 5- and 24-hour clocks run from the moment it happened', async () => {
    const t = city();
    await signInLead(t);
    const res = await call(t, lead, 'POST', '/opinion/cases', MAJOR);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    caseId = body.case.id;
    expect(body.case).toMatchObject({ caseNo: '舆情〔2026〕1号', state: 'registered', riskLevel: 'major', intake: 'manual' });
    expect(body.clocks.map((c: { rule: string; name: string }) => [c.rule, c.name])).toEqual([['OP-5', '向上级报告'], ['OPN-5H', '发布权威信息'], ['OPN-24H', '举行新闻发布会']]);
    expect(new Date(body.clocks[0].dueAt).toISOString()).toBe('2026-11-23T02:30:00.000Z');
    expect(body.clocks[0].explanation).toEqual([
      '2026-11-23（星期一）09:30起计时',
      '依据本机关政务舆情回应工作制度（重大舆情发生后1小时内向上级报告），期限为1小时，截止于2026-11-23（星期一）10:30',
    ]);
    expect(body.actions).toEqual(['assess', 'report_upward']);
    const todos = (await call(t, lead, 'GET', '/todos')).json().items;
    expect(todos.find((x: { id: string }) => x.id === caseId)).toMatchObject({ kind: 'opinion', title: `待向上级报告：${MAJOR.title}`, due: '2026-11-23', link: `/opinion/${caseId}` });
  });

  it('OP-1: the same post again — by its link without tracking, or by its text however spaced — is refused with the case number', async () => {
    const t = city();
    await signInLead(t);
    expectError(await call(t, lead, 'POST', '/opinion/cases', { ...MAJOR, link: 'https://weibo.example.com/status/8801', summary: '另一段文字' }), 409, 'OPINION_DUPLICATE', /舆情〔2026〕1号/);
    expectError(await call(t, lead, 'POST', '/opinion/cases', { ...MAJOR, link: '', summary: `${MAJOR.summary.replace(/，/g, ' ')}` }), 409, 'OPINION_DUPLICATE');
  });

  it('OP-3: only the opinion lead registers; bad times are refused in Chinese', async () => {
    const t = city();
    await signInLead(t);
    const drafter = await signIn(t, 'rsj.drafter');
    expect((await call(t, drafter, 'POST', '/opinion/cases', { ...MAJOR, title: '别的', link: '' })).statusCode).toBe(403);
    expectError(await call(t, lead, 'POST', '/opinion/cases', { ...MAJOR, link: '', title: '新', summary: '新的一条', foundAt: '2026-11-23T09:00:00+08:00' }), 400, 'FOUND_BEFORE_HAPPENED', /发现时间不能早于发生时间/);
  });

  it('OP-2, OP-5, OP-3: assessed with analysis and plan, reported upward within the hour (its clock met), transferred to the responsible unit', async () => {
    const t = city();
    await signInLead(t);
    expectError(await call(t, lead, 'POST', `/opinion/cases/${caseId}/actions/assess`, { analysis: '' }), 400, 'OPINION_CASE_INVALID');
    let res = await call(t, lead, 'POST', `/opinion/cases/${caseId}/actions/assess`, { riskLevel: 'major', analysis: '涉及群众切身利益，传播快。', handlingPlan: '就业促进科当日发布情况说明并增开窗口。' });
    expect(res.statusCode, res.body).toBe(200);
    t.clock.advance(10);
    res = await call(t, lead, 'POST', `/opinion/cases/${caseId}/actions/report_upward`, { to: '市委网信办' });
    expect(res.json().clocks[0]).toMatchObject({ rule: 'OP-5', met: true, state: 'met', light: 'green' });
    const unit = res.json().units.find((u: { name: string }) => u.name === '就业促进科');
    res = await call(t, lead, 'POST', `/opinion/cases/${caseId}/actions/transfer`, { unitId: unit.id, note: '请于5小时内发布权威信息' });
    expect(res.json().case).toMatchObject({ state: 'transferred', responsibleUnitName: '就业促进科', reportedTo: '市委网信办' });
    expect(res.json().steps.map((s: { action: string }) => s.action)).toEqual(['register', 'assess', 'report_upward', 'transfer']);
    expect(res.json().actions).toEqual(['transfer', 'report_upward']);
  });

  it('OP-4: a release cannot be recorded by hand; the unit drafts it in 回应关切 and the item walks the whole chain, secrecy review included', async () => {
    const t = city();
    await signInLead(t);
    const drafter = await signIn(t, 'rsj.drafter');
    const other = await signIn(t, 'rsj.sb'); // a drafter of another unit
    expect((await call(t, drafter, 'GET', `/opinion/cases/${caseId}`)).json().actions).toEqual(['draft_response', 'respond']);
    expect((await call(t, drafter, 'GET', '/todos')).json().items.find((x: { id: string }) => x.id === caseId)).toMatchObject({ title: `待回应：${MAJOR.title}` });
    expect((await call(t, other, 'GET', '/todos')).json().items.find((x: { id: string }) => x.id === caseId)).toBeUndefined();
    expectError(await call(t, drafter, 'POST', `/opinion/cases/${caseId}/actions/respond`, { form: 'online_release', description: '已发布' }), 400, 'RESPONSE_THROUGH_ITEM');
    expect((await call(t, other, 'POST', `/opinion/cases/${caseId}/response-item`, { form: 'online_release', title: 'x', body: 'y' })).statusCode).toBe(403);
    const res = await call(t, drafter, 'POST', `/opinion/cases/${caseId}/response-item`, { form: 'online_release', title: '关于社保卡补换窗口排队情况的说明', body: '市民服务中心已增开两个社保卡补换窗口，并开通线上预约。' });
    expect(res.statusCode, res.body).toBe(201);
    itemId = res.json().itemId;
    const item = (await call(t, drafter, 'GET', `/items/${itemId}`)).json();
    expect(item.item).toMatchObject({ category: 'response', state: 'draft', attribute: 'proactive' });

    const walk: [string, string, object][] = [
      ['rsj.drafter', 'submit', {}], ['rsj.office', 'pass_check', {}], ['rsj.head', 'dept_opinion', { opinion: '情况属实，同意发布。' }],
      ['rsj.secrecy', 'secrecy_opinion', { conclusion: 'proactive', opinion: '不涉密，同意公开。' }], ['rsj.leader', 'approve', { opinion: '同意。' }],
    ];
    for (const [user, action, body] of walk) {
      const r = await call(t, await signIn(t, user), 'POST', `/items/${itemId}/actions/${action}`, body);
      expect(r.statusCode, `${action}: ${r.body}`).toBeLessThan(300);
    }
    // Nothing was recorded on the case before publication.
    expect((await call(t, lead, 'GET', `/opinion/cases/${caseId}`)).json().case.state).toBe('transferred');
    t.clock.advance(60);
    const office = await signIn(t, 'rsj.office');
    const pub = await call(t, office, 'POST', `/items/${itemId}/actions/publish`, { channels: ['platform', 'website'] });
    expect(pub.statusCode, pub.body).toBeLessThan(300);
    const steps = (await call(t, office, 'GET', `/items/${itemId}`)).json().steps.map((s: { action: string }) => s.action);
    expect(steps).toContain('secrecy_opinion');
  });

  it('OP-4: publication records the response on the case and meets the 5-hour clock; the 24-hour press conference clock still runs', async () => {
    const t = city();
    await signInLead(t);
    const detail = (await call(t, lead, 'GET', `/opinion/cases/${caseId}`)).json();
    expect(detail.case.state).toBe('responded');
    expect(detail.responses).toEqual([expect.objectContaining({ form: 'online_release', itemId, itemState: 'published', respondedAt: '2026-11-23T03:10:00.000Z' })]);
    // The expedited route: the agency's internal clock on the item (4 hours by default), met at publication.
    expect(detail.responses[0].expedited).toMatchObject({ term: { unit: 'hours', n: 4 }, state: 'met', metLate: false });
    expect(detail.responses[0].expedited.explanation.at(-1)).toMatch(/^依据本机关回应信息加急办理时限，期限为4小时，截止于2026-11-23（星期一）14:10$/);
    expect(detail.clocks.map((c: { rule: string; met: boolean }) => [c.rule, c.met])).toEqual([['OP-5', true], ['OPN-5H', true], ['OPN-24H', false]]);
    expect(detail.steps.at(-1)).toMatchObject({ action: 'response_published', actorName: '系统', role: 'system' });
    const portal = await t.app.inject({ method: 'GET', url: `/xxgk/RSJ/items/${itemId}` });
    expect(portal.statusCode).toBe(200);
    expect(portal.body).toContain('关于社保卡补换窗口排队情况的说明');
  });

  it('OP-4, OP-3: a press conference recorded by the unit meets its clock; the unit feeds back and the lead closes', async () => {
    const t = city();
    await signInLead(t);
    const drafter = await signIn(t, 'rsj.drafter');
    let res = await call(t, drafter, 'POST', `/opinion/cases/${caseId}/actions/respond`, { form: 'press_conference', description: '11月23日15时召开新闻发布会，通报增开窗口情况。' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().clocks.every((c: { met: boolean }) => c.met)).toBe(true);
    expect((await call(t, lead, 'POST', `/opinion/cases/${caseId}/actions/feedback`, { note: 'x' })).statusCode).toBe(403);
    res = await call(t, drafter, 'POST', `/opinion/cases/${caseId}/actions/feedback`, { note: '已增开窗口，排队时间降至20分钟以内，网民评价转好。' });
    expect(res.json().case.state).toBe('fed_back');
    res = await call(t, lead, 'POST', `/opinion/cases/${caseId}/actions/close`, {});
    expect(res.json()).toMatchObject({ case: { state: 'closed' }, actions: [] });
    expectError(await call(t, lead, 'POST', `/opinion/cases/${caseId}/actions/close`, {}), 409, 'TRANSITION_NOT_ALLOWED', /办结/);
  });

  it('OP-3: the log filters and pages; a 一般 case gets one 48-hour clock; the export is a workbook; the 专报 a Word file', async () => {
    const t = city();
    await signInLead(t);
    const res = await call(t, lead, 'POST', '/opinion/cases', { title: '热线反映失业金到账慢', source: 'hotline', link: '12345工单 20261123-017', happenedAt: '2026-11-22T16:00:00+08:00', foundAt: '2026-11-22T16:05:00+08:00', summary: '市民致电反映失业保险金到账较慢。', riskLevel: 'general' });
    expect(res.json().clocks.map((c: { rule: string; term: { n: number } }) => [c.rule, c.term.n])).toEqual([['OPN-48H', 48]]);
    const all = (await call(t, lead, 'GET', '/opinion/cases?pageSize=1')).json();
    expect(all).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(all.items[0]).toMatchObject({ caseNo: '舆情〔2026〕1号', light: null });
    const major = (await call(t, lead, 'GET', '/opinion/cases?riskLevel=general&from=2026-11-22&to=2026-11-22')).json();
    expect(major.items.map((c: { title: string; light: string }) => [c.title, c.light])).toEqual([['热线反映失业金到账慢', 'green']]);
    expect((await call(t, lead, 'GET', '/opinion/cases?q=社保卡&state=closed')).json().total).toBe(1);

    const xlsx = await call(t, lead, 'GET', '/opinion/cases/export');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const sheet = strFromU8(unzipSync(new Uint8Array(xlsx.rawPayload))['xl/sharedStrings.xml']!);
    expect(sheet).toContain('网传社保卡补换需排队三小时');
    expect(sheet).toContain('市委网信办');

    const docx = await call(t, lead, 'GET', `/opinion/cases/${caseId}/special-report`);
    expect(docx.statusCode).toBe(200);
    expect(decodeURIComponent(String(docx.headers['content-disposition']))).toContain('舆情专报-舆情〔2026〕1号.docx');
    const xml = strFromU8(unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml']!);
    for (const s of ['舆 情 专 报', '网传社保卡补换需排队三小时', '风险等级：重大', '已增开窗口', '新闻发布会']) expect(xml).toContain(s);
  });

  it('access: another agency cannot read the case; every write is audited with a Chinese name', async () => {
    const t = city();
    await signInLead(t);
    const ybj = await signIn(t, 'ybj.office');
    expect([403, 404]).toContain((await call(t, ybj, 'GET', `/opinion/cases/${caseId}`)).statusCode);
    expect((await call(t, ybj, 'GET', '/opinion/cases')).json().total).toBe(0);
    const events = await t.conn.db.selectFrom('audit_events').select('action').where('entity_type', '=', 'opinion_case').where('entity_id', '=', caseId).orderBy('seq').execute();
    expect(events.map((e) => e.action)).toEqual([
      'opinion_case.register', 'opinion_case.assess', 'opinion_case.report_upward', 'opinion_case.transfer', 'opinion_case.draft_response',
      'opinion_case.response_published', 'opinion_case.respond', 'opinion_case.feedback', 'opinion_case.close',
    ]);
  });
});
