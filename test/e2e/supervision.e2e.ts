import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { animationsSettled, apiSession, axeViolations, consoleLogin, launch, shot } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

async function staff(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await consoleLogin(page, baseUrl, username);
  return page;
}

/** Answers the Popconfirm that guards an action. */
async function confirm(page: Page) {
  const pop = page.locator('.ant-popconfirm').last();
  await pop.waitFor();
  await pop.getByRole('button', { name: '确定' }).click();
}

/** The points of seed 002's template (organisation 15, rules 10, daily work 75), one short of full on the replies. */
const SCORES: [string, number][] = [
  ['成立领导小组，明确分管领导', 8], ['领导小组办公室和专人负责', 7], ['公开指南和公开目录', 5], ['保密审查等工作制度', 5], ['主动公开及时', 20],
  ['目录和指南编制、更新', 10], ['依申请公开按期答复', 17], ['网民留言按期答复', 10], ['月度报告和年度报告按时报送公布', 10], ['复议诉讼中未被纠错', 5],
];

describe('监督考评: the dashboard, the weekly self-check, the assessment and accountability (SUP-1 … SUP-6)', () => {
  it('SUP-1: the city office\'s dashboard counts the overdue clock and the number opens the overdue list', async () => {
    const page = await staff('szf.office');
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    const overdue = page.getByRole('link', { name: /^已超期/ });
    await overdue.getByText('件').waitFor();
    const count = Number((await overdue.locator('.ant-statistic-content-value').innerText()).trim());
    expect(count).toBeGreaterThanOrEqual(1);
    await page.getByRole('img', { name: '近12个月期限按期和超期趋势图' }).locator('canvas').waitFor();
    expect(await axeViolations(page), 'dashboard').toEqual([]);
    await shot(page, 'supervision-dashboard');
    await overdue.click();
    await page.waitForURL(/\/admin\/supervision\?tab=clocks&light=red/);
    await page.getByRole('heading', { name: '监督考评' }).waitFor();
    const rows = page.getByRole('tabpanel', { name: '期限清单' }).locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(count);
    await expect.poll(() => rows.first().innerText()).toContain('示例市医疗保障局');
    expect(await rows.first().innerText()).toContain('逾期');
    expect(await axeViolations(page), 'overdue list').toEqual([]);
    await shot(page, 'supervision-overdue-list');
  }, 240_000);

  it('SUP-4, ATTR-10: a unit completes its weekly check with the platform\'s finding fixed', async () => {
    const page = await staff('rsj.office');
    await page.goto(`${baseUrl}/admin/supervision?tab=self-checks`);
    const row = page.locator('.ant-table-tbody tr', { hasText: '就业促进科' });
    await row.getByText('未自查').waitFor();
    await row.getByRole('button', { name: '开始自查' }).click();
    const drawer = page.getByRole('dialog', { name: /就业促进科.*自查/ });
    const finding = drawer.locator('.ant-list-item', { hasText: '尚未复核' });
    await finding.waitFor();
    await animationsSettled(page);
    await shot(page, 'supervision-self-check-open');
    // Reported fixed before it is: the platform looks again and refuses.
    await finding.getByRole('button', { name: '已整改' }).click();
    await confirm(page);
    await page.locator('.ant-message').getByText('系统复查该问题仍然存在').waitFor();
    // The office re-checks the item for the year in the non-public register, then reports the fix.
    const itemId = (await finding.getByRole('link').getAttribute('href'))!.split('/').at(-1)!;
    const api = await apiSession(baseUrl, 'rsj.office');
    expect((await api('POST', `/items/${itemId}/recheck`, { result: 'keep', reason: '仍属内部事务信息，继续不予公开。' })).status).toBe(204);
    await finding.getByRole('button', { name: '已整改' }).click();
    await confirm(page);
    await finding.getByText('已整改').last().waitFor();
    // Items the other browser tests published in this unit are found too: the unit explains them.
    const checks = (await (await api('GET', '/supervision/self-checks')).json()) as { units: { checkId: string | null; unit: string }[] };
    const checkId = checks.units.find((c) => c.unit === '就业促进科')!.checkId!;
    const open = ((await (await api('GET', `/supervision/self-checks/${checkId}`)).json()) as { findings: { id: string; resolution: string | null }[] }).findings.filter((f) => !f.resolution);
    for (const f of open) expect((await api('POST', `/supervision/self-checks/${checkId}/findings/${f.id}`, { resolution: 'explained', note: '浏览器测试发布的示例信息，不是本部门的正式信息。' })).status).toBe(200);
    await page.reload();
    await page.getByRole('tab', { name: '每周自查' }).waitFor();
    await row.getByRole('button', { name: /查看|继续自查|开始自查/ }).first().click();
    await drawer.getByRole('button', { name: '完成自查' }).click();
    await confirm(page);
    await shot(page, 'supervision-self-check-done');
    await page.keyboard.press('Escape');
    await row.getByText('已完成').waitFor();
  }, 240_000);

  it('SUP-2, SUP-3: the city office scores an agency with the 15/10/75 template, signs, and the grade shows in the results table', async () => {
    const page = await staff('szf.office');
    await page.goto(`${baseUrl}/admin/supervision?tab=assessments`);
    await page.getByRole('button', { name: '开始考评' }).click();
    const dialog = page.getByRole('dialog', { name: /年度考评/ });
    await dialog.waitFor();
    await animationsSettled(page);
    const choose = async (label: string, option: string) => {
      await dialog.getByLabel(label).click();
      await page.locator('.ant-select-dropdown:visible').getByText(option, { exact: false }).first().click();
    };
    await choose('考评类型', '年终考核');
    await choose('被考评机关', '示例市医疗保障局');
    await choose('考评模板', '组织15·制度10·日常75');
    await dialog.getByRole('button', { name: '开始' }).click();
    const drawer = page.getByRole('dialog', { name: /示例市医疗保障局.*年终考核/ });
    await drawer.getByText('主动公开按时率').waitFor();
    await animationsSettled(page);
    for (const [name, score] of SCORES) await drawer.getByLabel(`${name}得分`).fill(String(score));
    await drawer.getByLabel('依申请公开按期答复扣分说明').fill('个别答复临近期限');
    await shot(page, 'supervision-assessment-scoring');
    // The figures no item of the template names (the 三同步 rate) are shown too (SUP-2).
    const others = drawer.getByText('其他系统指标');
    await others.scrollIntoViewIfNeeded();
    await drawer.getByText(/政策解读“三同步”率/).waitFor();
    await shot(page, 'supervision-assessment-other-figures');
    await drawer.getByRole('button', { name: '签署' }).click();
    await confirm(page);
    await drawer.getByText('优秀').waitFor();
    await page.keyboard.press('Escape');
    const result = page.locator('.ant-table-tbody tr', { hasText: '示例市医疗保障局' });
    await result.getByText('优秀').waitFor();
    expect(await result.innerText()).toContain('97 / 100');
    await shot(page, 'supervision-results');
  }, 240_000);

  it('SUP-6: the accountability report shows the late item, who held it past its due day, and exports', async () => {
    const page = await staff('szf.office');
    await page.goto(`${baseUrl}/admin/supervision?tab=accountability`);
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '示例市2026年第三季度医保基金支出情况' });
    await row.getByText('仍未办结').waitFor();
    expect(await row.innerText()).toContain('朱拟稿');
    await row.locator('.ant-table-row-expand-icon').click();
    await page.getByText(/朱拟稿（拟稿人） 提交，停留[\d.]+小时，超过期限/).waitFor();
    await shot(page, 'supervision-accountability');
    const href = await page.getByRole('link', { name: '导出Excel' }).getAttribute('href');
    expect(href).toMatch(/\/api\/v1\/supervision\/accountability\.xlsx\?from=/);
  }, 240_000);
});
