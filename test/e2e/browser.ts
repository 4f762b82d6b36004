import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { totpCode } from '../../src/modules/auth/totp.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/seed/demo.ts';

export const SCREENSHOTS = 'test-results/screenshots';

/** Debian's Chromium, never a downloaded browser; flags keep it off the (closed) network. */
export async function launch(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });

const STEP_MS = 30_000;
/** The steps used so far, kept in a file: each test file runs in its own process against one server. */
const USED_STEPS = 'test-results/totp-steps.json';

/**
 * A TOTP code counts once (issue 9), and the server accepts the next 30-second step too: a second
 * sign-in of the same administrator within one step uses the next step's code, and a third waits.
 */
async function unusedTotp(username: string): Promise<string> {
  const used: Record<string, number> = existsSync(USED_STEPS) ? JSON.parse(readFileSync(USED_STEPS, 'utf8')) : {};
  const step = Math.max(Math.floor(Date.now() / STEP_MS), (used[username] ?? -1) + 1);
  const wait = (step - 1) * STEP_MS - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 100));
  writeFileSync(USED_STEPS, JSON.stringify({ ...used, [username]: step }));
  return totpCode(DEMO_TOTP_SECRET, new Date(step * STEP_MS));
}

/**
 * Signs in through the API as the console does (password, then TOTP for administrators) and
 * returns a caller that sends the session cookie and the CSRF header, for set-up steps a test
 * does not need to click through.
 */
export async function apiSession(baseUrl: string, username: string) {
  const post = (path: string, body: unknown, cookie = '') =>
    fetch(`${baseUrl}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
  const cookieOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  let res = await post('/auth/login', { username, password: DEMO_PASSWORD });
  let session = (await res.json()) as { status: string; csrfToken: string };
  let cookie = cookieOf(res);
  if (session.status === 'mfa_required') {
    res = await fetch(`${baseUrl}/api/v1/auth/mfa`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrfToken }, body: JSON.stringify({ code: await unusedTotp(username) }) });
    session = (await res.json()) as { status: string; csrfToken: string };
    cookie = cookieOf(res) || cookie;
  }
  if (session.status !== 'ok') throw new Error(`sign-in of ${username}: ${session.status}`);
  return (method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown) =>
    fetch(`${baseUrl}/api/v1${path}`, { method, headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrfToken }, body: method === 'GET' ? undefined : JSON.stringify(body ?? {}) });
}

/** Signs in through the console's login page, passing the TOTP step for administrators. */
export async function consoleLogin(page: Page, baseUrl: string, username: string) {
  await page.goto(`${baseUrl}/admin/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  const code = page.getByLabel('动态验证码');
  const shell = page.getByRole('button', { name: '退出登录' });
  await code.or(shell).first().waitFor();
  if (await code.isVisible()) {
    await code.fill(await unusedTotp(username));
    await page.getByRole('button', { name: '验证' }).click();
  }
  await shell.waitFor();
}

/** A new window (desktop size, Chinese) with `username` signed in to the console; `options` changes the window. */
export async function signedIn(browser: Browser, baseUrl: string, username: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  await consoleLogin(page, baseUrl, username);
  return page;
}

/**
 * Clicks one of the page's actions (after opening `url`, when given), fills the dialog it opens once
 * the dialog has settled, submits it with `ok` (the action's own name unless told) and waits for it to close.
 */
export async function takeAction(page: Page, url: string | null, label: string, fill: (dialog: Locator) => Promise<void> = async () => {}, ok = label) {
  if (url) await page.goto(url);
  await page.getByRole('button', { name: label, exact: true }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await animationsSettled(page);
  await fill(dialog);
  await dialog.getByRole('button', { name: ok, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/**
 * Resolves once the page's finite animations have ended. An antd dialog zooms in; a click that
 * lands mid-zoom can be swallowed, so tests wait for it before touching the dialog's fields.
 */
export async function animationsSettled(page: Page) {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1 AA violations axe-core finds on the page, as "rule: target" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // evaluate() runs through DevTools, so the page's Content-Security-Policy does not block it.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}
