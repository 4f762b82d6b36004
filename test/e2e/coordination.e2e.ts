import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { animationsSettled, apiSession, axeViolations, launch, shot, signedIn } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const as = (username: string) => signedIn(browser, baseUrl, username);

/** An RSJ notice walked through review to the leader's approval through the API: the browser takes it from there. */
async function approvedItem(title: string, body: string): Promise<string> {
  const drafter = await apiSession(baseUrl, 'rsj.drafter');
  const res = await drafter('POST', '/items', { kind: 'document', docKind: 'notice', docNumber: '', title, summary: '', body, dateMade: '2026-11-20', category: 'work', attribute: 'proactive' });
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: string };
  const steps: Array<[string, string, Record<string, unknown>]> = [
    ['rsj.drafter', 'submit', {}], ['rsj.office', 'pass_check', {}], ['rsj.head', 'dept_opinion', { opinion: '同意公开' }],
    ['rsj.secrecy', 'secrecy_opinion', { conclusion: 'proactive', opinion: '不涉密，同意主动公开' }], ['rsj.leader', 'approve', { opinion: '同意' }],
  ];
  for (const [who, action, input] of steps) {
    const step = await (await apiSession(baseUrl, who))('POST', `/items/${id}/actions/${action}`, input);
    expect(step.status, `${action}: ${await step.clone().text()}`).toBe(200);
  }
  return id;
}

/** 人社局's office marks the item as concerning 医保局 and sends the written request from the item's page. */
async function sendRequest(office: Page, itemUrl: string, ours: string) {
  await office.goto(itemUrl);
  await office.getByRole('button', { name: '涉及其他机关' }).click();
  const dialog = office.getByRole('dialog', { name: '发送协调确认请求' });
  await dialog.waitFor();
  await animationsSettled(office);
  await dialog.getByLabel('涉及的机关').fill('医疗保障');
  await office.keyboard.press('Enter');
  await dialog.getByLabel('需确认的事项').fill('见习人员医疗费用由医保基金支付的表述');
  await dialog.getByLabel('拟发布的表述（涉及对方机关的内容）').fill(ours);
  await dialog.getByRole('button', { name: '发出' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await office.getByText('发布前须经其他机关书面确认').waitFor();
}

/** Tries to publish through the item's 发布 dialog; returns once the outcome shows. */
async function publish(office: Page, itemUrl: string, expected: RegExp | 'published') {
  await office.goto(itemUrl);
  await office.getByRole('button', { name: '发布', exact: true }).first().click();
  const dialog = office.getByRole('dialog');
  await dialog.waitFor();
  await animationsSettled(office);
  await dialog.getByRole('button', { name: '发布', exact: true }).click();
  if (expected === 'published') await office.getByText('RSJ/2026-').first().waitFor();
  else {
    await office.getByText(expected).first().waitFor();
    await office.keyboard.press('Escape');
  }
}

/** Opens a request from the to-do list's link into the coordination page's drawer. */
async function openFromTodos(page: Page, title: RegExp) {
  await page.goto(`${baseUrl}/admin/`);
  await page.getByRole('link', { name: title }).first().click();
  await page.getByRole('dialog', { name: '协调请求' }).waitFor();
  await animationsSettled(page);
}

const OURS = '参保人员在定点医疗机构发生的就业见习期间医疗费用，按规定由医保基金支付。';
const THEIRS = '见习人员在定点医疗机构发生的医疗费用，按规定由基本医疗保险基金支付。';

describe('release coordination between agencies (COORD-1)', () => {
  it('COORD-1: 人社局 asks 医保局 to confirm; 医保局 answers with a wording change; the item publishes only after 人社局 takes it', { timeout: 240_000 }, async () => {
    const title = '关于就业见习人员医疗保障有关问题的通知';
    const id = await approvedItem(title, `正文。${OURS}`);
    const itemUrl = `${baseUrl}/admin/documents/${id}`;
    const rsj = await as('rsj.office');
    await sendRequest(rsj, itemUrl, OURS);
    await shot(rsj, 'coord-1-card');
    await publish(rsj, itemUrl, /须经其书面确认后发布，尚未办结：示例市医疗保障局（待答复）/);

    const ybj = await as('ybj.office');
    await openFromTodos(ybj, new RegExp(`待答复协调请求：${title}`));
    await ybj.getByRole('button', { name: '答复', exact: true }).click();
    const answer = ybj.getByRole('dialog', { name: '答复协调请求' });
    await answer.waitFor();
    await animationsSettled(ybj);
    await answer.getByRole('radio', { name: '同意，但需修改表述' }).check();
    await answer.getByLabel('建议的表述').fill(THEIRS);
    await answer.getByLabel('理由或说明（不同意的必填）').fill('与我局文件表述保持一致');
    await shot(ybj, 'coord-2-answer');
    expect(await axeViolations(ybj)).toEqual([]);
    await answer.getByRole('button', { name: '答复', exact: true }).click();
    await answer.waitFor({ state: 'hidden' });
    await ybj.getByText('同意但提出修改意见').first().waitFor();
    await ybj.context().close();

    await publish(rsj, itemUrl, /示例市医疗保障局（同意但提出修改意见）/);
    await rsj.goto(`${baseUrl}/admin/coordination`);
    await rsj.getByRole('row', { name: new RegExp(title) }).getByRole('button', { name: '办理' }).click();
    const drawer = rsj.getByRole('dialog', { name: '协调请求' });
    await drawer.getByText(THEIRS).waitFor();
    await drawer.getByText(OURS).first().waitFor();
    await animationsSettled(rsj);
    await shot(rsj, 'coord-3-side-by-side');
    expect(await axeViolations(rsj)).toEqual([]);
    await drawer.getByRole('button', { name: '采纳修改意见' }).click();
    await rsj.getByRole('button', { name: '确定' }).click();
    await drawer.getByText('已确认同意').first().waitFor();

    await publish(rsj, itemUrl, 'published');
    await rsj.context().close();
  });

  it('COORD-1: a disagreement goes to the city’s disclosure office, whose decision lets the item publish', { timeout: 240_000 }, async () => {
    const title = '关于见习补贴与医疗救助衔接的通知';
    const id = await approvedItem(title, `正文。${OURS}`);
    const itemUrl = `${baseUrl}/admin/documents/${id}`;
    const rsj = await as('rsj.office');
    await sendRequest(rsj, itemUrl, OURS);

    const ybj = await as('ybj.office');
    await openFromTodos(ybj, new RegExp(`待答复协调请求：${title}`));
    await ybj.getByRole('button', { name: '答复', exact: true }).click();
    const answer = ybj.getByRole('dialog', { name: '答复协调请求' });
    await answer.waitFor();
    await animationsSettled(ybj);
    await answer.getByRole('radio', { name: '不同意' }).check();
    await answer.getByLabel('理由或说明（不同意的必填）').fill('医疗救助不属于见习补贴范围，不宜在本通知中表述');
    await answer.getByRole('button', { name: '答复', exact: true }).click();
    await answer.waitFor({ state: 'hidden' });
    await ybj.context().close();

    await publish(rsj, itemUrl, /示例市医疗保障局（提请市政务公开主管部门协调）/);

    const city = await as('szf.office');
    await openFromTodos(city, new RegExp(`待协调决定：${title}`));
    await city.getByRole('button', { name: '作出协调决定' }).click();
    const decide = city.getByRole('dialog', { name: '作出协调决定' });
    await decide.waitFor();
    await animationsSettled(city);
    await decide.getByRole('radio', { name: '按拟发布表述发布' }).check();
    await decide.getByLabel('协调意见').fill('经协调，按人社局拟发布表述发布，医保局另行解读医疗救助政策');
    await shot(city, 'coord-4-decide');
    await decide.getByRole('button', { name: '决定' }).click();
    await decide.waitFor({ state: 'hidden' });
    await city.getByText('已协调决定').first().waitFor();
    await city.goto(`${baseUrl}/admin/coordination?box=city`);
    await city.getByRole('row', { name: new RegExp(title) }).waitFor();
    await shot(city, 'coord-5-city');
    expect(await axeViolations(city)).toEqual([]);
    await city.context().close();

    await publish(rsj, itemUrl, 'published');
    await rsj.context().close();
  });
});
