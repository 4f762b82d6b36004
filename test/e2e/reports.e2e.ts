/**
 * The annual report (LAW-49, LAW-50) and the monthly report (SUP-5) in the browser: the office
 * drafts last year's report, sends it through review, the leader approves it, the portal's
 * 年报 column shows it with its tables; the monthly report downloads.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, consoleLogin, launch, shot } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
const year = new Date().getFullYear() - 1;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

async function signedIn(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  await consoleLogin(page, baseUrl, username);
  return page;
}

const confirm = async (page: Page, button: string) => {
  await page.getByRole('button', { name: button }).click();
  await page.getByRole('button', { name: '确 定' }).or(page.getByRole('button', { name: '确定' })).last().click();
};

describe('reports in the console and on the portal', () => {
  it('LAW-49: the office drafts last year\'s report and sends it to review; the leader approves; the portal shows its tables (LAW-50)', async () => {
    const office = await signedIn('rsj.office');
    await office.goto(`${baseUrl}/admin/reports/annual`);
    await office.getByRole('button', { name: `编制${year}年度报告` }).click();
    await office.getByText('三、收到和处理政府信息公开申请情况').first().waitFor({ timeout: 60_000 });
    await office.getByText('（七）总计').first().waitFor();
    await shot(office, 'reports-annual-draft');
    await confirm(office, '提交审核');
    await office.getByText('公开办审核').first().waitFor();
    await confirm(office, '审核通过，报领导审批');
    await office.getByText('领导审批').first().waitFor();
    const reportUrl = office.url();
    await office.context().close();

    const leader = await signedIn('rsj.leader');
    await leader.goto(reportUrl);
    await confirm(leader, '批准并发布');
    await leader.getByText('已发布').first().waitFor();
    await leader.context().close();

    const citizen = await browser.newPage({ locale: 'zh-CN' });
    await citizen.goto(`${baseUrl}/xxgk/RSJ/reports`);
    await citizen.getByRole('link', { name: `示例市人力资源和社会保障局${year}年政府信息公开工作年度报告` }).click();
    await citizen.getByRole('table', { name: '三、收到和处理政府信息公开申请情况' }).waitFor();
    await expect(citizen.getByRole('columnheader', { name: '申请人情况' }).isVisible()).resolves.toBe(true);
    await expect(citizen.getByRole('link', { name: 'PDF 文档' }).isVisible()).resolves.toBe(true);
    await shot(citizen, 'reports-portal');
    expect(await axeViolations(citizen)).toEqual([]);
    await citizen.close();

    // The city office adds up every agency's tables; a city figure opens the agencies behind it.
    const city = await signedIn('szf.office');
    await city.goto(`${baseUrl}/admin/reports/annual`);
    await city.getByText(`全市${year}年度汇总表`).waitFor({ timeout: 60_000 });
    await city.getByRole('button', { name: /查看构成该数字的记录（[1-9]/ }).first().click();
    await city.getByRole('dialog').getByRole('link', { name: '示例市人力资源和社会保障局' }).waitFor();
    await shot(city, 'reports-city-figure');
    await city.context().close();
  }, 240_000);

  it('SUP-5: the monthly report shows last month with interpretations and 三同步, messages and opinion cases, and downloads as Word and Excel', async () => {
    const office = await signedIn('rsj.office');
    await office.goto(`${baseUrl}/admin/reports/monthly`);
    await office.getByText('一、主动公开信息情况').first().waitFor({ timeout: 60_000 });
    for (const caption of ['三、政策解读和“三同步”情况', '四、网民留言办理情况', '五、政务舆情回应情况']) await office.getByRole('table', { name: caption }).waitFor();
    await shot(office, 'reports-monthly');
    expect(await axeViolations(office)).toEqual([]);
    const [word] = await Promise.all([office.waitForEvent('download'), office.getByRole('link', { name: /Word/ }).click()]);
    expect(word.suggestedFilename()).toMatch(/月度报告\.docx$/);
    const [excel] = await Promise.all([office.waitForEvent('download'), office.getByRole('link', { name: /Excel/ }).click()]);
    expect(excel.suggestedFilename()).toMatch(/月度报告\.xlsx$/);
    // The year's charts, each with its figures as text beside it.
    await office.goto(`${baseUrl}/admin/reports/annual`);
    await office.getByText('各月主动公开信息和收到申请').waitFor({ timeout: 60_000 });
    await expect(office.getByRole('img', { name: /全年主动公开信息/ }).isVisible()).resolves.toBe(true);
    await shot(office, 'reports-annual-list');
    await office.context().close();
  }, 240_000);
});
