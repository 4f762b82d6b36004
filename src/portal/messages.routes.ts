import type { FastifyInstance, FastifyReply } from 'fastify';
import { chinaDateOf, chinaDateTimeOf, chinaMomentOf } from '../core/clock.ts';
import { AppError } from '../core/errors.ts';
import type { AppDeps } from '../http/deps.ts';
import { formProblems, LIMITS, PHONE_DAILY_LIMIT, RATINGS, type MessageForm } from '../modules/messages/messages.rules.ts';
import { askerView, answerWorkdays, publicMessage, publicMessages, rateMessage, submitMessage } from '../modules/messages/messages.service.ts';
import { agencyByCode, agencyCrumbs, baseUrl, flatQuery, intParam, sendNotFound, type PortalAgency } from './agency.ts';
import { acceptFormPosts, fieldError, parseForm, textField } from './apply.routes.ts';
import { challengeKey, issueChallenge, verifyChallenge } from './challenge.ts';
import { pager } from './controls.ts';
import { HTML_TYPE, html, paragraphs, type Html } from './html.ts';
import { portalPage } from './layout.ts';

const PAGE_SIZE = 20;
const time = (at: string) => html`<time datetime="${chinaMomentOf(at)}">${chinaDateOf(at)}</time>`;

/**
 * 网民留言 on the portal (OP-6): the 我要留言 form of each agency (no JavaScript, the
 * self-hosted challenge, limits per address and per phone), the asker's private page behind
 * the link they were given (follow the message, read the answer or the refusal, rate the
 * answer once), and the answered messages the agency published, the asker's data removed.
 */
export async function portalMessageRoutes(app: FastifyInstance, deps: AppDeps) {
  acceptFormPosts(app);

  const send = async (reply: FastifyReply, title: string, agency: PortalAgency | undefined, body: Html, status = 200) =>
    reply.status(status).type(HTML_TYPE).header('cache-control', 'no-store').send(await portalPage(deps, { title, agency, body }));

  const messagesHref = (a: PortalAgency) => `/xxgk/${a.code}/messages`;

  app.get<{ Params: { code: string } }>('/xxgk/:code/messages', { config: { access: 'public' } }, async (req, reply) => {
    const agency = await agencyByCode(deps, req.params.code);
    if (!agency) return sendNotFound(deps, reply);
    const pageNo = intParam(flatQuery(req.query).page, 1, 10_000);
    const list = await publicMessages(deps.db, agency.id, { page: pageNo, pageSize: PAGE_SIZE });
    const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
    const body = html`${agencyCrumbs(agency, [[null, '网民留言']])}
<h1>网民留言</h1>
<p>您可以就${agency.name}职责范围内的事项<a href="${messagesHref(agency)}/new">留言</a>。本机关在${await answerWorkdays(deps.db, agency.id)}个工作日内答复，答复后公开留言和答复（不公开留言人的姓名、电话等个人信息）。</p>
<p><a class="button" href="${messagesHref(agency)}/new">我要留言</a></p>
<h2>已答复的留言（共 ${list.total} 条）</h2>
${list.items.length
    ? html`<table class="list"><caption class="visually-hidden">已答复的留言</caption><thead><tr><th scope="col">留言主题</th><th scope="col">留言日期</th><th scope="col">答复日期</th><th scope="col">答复单位</th></tr></thead><tbody>
${list.items.map((m) => html`<tr><td><a href="${messagesHref(agency)}/${m.id}">${m.topic}</a></td><td>${time(m.receivedAt)}</td><td>${time(m.answeredAt)}</td><td>${m.unit ?? agency.name}</td></tr>`)}
</tbody></table>${pager(pageNo, pages, (n) => `${messagesHref(agency)}${n === 1 ? '' : `?page=${n}`}`)}`
    : html`<p>暂无已公开的留言。</p>`}`;
    return reply.type(HTML_TYPE).header('cache-control', 'no-cache').send(await portalPage(deps, { title: `网民留言 - ${agency.name}`, agency, body }));
  });

  const form = (agency: PortalAgency, f: Record<string, string>, errors: Record<string, string>, challenge: { question: string; token: string }) => {
    const summary = Object.keys(errors).length
      ? html`<div class="error-summary" role="alert" tabindex="-1"><h2>请修改以下内容后再提交</h2><ul>${Object.entries(errors).map(([k, m]) => html`<li><a href="#${k}">${m}</a></li>`)}</ul></div>`
      : '';
    return html`${agencyCrumbs(agency, [[messagesHref(agency), '网民留言'], [null, '我要留言']])}
<h1>我要留言</h1>
<p>向<strong>${agency.name}</strong>留言。请一事一留言，写清楚事项、时间和地点。留言提交后，您会得到一个只属于您的查看链接，凭它查看办理进度和答复，并对答复作出评价。</p>
${summary}
<form method="post" action="${messagesHref(agency)}/new" novalidate>
<input type="hidden" name="challengeToken" value="${challenge.token}">
<div class="trap" aria-hidden="true"><label for="website">请勿填写此项</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>
${textField(f, errors, 'topic', `留言主题（不超过${LIMITS.topic}字）`, { required: true })}
<div class="field"><label for="content">留言内容<span class="req">（必填）</span></label>
<p class="hint" id="content-hint">${LIMITS.contentMin}至${LIMITS.content}字。请不要在内容中填写身份证号码等个人信息，公开时会删除。</p>
<textarea id="content" name="content" rows="8" required aria-describedby="content-hint${errors.content ? ' content-error' : ''}"${errors.content ? html` aria-invalid="true"` : ''}>${f.content ?? ''}</textarea>${fieldError(errors, 'content')}</div>
${textField(f, errors, 'name', '姓名', { required: true, autocomplete: 'name', hint: '仅用于办理留言，不公开' })}
${textField(f, errors, 'phone', '联系电话', { required: true, type: 'tel', autocomplete: 'tel', hint: `仅用于办理留言，不公开；同一电话24小时内最多留言${PHONE_DAILY_LIMIT}条` })}
<h2>验证</h2>
${textField(f, errors, 'challengeAnswer', challenge.question, { required: true, autocomplete: 'off' })}
<p><button type="submit">提交留言</button></p>
</form>`;
  };

  app.get<{ Params: { code: string } }>('/xxgk/:code/messages/new', { config: { access: 'public' } }, async (req, reply) => {
    const agency = await agencyByCode(deps, req.params.code);
    if (!agency) return sendNotFound(deps, reply);
    return send(reply, '我要留言', agency, form(agency, {}, {}, issueChallenge(await challengeKey(deps.db, deps.clock), deps.clock())));
  });

  app.post<{ Params: { code: string } }>('/xxgk/:code/messages/new', { config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 hour' } } }, async (req, reply) => {
    const agency = await agencyByCode(deps, req.params.code);
    if (!agency) return sendNotFound(deps, reply);
    const f = parseForm(req.body);
    const key = await challengeKey(deps.db, deps.clock);
    const again = (errors: Record<string, string>, status = 400) => send(reply, '我要留言', agency, form(agency, f, errors, issueChallenge(key, deps.clock())), status);
    // A filled trap field is a robot; it gets the same answer as a wrong sum.
    const verdict = f.website ? { ok: false as const, reason: '验证题答案不正确' } : verifyChallenge(key, f.challengeToken ?? '', f.challengeAnswer ?? '', deps.clock());
    const input: MessageForm = { topic: f.topic ?? '', content: f.content ?? '', name: f.name ?? '', phone: f.phone ?? '' };
    const problems: Record<string, string> = { ...formProblems(input), ...(verdict.ok ? {} : { challengeAnswer: verdict.reason }) };
    if (!verdict.ok || Object.keys(problems).length) return again(problems);
    let done;
    try {
      done = await submitMessage(deps, agency.id, input, verdict.nonce, req.ip);
    } catch (err) {
      // The per-phone limit: said beside the phone field.
      if (err instanceof AppError && err.status < 500) return again({ phone: err.message }, err.status);
      throw err;
    }
    const link = done.token ? `${baseUrl(req)}/messages/track/${done.token}` : null;
    const body = html`${agencyCrumbs(agency, [[messagesHref(agency), '网民留言'], [null, '留言已提交']])}
<h1>留言已提交</h1>
<div class="notice" role="status">
${link ? html`<p>请保存下面的查看链接，它只显示这一次，凭它查看办理进度和答复、评价答复：</p><p><a class="code" href="${link}">${link}</a></p>` : html`<p>这条留言此前已经提交过，查看链接已在首次提交时显示。</p>`}
</div>
<p>本机关将在${await answerWorkdays(deps.db, agency.id)}个工作日内答复。不要把链接告诉他人。</p>`;
    return send(reply, '留言已提交', agency, body);
  });

  const track = async (reply: FastifyReply, token: string, notice?: string, status = 200) => {
    let v;
    try {
      v = await askerView(deps, token);
    } catch (err) {
      if (err instanceof AppError && err.status === 404) return sendNotFound(deps, reply, '留言');
      throw err;
    }
    const body = html`<nav class="crumbs" aria-label="当前位置"><a href="/">首页</a> › <span aria-current="page">我的留言</span></nav>
<h1>我的留言</h1>
${notice ? html`<div class="notice" role="status"><p>${notice}</p></div>` : ''}
<table class="meta"><caption>留言信息</caption><tbody>
<tr><th scope="row">受理机关</th><td>${v.agency.name}</td><th scope="row">当前状态</th><td>${v.stateLabel}</td></tr>
<tr><th scope="row">留言时间</th><td>${chinaDateTimeOf(v.receivedAt)}</td><th scope="row">答复期限</th><td>${v.dueDate ?? '—'}</td></tr>
<tr><th scope="row">留言主题</th><td colspan="3">${v.topic}</td></tr>
</tbody></table>
<h2>留言内容</h2>${paragraphs(v.content)}
${v.refusal ? html`<section><h2>不予受理</h2><p>${v.refusal.kind}：${v.refusal.reason}</p><p>告知时间：${v.refusal.at ? chinaDateTimeOf(v.refusal.at) : '—'}</p></section>` : ''}
${v.answer ? html`<section><h2>答复</h2><p>答复时间：${chinaDateTimeOf(v.answeredAt!)}</p>${paragraphs(v.answer)}</section>` : ''}
${v.rating ? html`<p>您的评价：<strong>${RATINGS[v.rating]}</strong>。感谢您的评价。</p>` : ''}
${v.canRate ? html`<section><h2>评价答复</h2><form method="post" action="/messages/track/${token}/rate"><fieldset class="field"><legend>您对本次答复是否满意？<span class="req">（必填，只能评价一次）</span></legend>
${Object.entries(RATINGS).map(([value, label]) => html`<label class="choice"><input type="radio" name="rating" value="${value}" required> ${label}</label>`)}
</fieldset><p><button type="submit">提交评价</button></p></form></section>` : ''}`;
    return reply.status(status).type(HTML_TYPE).header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').header('x-robots-tag', 'noindex')
      .send(await portalPage(deps, { title: '我的留言', body }));
  };

  app.get<{ Params: { token: string } }>('/messages/track/:token', { config: { access: 'public', rateLimit: { max: 60, timeWindow: '10 minutes' } } }, async (req, reply) => track(reply, req.params.token));

  app.post<{ Params: { token: string } }>('/messages/track/:token/rate', { config: { access: 'public', rateLimit: { max: 30, timeWindow: '10 minutes' } } }, async (req, reply) => {
    try {
      await rateMessage(deps, req.params.token, parseForm(req.body).rating ?? '', req.ip);
    } catch (err) {
      if (err instanceof AppError && err.status === 404) return sendNotFound(deps, reply, '留言');
      if (err instanceof AppError && err.status < 500) return track(reply, req.params.token, err.message, err.status);
      throw err;
    }
    return track(reply, req.params.token, '评价已提交，谢谢。');
  });

  app.get<{ Params: { code: string; id: string } }>('/xxgk/:code/messages/:id', { config: { access: 'public' } }, async (req, reply) => {
    const agency = await agencyByCode(deps, req.params.code);
    const m = agency && req.params.id.length <= 64 ? await publicMessage(deps.db, agency.id, req.params.id) : null;
    if (!agency || !m) return sendNotFound(deps, reply, '留言');
    const body = html`${agencyCrumbs(agency, [[messagesHref(agency), '网民留言'], [null, m.topic]])}
<h1>${m.topic}</h1>
<table class="meta"><caption class="visually-hidden">留言和答复的日期</caption><tbody>
<tr><th scope="row">留言日期</th><td>${time(m.receivedAt)}</td><th scope="row">答复日期</th><td>${time(m.answeredAt)}</td></tr>
<tr><th scope="row">答复单位</th><td colspan="3">${m.unit ?? agency.name}</td></tr>
</tbody></table>
<h2>留言内容</h2>${paragraphs(m.content)}
<h2>答复内容</h2>${paragraphs(m.answer)}
<p><a href="${messagesHref(agency)}">返回网民留言</a></p>`;
    return reply.type(HTML_TYPE).header('cache-control', 'no-cache').send(await portalPage(deps, { title: `${m.topic} - 网民留言`, agency, body }));
  });
}
