import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { animationsSettled, apiSession, axeViolations, launch, shot, signedIn, takeAction } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const as = (username: string) => signedIn(browser, baseUrl, username);

/** Picks an option of the open antd Select once its dropdown has finished opening (a click mid-animation is lost), and waits until it has closed. */
async function pick(page: Page, text: string) {
  await page.locator('.ant-select-dropdown:visible').first().waitFor();
  await animationsSettled(page);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
  await animationsSettled(page);
}

const TITLE = '网传市民服务中心社保窗口停止办理业务';
const RESPONSE = '关于市民服务中心社保窗口正常办理业务的说明';

describe('a major opinion case from registration to a response published on the portal (OP-1 … OP-5)', () => {
  it('is registered on its 1-hour clock, assessed, transferred, answered through the review chain and published', async () => {
    const lead = await as('rsj.opinion');
    await lead.goto(`${baseUrl}/admin/opinion`);
    await lead.getByRole('heading', { name: '舆情台账' }).waitFor();
    await lead.getByRole('cell', { name: '网传某人力资源公司拖欠务工人员工资' }).waitFor(); // the demo city's case
    await shot(lead, 'opinion-1-log');
    expect(await axeViolations(lead)).toEqual([]);

    // Intake settings: the hosts feeds may come from and the webhook secret, shown once.
    await lead.getByRole('button', { name: '订阅源与推送' }).click();
    const settings = lead.getByRole('dialog', { name: '订阅源与推送设置' });
    await settings.waitFor();
    await animationsSettled(lead);
    await settings.getByRole('button', { name: '生成新的推送密钥' }).click();
    await lead.getByRole('button', { name: /确\s*定|确认/ }).last().click();
    await settings.getByText('新密钥只显示这一次').waitFor();
    // The confirmation fades out; axe reads colours mid-fade as too faint.
    await lead.locator('.ant-popconfirm:visible').waitFor({ state: 'detached' });
    await animationsSettled(lead);
    await shot(lead, 'opinion-1b-intake');
    expect(await axeViolations(lead)).toEqual([]);
    await settings.getByRole('button', { name: '关 闭' }).or(settings.getByRole('button', { name: '关闭' })).first().click();
    await settings.waitFor({ state: 'hidden' });

    await lead.getByRole('button', { name: '登记舆情' }).click();
    await lead.getByLabel('标题').fill(TITLE);
    await lead.getByLabel('来源').click();
    await pick(lead, '微博');
    await lead.getByLabel('链接或出处').fill('https://weibo.example.com/status/e2e-1');
    await lead.getByLabel('舆情摘要').fill('有微博称市民服务中心社保窗口自即日起停止办理业务，引发大量转发。');
    await lead.getByLabel('风险等级（初判）').click();
    await pick(lead, '特别重大');
    await shot(lead, 'opinion-2-new');
    await lead.getByRole('button', { name: '登 记' }).or(lead.getByRole('button', { name: '登记', exact: true })).first().click();

    // The case page: its 1-hour clock to report upward, with the explanation.
    const report = lead.getByTestId('clock-OP-5');
    await report.waitFor();
    await expect(report.textContent()).resolves.toMatch(/向上级报告.*截止/);
    await expect(report.textContent()).resolves.toContain('期限为1小时');
    await lead.getByTestId('clock-OPN-5H').waitFor();
    await lead.getByTestId('clock-OPN-24H').waitFor();
    // OP-7: a major case shows who is on duty and how to reach them.
    await lead.getByText('刘副局长').first().waitFor();
    await lead.getByText('0310-1234399').first().waitFor();
    await shot(lead, 'opinion-3-case');
    expect(await axeViolations(lead)).toEqual([]);

    // OP-5, OP-7: the leader on duty is told at once; the sweep runs each minute.
    const notice = `【限时】重大舆情上报时限开始计时：舆情“${TITLE}”`;
    const leaderApi = await apiSession(baseUrl, 'rsj.leader');
    const deadline = Date.now() + 150_000;
    for (;;) {
      const list = (await (await leaderApi('GET', '/notifications?pageSize=100')).json()) as { items: { title: string }[] };
      if (list.items.some((n) => n.title === notice)) break;
      expect(Date.now(), 'the duty leader was not told within the sweep').toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 5_000));
    }
    const leader = await as('rsj.leader');
    await leader.goto(`${baseUrl}/admin/notifications`);
    await leader.getByRole('link', { name: notice }).waitFor();
    await shot(leader, 'opinion-3b-duty-leader');
    await leader.context().close();

    await takeAction(lead, null, '研判', async (d) => {
      await d.getByLabel('风险分析').fill('谣言，涉及群众办事，传播快。');
      await d.getByLabel('处置方案').fill('就业促进科立即发布情况说明。');
    }, '保存');
    await takeAction(lead, null, '向上级报告', async (d) => d.getByLabel('报告对象').fill('市委网信办'), '登记');
    await report.getByText('已完成').waitFor();
    await takeAction(lead, null, '转办', async (d) => {
      await d.getByLabel('责任单位').click();
      await pick(lead, '就业促进科');
    });
    await lead.getByText('就业促进科').first().waitFor();

    // The responsible unit drafts the response; it opens as an item of the documents workflow.
    const drafter = await as('rsj.drafter');
    await drafter.goto(lead.url());
    await takeAction(drafter, null, '起草回应信息', async (d) => {
      await d.getByLabel('标题').fill(RESPONSE);
      await d.getByLabel('正文').fill('市民服务中心社保窗口工作日正常办理业务，网传停办信息不实。');
    }, '起草');
    await drafter.waitForURL(/\/admin\/documents\/[0-9a-f-]{36}$/);
    const itemId = drafter.url().split('/').at(-1)!;
    await drafter.getByText(RESPONSE).first().waitFor();

    // The item walks the whole chain, secrecy review included (set-up through the API).
    const walk: [string, string, object][] = [
      ['rsj.drafter', 'submit', {}], ['rsj.office', 'pass_check', {}], ['rsj.head', 'dept_opinion', { opinion: '同意。' }],
      ['rsj.secrecy', 'secrecy_opinion', { conclusion: 'proactive', opinion: '不涉密，同意公开。' }], ['rsj.leader', 'approve', { opinion: '同意。' }],
      ['rsj.office', 'publish', { channels: ['platform', 'website'] }],
    ];
    for (const [user, action, body] of walk) {
      const res = await (await apiSession(baseUrl, user))('POST', `/items/${itemId}/actions/${action}`, body);
      expect(res.status, `${action}: ${await res.clone().text()}`).toBeLessThan(300);
    }

    const visitor = await browser.newPage();
    await visitor.goto(`${baseUrl}/xxgk/RSJ/items/${itemId}`);
    await visitor.getByRole('heading', { name: RESPONSE }).waitFor();

    await lead.reload();
    await lead.getByRole('link', { name: RESPONSE }).waitFor();
    await lead.getByText('已回应').first().waitFor();
    await lead.getByTestId('clock-OPN-5H').getByText('已完成').waitFor();
    await shot(lead, 'opinion-4-responded');

    // The unit feeds back and the lead closes, so no one's to-do list keeps this case.
    const caseId = lead.url().split('/').at(-1)!;
    const feedback = await (await apiSession(baseUrl, 'rsj.drafter'))('POST', `/opinion/cases/${caseId}/actions/feedback`, { note: '已澄清，网民评价转好。' });
    expect(feedback.status).toBe(200);
    const closed = await (await apiSession(baseUrl, 'rsj.opinion'))('POST', `/opinion/cases/${caseId}/actions/close`, {});
    expect(closed.status).toBe(200);
    await lead.reload();
    await lead.getByText('办结', { exact: true }).first().waitFor();
  }, 420_000);
});
