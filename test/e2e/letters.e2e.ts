import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SCREENSHOTS, animationsSettled, axeViolations, launch, shot, signedIn } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('the office sets its letter template and sees a letter in 公文 form (GB/T 9704-2012)', () => {
  it('saves the 发文字号 pattern and the contact line, and the sample letter beside the form follows', async () => {
    // 示例市医疗保障局's office: the applications walk keeps 人社局's default template.
    const office = await signedIn(browser, baseUrl, 'ybj.office', { viewport: { width: 1366, height: 1000 } });
    await office.goto(`${baseUrl}/admin/applications/letter-template`);
    await office.getByRole('heading', { name: '文书模板' }).waitFor();
    await expect(office.getByLabel('发文字号格式').inputValue()).resolves.toBe('〔{年}〕{号}号');

    await office.getByLabel('发文字号格式').fill('示医保公开〔{年}〕{号}号');
    await office.getByLabel('联系人').fill('杨公开');
    await office.getByLabel('联系电话').fill('0310-1234666');
    await office.getByRole('button', { name: '保存' }).click();
    await office.getByText('文书模板已保存').waitFor();
    await office.getByText(/下一份文书的发文字号：示医保公开〔\d{4}〕\d+号/).waitFor();

    // The sample letter is the PDF's first page, drawn again after the save.
    const letter = office.getByRole('img', { name: '按本机关文书模板生成的答复告知书示例' });
    await expect.poll(() => letter.getAttribute('src')).toMatch(/v=1$/);
    // Drawing it takes a few seconds the first time (the fonts are read once per process).
    await expect.poll(() => letter.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)), { timeout: 30_000 }).toBeGreaterThan(500);
    await animationsSettled(office);
    await shot(office, 'letter-1-template');
    await letter.screenshot({ path: `${SCREENSHOTS}/letter-2-page.png` });
    expect(await axeViolations(office)).toEqual([]);

    // A wrong pattern is refused with the reason, in Chinese.
    await office.getByLabel('发文字号格式').fill('示医保公开〔2026〕号');
    await office.getByRole('button', { name: '保存' }).click();
    await office.getByText(/发文字号格式须各含一次\{年\}和\{号\}/).first().waitFor();
    await office.context().close();
  });
});
