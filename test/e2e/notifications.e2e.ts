import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chinaDateOf } from '../../src/core/clock.ts';
import { animationsSettled, apiSession, axeViolations, launch, shot, signedIn } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** The Beijing date `days` before today, as a clerk writes it. */
const beijingDaysAgo = (days: number) => chinaDateOf(new Date(Date.now() - days * 86_400_000));

describe('clocks that act: an overdue item reaches its holder in the console within the minute (PUB-3, issue 12)', () => {
  it('PUB-3: a draft made 40 days ago is already overdue: the header counts it, the 通知 page lists it and links to the item', { timeout: 240_000 }, async () => {
    const drafter = await apiSession(baseUrl, 'rsj.sb');
    const title = '关于逾期提醒演示的通知';
    const res = await drafter('POST', '/items', { kind: 'document', docKind: 'notice', docNumber: '', title, summary: '', body: '各有关单位：现将有关事项通知如下。', dateMade: beijingDaysAgo(40), category: 'work', attribute: 'proactive' });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };

    const page = await signedIn(browser, baseUrl, 'rsj.sb');
    // The sweep runs each minute and the badge is read each minute: within two, at the latest.
    const bell = page.getByRole('button', { name: /^通知：\d+条未读$/ });
    await bell.waitFor({ timeout: 150_000 });
    await bell.click();
    await page.getByRole('heading', { name: '通知' }).waitFor();
    const link = page.getByRole('link', { name: `主动公开信息发布期限已逾期：“${title}”` });
    await link.waitFor();
    await animationsSettled(page);
    await shot(page, 'notifications-1-inbox');
    expect(await axeViolations(page)).toEqual([]);
    await link.click();
    await page.waitForURL(`${baseUrl}/admin/documents/${id}`);
    await page.getByRole('button', { name: '通知' }).waitFor();
    await page.context().close();
  });

  it('OP-7: the office sees who is on duty now and how to reach them', { timeout: 120_000 }, async () => {
    const page = await signedIn(browser, baseUrl, 'rsj.office');
    await page.goto(`${baseUrl}/admin/notifications/duty`);
    await page.getByRole('heading', { name: '领导值班表' }).waitFor();
    await page.getByRole('cell', { name: /刘副局长\s*正在值班/ }).waitFor();
    await page.getByRole('cell', { name: '0310-1234399' }).waitFor();
    await animationsSettled(page);
    await shot(page, 'notifications-2-duty');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the office sets its reminder thresholds; the system administrator the mail server and SMS gateway, whose secrets never come back', { timeout: 180_000 }, async () => {
    const office = await signedIn(browser, baseUrl, 'rsj.office');
    await office.goto(`${baseUrl}/admin/notifications`);
    await office.getByRole('tab', { name: '期限提醒设置' }).click();
    await office.getByLabel('逾期后报分管领导').first().waitFor();
    await animationsSettled(office);
    await shot(office, 'notifications-3-reminders');
    expect(await axeViolations(office)).toEqual([]);

    const admin = await signedIn(browser, baseUrl, 'sysadmin', { viewport: { width: 1366, height: 1000 } });
    await admin.goto(`${baseUrl}/admin/notifications`);
    await admin.getByRole('tab', { name: '邮件与短信' }).click();
    await admin.getByLabel('服务器地址').fill('smtp.example.gov.cn');
    await admin.getByLabel('发件地址').fill('noreply@example.gov.cn');
    await admin.getByLabel('用户名').fill('mailer');
    await admin.getByLabel('密码').fill('mail-secret');
    await admin.getByRole('button', { name: '保存' }).first().click();
    await admin.getByText('邮件服务器设置已保存').waitFor();
    await admin.getByText('已保存密码；留空则不修改').waitFor();
    await expect(admin.getByLabel('密码').inputValue()).resolves.toBe('');
    await animationsSettled(admin);
    await shot(admin, 'notifications-4-mail');
    expect(await axeViolations(admin)).toEqual([]);
    await office.context().close();
  });
});
