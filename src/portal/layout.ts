import { html, type Html } from './html.ts';

/**
 * The page frame every portal page shares: skip link, header, main landmark, footer.
 * `home` is where the site name links (an agency's pages link to its disclosure column);
 * `head` adds elements to <head> (feed links). The text size is the visitor's choice, kept
 * in a cookie and applied by /text-size.css, so pages themselves stay the same for everyone
 * (and cacheable).
 */
export function page(opts: { title: string; siteName: string; body: Html; home?: string; head?: Html }): string {
  return `<!doctype html>${html`<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} - ${opts.siteName}</title>
<link rel="stylesheet" href="/assets/portal.css">
<link rel="stylesheet" href="/text-size.css">
${opts.head ?? ''}
</head>
<body>
<a class="skip" href="#main">跳到主要内容</a>
<header class="site-header"><div class="wrap"><a class="brand" href="${opts.home ?? '/'}">${opts.siteName}</a>
<nav aria-label="主导航"><a href="/">首页</a> <a href="/search">检索</a> <a href="/xxgk/status">申请查询</a> <a href="/admin/">工作人员入口</a>
<span class="text-size">字号：<a href="/text-size?size=normal">标准</a><a href="/text-size?size=large">大字</a></span></nav></div></header>
<main id="main" class="wrap">${opts.body}</main>
<footer class="site-footer"><div class="wrap">${opts.siteName}</div></footer>
</body>
</html>`}`;
}
