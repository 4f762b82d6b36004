import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildCalendar, type IsoDate } from '../../src/core/calendar.ts';
import { officialCalendarData } from '../../src/core/calendar.official.ts';
import { chinaDateOf } from '../../src/core/clock.ts';
import { isWorkday } from '../../src/core/workdays.ts';
import { samplePdf } from '../../src/modules/files/fixtures/samples.ts';
import { extractText, loadMupdf } from '../../src/modules/files/text.ts';
import { apiSession, axeViolations, launch, shot, signedIn, takeAction } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const REQUEST = '请公开2026年第三批就业见习基地的认定名单及认定依据';
const TRAINEE_ID = '110105194912310021';
const OPINION = '名单中见习人员的身份证号码属于个人隐私，根据《中华人民共和国政府信息公开条例》第三十七条的规定，予以删除后公开其余部分。';

const staff = (username: string) => signedIn(browser, baseUrl, username);

async function pick(page: Page, dialog: ReturnType<Page['getByRole']>, label: string, text: string) {
  await dialog.getByLabel(label).fill(text);
  await page.keyboard.press('Enter');
}

describe('a citizen applies, corrects, and downloads the reply (APP-1 → LAW-30 → LAW-33 → LAW-37)', () => {
  it('goes from the portal form through correction, extension and a partial-disclosure reply to the letter', async () => {
    // 1. The citizen applies on the portal (works without the console, no sign-in).
    const citizen = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await citizen.goto(`${baseUrl}/`);
    await citizen.getByRole('link', { name: /向示例市人力资源和社会保障局申请公开/ }).click();
    await citizen.getByRole('heading', { name: '政府信息公开申请表' }).waitFor();
    expect(await axeViolations(citizen)).toEqual([]);
    await citizen.getByRole('radio', { name: '自然人' }).check();
    await citizen.getByLabel('姓名/名称').fill('王小明');
    await citizen.getByLabel('证件号码').fill('11010519491231002X');
    await citizen.getByLabel('联系电话').fill('13800138000');
    await citizen.getByLabel('电子邮箱').fill('wxm@example.com');
    await citizen.getByLabel('所需信息的内容描述').fill(REQUEST);
    await citizen.getByRole('radio', { name: '电子文档' }).check();
    await citizen.getByRole('radio', { name: '网上获取' }).check();
    const question = (await citizen.locator('label[for="challengeAnswer"]').innerText()).trim();
    await citizen.getByLabel(question.replace('（必填）', '')).fill(String(DIGITS.indexOf(question[0]!) + DIGITS.indexOf(question[2]!)));
    await shot(citizen, 'app-1-portal-form');
    await citizen.waitForTimeout(3100); // the challenge refuses answers faster than a person types
    await citizen.getByRole('button', { name: '提交申请' }).click();
    await citizen.getByRole('heading', { name: '申请已提交' }).waitFor();
    const code = (await citizen.locator('strong.code').nth(0).innerText()).trim();
    const secret = (await citizen.locator('strong.code').nth(1).innerText()).trim();
    const regNumber = (await citizen.getByText(/登记编号/).innerText()).replace('登记编号：', '').trim();
    await shot(citizen, 'app-2-submitted');

    // 2. The office finds it in the queue and asks for a correction (LAW-30).
    const office = await staff('rsj.office');
    await office.goto(`${baseUrl}/admin/applications`);
    // Issue 8: the queue exports to Excel.
    expect(await office.getByRole('link', { name: /导出 Excel/ }).getAttribute('href')).toBe('/api/v1/applications.xlsx?open=true');
    await office.getByRole('link', { name: regNumber }).click();
    await office.waitForURL(/\/admin\/applications\/[0-9a-f-]{36}$/);
    const caseUrl = office.url();
    // LAW-31: an online application waits as 待确认 until the office confirms it on a working day. The server
    // runs on the real clock: on a weekend or holiday the confirmation is refused, and then the system
    // administrator declares today a make-up working day (调休), as a calendar edit, so the walk goes on.
    await office.getByText('待确认').first().waitFor();
    const today = chinaDateOf(new Date()) as IsoDate;
    if (!isWorkday(buildCalendar({ official: officialCalendarData(), overrides: [], coveredYears: [] }), today)) {
      await office.getByRole('button', { name: '确认收到', exact: true }).click();
      await office.getByRole('dialog').getByRole('button', { name: '确定', exact: true }).click();
      await office.getByText('不是工作日，确认收到须在工作日进行').first().waitFor();
      await office.keyboard.press('Escape');
      const admin = await apiSession(baseUrl, 'sysadmin');
      expect((await admin('PUT', `/calendar/days/${today}`, { kind: 'workday', name: '调休' })).ok).toBe(true);
    }
    await takeAction(office, caseUrl, '确认收到', undefined, '确定');
    await office.getByText('通过申请查询页面告知申请人').first().waitFor();
    await takeAction(office, caseUrl, '告知补正', (d) => d.getByLabel('需补正的内容').fill('请说明所需名单的认定年度和批次'), '确定');
    await office.getByText('待补正').first().waitFor();
    await shot(office, 'app-3-correction-asked');

    // 3. The citizen reads the request on the status page and corrects.
    await citizen.goto(`${baseUrl}/xxgk/status`);
    await citizen.getByLabel('查询码').fill(code);
    await citizen.getByLabel('查询密码').fill(secret);
    await citizen.getByRole('button', { name: '查询' }).click();
    await citizen.getByRole('heading', { name: '需要补正' }).waitFor();
    await citizen.getByLabel('补正内容').fill('所需为2026年第三批，即2026年10月认定的名单');
    await shot(citizen, 'app-4-status-correction');
    await citizen.getByRole('button', { name: '提交补正' }).click();
    await citizen.getByText('答复期限自今日起重新计算').waitFor();

    // 4. Assigned to the department, extended by the leader (LAW-33), drafted as partial disclosure (LAW-37).
    await takeAction(office, caseUrl, '分办', (d) => pick(office, d, '承办部门', '就业促进科'), '确定');
    // The list is provided with a trainee's ID number removed (LAW-37).
    await office.goto(caseUrl);
    await office.getByLabel('需删除的内容').fill(TRAINEE_ID);
    await office.locator('input[type=file]').setInputFiles({ name: '见习基地名单.pdf', mimeType: 'application/pdf', buffer: Buffer.from(samplePdf([['2026年第三批就业见习基地', `见习人员身份证号码：${TRAINEE_ID}`, '示例市滨海物流有限公司']])) });
    await office.getByText('原件-见习基地名单.pdf').waitFor();
    const leader = await staff('rsj.leader');
    await takeAction(leader, caseUrl, '延期', (d) => d.getByLabel('延期理由').fill('需逐一核实见习基地信息中涉及的个人信息'), '确定');
    await leader.getByText('延期答复告知书').first().waitFor();
    await shot(leader, 'app-5-extended');
    const drafter = await staff('rsj.drafter');
    await takeAction(drafter, caseUrl, '拟定答复', async (d) => {
      await pick(drafter, d, '答复结果', '部分公开');
      await d.getByLabel('答复意见及依据').fill(OPINION);
    }, '确定');
    await drafter.context().close();

    // 5. The three reviews (APP-6), each by its own role, then the leader signs.
    await takeAction(office, caseUrl, '合法性审查', (d) => d.getByLabel('合法性审查意见').fill('答复依据准确，程序合法。'), '确定');
    for (const [user, kind, opinion] of [['rsj.secrecy', '保密审查', '删除个人信息后不涉密。'], ['rsj.opinion', '舆情风险评估', '舆情风险低。']] as const) {
      const reviewer = await staff(user);
      // The 操作 card points to the review instead of saying there is nothing to do (issue 8).
      await reviewer.goto(caseUrl);
      await reviewer.getByText('请在下方“答复审核”中出具您的审查意见。').waitFor();
      expect(await reviewer.getByText('当前没有需要您办理的操作').count()).toBe(0);
      await takeAction(reviewer, caseUrl, kind, (d) => d.getByLabel(`${kind}意见`).fill(opinion), '确定');
      await reviewer.context().close();
    }
    await takeAction(leader, caseUrl, '签发答复', undefined, '确定');
    await leader.getByText('已答复').first().waitFor();
    await shot(leader, 'app-6-replied');
    expect(await axeViolations(leader)).toEqual([]);
    await leader.context().close();
    await office.goto(caseUrl);
    await office.getByText('答复已签发，请在下方“送达”中登记送达。').waitFor();
    await office.context().close();

    // 6. The citizen downloads the reply letter from the status page.
    await citizen.goto(`${baseUrl}/xxgk/status`);
    await citizen.getByLabel('查询码').fill(code);
    await citizen.getByLabel('查询密码').fill(secret);
    await citizen.getByRole('button', { name: '查询' }).click();
    await citizen.getByText('已答复').first().waitFor();
    await shot(citizen, 'app-7-status-replied');
    expect(await axeViolations(citizen)).toEqual([]);
    const [download] = await Promise.all([citizen.waitForEvent('download'), citizen.getByRole('button', { name: /[0-9]-答复告知书\.pdf$/ }).click()]);
    const letterPdf = new Uint8Array(await readFile((await download.path())!));
    const text = await extractText('pdf', letterPdf);
    expect(text).toContain('政府信息公开申请答复告知书');
    expect(text).toContain('王小明');
    expect(text).toContain('行政复议');
    // GB/T 9704-2012: 发文字号, the handler's 答复意见及依据 (APP-7), the agency where the seal goes,
    // the 成文日期 in Chinese numerals and the contact line.
    const lines = text.split('\n').filter(Boolean);
    expect(lines[0]).toMatch(/^〔20\d\d〕\d+号$/);
    expect(text.replace(/\s+/g, '')).toContain(OPINION);
    expect(lines.slice(-3)[0]).toBe('示例市人力资源和社会保障局');
    expect(lines.slice(-3)[1]).toMatch(/^二〇[〇一二三四五六七八九]{2}年[一二三四五六七八九十]+月[一二三四五六七八九十]+日$/);
    expect(lines.at(-1)).toBe('（联系电话：0310-1234333）');
    // The letter as the applicant sees it, its first page drawn from the PDF.
    const mupdf = await loadMupdf();
    const letter = mupdf.Document.openDocument(letterPdf, 'application/pdf');
    const png = letter.loadPage(0).toPixmap([1.5, 0, 0, 1.5, 0, 0], mupdf.ColorSpace.DeviceRGB, false, true).asPNG();
    letter.destroy();
    const viewer = await browser.newPage({ viewport: { width: 1000, height: 1300 } });
    await viewer.setContent(`<body style="margin:0;background:#eee"><img alt="答复告知书" style="display:block;margin:16px auto;box-shadow:0 0 4px #999" src="data:image/png;base64,${Buffer.from(png).toString('base64')}"></body>`);
    await shot(viewer, 'app-8-reply-letter');
    await viewer.close();
    // The letter that says everything: the remedy with its starting points and bodies, the files with their pages, 您.
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('自收到本告知书之日起60日内向示例市人民政府申请行政复议，或者自收到本告知书之日起6个月内向有管辖权的人民法院提起行政诉讼');
    expect(flat).toContain('见习基地名单.pdf（共1页）');
    expect(flat).toContain('收到您提出的政府信息公开申请');
    expect(flat).not.toContain('您（单位）');
    const [list] = await Promise.all([citizen.waitForEvent('download'), citizen.getByRole('button', { name: '见习基地名单.pdf', exact: true }).click()]);
    const provided = await extractText('pdf', new Uint8Array(await readFile((await list.path())!)));
    expect(provided).toContain('示例市滨海物流有限公司');
    expect(provided).not.toContain(TRAINEE_ID);
    expect(await citizen.getByText('原件-见习基地名单.pdf').count()).toBe(0);
    await citizen.close();
  }, 240_000); // a whole case through three browsers and nine roles: minutes on a busy machine
});
