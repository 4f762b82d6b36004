import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launch, shot } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

async function visitor(width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  context.setDefaultTimeout(10_000);
  return context.newPage();
}

/** The page fits the screen: nothing but the table's own scroll region is wider than the viewport. */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe('an agency disclosure column on the public portal (CAT-1, CAT-3, PUB-2)', () => {
  for (const [device, width] of [['desktop', 1366], ['mobile', 375]] as const) {
    it(`shows the column, a filtered catalog and the guide on ${device}, with no axe violations`, async () => {
      const page = await visitor(width);

      await page.goto(`${baseUrl}/`);
      await page.getByRole('link', { name: '示例市人力资源和社会保障局政府信息公开' }).first().click();
      await page.waitForURL(/\/xxgk\/RSJ$/);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('政府信息公开');
      await page.getByRole('heading', { name: '最新公开信息' }).waitFor();
      expect(await page.locator('.latest li').count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      expect(await fitsWidth(page)).toBe(true);
      await shot(page, `portal-column-${device}`);

      await page.getByRole('link', { name: '法定主动公开内容' }).first().click();
      await page.waitForURL(/\/xxgk\/RSJ\/catalog$/);
      await page.getByLabel('文种').selectOption({ label: '通知' });
      await page.getByRole('button', { name: '筛选' }).click();
      await page.waitForURL(/kind=notice/);
      const rows = page.locator('table.list tbody tr');
      expect(await rows.count()).toBeGreaterThan(0);
      await expect(page.locator('table.list caption').textContent()).resolves.toContain('政府信息公开目录');
      await page.getByRole('link', { name: /^工作动态/ }).click();
      await page.waitForURL(/category=work/);
      await expect(page.getByRole('link', { name: /^工作动态/ }).getAttribute('aria-current')).resolves.toBe('true');
      expect(await axeViolations(page)).toEqual([]);
      expect(await fitsWidth(page)).toBe(true);
      await shot(page, `portal-catalog-${device}`);

      await page.goto(`${baseUrl}/xxgk/RSJ/guide`);
      await page.getByRole('heading', { name: /政府信息公开指南/ }).waitFor();
      await page.getByRole('table', { name: '受理机构联系方式' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      expect(await fitsWidth(page)).toBe(true);
      await shot(page, `portal-guide-${device}`);

      await page.context().close();
    });
  }
});

describe('searching, reading an item and taking the open data, as a visitor (CAT-1, CAT-4)', () => {
  for (const [device, width] of [['desktop', 1366], ['mobile', 375]] as const) {
    it(`searches from the home page, reads the item and its metadata on ${device}, with no axe violations`, async () => {
      const page = await visitor(width);
      await page.goto(`${baseUrl}/`);
      await page.getByRole('searchbox', { name: '检索政府信息' }).fill('就业见习');
      await page.getByRole('button', { name: '检索' }).click();
      await page.waitForURL(/\/search\?q=/);
      await expect(page.getByRole('status').textContent()).resolves.toMatch(/找到 \d+ 条包含“就业、见习”的信息/);
      expect(await page.locator('.hits mark').count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      expect(await fitsWidth(page)).toBe(true);
      await shot(page, `portal-search-${device}`);

      await page.getByLabel('排序').selectOption('date');
      await page.getByRole('button', { name: '检索' }).click();
      await page.waitForURL(/sort=date/);
      await page.locator('.hits h3 a').first().click();
      await page.waitForURL(/\/xxgk\/RSJ\/items\//);
      for (const label of ['索引号', '主题分类', '发文机关', '成文日期', '发布日期', '有效性']) {
        await page.getByRole('rowheader', { name: label, exact: true }).waitFor();
      }
      expect(await axeViolations(page)).toEqual([]);
      expect(await fitsWidth(page)).toBe(true);
      await shot(page, `portal-item-${device}`);
      await page.context().close();
    });
  }

  it('reads the rules and annual-report pages, and reaches the content first by keyboard', async () => {
    const page = await visitor(1366);
    for (const path of ['/xxgk/RSJ/rules', '/xxgk/RSJ/reports']) {
      await page.goto(`${baseUrl}${path}`);
      expect(await axeViolations(page), path).toEqual([]);
    }
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('跳到主要内容');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => location.hash)).resolves.toBe('#main');
    await page.context().close();
  });

  it('switches to larger text for older readers (适老化) and back, without JavaScript', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', javaScriptEnabled: false });
    const page = await context.newPage();
    const bodySize = () => page.evaluate(() => getComputedStyle(document.body).fontSize);
    await page.goto(`${baseUrl}/xxgk/RSJ/catalog`);
    expect(await bodySize()).toBe('16px');
    await page.getByRole('link', { name: '大字' }).click();
    await page.waitForURL(/\/xxgk\/RSJ\/catalog$/);
    expect(await bodySize()).toBe('20px');
    await shot(page, 'portal-catalog-large-text');
    await page.goto(`${baseUrl}/xxgk/RSJ/guide`);
    expect(await bodySize()).toBe('20px');
    await page.getByRole('link', { name: '标准' }).click();
    await page.waitForURL(/\/xxgk\/RSJ\/guide$/);
    expect(await bodySize()).toBe('16px');
    await context.close();
  });

  it('subscribes to the Atom feed and downloads the catalog as CSV', async () => {
    const context = await browser.newContext({ acceptDownloads: true, locale: 'zh-CN' });
    const page = await context.newPage();
    const feed = await page.request.get(`${baseUrl}/xxgk/RSJ/feed.xml`);
    expect(feed.headers()['content-type']).toMatch(/^application\/atom\+xml/);
    expect(await feed.text()).toContain('关于做好2026年高校毕业生就业见习工作的通知');
    await page.goto(`${baseUrl}/xxgk/RSJ/catalog`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载目录（CSV）' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('索引号');
    expect(text).toContain('关于做好2026年高校毕业生就业见习工作的通知');
    await context.close();
  });
});

describe('the published lists: negative list (CAT-5), service guides (FIVE-4), powers with flow charts (FIVE-3)', () => {
  for (const [device, width] of [['desktop', 1366], ['mobile', 375]] as const) {
    it(`reads each list and an entry of each from the column on ${device}, with no axe violations`, async () => {
      const page = await visitor(width);
      const check = async (name: string) => {
        expect(await axeViolations(page), name).toEqual([]);
        expect(await fitsWidth(page), name).toBe(true);
        await shot(page, `portal-${name}-${device}`);
      };
      await page.goto(`${baseUrl}/xxgk/RSJ`);
      await page.getByRole('link', { name: '负面清单' }).click();
      await page.getByRole('heading', { name: '政府信息公开负面清单' }).waitFor();
      expect(await page.locator('table.list tbody tr').count()).toBeGreaterThan(0);
      await check('negative-list');

      await page.goto(`${baseUrl}/xxgk/RSJ`);
      await page.getByRole('link', { name: '公共服务事项目录' }).click();
      await page.getByRole('heading', { name: '公共服务事项目录' }).waitFor();
      await check('services');
      await page.locator('table.list tbody a').first().click();
      await page.getByRole('heading', { name: /办事指南$/ }).waitFor();
      for (const field of ['责任岗位', '法定依据', '受理单位', '办理地点', '申请材料', '收费标准', '办理时限', '咨询方式', '监督投诉']) {
        await page.getByRole('rowheader', { name: new RegExp(field) }).first().waitFor();
      }
      await check('service-guide');

      await page.goto(`${baseUrl}/xxgk/RSJ`);
      await page.getByRole('link', { name: '权责清单' }).click();
      await page.getByRole('heading', { name: /行政职权目录/ }).waitFor();
      await check('powers');
      await page.locator('table.list tbody a').first().click();
      const chart = page.getByRole('img', { name: /流程图/ });
      await chart.waitFor();
      const boxes = await page.locator('.flow-chart svg rect').count();
      const steps = await page.locator('.flow-steps li').count();
      expect(steps).toBeGreaterThan(2);
      expect(boxes).toBe(steps);
      await check('power');
      await page.context().close();
    });
  }
});
