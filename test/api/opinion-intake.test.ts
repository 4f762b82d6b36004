/**
 * Intake of opinion cases besides manual entry (OP-1): RSS/Atom feeds served by a local HTTP
 * server the test starts, fetched only from the hosts the agency lists, within limits and
 * without redirects to other hosts; and the monitoring services' webhook, signed with a shared
 * secret, refused when stale, replayed or forged. Duplicates merge into one case.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed, webhookSignature } from '../../src/modules/opinion/opinion.intake.ts';
import { call, expectError, signIn, withDemoCity, type Session, type TestApp } from '../support/app.ts';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>示例论坛</title>
  <item><title>市民反映社保卡补换排长队</title><link>http://HOST/t/101?utm_source=rss</link><description>&lt;p&gt;今天在市民服务中心排了三个小时&lt;/p&gt;</description><pubDate>Mon, 23 Nov 2026 01:00:00 GMT</pubDate></item>
  <item><title>养老金调整何时到账</title><link>http://HOST/t/102</link><description>网友询问今年养老金调整的到账时间。</description><pubDate>Mon, 23 Nov 2026 00:30:00 GMT</pubDate></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>新闻跟帖</title>
  <entry><title>市民反映社保卡补换排长队！</title><link href="http://HOST/news/9/comments"/><id>urn:news:9</id><updated>2026-11-23T01:20:00Z</updated><summary>今天在市民服务中心，排了三个小时。</summary></entry>
  <entry><title type="text">招聘会现场秩序混乱</title><link rel="alternate" href="http://HOST/news/10"/><id>urn:news:10</id><published>2026-11-23T01:40:00Z</published><content>周末人才市场招聘会人员拥挤。</content></entry>
</feed>`;

let server: Server;
let port = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    const host = `127.0.0.1:${port}`;
    if (req.url === '/rss.xml') return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS.replaceAll('HOST', host));
    if (req.url === '/atom.xml') return res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(ATOM.replaceAll('HOST', host));
    if (req.url === '/moved.xml') return res.writeHead(302, { location: '/rss.xml' }).end();
    if (req.url === '/elsewhere.xml') return res.writeHead(302, { location: `http://localhost:${port}/rss.xml` }).end();
    if (req.url === '/big.xml') return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<rss><channel>${'<item><title>x</title></item>'.repeat(60_000)}</channel></rss>`);
    return res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Case = { title: string; intake: string; riskLevel: string; id: string };

describe('opinion intake: feeds and the monitoring webhook (OP-1)', () => {
  const city = withDemoCity();
  let lead: Session;
  let secret: string;
  const cases = async (t: TestApp) => (await call(t, lead, 'GET', '/opinion/cases?pageSize=100')).json().items as Case[];

  it('OP-1: the lead lists the hosts feeds may come from and gets a webhook secret, shown once', async () => {
    const t = city();
    lead = await signIn(t, 'rsj.opinion');
    expectError(await call(t, lead, 'PUT', '/opinion/settings', { feedHosts: ['http://x.com/feed'] }), 400, 'FEED_HOST_INVALID');
    const res = await call(t, lead, 'PUT', '/opinion/settings', { feedHosts: ['127.0.0.1'], responseItemHours: 3, rotateSecret: true });
    expect(res.statusCode, res.body).toBe(200);
    secret = res.json().webhookSecret;
    expect(secret).toMatch(/^[\w-]{40,}$/);
    expect((await call(t, lead, 'GET', '/opinion/settings')).json()).toEqual({ feedHosts: ['127.0.0.1'], responseItemHours: 3, webhookSecretSet: true });
    const stored = await t.conn.db.selectFrom('opinion_settings').select('webhook_secret').executeTakeFirstOrThrow();
    expect(stored.webhook_secret).toBe(secret); // read back through the keyring
    expect((await call(t, await signIn(t, 'rsj.office'), 'GET', '/opinion/settings')).statusCode).toBe(403);
  });

  it('OP-1: a feed on a host not listed is refused', async () => {
    const t = city();
    expectError(await call(t, lead, 'POST', '/opinion/feeds', { name: '别处', url: `http://localhost:${port}/rss.xml`, source: 'forum' }), 400, 'FEED_HOST_NOT_LISTED');
    expectError(await call(t, lead, 'POST', '/opinion/feeds', { name: '文件', url: 'file:///etc/passwd', source: 'forum' }), 400, 'FEED_URL_INVALID');
  });

  it('OP-1: polling RSS and Atom creates a case per post, merges the same text seen elsewhere, and refuses redirects off the list and oversized feeds', async () => {
    const t = city();
    for (const [name, path, source] of [['示例论坛', 'rss.xml', 'forum'], ['新闻跟帖', 'atom.xml', 'news_comment'], ['搬家的源', 'moved.xml', 'forum'], ['跳转他处', 'elsewhere.xml', 'forum'], ['超大', 'big.xml', 'forum']]) {
      const res = await call(t, lead, 'POST', '/opinion/feeds', { name, url: `http://127.0.0.1:${port}/${path}`, source });
      expect(res.statusCode, res.body).toBe(201);
    }
    const res = await call(t, lead, 'POST', '/opinion/feeds/poll');
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result).toMatchObject({ feeds: 5, created: 3, merged: 1, seen: 2 }); // the moved feed's entries were seen already
    expect(result.errors.map((e: { feed: string }) => e.feed)).toEqual(['跳转他处', '超大']);
    expect(result.errors[0].error).toMatch(/不在本机关允许抓取的主机名单中/);
    expect(result.errors[1].error).toMatch(/超过大小限制/);

    const list = await cases(t);
    expect(list.map((c) => c.title).sort()).toEqual(['养老金调整何时到账', '市民反映社保卡补换排长队', '招聘会现场秩序混乱']);
    expect(list.every((c) => c.intake === 'feed' && c.riskLevel === 'general')).toBe(true);
    const merged = list.find((c) => c.title === '市民反映社保卡补换排长队')!;
    const detail = (await call(t, lead, 'GET', `/opinion/cases/${merged.id}`)).json();
    expect(detail.sightings.map((s: { link: string }) => s.link)).toEqual([`http://127.0.0.1:${port}/t/101`, `http://127.0.0.1:${port}/news/9/comments`]);
    expect(detail.case).toMatchObject({ summary: '今天在市民服务中心排了三个小时', happenedAt: '2026-11-23T01:00:00.000Z' });
    expect(detail.clocks.map((c: { rule: string }) => c.rule)).toEqual(['OPN-48H']);

    const again = (await call(t, lead, 'POST', '/opinion/feeds/poll')).json();
    expect(again).toMatchObject({ created: 0, merged: 0, seen: 6 });
    const feeds = (await call(t, lead, 'GET', '/opinion/feeds')).json().items;
    expect(feeds.find((f: { name: string }) => f.name === '超大').lastError).toMatch(/超过大小限制/);
  });

  const push = (t: TestApp, body: string, over: { timestamp?: string; nonce?: string; signature?: string } = {}) => {
    const timestamp = over.timestamp ?? String(Math.floor(t.clock().getTime() / 1000));
    const nonce = over.nonce ?? `n${Math.random().toString(36).slice(2)}${Date.now()}`;
    const signature = over.signature ?? webhookSignature(secret, timestamp, nonce, body);
    return t.app.inject({ method: 'POST', url: '/api/v1/opinion/webhook/RSJ', headers: { 'content-type': 'application/json', 'x-gongkai-timestamp': timestamp, 'x-gongkai-nonce': nonce, 'x-gongkai-signature': signature }, payload: body });
  };

  it('OP-1: a signed push creates a case, merges a known text, and is refused when forged, stale or replayed (also two copies at once)', async () => {
    const t = city();
    const body = JSON.stringify({ items: [
      { title: '短视频称失业金停发', summary: '有短视频称本市失业保险金将停发。', source: 'weibo', link: 'https://video.example.com/v/77', happenedAt: '2026-11-23T09:50:00+08:00' },
      { title: '招聘会现场秩序混乱', summary: '周末人才市场招聘会人员拥挤。', source: 'weibo', link: 'https://weibo.example.com/p/5' },
    ] });
    const nonce = 'nonce-0123456789abcdef';
    const ok = await push(t, body, { nonce });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ created: 1, merged: 1, seen: 0 });
    expectError(await push(t, body, { nonce }), 409, 'WEBHOOK_REPLAY');
    expectError(await push(t, body, { signature: 'a'.repeat(64) }), 401, 'WEBHOOK_SIGNATURE_INVALID');
    const timestamp = String(Math.floor(t.clock().getTime() / 1000));
    const tampered = { timestamp, nonce: 'nonce-tampered-000001', signature: webhookSignature(secret, timestamp, 'nonce-tampered-000001', body) };
    expectError(await push(t, body.replace('停发', '暂停'), tampered), 401, 'WEBHOOK_SIGNATURE_INVALID');
    expectError(await push(t, body, { timestamp: String(Math.floor(t.clock().getTime() / 1000) - 301) }), 401, 'WEBHOOK_STALE');
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/opinion/webhook/YBJ', headers: { 'content-type': 'application/json' }, payload: body });
    expect(unknown.statusCode).toBe(401);
    expectError(await push(t, JSON.stringify({ items: [{ title: 'x' }] })), 400, 'WEBHOOK_BODY_INVALID');
    // The same post pushed again later with a fresh nonce is seen, not a second case.
    expect((await push(t, body)).json()).toEqual({ created: 0, merged: 0, seen: 2 });
    const list = await cases(t);
    expect(list.filter((c) => c.intake === 'webhook').map((c) => c.title)).toEqual(['短视频称失业金停发']);
    expect(list).toHaveLength(4);
    // Two copies of one request sent at once: one is taken, the other refused as a replay.
    const ts = String(Math.floor(t.clock().getTime() / 1000));
    const twin = { timestamp: ts, nonce: 'nonce-twin-0123456789', signature: webhookSignature(secret, ts, 'nonce-twin-0123456789', body) };
    const codes = (await Promise.all([push(t, body, twin), push(t, body, twin)])).map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409]);
  });

  it('OP-1: a feed declaring a document type (an entity-expansion bomb) or neither RSS nor Atom is refused', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><item><title>&b;</title></item></channel></rss>';
    expect(() => parseFeed(bomb, 'forum')).toThrow(/文档类型声明/);
    expect(() => parseFeed('<html><body>x</body></html>', 'forum')).toThrow(/不是 RSS 或 Atom/);
  });

  it('OP-1: merges and intake are audited with Chinese names', async () => {
    const t = city();
    const actions = (await t.conn.db.selectFrom('audit_events').select('action').where('entity_type', 'in', ['opinion_case', 'opinion_settings', 'opinion_feed']).execute()).map((e) => e.action);
    expect(new Set(actions)).toEqual(new Set(['opinion_settings.update', 'opinion_feed.create', 'opinion_case.register', 'opinion_case.merge']));
  });
});
