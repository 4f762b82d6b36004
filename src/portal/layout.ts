import { html, type Html } from './html.ts';

/**
 * The page frame every portal page shares: skip link, header, main landmark, footer.
 * `home` is where the site name links (an agency's pages link to its disclosure column);
 * `head` adds elements to <head> (feed links).
 */
export function page(opts: { title: string; siteName: string; body: Html; home?: string; head?: Html }): string {
  return `<!doctype html>${html`<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} - ${opts.siteName}</title>
<link rel="stylesheet" href="/assets/portal.css">
${opts.head ?? ''}
</head>
<body>
<a class="skip" href="#main">跳到主要内容</a>
<header class="site-header"><div class="wrap"><a class="brand" href="${opts.home ?? '/'}">${opts.siteName}</a>
<nav aria-label="主导航"><a href="/">首页</a> <a href="/xxgk/status">申请查询</a> <a href="/admin/">工作人员入口</a></nav></div></header>
<main id="main" class="wrap">${opts.body}</main>
<footer class="site-footer"><div class="wrap">${opts.siteName}</div></footer>
</body>
</html>`}`;
}
