import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiSession, axeViolations, launch, shot, signedIn, takeAction } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const as = (username: string) => signedIn(browser, baseUrl, username);

const POLICY = '关于发放2026年度稳岗返还资金的通知';
const INTERPRETATION = '《关于发放2026年度稳岗返还资金的通知》政策问答';
const CHECKLIST = ['出台背景和依据', '目标任务', '主要内容', '适用范围', '执行标准', '操作方法（怎么办）', '注意事项', '关键词诠释', '惠民利民举措'];

describe('三同步: a normative policy and its Q&A interpretation (INT-3, INT-6, INT-7)', () => {
  it('INT-3: the drafter writes both, the chain reviews both, publication shows both on the portal linked both ways', { timeout: 240_000 }, async () => {
    const drafter = await as('rsj.drafter');
    await drafter.goto(`${baseUrl}/admin/documents/new`);
    await drafter.getByRole('radio', { name: '公文' }).check();
    await drafter.getByLabel('文种').fill('通知');
    await drafter.keyboard.press('Enter');
    await drafter.getByLabel('标题').fill(POLICY);
    await drafter.getByLabel('成文日期').fill('2026-12-01');
    await drafter.keyboard.press('Enter');
    await drafter.getByLabel('主题分类').fill('政策法规');
    await drafter.keyboard.press('Enter');
    await drafter.getByLabel('正文').fill('为支持企业稳定就业岗位，对2026年度不裁员或少裁员的参保企业返还部分失业保险费。');
    await drafter.getByRole('radio', { name: '主动公开', exact: true }).check();
    await drafter.getByRole('radio', { name: '规范性文件' }).check();
    await drafter.getByLabel('解读提纲').fill('背景、返还标准、申领条件');
    await drafter.getByLabel('解读形式').fill('问答');
    await drafter.getByLabel('解读渠道').fill('门户网站政策解读栏目');
    await drafter.getByLabel('解读时间').fill('与文件同步发布');
    await drafter.getByRole('button', { name: '保存', exact: true }).click();
    await drafter.waitForURL(/\/admin\/documents\/[0-9a-f-]{36}\/edit$/);
    const policyId = /documents\/([0-9a-f-]{36})/.exec(drafter.url())![1]!;

    // INT-2, INT-7: the interpretation, with its Q&A and the content checklist.
    await drafter.goto(`${baseUrl}/admin/interpretation/new?policy=${policyId}`);
    await drafter.getByLabel('标题').fill(INTERPRETATION);
    await drafter.getByLabel('问题').fill('哪些企业可以申请稳岗返还？');
    await drafter.getByLabel('回答').fill('上年度未裁员或裁员率不高于规定比例的参保企业。');
    for (const label of CHECKLIST) await drafter.getByLabel(label, { exact: true }).fill(`${label}的说明。`);
    await drafter.getByRole('checkbox', { name: '不涉及' }).last().check();
    await drafter.getByLabel('与旧政策的区别不涉及的理由').fill('首次出台，无旧政策');
    await shot(drafter, 'int-1-form');
    await drafter.getByRole('button', { name: '保存', exact: true }).click();
    await drafter.waitForURL(/\/admin\/documents\/[0-9a-f-]{36}$/);
    const interpretationUrl = drafter.url();
    await drafter.getByText('所解读的政策文件').waitFor();
    await drafter.getByText('哪些企业可以申请稳岗返还？', { exact: false }).waitFor();
    await shot(drafter, 'int-1b-detail');

    // Submitting the policy submits its interpretation (INT-3).
    await drafter.goto(`${baseUrl}/admin/documents/${policyId}/edit`);
    await drafter.getByRole('button', { name: '提交', exact: true }).click();
    await drafter.waitForURL(new RegExp(`/admin/documents/${policyId}$`));
    const card = drafter.locator('.ant-card', { hasText: '政策解读（与本文件同步审查、同步发布）' });
    await card.getByText('公开属性核查').waitFor();
    await drafter.context().close();

    const policyUrl = `${baseUrl}/admin/documents/${policyId}`;
    const office = await as('rsj.office');
    await takeAction(office, policyUrl, '核查通过');
    const head = await as('rsj.head');
    await takeAction(head, policyUrl, '提出初审意见', (d) => d.getByLabel('意见').fill('文件与解读一致，同意。'));
    await head.context().close();
    const secrecy = await as('rsj.secrecy');
    await takeAction(secrecy, policyUrl, '出具保密审查意见', async (d) => {
      await d.getByRole('radio', { name: '主动公开', exact: true }).check();
      await d.getByLabel('意见').fill('文件及其解读均不涉密，同意主动公开。');
    });
    await secrecy.context().close();
    const leader = await as('rsj.leader');
    await takeAction(leader, policyUrl, '审批同意');
    await leader.context().close();
    await takeAction(office, policyUrl, '发布');
    await office.locator('.ant-card', { hasText: '政策解读（与本文件同步审查、同步发布）' }).getByText('已发布').waitFor();
    await shot(office, 'int-2-published');
    await office.goto(interpretationUrl);
    await office.getByText('已发布').first().waitFor();
    await office.goto(`${baseUrl}/admin/interpretation`);
    await office.getByRole('link', { name: POLICY, exact: true }).waitFor();
    await shot(office, 'int-3-console');
    expect(await axeViolations(office)).toEqual([]);
    await office.context().close();

    // The portal: the policy lists its interpretation; the interpretation links back; Q&A as a description list.
    const reader = await browser.newPage();
    await reader.goto(`${baseUrl}/xxgk/RSJ/items/${policyId}`);
    await reader.getByRole('link', { name: INTERPRETATION, exact: true }).click();
    await reader.getByRole('heading', { name: '问答', exact: true }).waitFor();
    expect(await reader.locator('dl.qa dt').first().textContent()).toBe('哪些企业可以申请稳岗返还？');
    await shot(reader, 'int-4-portal');
    expect(await axeViolations(reader)).toEqual([]);
    await reader.getByRole('link', { name: POLICY, exact: true }).click();
    await reader.waitForURL(new RegExp(`/xxgk/RSJ/items/${policyId}$`));
    await reader.goto(`${baseUrl}/xxgk/interpretations`);
    await reader.getByRole('link', { name: INTERPRETATION, exact: true }).waitFor();
    await reader.close();
  });

  it('INT-5: a policy published alone shows its 10-working-day clock on the drafter\'s to-do list', { timeout: 180_000 }, async () => {
    const title = '关于调整2027年度最低工资标准的通知';
    const drafterApi = await apiSession(baseUrl, 'rsj.drafter');
    const created = await drafterApi('POST', '/items', {
      kind: 'document', docKind: 'notice', title, dateMade: '2026-12-02', category: 'policy', attribute: 'proactive', policyLevel: 'normative', body: '自2027年1月1日起调整最低工资标准。',
      interpretationPlan: { outline: '调整背景和标准', form: '文字解读', channel: '门户网站', time: '文件发布后10个工作日内' },
    });
    const { id } = (await created.json()) as { id: string };
    const steps: [string, string, object][] = [
      ['rsj.drafter', 'submit', {}], ['rsj.office', 'pass_check', {}], ['rsj.head', 'dept_opinion', { opinion: '同意' }],
      ['rsj.secrecy', 'secrecy_opinion', { conclusion: 'proactive', opinion: '同意' }], ['rsj.leader', 'approve', { opinion: '同意' }], ['rsj.office', 'publish', { channels: ['platform'] }],
    ];
    for (const [who, action, body] of steps) {
      const res = await (await apiSession(baseUrl, who))('POST', `/items/${id}/actions/${action}`, body);
      expect(res.status, `${action}: ${await res.clone().text()}`).toBe(200);
    }
    const drafter = await as('rsj.drafter');
    await drafter.goto(`${baseUrl}/admin/`);
    const row = drafter.getByRole('row', { name: new RegExp(`待发布政策解读：${title}`) });
    await row.waitFor();
    expect(await row.textContent()).toContain('政策解读');
    await shot(drafter, 'int-5-todo');
    await row.getByRole('link').click();
    await drafter.waitForURL(/\/admin\/interpretation\/new\?policy=/);
    await drafter.getByText(title).first().waitFor();
    await drafter.context().close();
  });
});
