/**
 * What every public page of the demo city shares (issue 8): no rule id (CAT-3, PUB-2, FIVE-4,
 * APP-3 …) ever reaches a citizen — pages cite the law's article or the agency's rule by
 * name — and every page carries the one site header and the footer 政府网站发展指引
 * (国办发〔2017〕47号) requires.
 */
import { describe, expect, it } from 'vitest';
import { seedDemoDocuments } from '../../src/seed/demo-documents.ts';
import { seedDemoInterpretation } from '../../src/seed/demo-interpretation.ts';
import { call, expectError, signIn, withDemoCity, type TestApp } from '../support/app.ts';
import { applyOnPortal, statusPage } from '../support/portal.ts';

const RULE_ID = /\b[A-Z]{2,5}-\d+\b/;
const MAX_PAGES = 400;

/** Every page reachable by links from the home page (the console, the API and the switches left out). */
async function crawl(t: TestApp): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  const queue = ['/', '/search?q=%E5%B0%B1%E4%B8%9A', '/xxgk/status'];
  while (queue.length && seen.size < MAX_PAGES) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode, url).toBeLessThan(400);
    seen.set(url, res.body);
    if (!String(res.headers['content-type']).startsWith('text/html')) continue;
    for (const [, href] of res.body.matchAll(/href="(\/[^"#]*)"/g)) {
      const link = href!.replace(/&amp;/g, '&');
      if (/^\/(admin|api|text-size|contrast)\b/.test(link) || link.startsWith('/assets/')) continue;
      if (!seen.has(link)) queue.push(link);
    }
  }
  return seen;
}

describe('the public pages of the demo city', () => {
  const city = withDemoCity();
  let pages: Map<string, string>;

  it('loads the demo items and walks every page linked from the home page', async () => {
    const t = city();
    await seedDemoDocuments({ db: t.conn.db, clock: t.clock, dataDir: '/nonexistent' });
    await seedDemoInterpretation({ db: t.conn.db, clock: t.clock, dataDir: '/nonexistent' });
    pages = await crawl(t);
    expect(pages.size).toBeGreaterThan(30);
    for (const kind of ['/items/', '/interpretations', '/services/', '/powers/', '/negative-list', '/catalog.csv', '/feed.xml', '/guide']) {
      expect([...pages.keys()].some((u) => u.includes(kind)), kind).toBe(true);
    }
  });

  it('shows no rule id on any page, export or feed, nor on the receipt after applying', async () => {
    const t = city();
    const leaks = [...pages].flatMap(([url, body]) => {
      const m = RULE_ID.exec(body.replace(/<script[\s\S]*?<\/script>/g, ''));
      return m ? [`${url}: ${m[0]}`] : [];
    });
    expect(leaks).toEqual([]);
    const receipt = await applyOnPortal(t, 'RSJ');
    const regNumber = /登记编号：<strong>([^<]+)</.exec(receipt.page)![1]!;
    expect(receipt.page.replaceAll(regNumber, '')).not.toMatch(RULE_ID);
    expect((await t.app.inject({ method: 'GET', url: '/xxgk/RSJ/apply' })).body).not.toMatch(RULE_ID);
  });

  it('shows the one header with the city\'s name and the footer of 政府网站发展指引 on every page, 404s included', async () => {
    const t = city();
    const missing = await t.app.inject({ method: 'GET', url: '/no-such-page' });
    const html = [...pages].filter(([url]) => !/\.(csv|json|xml)\b/.test(url));
    html.push(['/no-such-page', missing.body], ['/xxgk/RSJ/items/00000000-0000-0000-0000-000000000000', (await t.app.inject({ method: 'GET', url: '/xxgk/RSJ/items/00000000-0000-0000-0000-000000000000' })).body]);
    expect(missing.statusCode).toBe(404);
    for (const [url, body] of html) {
      expect(body.match(/<header class="site-header">/g), url).toHaveLength(1);
      expect(body, url).toContain('<a href="/">示例市政府信息公开</a>');
      for (const part of ['主办单位：示例市人民政府办公室', '联系电话：0310-1234000', '示ICP备20260001号', '示公网安备13010002000001号', '网站标识码：1301000001', 'alt="党政机关网站标识"', 'href="/sitemap">网站地图', 'href="/contact">联系我们']) {
        expect(body, `${url}: ${part}`).toContain(part);
      }
    }
    expect(pages.get('/search?q=%E5%B0%B1%E4%B8%9A')).toContain('<a href="/">示例市政府信息公开</a>');
    expect(pages.get('/xxgk/status')).toContain('<a href="/">示例市政府信息公开</a>');
    const sitemap = pages.get('/sitemap')!;
    for (const href of ['/xxgk/RSJ/catalog', '/xxgk/YBJ/guide', '/xxgk/SZF/services', '/xxgk/status']) expect(sitemap).toContain(`href="${href}"`);
    expect(pages.get('/contact')).toContain('示例市医疗保障局');
  });

  it('puts a print button and the 落款 (agency and date made) on item pages, a breadcrumb on the apply page', async () => {
    const itemUrl = [...pages.keys()].find((u) => /^\/xxgk\/RSJ\/items\//.test(u))!;
    const item = pages.get(itemUrl)!;
    expect(item).toContain('<button type="button" data-print hidden>打印本页</button>');
    expect(item).toMatch(/<div class="signature"><p>示例市人力资源和社会保障局<\/p><p>\d{4}年\d{1,2}月\d{1,2}日<\/p><\/div>/);
    expect(pages.get('/xxgk/RSJ/apply')).toContain('<nav class="crumbs" aria-label="当前位置"><a href="/">首页</a> › <a href="/xxgk/RSJ">示例市人力资源和社会保障局政府信息公开</a> › <span aria-current="page">依申请公开</span></nav>');
  });

  it('never lets a cache keep the form, the receipt or the status page (they hold the password and personal data)', async () => {
    const t = city();
    const receipt = await applyOnPortal(t, 'YBJ');
    expect((await t.app.inject({ method: 'GET', url: '/xxgk/status' })).headers['cache-control']).toBe('no-store');
    expect((await t.app.inject({ method: 'GET', url: '/xxgk/YBJ/apply' })).headers['cache-control']).toBe('no-store');
    const status = await statusPage(t, receipt.code, receipt.secret);
    expect(status.statusCode).toBe(200);
    expect(status.headers['cache-control']).toBe('no-store');
    expect((await statusPage(t, receipt.code, 'wrong')).headers['cache-control']).toBe('no-store');
  });

  it('lets the city\'s system administrator edit the footer in the console; a bureau\'s office and a drafter may not', async () => {
    const t = city();
    const admin = await signIn(t, 'sysadmin');
    const current = (await call(t, admin, 'GET', '/settings/site')).json();
    expect(current.sponsor).toBe('示例市人民政府办公室');
    const res = await call(t, admin, 'PUT', '/settings/site', { ...current, icp: '示ICP备20269999号', siteCode: '1301009999' });
    expect(res.statusCode, res.body).toBe(200);
    const home = (await t.app.inject({ method: 'GET', url: '/' })).body;
    expect(home).toContain('示ICP备20269999号');
    expect(home).toContain('网站标识码：1301009999');
    expectError(await call(t, admin, 'PUT', '/settings/site', { ...current, siteCode: '12' }), 400, 'VALIDATION_FAILED');
    expectError(await call(t, admin, 'PUT', '/settings/site', { ...current, conacLink: 'javascript:alert(1)' }), 400, 'VALIDATION_FAILED');
    expectError(await call(t, await signIn(t, 'rsj.office'), 'PUT', '/settings/site', current), 403, 'FORBIDDEN');
    expectError(await call(t, await signIn(t, 'rsj.drafter'), 'GET', '/settings/site'), 403, 'FORBIDDEN');
  });

  it('joins a high-contrast mode to the larger text, each a cookie read only by /text-size.css', async () => {
    const t = city();
    const set = await t.app.inject({ method: 'GET', url: '/text-size?contrast=high', headers: { referer: 'http://localhost:80/xxgk/RSJ' } });
    expect(set.statusCode).toBe(303);
    const cookie = set.cookies.find((c) => c.name === 'contrast')!;
    expect(cookie.value).toBe('high');
    const css = await t.app.inject({ method: 'GET', url: '/text-size.css', headers: { cookie: 'contrast=high; text_size=large' } });
    expect(css.body).toContain('html { font-size: 125%; }');
    expect(css.body).toContain('--bg: #000');
    expect((await t.app.inject({ method: 'GET', url: '/text-size.css', headers: { cookie: 'contrast=normal' } })).body).toBe('');
  });
});
