/**
 * Key tasks made public with their progress (FIVE-2) and the evaluation report of a major
 * policy one year after it takes effect, published as an item linked to the policy (FIVE-5).
 */
import { describe, expect, it } from 'vitest';
import { call, expectError, withDemoCity } from '../support/app.ts';
import { draftItem, publishDraft, publishingStaff, type PublishingStaff } from '../support/publish.ts';

const TASK = { year: 2026, title: '实施高校毕业生就业见习计划', measures: '募集见习岗位，落实见习补贴。', steps: '一季度募集岗位\n二季度组织见习\n四季度总结', units: '就业促进科、市就业服务中心', published: true };
const PLAN = { outline: '提纲', form: '图解', channel: '门户网站', time: '与文件同步' };

describe('key tasks and results (FIVE-2, FIVE-5)', () => {
  const city = withDemoCity('2026-11-23T02:00:00.000Z');
  let s: PublishingStaff;
  let evaluationId: string;
  let policyId: string;

  it('FIVE-2: the office lists a key task with measures, steps and units, adds dated progress, and the portal shows it', async () => {
    const t = city();
    s = await publishingStaff(t);
    expectError(await call(t, s.office, 'POST', '/key-tasks', { ...TASK, measures: ' ' }), 400, 'KEY_TASK_INCOMPLETE', /请填写工作措施/);
    expectError(await call(t, s.drafter, 'POST', '/key-tasks', TASK), 403, 'FORBIDDEN');
    const res = await call(t, s.office, 'POST', '/key-tasks', TASK);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expectError(await call(t, s.office, 'POST', `/key-tasks/${id}/progress`, { onDate: '2026-11-24', text: '完成' }), 400, 'DATE_IN_FUTURE');
    expect((await call(t, s.office, 'POST', `/key-tasks/${id}/progress`, { onDate: '2026-11-20', text: '已募集见习岗位860个' })).statusCode).toBe(204);
    const page = await t.app.inject({ method: 'GET', url: '/xxgk/RSJ/key-tasks' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('2026年：实施高校毕业生就业见习计划');
    expect(page.body).toContain('就业促进科、市就业服务中心');
    expect(page.body).toContain('<time datetime="2026-11-20">2026-11-20</time> 已募集见习岗位860个');
  });

  it('FIVE-5: a published policy gets a stored clock for its evaluation report one year after it takes effect', async () => {
    const t = city();
    policyId = await draftItem(t, s, { title: '示例市就业见习管理办法', policyLevel: 'normative', interpretationPlan: PLAN, category: 'policy' });
    await publishDraft(t, s, policyId);
    const res = await call(t, s.office, 'POST', '/policy-evaluations', { policyItemId: policyId, effectiveOn: '2025-12-01' });
    expect(res.statusCode, res.body).toBe(201);
    evaluationId = res.json().id;
    expectError(await call(t, s.office, 'POST', '/policy-evaluations', { policyItemId: policyId, effectiveOn: '2025-12-01' }), 400, 'EVALUATION_EXISTS');
    const list = (await call(t, s.office, 'GET', '/policy-evaluations')).json().items;
    expect(list[0]).toMatchObject({ policyTitle: '示例市就业见习管理办法', dueOn: '2026-12-01', deadline: { dueDate: '2026-12-01' } });
    const todos = (await call(t, s.office, 'GET', '/todos')).json().items;
    expect(todos).toContainEqual(expect.objectContaining({ kind: 'policy_evaluation', title: '待公开政策实施评估报告：示例市就业见习管理办法', due: '2026-12-01' }));
    expect((await t.app.inject({ method: 'GET', url: '/xxgk/RSJ/key-tasks' })).body).toContain('施行一年后（2026-12-01）公开');
  });

  it('FIVE-5: the evaluation report is published as an item and linked to the policy; the clock is met and the portal links it', async () => {
    const t = city();
    const unpublished = await draftItem(t, s, { title: '示例市就业见习管理办法实施情况评估报告', category: 'policy' });
    expectError(await call(t, s.office, 'POST', `/policy-evaluations/${evaluationId}/report`, { reportItemId: unpublished }), 400, 'ITEM_NOT_PUBLISHED');
    await publishDraft(t, s, unpublished);
    expect((await call(t, s.office, 'POST', `/policy-evaluations/${evaluationId}/report`, { reportItemId: unpublished })).statusCode).toBe(204);
    expect((await call(t, s.office, 'GET', '/todos')).json().items.filter((i: { kind: string }) => i.kind === 'policy_evaluation')).toEqual([]);
    const page = await t.app.inject({ method: 'GET', url: '/xxgk/RSJ/key-tasks' });
    expect(page.body).toContain(`<a href="/xxgk/RSJ/items/${unpublished}">示例市就业见习管理办法实施情况评估报告</a>`);
    expect(page.body).toContain(`<a href="/xxgk/RSJ/items/${policyId}">示例市就业见习管理办法</a>`);
  });
});
