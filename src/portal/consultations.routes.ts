import type { FastifyInstance, FastifyReply } from 'fastify';
import { chinaDateOf, chinaToday } from '../core/clock.ts';
import { AppError } from '../core/errors.ts';
import type { AppDeps } from '../http/deps.ts';
import { COMMENT_LIMITS, PHASES, commentErrors } from '../modules/consultation/consultation.rules.ts';
import { CommentRefused, publicConsultation, publicConsultations, submitComment } from '../modules/consultation/consultation.service.ts';
import { agencyByCode, agencyCrumbs, sendNotFound, type PortalAgency } from './agency.ts';
import { acceptFormPosts, fieldError, parseForm, textField } from './apply.routes.ts';
import { challengeKey, issueChallenge, verifyChallenge, type Challenge } from './challenge.ts';
import { HTML_TYPE, html, paragraphs, type Html } from './html.ts';
import { portalPage } from './layout.ts';

type Form = Record<string, string>;
type View = NonNullable<Awaited<ReturnType<typeof publicConsultation>>>;

const LIST_TITLE = '意见征集';
const day = (moment: string | null) => (moment ? chinaDateOf(moment) : '');

function commentForm(a: PortalAgency, c: View, f: Form, errors: Record<string, string>, challenge: Challenge): Html {
  const summary = Object.keys(errors).length
    ? html`<div class="error-summary" role="alert" tabindex="-1"><h3>请修改以下内容后再提交</h3><ul>${Object.entries(errors).map(([k, m]) => html`<li><a href="#${k}">${m}</a></li>`)}</ul></div>`
    : '';
  return html`<section aria-labelledby="comment-form"><h2 id="comment-form">提交意见</h2>
<p>意见不公开发布；您的姓名和联系电话仅用于本机关核实情况，不对外公开。请勿在意见中填写他人的身份证号码、电话等个人信息。</p>
${summary}
<form method="post" action="/xxgk/${a.code}/consultations/${c.id}" novalidate>
<input type="hidden" name="challengeToken" value="${challenge.token}">
<div class="trap" aria-hidden="true"><label for="website">请勿填写此项</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>
${textField(f, errors, 'name', '姓名', { required: true, autocomplete: 'name' })}
${textField(f, errors, 'phone', '联系电话', { required: true, type: 'tel', autocomplete: 'tel' })}
<div class="field"><label for="content">意见内容<span class="req">（必填）</span></label>
<p class="hint" id="content-hint">${COMMENT_LIMITS.minContent}至${COMMENT_LIMITS.content}字。</p>
<textarea id="content" name="content" rows="8" required aria-describedby="content-hint${errors.content ? ' content-error' : ''}"${errors.content ? html` aria-invalid="true"` : ''}>${f.content ?? ''}</textarea>${fieldError(errors, 'content')}</div>
${textField(f, errors, 'challengeAnswer', challenge.question, { required: true, autocomplete: 'off' })}
<p><button type="submit">提交意见</button></p>
</form></section>`;
}

function feedback(c: View): Html | '' {
  if (!c.counts) return '';
  const { total, adopted, partly, notAdopted } = c.counts;
  return html`<section aria-labelledby="feedback"><h2 id="feedback">意见采纳情况</h2>
<p>本次征求意见共收到意见 <strong>${total}</strong> 条，其中采纳 <strong>${adopted}</strong> 条、部分采纳 <strong>${partly}</strong> 条、未采纳 <strong>${notAdopted}</strong> 条。</p>
${c.feedbackSummary ? html`<h3>未予采纳的主要意见及理由</h3><div class="body">${paragraphs(c.feedbackSummary)}</div>` : ''}
<p class="hint">公布日期：<time datetime="${day(c.feedbackPublishedAt)}">${day(c.feedbackPublishedAt)}</time></p></section>`;
}

function detail(a: PortalAgency, c: View, form: Html | string, notice?: string): Html {
  return html`${agencyCrumbs(a, [[`/xxgk/${a.code}/consultations`, LIST_TITLE], [null, c.title]])}
<h1>${c.title}</h1>
${notice ? html`<div class="notice" role="status"><p>${notice}</p></div>` : ''}
<table class="meta"><caption>征求意见信息</caption><tbody>
<tr><th scope="row">起草单位</th><td>${c.unit}</td><th scope="row">状态</th><td>${PHASES[c.phase]}</td></tr>
<tr><th scope="row">征求意见期限</th><td colspan="3"><time datetime="${c.opensOn}">${c.opensOn}</time> 至 <time datetime="${c.closesOn}">${c.closesOn}</time>${c.shortBasis ? html`（缩短期限的依据：${c.shortBasis}）` : ''}</td></tr>
<tr><th scope="row">征求意见稿及起草说明</th><td colspan="3"><a href="/xxgk/${a.code}/items/${c.itemId}">查看征求意见稿全文、起草说明和附件</a></td></tr>
<tr><th scope="row">其他反馈方式</th><td colspan="3">${paragraphs(c.howToComment)}</td></tr>
</tbody></table>
${form}
${feedback(c)}`;
}

/**
 * Drafts open for comment on an agency's column (FIVE-1): the list, each consultation with
 * the link to its draft and basis, the comment form while the window is open (no
 * JavaScript, the self-hosted challenge, limits per address and per phone) and, once
 * published, the feedback on how the comments were adopted. Comments are never shown.
 */
export async function portalConsultationRoutes(app: FastifyInstance, deps: AppDeps) {
  acceptFormPosts(app);

  const sendPage = async (reply: FastifyReply, title: string, a: PortalAgency, body: Html, status = 200) =>
    reply.status(status).type(HTML_TYPE).header('cache-control', 'no-store').send(await portalPage(deps, { title, agency: a, body }));

  app.get<{ Params: { code: string } }>('/xxgk/:code/consultations', { config: { access: 'public' } }, async (req, reply) => {
    const a = await agencyByCode(deps, req.params.code);
    if (!a) return sendNotFound(deps, reply);
    const list = await publicConsultations(deps.db, a.id, chinaToday(deps.clock));
    const body = html`${agencyCrumbs(a, [[null, LIST_TITLE]])}
<h1>${LIST_TITLE}</h1>
<p>重大行政决策和规范性文件在作出前向社会公开征求意见。征求意见结束后，本机关公布意见的收集和采纳情况。</p>
${list.length
    ? html`<table class="list"><caption>征求意见列表</caption><thead><tr><th scope="col">标题</th><th scope="col">起草单位</th><th scope="col">征求意见期限</th><th scope="col">状态</th></tr></thead><tbody>
${list.map((c) => html`<tr><td><a href="/xxgk/${a.code}/consultations/${c.id}">${c.title}</a></td><td>${c.unit}</td><td class="nowrap">${c.opensOn} 至 ${c.closesOn}</td><td class="nowrap">${PHASES[c.phase]}</td></tr>`)}
</tbody></table>`
    : html`<p>暂无征求意见。</p>`}`;
    return sendPage(reply, LIST_TITLE, a, body);
  });

  const load = async (code: string, id: string) => {
    const a = await agencyByCode(deps, code);
    const c = a ? await publicConsultation(deps.db, a.id, id, chinaToday(deps.clock)) : null;
    return a && c ? { a, c } : null;
  };
  const fresh = async () => issueChallenge(await challengeKey(deps.db, deps.clock), deps.clock());

  app.get<{ Params: { code: string; id: string } }>('/xxgk/:code/consultations/:id', { config: { access: 'public' } }, async (req, reply) => {
    const found = await load(req.params.code, req.params.id);
    if (!found) return sendNotFound(deps, reply, '征求意见');
    const { a, c } = found;
    const form = c.phase === 'open' ? commentForm(a, c, {}, {}, await fresh()) : html`<p class="notice">征求意见期限已届满，不再接收意见。</p>`;
    return sendPage(reply, c.title, a, detail(a, c, form));
  });

  app.post<{ Params: { code: string; id: string } }>('/xxgk/:code/consultations/:id', {
    config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 hour' } },
  }, async (req, reply) => {
    const found = await load(req.params.code, req.params.id);
    if (!found) return sendNotFound(deps, reply, '征求意见');
    const { a, c } = found;
    const f = parseForm(req.body);
    const again = async (errors: Record<string, string>) => sendPage(reply, c.title, a, detail(a, c, c.phase === 'open' ? commentForm(a, c, f, errors, await fresh()) : html`<div class="error-summary" role="alert"><p>${Object.values(errors).join('；')}</p></div>`), 400);
    const key = await challengeKey(deps.db, deps.clock);
    // A filled trap field is a robot; it gets the same answer as a wrong sum.
    const verdict = f.website ? { ok: false as const, reason: '验证题答案不正确' } : verifyChallenge(key, f.challengeToken ?? '', f.challengeAnswer ?? '', deps.clock());
    if (!verdict.ok) return again({ ...commentErrors(f), challengeAnswer: verdict.reason });
    try {
      await submitComment(deps, a.id, c.id, { name: f.name ?? '', phone: f.phone ?? '', content: f.content ?? '', token: verdict.nonce });
    } catch (err) {
      if (err instanceof CommentRefused) return again(err.errors);
      if (err instanceof AppError && err.status < 500) return again({ content: err.message });
      throw err;
    }
    return sendPage(reply, c.title, a, detail(a, c, '', '您的意见已提交，感谢您的参与。征求意见结束后，本机关将公布意见采纳情况。'));
  });
}
