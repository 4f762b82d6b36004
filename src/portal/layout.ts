import type { AppDeps } from '../http/deps.ts';
import { getSiteSettings } from '../modules/settings/settings.service.ts';
import { psbRecordCode, type SiteSettings } from '../modules/settings/site-settings.ts';
import { perGeneration } from './generation.ts';
import { html, type Html } from './html.ts';

/** What every page's header and footer show: the city's site name and the identity the office keeps in the console. */
export type PortalSite = { name: string; settings: SiteSettings };

/** Read once per audit generation (generation.ts): a rename of the city or a settings change is audited. */
export async function portalSite(deps: Pick<AppDeps, 'db'>): Promise<PortalSite> {
  return (await perGeneration(deps.db, 'site', async () => {
    const [city, settings] = await Promise.all([
      deps.db.selectFrom('agencies').select('name').where('level', '=', 'city').executeTakeFirst(),
      getSiteSettings(deps.db),
    ]);
    return { name: `${city?.name.replace(/人民政府办公室$/, '') ?? ''}政府信息公开`, settings };
  }))!;
}

export const siteNameOf = (a: { name: string }) => `${a.name}政府信息公开`;

export type PageOptions = {
  title: string;
  body: Html;
  /** The agency whose disclosure column the page belongs to: named in the header and the title. */
  agency?: { code: string; name: string } | undefined;
  /** Elements added to <head> (feed links). */
  head?: Html;
};

function footer(site: PortalSite): Html {
  const s = site.settings;
  const contact = [s.phone && `联系电话：${s.phone}`, s.email && `电子邮箱：${s.email}`, s.address && `地址：${s.address}`].filter(Boolean).map((c) => html`<span>${c}</span>`);
  const psb = psbRecordCode(s.psb);
  return html`<footer class="site-footer"><div class="wrap">
<nav class="footer-links" aria-label="网站服务"><a href="/sitemap">网站地图</a><a href="/contact">联系我们</a></nav>
<div class="identity">
${s.sponsor ? html`<p>主办单位：${s.sponsor}</p>` : ''}
${contact.length ? html`<p>${contact}</p>` : ''}
<p>${s.icp ? html`<a href="https://beian.miit.gov.cn/">${s.icp}</a>` : ''}${s.psb ? html`<a href="${psb ? `https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=${psb}` : 'https://www.beian.gov.cn/'}">${s.psb}</a>` : ''}${s.siteCode ? html`<span>网站标识码：${s.siteCode}</span>` : ''}</p>
</div>
${s.conacImage ? html`<p class="conac">${s.conacLink ? html`<a href="${s.conacLink}"><img src="${s.conacImage}" alt="党政机关网站标识" width="110" height="55"></a>` : html`<img src="${s.conacImage}" alt="党政机关网站标识" width="110" height="55">`}</p>` : ''}
</div></footer>`;
}

/**
 * The page frame every portal page shares: skip link, the one header (the city's site, the
 * agency's column when the page belongs to one), main landmark, and the footer with the
 * site's identity (政府网站发展指引, 国办发〔2017〕47号). The text size and the contrast are
 * the visitor's choices, kept in cookies and applied by /text-size.css, so pages themselves
 * stay the same for everyone (and cacheable).
 */
export function page(site: PortalSite, opts: PageOptions): string {
  const column = opts.agency ? siteNameOf(opts.agency) : null;
  return `<!doctype html>${html`<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} - ${column ?? site.name}</title>
<link rel="stylesheet" href="/assets/portal.css">
<link rel="stylesheet" href="/text-size.css">
<script src="/assets/portal.js" defer></script>
${opts.head ?? ''}
</head>
<body>
<a class="skip" href="#main">跳到主要内容</a>
<header class="site-header"><div class="wrap">
<p class="brand"><a href="/">${site.name}</a>${column ? html`<a class="column" href="/xxgk/${opts.agency!.code}">${column}</a>` : ''}</p>
<nav class="site-nav" aria-label="主导航"><ul><li><a href="/">首页</a></li><li><a href="/search">检索</a></li><li><a href="/xxgk/status">申请查询</a></li><li><a href="/admin/">工作人员入口</a></li></ul></nav>
<p class="reading"><span>字号：<a href="/text-size?size=normal">标准</a><a href="/text-size?size=large">大字</a></span><span>对比度：<a href="/text-size?contrast=normal">默认</a><a href="/text-size?contrast=high">高对比</a></span></p>
</div></header>
<main id="main" class="wrap">${opts.body}</main>
${footer(site)}
</body>
</html>`}`;
}

/** A portal page with the site's current header and footer. */
export async function portalPage(deps: Pick<AppDeps, 'db'>, opts: PageOptions): Promise<string> {
  return page(await portalSite(deps), opts);
}
