import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { animationsSettled, axeViolations, launch, shot, signedIn } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const MATTER = '涉及举报人身份的信访举报材料';

describe('the office keeps the negative list in the console and the portal follows (CAT-5)', () => {
  it('adds an entry, sees it on the public list, then deletes it after confirming', async () => {
    const office = await signedIn(browser, baseUrl, 'rsj.office');
    await office.goto(`${baseUrl}/admin/lists/negative`);
    await office.getByRole('button', { name: '新增事项' }).click();
    const dialog = office.getByRole('dialog');
    await dialog.waitFor();
    await animationsSettled(office);
    await dialog.getByLabel('不予公开的事项').fill(MATTER);
    await dialog.getByLabel('不予公开的理由').click();
    await office.locator('.ant-select-item-option', { hasText: '商业秘密、个人隐私' }).click();
    await expect(dialog.getByLabel('法定依据').inputValue()).resolves.toContain('第十五条');
    // 列入日期 and 复核日期 start at today.
    await expect(dialog.getByLabel('列入日期').inputValue()).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await shot(office, 'lists-1-negative-new');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await office.getByRole('cell', { name: MATTER }).waitFor();
    expect(await axeViolations(office)).toEqual([]);

    const visitor = await office.context().newPage();
    await visitor.goto(`${baseUrl}/xxgk/RSJ/negative-list`);
    await visitor.getByRole('cell', { name: MATTER }).waitFor();

    await office.getByRole('row', { name: new RegExp(MATTER) }).getByRole('button', { name: '删除' }).click();
    const confirm = office.getByRole('dialog').filter({ hasText: `删除“${MATTER}”？` });
    await confirm.waitFor();
    await shot(office, 'lists-2-negative-delete');
    await confirm.getByRole('button', { name: '删除' }).click();
    await office.getByRole('cell', { name: MATTER }).waitFor({ state: 'detached' });
    await visitor.reload();
    await visitor.getByRole('heading', { name: '政府信息公开负面清单' }).waitFor();
    expect(await visitor.getByRole('cell', { name: MATTER }).count()).toBe(0);
    await office.context().close();
  });
});
