import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/deps.ts';
import { baseUrl, flatQuery } from './agency.ts';
import { HTML_TYPE, html } from './html.ts';
import { page } from './layout.ts';
import { searchBox } from './search.routes.ts';
import { portalFeedRoutes } from './feeds.routes.ts';
import { portalXxgkRoutes } from './xxgk.routes.ts';

const ROBOTS_TXT = 'User-agent: *\nDisallow: /admin/\nDisallow: /api/\n';

const TEXT_SIZE_COOKIE = 'text_size';
/** Every size in portal.css is relative to the root's, so one rule scales the whole page. */
const LARGE_TEXT_CSS = 'html { font-size: 125%; } body { font-size: 1rem; line-height: 1.8; } .text-size a[href$="large"] { font-weight: 700; }\n';

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
    const city = agencies.find((a) => a.level === 'city');
    const siteName = `${city?.name.replace(/人民政府办公室$/, '') ?? ''}政府信息公开`;
    const body = html`<h1>政府信息公开</h1>
<p>本平台集中公开本市各部门的政府信息。您可以在线向各部门申请公开政府信息（依申请公开），并凭查询码和密码<a href="/xxgk/status">查询申请办理情况</a>。</p>
${searchBox()}
<h2>各部门</h2>
<ul class="agencies">${agencies.map(
      (a) => html`<li><h3>${a.name}</h3><dl>
<dt>地址</dt><dd>${a.address || '—'}</dd><dt>电话</dt><dd>${a.phone || '—'}</dd><dt>电子邮箱</dt><dd>${a.email || '—'}</dd></dl>
<p class="links"><a href="/xxgk/${a.code}">${a.name}政府信息公开<span class="visually-hidden">栏目</span></a></p>
<p class="links"><a href="/xxgk/${a.code}/apply">向${a.name}申请公开<span class="visually-hidden">政府信息</span></a></p></li>`,
    )}</ul>`;
    return reply.type(HTML_TYPE).send(page({ title: '首页', siteName, body }));
  });

  // 适老化: a larger text size, chosen without JavaScript and remembered for a year.
  app.get('/text-size', { config: { access: 'public' } }, async (req, reply) => {
    const size = flatQuery(req.query).size === 'large' ? 'large' : 'normal';
    reply.setCookie(TEXT_SIZE_COOKIE, size, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true });
    return reply.redirect(sameSiteBack(req.headers.referer, req.host), 303);
  });
  app.get('/text-size.css', { config: { access: 'public' } }, async (req, reply) => {
    const large = req.cookies[TEXT_SIZE_COOKIE] === 'large';
    return reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'private, no-cache')
      .header('vary', 'Cookie')
      .send(large ? LARGE_TEXT_CSS : '');
  });

  // Each agency's disclosure column, its catalog and guide, and the open data built on them.
  await portalXxgkRoutes(app, deps);
  await portalFeedRoutes(app, deps);
}
