import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, consoleLogin, launch, shot } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('目录条目 in the console (CAT-1, CAT-4)', () => {
  it('lets the office find a published item for a caller, words marked, with its public page one click away', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const office = await context.newPage();
    await consoleLogin(office, baseUrl, 'rsj.office');
    await office.goto(`${baseUrl}/admin/catalog`);
    await office.getByRole('heading', { name: '目录条目' }).waitFor();
    await office.getByLabel('检索词').fill('就业见习');
    const title = office.getByRole('link', { name: '关于做好2026年高校毕业生就业见习工作的通知' });
    await title.waitFor();
    await expect(title.locator('mark').first().textContent()).resolves.toBe('就业见习');
    expect(await title.getAttribute('href')).toMatch(/^\/xxgk\/RSJ\/items\/[0-9a-f-]{36}$/);
    expect(await axeViolations(office)).toEqual([]);
    await shot(office, 'catalog-entries-search');
    // Issue 8: the entries found export to Excel.
    const [download] = await Promise.all([office.waitForEvent('download'), office.getByRole('link', { name: /导出 Excel/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^公开目录-RSJ-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(download.url()).toContain('/api/v1/catalog/entries.xlsx?q=');
    await context.close();
  });
});
