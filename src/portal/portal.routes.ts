import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/deps.ts';
import { baseUrl, flatQuery } from './agency.ts';
import { HTML_TYPE, html } from './html.ts';
import { page, portalPage, portalSite, siteNameOf } from './layout.ts';
import { searchBox } from './search.routes.ts';
import { portalFeedRoutes } from './feeds.routes.ts';
import { portalXxgkRoutes, sections } from './xxgk.routes.ts';

const ROBOTS_TXT = 'User-agent: *\nDisallow: /admin/\nDisallow: /api/\n';

const TEXT_SIZE_COOKIE = 'text_size';
const CONTRAST_COOKIE = 'contrast';
/**
 * Every size in portal.css is relative to the root's, so one rule scales the whole page and its
 * controls (radio buttons and checkboxes are 1.25em: 25 px in this mode).
 */
const LARGE_TEXT_CSS = 'html { font-size: 125%; } body { font-size: 1rem; line-height: 1.8; } .reading a[href$="size=large"] { font-weight: 700; text-decoration: underline; }\n';
/** 无障碍: light text on black, yellow links, every edge drawn; it combines with the larger text. */
const HIGH_CONTRAST_CSS = `:root { --red: #ffd700; --ink: #fff; --muted: #fff; --line: #fff; --bg: #000; }
body, main, .site-header, .site-footer, .notice, .meta th, .list th, mark, .facets a[aria-current], .pager a[aria-current], .columns li, .agencies li { background: #000 !important; color: #fff !important; }
a, .site-header a, button.link, .list-meta summary { color: #ffd700 !important; text-decoration: underline; }
button { background: #ffd700 !important; color: #000 !important; border: 2px solid #fff; }
input, select, textarea { background: #000 !important; color: #fff !important; border: 2px solid #fff !important; }
mark { outline: 2px solid #ffd700; }
.flow-chart svg { background: #fff; }
.reading a[href$="contrast=high"] { font-weight: 700; }
`;
const COOKIE = { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true } as const;

/** Back to the page the switch was clicked on, if it was one of ours; else home. */
function sameSiteBack(referer: string | undefined, host: string): string {
  if (!referer) return '/';
  try {
    const url = new URL(referer);
    return url.host === host ? `${url.pathname}${url.search}` : '/';
  } catch {
    return '/';
  }
}

/** The public portal. The city home lists every agency with where to reach it (CAT-3). */
export async function portalRoutes(app: FastifyInstance, deps: AppDeps) {
  // Crawlers may read everything public; the console and the API are not for indexing.
  app.get('/robots.txt', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) =>
    reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=86400').send(`${ROBOTS_TXT}Sitemap: ${baseUrl(req)}/sitemap.xml\n`),
  );

  app.get('/', { config: { access: 'public', cachedPage: true } }, async (_req, reply) => {
    const agencies = await deps.db.selectFrom('agencies').selectAll().orderBy('level', 'desc').orderBy('code').execute();
    const body = html`<h1>政府信息公开</h1>
<p>本平台集中公开本市各部门的政府信息。您可以在线向各部门申请公开政府信息（依申请公开），并凭查询码和密码<a href="/xxgk/status">查询申请办理情况</a>。各部门政策文件的解读见<a href="/xxgk/interpretations">政策解读</a>。</p>
${searchBox()}
<h2>各部门</h2>
<ul class="agencies">${agencies.map(
      (a) => html`<li><h3>${a.name}</h3><dl>
<dt>地址</dt><dd>${a.address || '—'}</dd><dt>电话</dt><dd>${a.phone || '—'}</dd><dt>电子邮箱</dt><dd>${a.email || '—'}</dd></dl>
<p class="links"><a href="/xxgk/${a.code}">${a.name}政府信息公开<span class="visually-hidden">栏目</span></a></p>
<p class="links"><a href="/xxgk/${a.code}/apply">向${a.name}申请公开<span class="visually-hidden">政府信息</span></a></p></li>`,
    )}</ul>`;
    return reply.type(HTML_TYPE).send(await portalPage(deps, { title: '首页', body }));
  });

  // 网站地图 and 联系我们, linked from every page's footer (政府网站发展指引).
  app.get('/sitemap', { config: { access: 'public', cachedPage: true } }, async (_req, reply) => {
    const agencies = await deps.db.selectFrom('agencies').select(['code', 'name']).orderBy('level', 'desc').orderBy('code').execute();
    const body = html`<nav class="crumbs" aria-label="当前位置"><a href="/">首页</a> › <span aria-current="page">网站地图</span></nav>
<h1>网站地图</h1>
<ul class="sitemap">
<li><a href="/">首页</a><ul><li><a href="/search">检索政府信息</a></li><li><a href="/xxgk/interpretations">政策解读</a></li><li><a href="/xxgk/status">申请办理查询</a></li><li><a href="/contact">联系我们</a></li></ul></li>
${agencies.map((a) => html`<li><a href="/xxgk/${a.code}">${siteNameOf(a)}</a><ul>${sections(a.code).filter((s) => s.href.startsWith(`/xxgk/${a.code}/`)).map((s) => html`<li><a href="${s.href}">${s.label}</a></li>`)}</ul></li>`)}
</ul>`;
    return reply.type(HTML_TYPE).send(await portalPage(deps, { title: '网站地图', body }));
  });

  app.get('/contact', { config: { access: 'public', cachedPage: true } }, async (_req, reply) => {
    const [site, agencies] = await Promise.all([
      portalSite(deps),
      deps.db.selectFrom('agencies').select(['code', 'name', 'address', 'phone', 'email']).orderBy('level', 'desc').orderBy('code').execute(),
    ]);
    const s = site.settings;
    const row = (k: string, v: string) => html`<tr><th scope="row">${k}</th><td>${v || '—'}</td></tr>`;
    const body = html`<nav class="crumbs" aria-label="当前位置"><a href="/">首页</a> › <span aria-current="page">联系我们</span></nav>
<h1>联系我们</h1>
<table class="meta"><caption>网站主办单位</caption><tbody>${row('主办单位', s.sponsor)}${row('联系电话', s.phone)}${row('电子邮箱', s.email)}${row('通讯地址', s.address)}</tbody></table>
<h2>各部门政府信息公开工作机构</h2>
<p>申请获取政府信息，请向制作或保存该信息的部门提出，也可以<a href="/search">先检索</a>是否已经主动公开。</p>
${agencies.map((a) => html`<table class="meta"><caption><a href="/xxgk/${a.code}/guide">${a.name}</a></caption><tbody>${row('通讯地址', a.address)}${row('联系电话', a.phone)}${row('电子邮箱', a.email)}</tbody></table>`)}`;
    return reply.type(HTML_TYPE).send(page(site, { title: '联系我们', body }));
  });

  // 适老化 and 无障碍: larger text and high contrast, chosen without JavaScript and remembered for a year.
  app.get('/text-size', { config: { access: 'public' } }, async (req, reply) => {
    const q = flatQuery(req.query);
    if (q.size) reply.setCookie(TEXT_SIZE_COOKIE, q.size === 'large' ? 'large' : 'normal', COOKIE);
    if (q.contrast) reply.setCookie(CONTRAST_COOKIE, q.contrast === 'high' ? 'high' : 'normal', COOKIE);
    return reply.redirect(sameSiteBack(req.headers.referer, req.host), 303);
  });
  app.get('/text-size.css', { config: { access: 'public' } }, async (req, reply) => {
    const large = req.cookies[TEXT_SIZE_COOKIE] === 'large';
    const high = req.cookies[CONTRAST_COOKIE] === 'high';
    return reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'private, no-cache')
      .header('vary', 'Cookie')
      .send(`${large ? LARGE_TEXT_CSS : ''}${high ? HIGH_CONTRAST_CSS : ''}`);
  });

  // Each agency's disclosure column, its catalog and guide, and the open data built on them.
  await portalXxgkRoutes(app, deps);
  await portalFeedRoutes(app, deps);
}
