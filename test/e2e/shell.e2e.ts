import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, consoleLogin, launch, shot } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/**
 * One demo account per role of ORG-5 and the three administrators (三员), with what their
 * to-do list shows: the demo city's draft waits for its drafter, and the item in secrecy
 * review for the reviewer, the hotline opinion case awaiting assessment for the opinion lead,
 * the citizen's message that arrived today for the office.
 */
const ACCOUNTS = [
  ['rsj.drafter', '张拟稿', '拟稿人', '待拟稿：关于调整失业保险金标准的通知（征求意见稿）'],
  ['rsj.head', '李科长', '科室负责人', '暂无待办事项'],
  ['rsj.office', '王公开', '公开办工作人员', '网民留言待审核：社保卡丢失如何补办'],
  ['rsj.secrecy', '赵保密', '保密审查员', '待保密审查：关于公布2026年第三批就业见习基地名单的通知'],
  ['rsj.leader', '刘副局长', '分管领导', '暂无待办事项'],
  ['rsj.opinion', '陈政研', '舆情负责人', '待研判：热线反映失业保险金到账较慢'],
  ['sysadmin', '周系统', '系统管理员', '暂无待办事项'],
  ['secadmin', '吴安全', '安全管理员', '暂无待办事项'],
  ['auditor', '郑审计', '安全审计员', '暂无待办事项'],
] as const;

describe('ORG-5 every demo role signs in to the console shell', () => {
  it.each(ACCOUNTS)('%s sees the shell with their name, role, the capability menu and their to-do list', async (username, name, roleLabel, todo) => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await consoleLogin(page, baseUrl, username);
    await page.getByText(todo).first().waitFor();
    await expect(page.getByText(name).first().isVisible()).resolves.toBe(true);
    await expect(page.getByText(roleLabel).first().isVisible()).resolves.toBe(true);
    // Administrators (三员) see administration, not the business capabilities they do not work in;
    // a business role sees only the capabilities its role can use (issue 8).
    const admin = ['sysadmin', 'secadmin', 'auditor'].includes(username);
    const shown = ['工作台', ...(admin ? ['系统管理'] : ['信息发布', '依申请公开', '政策解读'])];
    const hidden = admin ? ['政策解读', '舆情与留言', '监督考评', '信息发布'] : ['系统管理'];
    // A drafter answers the citizens' messages assigned to the unit (OP-6), so 舆情与留言 is theirs.
    if (username === 'rsj.drafter') hidden.push('监督考评', '发布协调');
    if (username === 'rsj.opinion') shown.push('舆情与留言');
    for (const item of shown) await expect(page.getByRole('menuitem', { name: item }).first().isVisible(), item).resolves.toBe(true);
    for (const item of hidden) expect(await page.getByRole('menuitem', { name: item }).count(), item).toBe(0);
    await shot(page, `shell-${username}`);
    await context.close();
  });
});

describe('the public portal home', () => {
  it('lists the agencies and has no WCAG 2.1 AA violations', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(baseUrl);
    await expect(page.getByRole('heading', { name: '示例市人力资源和社会保障局' }).isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'portal-home');
    await page.setViewportSize({ width: 375, height: 720 });
    await shot(page, 'portal-home-mobile');
    await page.close();
  });
});
