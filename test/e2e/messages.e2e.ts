import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { animationsSettled, axeViolations, launch, shot, signedIn } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const NAME = '周晓梅';
const PHONE = '13922223333';
const ID_NUMBER = '11010519491231002X';
const TOPIC = '灵活就业人员社保补贴怎么申请';
const ANSWER = '您好！灵活就业人员社会保险补贴可在户籍所在地街道便民服务中心申请，携带居民身份证和就业创业证即可，受理后15个工作日内审核。';

async function solve(page: Page) {
  const question = (await page.locator('label[for="challengeAnswer"]').innerText()).trim();
  await page.getByLabel(question.replace('（必填）', '')).fill(String(DIGITS.indexOf(question[0]!) + DIGITS.indexOf(question[2]!)));
}

const staff = (username: string) => signedIn(browser, baseUrl, username);

/** Opens the message from the queue, takes one action through its dialog, and waits for the server's answer. */
async function act(page: Page, button: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = async () => {}, confirm = false) {
  await page.goto(`${baseUrl}/admin/opinion/messages`);
  await page.getByRole('button', { name: TOPIC }).click();
  const drawer = page.getByRole('dialog', { name: TOPIC });
  await drawer.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `${button}：${TOPIC}` });
  await dialog.waitFor();
  await animationsSettled(page);
  await fill(dialog);
  await dialog.getByRole('button', { name: button, exact: true }).click();
  if (confirm) await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
  await page.locator('.ant-message').getByText(`已${button}`).waitFor();
}

describe('网民留言: asked on the portal, answered in the console, published without personal data, rated (OP-6)', () => {
  it('OP-6: the 我要留言 form passes axe on desktop and mobile, also when it shows errors', async () => {
    for (const [name, context] of [
      ['desktop', await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })],
      ['mobile', await browser.newContext({ viewport: { width: 375, height: 720 }, locale: 'zh-CN', isMobile: true, hasTouch: true })],
    ] as const) {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/xxgk/RSJ/messages/new`);
      await page.getByRole('heading', { name: '我要留言' }).waitFor();
      expect(await axeViolations(page), name).toEqual([]);
      await shot(page, `messages-form-${name}`);
      await page.getByRole('button', { name: '提交留言' }).click();
      await page.getByRole('heading', { name: '请修改以下内容后再提交' }).waitFor();
      expect(await page.getByRole('alert').innerText()).toContain('请填写留言主题');
      expect(await axeViolations(page), `${name} with errors`).toEqual([]);
      await shot(page, `messages-form-errors-${name}`);
      await context.close();
    }
  }, 240_000);

  it('OP-6: a message goes from the portal through the console to the public page, and the asker rates the answer', async () => {
    // 1. The citizen leaves a message, their name, phone and ID number in it.
    const citizen = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await citizen.goto(`${baseUrl}/xxgk/RSJ`);
    await citizen.getByRole('link', { name: '网民留言' }).first().click();
    await citizen.getByRole('link', { name: '我要留言' }).first().click();
    await citizen.getByLabel(/留言主题/).fill(TOPIC);
    await citizen.getByLabel('留言内容').fill(`我叫${NAME}，身份证号${ID_NUMBER}，目前灵活就业。请问社保补贴怎么申请？我的电话是${PHONE}。`);
    await citizen.getByLabel('姓名').fill(NAME);
    await citizen.getByLabel('联系电话').fill(PHONE);
    await solve(citizen);
    await citizen.waitForTimeout(3100); // the challenge refuses answers faster than a person types
    await citizen.getByRole('button', { name: '提交留言' }).click();
    await citizen.getByRole('heading', { name: '留言已提交' }).waitFor();
    const link = (await citizen.locator('a.code').innerText()).trim();
    expect(link).toMatch(/\/messages\/track\/[A-Za-z0-9_-]{32}$/);
    await shot(citizen, 'messages-submitted');

    // 2. The office checks it and assigns it to the unit; the term and its explanation show in the queue.
    const office = await staff('rsj.office');
    await office.goto(`${baseUrl}/admin/opinion/messages`);
    const row = office.getByRole('row', { name: new RegExp(TOPIC) });
    await row.getByText('待审核').waitFor();
    await shot(office, 'messages-queue');
    await act(office, '审核通过');
    await act(office, '交办', async (dialog) => {
      await dialog.getByLabel('承办部门').fill('社会保险科');
      await office.keyboard.press('Enter');
    });

    // 3. The unit answers in the console.
    const unit = await staff('rsj.sb');
    await unit.goto(`${baseUrl}/admin/`);
    await unit.getByRole('link', { name: `网民留言待答复：${TOPIC}` }).click();
    await unit.getByRole('dialog', { name: TOPIC }).getByRole('button', { name: '答复', exact: true }).waitFor();
    await shot(unit, 'messages-unit-drawer');
    await act(unit, '答复', async (dialog) => dialog.getByLabel('答复内容').fill(ANSWER));
    await shot(unit, 'messages-answered');

    // 4. The office publishes it, after a confirmation.
    await act(office, '公开', async () => {}, true);
    await office.getByRole('dialog', { name: TOPIC }).getByText('已公开').waitFor();
    await shot(office, 'messages-published-drawer');

    // 5. The public page shows the question and answer without the asker's name, phone or ID number.
    await citizen.goto(`${baseUrl}/xxgk/RSJ/messages`);
    await citizen.getByRole('link', { name: TOPIC }).click();
    await citizen.getByRole('heading', { name: TOPIC }).waitFor();
    const text = await citizen.locator('main').innerText();
    expect(text).toContain(ANSWER);
    for (const secret of [NAME, PHONE, ID_NUMBER]) expect(text).not.toContain(secret);
    expect(await axeViolations(citizen)).toEqual([]);
    await shot(citizen, 'messages-public');

    // 6. The asker rates the answer from the link, once.
    await citizen.goto(link);
    await citizen.getByRole('radio', { name: '满意', exact: true }).check();
    await citizen.getByRole('button', { name: '提交评价' }).click();
    await citizen.getByText('评价已提交，谢谢。').waitFor();
    expect(await citizen.getByRole('button', { name: '提交评价' }).count()).toBe(0);
    expect(await axeViolations(citizen)).toEqual([]);
    await shot(citizen, 'messages-rated');
    await office.goto(`${baseUrl}/admin/opinion/messages`);
    await office.getByRole('row', { name: new RegExp(TOPIC) }).getByText('满意').waitFor();

    // 7. The statistics count it, with an Excel export.
    await office.getByRole('tab', { name: '统计' }).click();
    const total = office.getByRole('row', { name: /合计/ });
    await total.waitFor();
    expect(await office.getByRole('link', { name: /导出 Excel/ }).getAttribute('href')).toMatch(/^\/api\/v1\/messages\/stats\.xlsx\?from=\d{4}-01-01&to=/);
    await shot(office, 'messages-stats');
  }, 240_000);
});
