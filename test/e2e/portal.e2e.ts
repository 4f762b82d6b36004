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
