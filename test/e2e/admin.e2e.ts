import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launch, shot, signedIn } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const as = (username: string) => signedIn(browser, baseUrl, username, { viewport: { width: 1366, height: 860 } });

describe('administration screens (三员: each administrator sees their own duties)', () => {
  it('the system administrator sees the agencies, units with their contacts (ORG-2), users and the calendar', async () => {
    const page = await as('sysadmin');
    await page.goto(`${baseUrl}/admin/system/org`);
    await page.getByText('示例市医疗保障局').first().waitFor();
    await page.getByRole('row', { name: /示例市人力资源和社会保障局/ }).getByRole('button', { name: '查看部门' }).click();
    await page.getByText('就业促进科').first().waitFor();
    await expect(page.getByText('张拟稿').first().isVisible()).resolves.toBe(true);
    await shot(page, 'admin-org');

    // Editing an agency saves (CAT-3: the guide text appears on the public guide page).
    await page.getByRole('row', { name: /示例市医疗保障局/ }).getByRole('button', { name: '编辑' }).click();
    await page.getByRole('dialog').getByLabel('公开指南补充说明').fill('每周三下午设政务公开咨询接待日。');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    const guide = await page.context().newPage();
    await guide.goto(`${baseUrl}/xxgk/YBJ/guide`);
    await expect(guide.getByText('每周三下午设政务公开咨询接待日。').isVisible()).resolves.toBe(true);
    await guide.close();

    await page.goto(`${baseUrl}/admin/system/users`);
    await page.getByText('rsj.drafter').first().waitFor();
    await shot(page, 'admin-users');

    await page.goto(`${baseUrl}/admin/system/calendar`);
    await page.getByText('国庆节').first().waitFor();
    await shot(page, 'admin-calendar');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the security administrator sees role grants and the security policy defaults (等保2.0)', async () => {
    const page = await as('secadmin');
    await page.goto(`${baseUrl}/admin/system/security`);
    await expect(page.getByLabel('密码最小长度').inputValue()).resolves.toBe('10');
    await shot(page, 'admin-security');
    await page.goto(`${baseUrl}/admin/system/grants`);
    await shot(page, 'admin-grants');
    await page.context().close();
  });

  it('the auditor browses the audit log and verifies its hash chain', async () => {
    const page = await as('auditor');
    await page.goto(`${baseUrl}/admin/system/audit`);
    // Issue 8: events in Chinese with the object's name, the IP readable at 1366 px, an export.
    await page.getByRole('cell', { name: '登录系统' }).first().waitFor();
    expect(await page.getByText('auth.login').count()).toBe(0);
    expect(await page.getByText(/user #/).count()).toBe(0);
    const ip = page.locator('.ant-table-tbody tr.ant-table-row td').last();
    const box = (await ip.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1366);
    expect(await ip.evaluate((td) => td.scrollWidth <= td.clientWidth)).toBe(true);
    expect((await ip.locator('span').boundingBox())!.height).toBeLessThan(30); // one line
    await shot(page, 'admin-audit-events');
    await page.getByLabel('操作类型').fill('新建用户');
    await page.locator('.ant-select-item-option').filter({ hasText: '新建用户' }).click();
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('cell', { name: /^用户“/ }).first().waitFor();
    expect(await page.getByRole('cell', { name: '登录系统' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /导出 Excel/ }).getAttribute('href')).toBe('/api/v1/audit.xlsx?action=user.create');
    await page.getByRole('button', { name: '校验完整性' }).click();
    await page.getByText(/完整/).first().waitFor();
    await shot(page, 'admin-audit');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('a drafter is told plainly that administration is not theirs', async () => {
    const page = await as('rsj.drafter');
    await page.goto(`${baseUrl}/admin/system/users`);
    await page.getByText('无权访问').first().waitFor();
    await page.goto(`${baseUrl}/admin/supervision`);
    await page.getByText('无权访问').first().waitFor();
    await shot(page, 'admin-no-access');
    await page.context().close();
  });
});
