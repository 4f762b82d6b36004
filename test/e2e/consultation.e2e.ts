import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, demoApp, type TestApp } from '../support/app.ts';
import { draftItem, publishDraft, publishingStaff } from '../support/publish.ts';
import { animationsSettled, axeViolations, consoleLogin, launch, shot } from './browser.ts';

/**
 * A draft opened for comment, end to end in the browser (FIVE-1). The window has to close
 * during the test, so this file runs its own server on a hand-moved clock (the shared demo
 * server keeps real time): the office opens the consultation in the console, two citizens
 * comment on the portal (one writes an ID number, which is flagged), the window closes, the
 * comments are marked, the feedback is published and the portal shows it.
 */
let browser: Browser;
let t: TestApp;
let base: string;
let consultationId: string;

const DIGITS = '零一二三四五六七八九十';
const ID_NUMBER = '11010519491231002X';

beforeAll(async () => {
  browser = await launch();
  t = await demoApp('2026-11-23T02:00:00.000Z');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const s = await publishingStaff(t);
  const itemId = await draftItem(t, s, { title: '示例市就业见习管理办法（征求意见稿）', body: '第一条 为规范就业见习工作，制定本办法。\n起草说明：依据国家有关规定起草。', category: 'policy' });
  await publishDraft(t, s, itemId);
  const res = await call(t, s.office, 'POST', '/consultations', { itemId, unit: '就业促进科', normative: false, closesOn: '2026-12-23', howToComment: '电子邮箱：rsj@example.gov.cn' });
  consultationId = res.json().id;
  const task = await call(t, s.office, 'POST', '/key-tasks', { year: 2026, title: '实施高校毕业生就业见习计划', measures: '募集见习岗位不少于3000个。', steps: '一季度募集岗位\n二季度组织见习', units: '就业促进科', published: true });
  await call(t, s.office, 'POST', `/key-tasks/${task.json().id}/progress`, { onDate: '2026-11-20', text: '已募集见习岗位2860个' });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** A citizen fills in the form and answers the sum as a person would, a minute after the page loaded. */
async function commentOnPortal(page: Page, fields: { name: string; phone: string; content: string }) {
  await page.goto(`${base}/xxgk/RSJ/consultations/${consultationId}`);
  await page.getByLabel('姓名').fill(fields.name);
  await page.getByLabel('联系电话').fill(fields.phone);
  await page.getByLabel('意见内容').fill(fields.content);
  const question = (await page.locator('label[for="challengeAnswer"]').textContent()) ?? '';
  const [, a, b] = /([一二三四五六七八九])加([一二三四五六七八九])/.exec(question)!;
  await page.getByLabel(/等于多少/).fill(String(DIGITS.indexOf(a!) + DIGITS.indexOf(b!)));
  t.clock.advance(1);
  await page.getByRole('button', { name: '提交意见' }).click();
}

describe('a draft for comment from opening to published feedback (FIVE-1)', () => {
  it('opens in the console, takes two comments on the portal (one flagged), closes, and publishes the feedback', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const office = await context.newPage();
    await consoleLogin(office, base, 'rsj.office');
    await office.goto(`${base}/admin/consultation`);
    await office.getByRole('button', { name: '新建征求意见' }).click();
    await office.getByRole('dialog').waitFor();
    await animationsSettled(office);
    await office.getByRole('dialog').getByLabel('征求意见稿（已发布的信息，含起草说明和附件）').click();
    await office.locator('.ant-select-item-option', { hasText: '示例市就业见习管理办法（征求意见稿）' }).first().waitFor();
    await shot(office, 'consultation-0-new');
    await office.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    await office.getByRole('link', { name: '示例市就业见习管理办法（征求意见稿）' }).click();
    await office.getByRole('button', { name: '发布征求意见' }).click();
    await office.getByRole('tooltip').or(office.getByRole('dialog')).getByRole('button', { name: '确定' }).click();
    await office.getByText('征求意见中').first().waitFor();
    await shot(office, 'consultation-1-opened');

    const visitor = await context.newPage();
    await commentOnPortal(visitor, { name: '王小红', phone: '13900001111', content: `建议把见习期延长到12个月。我的身份证号是${ID_NUMBER}。` });
    await visitor.getByText('您的意见已提交').waitFor();
    await commentOnPortal(visitor, { name: '赵大明', phone: '13900002222', content: '建议补贴按月发放，不要等到见习期满。' });
    await visitor.getByText('您的意见已提交').waitFor();

    await office.reload();
    await office.getByText('收到意见 2 条').waitFor();
    await office.getByText('含个人信息：身份证号码').waitFor();
    expect(await office.getByText('13900001111').count()).toBe(0);
    await shot(office, 'consultation-2-comments');

    // The window's last day passes: the console session has long expired, so the office signs in again.
    t.clock.advance(31 * 24 * 60);
    await consoleLogin(office, base, 'rsj.office');
    await office.goto(`${base}/admin/consultation/${consultationId}`);
    await office.getByText('征求意见已结束').first().waitFor();
    const marks: [string, string, string][] = [['延长到12个月', '未采纳', '见习期限由国家政策确定，本办法不作调整'], ['按月发放', '采纳', '已修改第十二条，补贴按月发放']];
    for (const [text, adoption, reason] of marks) {
      await office.getByRole('row', { name: new RegExp(text) }).getByRole('button', { name: '登记' }).click();
      const dialog = office.getByRole('dialog');
      await dialog.waitFor();
      await animationsSettled(office);
      await dialog.getByLabel(adoption, { exact: true }).check();
      await dialog.getByLabel('理由').fill(reason);
      await dialog.getByRole('button', { name: '保存' }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
    await office.getByText('采纳 1　部分采纳 0　未采纳 1').waitFor();
    await office.getByRole('button', { name: '公布意见采纳情况' }).click();
    const feedback = office.getByRole('dialog');
    await animationsSettled(office);
    await feedback.getByLabel('未予采纳的主要意见及理由').fill('关于延长见习期的意见：见习期限由国家政策确定，本办法不作调整。');
    await shot(office, 'consultation-3-feedback');
    await feedback.getByRole('button', { name: '公布' }).click();
    await office.getByRole('dialog').filter({ hasText: '确认公布？' }).getByRole('button', { name: '确认' }).click();
    await office.getByText('已公布的意见采纳情况').waitFor();
    expect(await axeViolations(office)).toEqual([]);
    await office.goto(`${base}/admin/key-tasks`);
    await office.getByText('2026年：实施高校毕业生就业见习计划').waitFor();
    expect(await axeViolations(office)).toEqual([]);
    await shot(office, 'consultation-5-key-tasks');
    await visitor.goto(`${base}/xxgk/RSJ/key-tasks`);
    await visitor.getByText('已募集见习岗位2860个').waitFor();
    expect(await axeViolations(visitor)).toEqual([]);
    await shot(visitor, 'consultation-6-portal-key-tasks');

    await visitor.goto(`${base}/xxgk/RSJ/consultations/${consultationId}`);
    await visitor.getByRole('heading', { name: '意见采纳情况' }).waitFor();
    await expect(visitor.locator('main').textContent()).resolves.toContain('共收到意见 2 条，其中采纳 1 条、部分采纳 0 条、未采纳 1 条');
    await expect(visitor.locator('main').textContent()).resolves.not.toContain('王小红');
    await shot(visitor, 'consultation-4-portal-feedback');
    await context.close();
  }, 240_000);

  for (const [device, width] of [['desktop', 1366], ['mobile', 375]] as const) {
    it(`the comment form and its errors pass axe on ${device}`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      const s = await publishingStaff(t);
      const itemId = await draftItem(t, s, { title: `示例市见习基地管理规定（征求意见稿，${device}）`, category: 'policy' });
      await publishDraft(t, s, itemId);
      const id = (await call(t, s.office, 'POST', '/consultations', { itemId, unit: '就业促进科', normative: true, closesOn: '2027-03-31', howToComment: '来信请寄示例市人民路1号' })).json().id;
      expect((await call(t, s.office, 'POST', `/consultations/${id}/open`)).statusCode).toBe(200);
      await page.goto(`${base}/xxgk/RSJ/consultations/${id}`);
      await page.getByRole('heading', { name: '提交意见' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, `consultation-form-${device}`);
      await page.getByRole('button', { name: '提交意见' }).click();
      await page.getByText('请修改以下内容后再提交').waitFor();
      await expect(page.locator('.error-summary').textContent()).resolves.toContain('请填写姓名');
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await shot(page, `consultation-form-errors-${device}`);
      await page.goto(`${base}/xxgk/RSJ/consultations`);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    }, 180_000);
  }
});
