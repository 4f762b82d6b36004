import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/deps.ts';
import { perGeneration } from './generation.ts';
import { HTML_TYPE, html, type Html } from './html.ts';
import { portalPage, siteNameOf } from './layout.ts';

/** An agency as its public pages need it, read once per audit generation (an agency's change is audited). */
export async function agencyByCode(deps: AppDeps, code: string) {
  return (await perGeneration(deps.db, `agency:${code}`, () => deps.db.selectFrom('agencies').selectAll().where('code', '=', code).executeTakeFirst())) ?? null;
}
export type PortalAgency = NonNullable<Awaited<ReturnType<typeof agencyByCode>>>;

/** The 404 page of the portal, in the shared frame. */
export async function sendNotFound(deps: Pick<AppDeps, 'db'>, reply: FastifyReply, what = '页面'): Promise<FastifyReply> {
  const body = html`<h1>${what}不存在或未公开</h1><p>您访问的${what}不存在，或尚未公开。您可以<a href="/search">检索</a>，或查看<a href="/sitemap">网站地图</a>。</p><p><a href="/">返回首页</a></p>`;
  return reply.status(404).type(HTML_TYPE).send(await portalPage(deps, { title: `${what}不存在`, body }));
}

/** The site's absolute base URL, from the request's host (feeds and the sitemap need absolute URLs). */
export const baseUrl = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

/** Query-string values as single strings (a repeated parameter keeps its first value). */
export function flatQuery(query: unknown): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === 'string') out[k] = first;
  }
  return out;
}

/** A positive integer parameter within bounds, else the fallback. */
export function intParam(v: string | undefined, fallback: number, max: number): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

export { siteNameOf };

/**
 * Where the visitor is: 首页 › the agency's column › each level down to this page; a level
 * without a link is the current page. With no levels the column itself is current.
 */
export function agencyCrumbs(a: { code: string; name: string }, levels: [href: string | null, label: string][] = []): Html {
  const column = levels.length ? html`<a href="/xxgk/${a.code}">${siteNameOf(a)}</a>` : html`<span aria-current="page">${siteNameOf(a)}</span>`;
  return html`<nav class="crumbs" aria-label="当前位置"><a href="/">首页</a> › ${column}${levels.map(([href, label]) => html` › ${href ? html`<a href="${href}">${label}</a>` : html`<span aria-current="page">${label}</span>`}`)}</nav>`;
}
