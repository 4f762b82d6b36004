import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, consoleLogin, launch, shot } from './browser.ts';

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

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

describe('the portal frame, the application receipt and the reading modes (issue 8)', () => {
  for (const [device, width] of [['desktop', 1366], ['mobile', 375]] as const) {
    it(`shows the home with the site's footer, an item with its print button and 落款, and the status page on ${device}, with no axe violations`, async () => {
      const page = await visitor(width);
      await page.goto(`${baseUrl}/`);
      const footer = page.getByRole('contentinfo');
      for (const text of ['主办单位：示例市人民政府办公室', '网站标识码：1301000001', '网站地图', '联系我们']) await footer.getByText(text).first().waitFor();
      await footer.getByRole('img', { name: '党政机关网站标识' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      expect(await fitsWidth(page)).toBe(true);
      await shot(page, `portal-home-${device}`);

      await page.goto(`${baseUrl}/xxgk/RSJ/catalog`);
      await page.locator('table.list tbody a').first().click();
      await page.waitForURL(/\/xxgk\/RSJ\/items\//);
      await page.getByRole('button', { name: '打印本页' }).waitFor();
      await expect(page.locator('.signature').innerText()).resolves.toMatch(/示例市人力资源和社会保障局\s+\d{4}年\d{1,2}月\d{1,2}日/);
      expect(await axeViolations(page)).toEqual([]);
      expect(await fitsWidth(page)).toBe(true);
      await shot(page, `portal-item-page-${device}`);

      await page.goto(`${baseUrl}/xxgk/RSJ/apply`);
      await page.getByRole('navigation', { name: '当前位置' }).getByText('依申请公开').waitFor();
      await page.getByLabel('姓名/名称').fill('赵晓华');
      await page.getByLabel('证件号码').fill('11010519491231002X');
      await page.getByLabel('联系电话').fill('13800138000');
      await page.getByLabel('所需信息的内容描述').fill('请公开2026年度公益性岗位补贴的发放情况');
      await page.getByRole('radio', { name: '电子文档' }).check();
      await page.getByRole('radio', { name: '网上获取' }).check();
      const question = (await page.locator('label[for="challengeAnswer"]').innerText()).trim();
      await page.getByLabel(question.replace('（必填）', '')).fill(String(DIGITS.indexOf(question[0]!) + DIGITS.indexOf(question[2]!)));
      await page.waitForTimeout(3100); // the challenge refuses answers faster than a person types
      await page.getByRole('button', { name: '提交申请' }).click();
      await page.getByRole('heading', { name: '申请已提交' }).waitFor();
      const code = (await page.locator('strong.code').nth(0).innerText()).trim();
      const secret = (await page.locator('strong.code').nth(1).innerText()).trim();
      expect(secret).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);
      await page.getByRole('button', { name: /下载申请回执/ }).waitFor();

      await page.goto(`${baseUrl}/xxgk/status`);
      await page.getByLabel('查询码').fill(code);
      await page.getByLabel('查询密码').fill(secret);
      await page.getByRole('button', { name: '查询', exact: true }).click();
      await page.getByRole('heading', { name: '申请办理情况' }).waitFor();
      await page.getByRole('link', { name: '示例市政府信息公开' }).waitFor();
      // An online application waits for the office's confirmation of receipt (LAW-31) before its term runs.
      await page.getByRole('rowheader', { name: '收到日期' }).waitFor();
      await page.getByText('待本机关在工作日确认收到').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      expect(await fitsWidth(page)).toBe(true);
      await shot(page, `portal-status-${device}`);
      await page.context().close();
    });
  }

  it('scales every control in the larger-text mode (radio buttons and checkboxes at least 24 px), never breaks a nav entry at 375 px, and joins high contrast to it', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, locale: 'zh-CN' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/xxgk/RSJ/apply`);
    await page.getByRole('link', { name: '大字' }).click();
    await page.waitForURL(/\/xxgk\/RSJ\/apply$/);
    await page.getByRole('link', { name: '高对比' }).click();
    await page.waitForURL(/\/xxgk\/RSJ\/apply$/);
    const sizes = await page.evaluate(() => [...document.querySelectorAll('input[type=radio], input[type=checkbox]')].map((e) => e.getBoundingClientRect().width));
    expect(sizes.length).toBeGreaterThan(3);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
    const buttonFont = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main button')!).fontSize));
    expect(buttonFont).toBeGreaterThanOrEqual(20);
    const broken = await page.evaluate(() =>
      [...document.querySelectorAll('.site-nav li, .reading span')].filter((e) => e.getBoundingClientRect().height > parseFloat(getComputedStyle(e).lineHeight) * 1.5).map((e) => e.textContent),
    );
    expect(broken).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await expect(page.evaluate(() => getComputedStyle(document.body).backgroundColor)).resolves.toBe('rgb(0, 0, 0)');
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'portal-apply-large-contrast-mobile');
    await page.getByRole('link', { name: '默认' }).click();
    await page.waitForURL(/\/xxgk\/RSJ\/apply$/);
    await expect(page.evaluate(() => getComputedStyle(document.body).backgroundColor)).resolves.not.toBe('rgb(0, 0, 0)');
    await context.close();
  });

  it('shows a missing page in the site layout with the footer', async () => {
    const page = await visitor(1366);
    const res = await page.goto(`${baseUrl}/xxgk/RSJ/no-such-page`);
    expect(res?.status()).toBe(404);
    await page.getByRole('heading', { name: '页面不存在或未公开' }).waitFor();
    await page.getByRole('contentinfo').getByText('网站地图').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('lets the system administrator change the footer in the console (门户网站信息), and every portal page shows it', async () => {
    const page = await visitor(1366);
    await consoleLogin(page, baseUrl, 'sysadmin');
    await page.goto(`${baseUrl}/admin/system/site`);
    await page.getByRole('heading', { name: '门户网站信息' }).waitFor();
    const icp = page.getByLabel('ICP备案号');
    await expect(icp.inputValue()).resolves.toBe('示ICP备20260001号');
    await icp.fill('示ICP备20260002号');
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'admin-site-settings');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('门户网站信息已保存').waitFor();
    await page.goto(`${baseUrl}/xxgk/RSJ/guide`);
    await page.getByRole('contentinfo').getByRole('link', { name: '示ICP备20260002号' }).waitFor();
    await page.context().close();
  });
});
