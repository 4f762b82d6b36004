import type { FastifyInstance } from 'fastify';
import { chinaDateOf, chinaMomentOf } from '../core/clock.ts';
import type { AppDeps } from '../http/deps.ts';
import { CATEGORIES, VALIDITIES } from '../modules/documents/documents.rules.ts';
import { agencyByCode, baseUrl, flatQuery, intParam, sendNotFound, siteNameOf } from './agency.ts';
import { catalogPage, parseFilter, type CatalogEntry } from '../modules/catalog/catalog.repo.ts';
import { latest, sendConditional } from './conditional.ts';
import { escapeHtml as x } from './html.ts';

const itemUrl = (base: string, code: string, id: string) => `${base}/xxgk/${code}/items/${id}`;

/** A CSV cell: quoted when needed; a leading formula character is neutralised for spreadsheets. */
function cell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Open data of the catalog (CAT-1): Atom feed, paged JSON, CSV, and the sitemap of the portal. */
export async function portalFeedRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get<{ Params: { code: string } }>('/xxgk/:code/feed.xml', { config: { access: 'public', cachedPage: true } }, async (req, reply) => {
    const a = await agencyByCode(deps, req.params.code);
    if (!a) return sendNotFound(deps, reply);
    const { category } = parseFilter(flatQuery(req.query));
    const { entries } = await catalogPage(deps, a.id, category ? { category } : {}, 1, 50);
    const base = baseUrl(req);
    const updated = latest(entries.map((e) => e.publishedAt)) ?? a.updated_at;
    const self = `${base}/xxgk/${a.code}/feed.xml${category ? `?category=${category}` : ''}`;
    const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
<id>${x(self)}</id>
<title>${x(siteNameOf(a))}${category ? ` - ${CATEGORIES[category]}` : ''}</title>
<subtitle>${x(a.name)}最新主动公开的政府信息</subtitle>
<updated>${chinaMomentOf(updated)}</updated>
<link rel="self" type="application/atom+xml" href="${x(self)}"/>
<link rel="alternate" type="text/html" href="${x(`${base}/xxgk/${a.code}`)}"/>
<author><name>${x(a.name)}</name></author>
${entries.map((e) => `<entry>
<id>${x(itemUrl(base, a.code, e.id))}</id>
<title>${x(e.title)}</title>
<link rel="alternate" type="text/html" href="${x(itemUrl(base, a.code, e.id))}"/>
<updated>${chinaMomentOf(e.publishedAt)}</updated>
<category term="${e.category}" label="${x(CATEGORIES[e.category] ?? e.category)}"/>
<summary>${x([`索引号：${e.indexNumber}`, e.docNumber && `发文字号：${e.docNumber}`, `成文日期：${e.dateMade}`, e.summary].filter(Boolean).join('；'))}</summary>
</entry>`).join('\n')}
</feed>
`;
    return sendConditional(req, reply, { type: 'application/atom+xml; charset=utf-8', lastModified: updated, body });
  });

  app.get<{ Params: { code: string } }>('/xxgk/:code/catalog.json', { config: { access: 'public', cachedPage: true } }, async (req, reply) => {
    const a = await agencyByCode(deps, req.params.code);
    if (!a) return reply.status(404).send({ error: { code: 'NOT_FOUND', message: '机关不存在' } });
    const q = flatQuery(req.query);
    const f = parseFilter(q);
    const pageSize = intParam(q.pageSize, 20, 100);
    const pageNo = intParam(q.page, 1, 100_000);
    const { entries, total } = await catalogPage(deps, a.id, f, pageNo, pageSize);
    const base = baseUrl(req);
    const body = JSON.stringify({
      agency: { code: a.code, name: a.name }, page: pageNo, pageSize, total, pages: Math.max(1, Math.ceil(total / pageSize)),
      items: entries.map((e) => ({
        indexNumber: e.indexNumber, title: e.title, docNumber: e.docNumber, category: e.category, categoryName: CATEGORIES[e.category] ?? e.category,
        dateMade: e.dateMade, publishedAt: chinaMomentOf(e.publishedAt), validity: e.validity, url: itemUrl(base, a.code, e.id),
      })),
    });
    return sendConditional(req, reply, { type: 'application/json; charset=utf-8', lastModified: latest(entries.map((e) => e.publishedAt)), body });
  });

  app.get<{ Params: { code: string } }>('/xxgk/:code/catalog.csv', { config: { access: 'public', cachedPage: true } }, async (req, reply) => {
    const a = await agencyByCode(deps, req.params.code);
    if (!a) return sendNotFound(deps, reply);
    const f = parseFilter(flatQuery(req.query));
    const base = baseUrl(req);
    const lines = [['索引号', '标题', '发文字号', '主题分类', '发布部门', '成文日期', '发布日期', '有效性', '网址'].join(',')];
    const seen: CatalogEntry[] = [];
    // A page at a time, so only one chunk of rows is held before it is written out as text.
    for (let pageNo = 1; ; pageNo++) {
      const { entries } = await catalogPage(deps, a.id, f, pageNo, 500);
      for (const e of entries) {
        lines.push([e.indexNumber, e.title, e.docNumber, CATEGORIES[e.category] ?? e.category, e.unitName, e.dateMade, chinaDateOf(e.publishedAt), VALIDITIES[e.validity], itemUrl(base, a.code, e.id)].map(cell).join(','));
      }
      if (entries.length) seen.push(entries[0]!);
      if (entries.length < 500) break;
    }
    reply.header('Content-Disposition', `attachment; filename="catalog-${a.code}.csv"; filename*=UTF-8''${encodeURIComponent(`${a.name}政府信息公开目录.csv`)}`);
    return sendConditional(req, reply, { type: 'text/csv; charset=utf-8', lastModified: latest(seen.map((e) => e.publishedAt)), body: `\uFEFF${lines.join('\r\n')}\r\n` });
  });

  app.get('/sitemap.xml', { config: { access: 'public', cachedPage: true } }, async (req, reply) => {
    const base = baseUrl(req);
    const [agencies, items] = await Promise.all([
      deps.db.selectFrom('agencies').select(['code', 'updated_at']).orderBy('level', 'desc').orderBy('code').execute(),
      deps.db.selectFrom('items').innerJoin('agencies', 'agencies.id', 'items.agency_id')
        .select(['items.id', 'agencies.code', 'items.published_at']).where('items.published_at', 'is not', null)
        .orderBy('agencies.code').orderBy('items.published_at', 'desc').execute(),
    ]);
    const url = (loc: string, lastmod?: string | null) => `<url><loc>${x(loc)}</loc>${lastmod ? `<lastmod>${chinaDateOf(lastmod)}</lastmod>` : ''}</url>`;
    const newest = new Map<string, string>();
    for (const i of items) if (!newest.has(i.code)) newest.set(i.code, i.published_at!);
    const body = `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${[
  url(`${base}/`),
  ...agencies.flatMap((a) => [url(`${base}/xxgk/${a.code}`, newest.get(a.code)), url(`${base}/xxgk/${a.code}/catalog`, newest.get(a.code)), url(`${base}/xxgk/${a.code}/guide`, a.updated_at)]),
  ...items.map((i) => url(itemUrl(base, i.code, i.id), i.published_at)),
].join('\n')}
</urlset>
`;
    return sendConditional(req, reply, { type: 'application/xml; charset=utf-8', lastModified: latest(items.map((i) => i.published_at)), body });
  });
}
