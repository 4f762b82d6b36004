import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/deps.ts';
import { html } from './html.ts';
import { page } from './layout.ts';
import { portalFeedRoutes } from './feeds.routes.ts';
import { portalXxgkRoutes } from './xxgk.routes.ts';

/** The public portal. The city home lists every agency with where to reach it (CAT-3). */
export async function portalRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/', { config: { access: 'public' } }, async (_req, reply) => {
    const agencies = await deps.db.selectFrom('agencies').selectAll().orderBy('level', 'desc').orderBy('code').execute();
    const city = agencies.find((a) => a.level === 'city');
    const siteName = `${city?.name.replace(/人民政府办公室$/, '') ?? ''}政府信息公开`;
    const body = html`<h1>政府信息公开</h1>
<p>本平台集中公开本市各部门的政府信息。您可以在线向各部门申请公开政府信息（依申请公开），并凭查询码和密码<a href="/xxgk/status">查询申请办理情况</a>。</p>
<h2>各部门</h2>
<ul class="agencies">${agencies.map(
      (a) => html`<li><h3>${a.name}</h3><dl>
<dt>地址</dt><dd>${a.address || '—'}</dd><dt>电话</dt><dd>${a.phone || '—'}</dd><dt>电子邮箱</dt><dd>${a.email || '—'}</dd></dl>
<p class="links"><a href="/xxgk/${a.code}">${a.name}政府信息公开<span class="visually-hidden">栏目</span></a></p>
<p class="links"><a href="/xxgk/${a.code}/apply">向${a.name}申请公开<span class="visually-hidden">政府信息</span></a></p></li>`,
    )}</ul>`;
    return reply.type('text/html; charset=utf-8').send(page({ title: '首页', siteName, body }));
  });

  // Each agency's disclosure column, its catalog and guide, and the open data built on them.
  await portalXxgkRoutes(app, deps);
  await portalFeedRoutes(app, deps);
}
