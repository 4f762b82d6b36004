/**
 * What every public page of the demo city shares (issue 8): no rule id (CAT-3, PUB-2, FIVE-4,
 * APP-3 …) ever reaches a citizen — pages cite the law's article or the agency's rule by
 * name — and every page carries the one site header and the footer 政府网站发展指引
 * (国办发〔2017〕47号) requires.
 */
import { describe, expect, it } from 'vitest';
import { seedDemoDocuments } from '../../src/seed/demo-documents.ts';
import { withDemoCity, type TestApp } from '../support/app.ts';
import { applyOnPortal } from '../support/portal.ts';

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
    pages = await crawl(t);
    expect(pages.size).toBeGreaterThan(30);
    for (const kind of ['/items/', '/services/', '/powers/', '/negative-list', '/catalog.csv', '/feed.xml', '/guide']) {
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
});
