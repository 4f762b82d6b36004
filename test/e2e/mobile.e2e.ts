import { request, type APIRequestContext, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import { animationsSettled, consoleLogin, launch, SCREENSHOTS } from './browser.ts';

const baseUrl = inject('baseUrl');
const PHONE = { width: 375, height: 720 };
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** The API as a business role's console calls it (the business roles need no second factor). */
async function apiAs(username: string) {
  const ctx: APIRequestContext = await request.newContext({ baseURL: `${baseUrl}/api/v1/` });
  const login = await ctx.post('auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  const headers = { 'x-csrf-token': (await login.json()).csrfToken as string };
  return {
    async post(path: string, data: object = {}) {
      const res = await ctx.post(path, { data, headers });
      expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
      return res.json();
    },
    get: async (path: string) => (await ctx.get(path)).json(),
    close: () => ctx.dispose(),
  };
}

/** What the phone's screen shows, as the leader sees it without scrolling. */
const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS}/${name}.png` });

/** Nothing on the page is wider than the phone: no sideways scrolling. */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** The button is on the first screen, where a thumb reaches it without scrolling. */
async function inReach(page: Page, name: string) {
  const button = page.getByRole('button', { name, exact: true }).first();
  await button.waitFor();
  const box = (await button.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
  return button;
}

/** Taps an action within reach, confirms its dialog (which fits the screen) and waits for the new state. */
async function actOnPhone(page: Page, button: string, confirm: string, after: string) {
  await (await inReach(page, button)).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await animationsSettled(page);
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  await dialog.getByRole('button', { name: confirm, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText(after).first().waitFor();
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  await page.evaluate(() => window.scrollTo(0, 0));
}

const ITEM = '关于2026年度就业见习补贴标准的通知';

describe('issue 8: a leader approves on a phone (375 px)', () => {
  it('reads the to-do list, approves an item and signs an application\'s reply', async () => {
    // An item waiting for the leader's approval, and an application's reply waiting for the signature.
    const [drafter, office, head, secrecy, opinion] = [await apiAs('rsj.drafter'), await apiAs('rsj.office'), await apiAs('rsj.head'), await apiAs('rsj.secrecy'), await apiAs('rsj.opinion')];
    const { id: itemId } = await drafter.post('items', { kind: 'document', docKind: 'notice', docNumber: '', title: ITEM, summary: '见习补贴标准', body: '各有关单位：现将见习补贴标准通知如下。', dateMade: '2026-11-16', category: 'work', attribute: 'proactive' });
    await drafter.post(`items/${itemId}/actions/submit`);
    await office.post(`items/${itemId}/actions/pass_check`);
    await head.post(`items/${itemId}/actions/dept_opinion`, { opinion: '同意公开' });
    await secrecy.post(`items/${itemId}/actions/secrecy_opinion`, { conclusion: 'proactive', opinion: '不涉密，同意主动公开' });
    const app = await office.post('applications', {
      applicantKind: 'natural', name: '李文', idType: 'prc_id', idNumber: '11010519491231002X', phone: '13800138000', email: 'li@example.com', address: '示例市幸福路8号',
      description: '请公开2026年度就业见习补贴标准', purpose: '了解政策', form: 'electronic', delivery: 'email', channel: 'visit', receivedAt: new Date().toISOString(),
    });
    const me = await office.get('auth/me');
    const units: { items: { id: string; name: string }[] } = await office.get(`agencies/${me.user.agencyId}/units`);
    const unit = units.items.find((u) => u.name === '就业促进科')!;
    await office.post(`applications/${app.id}/actions/assign`, { unitId: unit.id });
    await drafter.post(`applications/${app.id}/actions/draft_reply`, { outcome: 'granted', text: '经检索，该标准已随通知公开，现予提供。' });
    await secrecy.post(`applications/${app.id}/reviews`, { kind: 'confidentiality', opinion: '不涉密' });
    await office.post(`applications/${app.id}/reviews`, { kind: 'legality', opinion: '依据准确' });
    await opinion.post(`applications/${app.id}/reviews`, { kind: 'opinion_risk', opinion: '风险低' });
    for (const a of [drafter, office, head, secrecy, opinion]) await a.close();

    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await consoleLogin(page, baseUrl, 'rsj.leader');

    // The to-do list fills the screen: no 90 px sidebar, no sideways scrolling, the menu a drawer.
    await page.getByText(`待领导审批：${ITEM}`).waitFor();
    await page.getByText(app.regNumber).first().waitFor();
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'console-375-todo');
    await page.getByRole('button', { name: '打开菜单' }).click();
    const menu = page.getByRole('dialog').getByRole('menuitem', { name: '信息发布' });
    await menu.waitFor();
    const entry = (await menu.boundingBox())!;
    expect(entry.height).toBeLessThan(60); // a label on one line, not one character per line
    await shot(page, 'console-375-menu');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    // The item: the approval button comes before the long descriptions.
    await page.getByText(`待领导审批：${ITEM}`).click();
    await page.waitForURL(/\/admin\/documents\/[0-9a-f-]{36}$/);
    await actOnPhone(page, '审批同意', '审批同意', '已审批');
    await shot(page, 'console-375-item-approved');

    // The application: 签发答复 within reach, then signed.
    await page.goto(`${baseUrl}/admin/applications/${app.id}`);
    await actOnPhone(page, '签发答复', '确定', '已答复');
    await shot(page, 'console-375-application-signed');
    await context.close();

    // Published, so that no to-do is left behind for the other browser tests.
    const publisher = await apiAs('rsj.office');
    await publisher.post(`items/${itemId}/actions/publish`, { channels: ['platform'] });
    await publisher.close();
  }, 180_000); // a whole workflow through several sign-ins; the machine may be shared
});
