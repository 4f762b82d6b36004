import type { Browser, Page } from 'playwright-core';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { xlsx } from '../support/hostile-files.ts';
import { DOCX_SECRETS, sampleDocx } from '../../src/modules/files/fixtures/samples.ts';
import { animationsSettled, axeViolations, launch, shot, signedIn, takeAction } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const as = (username: string) => signedIn(browser, baseUrl, username);

/** Fills the new-item form for a proactive piece of other information (工作动态). */
async function fillProactiveDraft(page: Page, title: string, body: string) {
  await page.goto(`${baseUrl}/admin/documents/new`);
  await page.getByRole('radio', { name: '其他信息' }).check();
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('成文日期').fill('2026-11-20');
  await page.keyboard.press('Enter');
  await page.getByLabel('主题分类').fill('工作动态');
  await page.keyboard.press('Enter');
  await page.getByLabel('正文').fill(body);
  await page.getByRole('radio', { name: '主动公开', exact: true }).check();
}

const ID_NUMBER = '11010519491231002X';
const TITLE = '关于2026年第四季度就业见习补贴发放情况的公示';

describe('one document from the drafter to its public page (ATTR-2 → SEC-5 → PUB-6 → CAT-1)', () => {
  it('is drafted, checked, reviewed with a finding removed, approved, published, and public without the ID number', async () => {
    const drafter = await as('rsj.drafter');
    await drafter.goto(`${baseUrl}/admin/documents/new`);
    await drafter.getByRole('radio', { name: '其他信息' }).check();
    await drafter.getByLabel('标题').fill(TITLE);
    await drafter.getByLabel('成文日期').fill('2026-11-20');
    await drafter.keyboard.press('Enter');
    await drafter.getByLabel('主题分类').fill('工作动态');
    await drafter.keyboard.press('Enter');
    // Issue 8: the body can come from a Word file, without its comments or tracked deletions.
    const [chooser] = await Promise.all([drafter.waitForEvent('filechooser'), drafter.getByRole('button', { name: '从 Word 导入正文' }).click()]);
    await chooser.setFiles({ name: '答复.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(sampleDocx()) });
    await expect.poll(() => drafter.getByLabel('正文').inputValue()).toContain('经审查，现予公开。');
    expect(await drafter.getByLabel('正文').inputValue()).not.toContain(DOCX_SECRETS.deleted);
    await drafter.getByLabel('正文').fill(`经审核，以下单位的见习补贴已发放。\n见习人员代表：李明，身份证号码${ID_NUMBER}。`);
    await drafter.getByRole('radio', { name: '主动公开', exact: true }).check();
    await shot(drafter, 'doc-1-draft');
    await drafter.getByRole('button', { name: '提交', exact: true }).click();
    await drafter.waitForURL(/\/admin\/documents\/[0-9a-f-]{36}$/);
    const itemUrl = drafter.url();
    await drafter.getByText('公开属性核查').first().waitFor();
    await shot(drafter, 'doc-2-submitted');
    await drafter.context().close();

    const office = await as('rsj.office');
    // The leading group reviews only a policy document proposed non-public (ATTR-8): not this notice.
    await takeAction(office, itemUrl, '核查通过', async (d) => expect(await d.getByLabel('领导小组审核意见').count()).toBe(0));
    await office.getByText('科室初审').first().waitFor();

    const head = await as('rsj.head');
    await takeAction(head, itemUrl, '提出初审意见', (d) => d.getByLabel('意见').fill('内容准确，同意公开。'));
    await head.context().close();

    const secrecy = await as('rsj.secrecy');
    await secrecy.goto(itemUrl);
    const row = secrecy.getByRole('row', { name: new RegExp(ID_NUMBER) });
    await row.getByRole('button', { name: '删除', exact: true }).click();
    await secrecy.getByRole('tooltip').getByRole('button', { name: /确\s?定|OK/ }).click();
    await secrecy.getByText('已删除').first().waitFor();
    // The name right before the ID number is personal data too (issue 10).
    await secrecy.getByRole('row', { name: /个人姓名.*李明/ }).getByRole('button', { name: '删除', exact: true }).click();
    await secrecy.getByRole('tooltip').getByRole('button', { name: /确\s?定|OK/ }).click();
    await secrecy.getByRole('row', { name: /个人姓名.*李明.*已删除/ }).waitFor();
    await shot(secrecy, 'doc-3-findings');
    await takeAction(secrecy, itemUrl, '出具保密审查意见', async (d) => {
      await d.getByRole('radio', { name: '主动公开', exact: true }).check();
      await d.getByLabel('意见').fill('经审查，删除个人身份证号码后可以主动公开。');
    });
    await secrecy.context().close();

    const leader = await as('rsj.leader');
    await takeAction(leader, itemUrl, '审批同意');
    await leader.context().close();

    // PUB-5: the disclosure platform is ticked by default.
    await takeAction(office, itemUrl, '发布', async (d) => expect(await d.getByRole('checkbox', { name: '政府信息公开平台' }).isChecked()).toBe(true));
    await office.getByText('RSJ/2026-').first().waitFor();
    await shot(office, 'doc-4-published');
    expect(await axeViolations(office)).toEqual([]);

    const href = await office.getByRole('link', { name: /查看公开页面/ }).getAttribute('href');
    const pub = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await pub.goto(`${baseUrl}${href}`);
    await pub.getByRole('heading', { name: TITLE }).first().waitFor();
    const text = await pub.locator('main').innerText();
    expect(text).toContain('索引号');
    expect(text).toContain('（此件主动公开）');
    expect(text).not.toContain(ID_NUMBER);
    expect(text).not.toContain('李明');
    expect(await axeViolations(pub)).toEqual([]);
    await shot(pub, 'doc-5-public-page');
    await office.context().close();
    await pub.close();
  }, 180_000);
});

const FILES_TITLE = '2026年第四季度就业补贴发放汇总';
const folder = mkdtempSync(join(tmpdir(), 'gongkai-e2e-files-'));
const HIDDEN_PHONE = '13931588888';

describe('SEC-10: an Excel file that cannot be cleaned is replaced by the office, and the item publishes (issue 10)', () => {
  it('the hidden sheet stops publication; the office uploads a cleaned copy; the item is published with it', async () => {
    const dirty = join(folder, '补贴汇总.xlsx');
    writeFileSync(dirty, xlsx({ sheets: [{ name: '汇总', rows: [['合计', '12']] }, { name: '底稿', state: 'hidden', rows: [['电话', HIDDEN_PHONE]] }] }));
    const clean = join(folder, '补贴汇总（已处理）.xlsx');
    writeFileSync(clean, xlsx({ sheets: [{ name: '汇总', rows: [['合计', '12']] }] }));

    const drafter = await as('rsj.drafter');
    await fillProactiveDraft(drafter, FILES_TITLE, '本季度就业补贴发放汇总见附件。');
    await drafter.getByRole('button', { name: '保存', exact: true }).click();
    await drafter.waitForURL(/\/admin\/documents\/[0-9a-f-]{36}\/edit$/);
    // The attachments card's own input: the form also has one for importing the body from Word.
    await drafter.locator('.ant-card').filter({ has: drafter.getByRole('button', { name: '上传附件' }) }).locator('input[type=file]').setInputFiles(dirty);
    await drafter.getByText('补贴汇总.xlsx').first().waitFor();
    await drafter.getByRole('button', { name: '提交', exact: true }).click();
    await drafter.waitForURL(/\/admin\/documents\/[0-9a-f-]{36}$/);
    const itemUrl = drafter.url();
    await drafter.context().close();

    const office = await as('rsj.office');
    await takeAction(office, itemUrl, '核查通过');
    const head = await as('rsj.head');
    await takeAction(head, itemUrl, '提出初审意见', (d) => d.getByLabel('意见').fill('同意公开。'));
    await head.context().close();

    const secrecy = await as('rsj.secrecy');
    await secrecy.goto(itemUrl);
    const row = secrecy.getByRole('row', { name: new RegExp(HIDDEN_PHONE) });
    await row.getByRole('button', { name: '删除', exact: true }).click();
    await secrecy.getByRole('tooltip').getByRole('button', { name: /确\s?定|OK/ }).click();
    await secrecy.getByText('已删除').first().waitFor();
    await takeAction(secrecy, itemUrl, '出具保密审查意见', async (d) => {
      await d.getByRole('radio', { name: '主动公开', exact: true }).check();
      await d.getByLabel('意见').fill('删除隐藏工作表中的电话后公开。');
    });
    await secrecy.context().close();

    const leader = await as('rsj.leader');
    await takeAction(leader, itemUrl, '审批同意');
    await leader.context().close();

    // Publication is refused with the reason, and the dialog says what to do.
    await office.goto(itemUrl);
    await office.getByRole('button', { name: '发布', exact: true }).first().click();
    const dialog = office.getByRole('dialog');
    await dialog.waitFor();
    await animationsSettled(office);
    await dialog.getByRole('checkbox', { name: '政府信息公开平台' }).check();
    await dialog.getByRole('button', { name: '发布', exact: true }).click();
    await office.getByText(/隐藏的工作表“底稿”/).first().waitFor();
    await office.getByText(/请替换为处理后的文件或撤下该附件/).first().waitFor();
    await shot(office, 'files-1-publish-refused');
    await office.keyboard.press('Escape');

    await office.goto(itemUrl);
    await office.getByRole('row', { name: /补贴汇总\.xlsx/ }).locator('input[type=file]').setInputFiles(clean);
    await office.getByText('补贴汇总（已处理）.xlsx').first().waitFor();
    await office.getByText('替换附件').first().waitFor(); // the step in the timeline
    await shot(office, 'files-2-replaced');

    await takeAction(office, itemUrl, '发布', (d) => d.getByRole('checkbox', { name: '政府信息公开平台' }).check());
    await office.getByText('RSJ/2026-').first().waitFor();
    const href = await office.getByRole('link', { name: /查看公开页面/ }).getAttribute('href');
    const pub = await browser.newPage();
    await pub.goto(`${baseUrl}${href}`);
    expect(await pub.locator('main').innerText()).toContain('补贴汇总（已处理）.xlsx');
    await pub.close();
    await office.context().close();
  }, 240_000);
});
