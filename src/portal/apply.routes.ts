import type { FastifyInstance, FastifyReply } from 'fastify';
import { chinaDateTimeOf, chinaLongDateOf, chinaMomentOf, chinaToday } from '../core/clock.ts';
import { AppError } from '../core/errors.ts';
import { isValidPrcId } from '../core/prc-id.ts';
import type { AppDeps } from '../http/deps.ts';
import { APPLICANT_KINDS, DELIVERIES, FORMS, ID_TYPES, OPEN_STATES, STATES, type ApplicantKind } from '../modules/applications/applications.rules.ts';
import { applicantCase, applicantFiles, actOn, caseView, confirmDueReceipts, register, type ApplicantInput } from '../modules/applications/applications.service.ts';
import { filesRoot } from '../modules/documents/documents.publication.ts';
import { htmlToPdf } from '../modules/files/html-pdf.ts';
import { readStoredFile } from '../modules/files/store.ts';
import { challengeKey, issueChallenge, verifyChallenge } from './challenge.ts';
import { agencyCrumbs, baseUrl } from './agency.ts';
import { HTML_TYPE, html, type Html } from './html.ts';
import { portalPage } from './layout.ts';
import { sendDownload } from '../http/download.ts';

type Form = Record<string, string>;
type Agency = { id: string; code: string; name: string; address: string; phone: string; email: string };


/** The fields of the official application form (政府信息公开申请表), with what each must hold. */
function validate(f: Form): { input: ApplicantInput | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const need = (k: string, label: string) => {
    if (!f[k]?.trim()) errors[k] = `请填写${label}`;
  };
  const kind = f.applicantKind as ApplicantKind;
  if (!Object.hasOwn(APPLICANT_KINDS, kind)) errors.applicantKind = '请选择申请人类型';
  need('name', kind === 'natural' ? '姓名' : '名称');
  need('idNumber', '证件号码');
  need('phone', '联系电话');
  need('description', '所需信息的内容描述');
  const idType = f.idType as keyof typeof ID_TYPES;
  if (!Object.hasOwn(ID_TYPES, idType)) errors.idType = '请选择证件类型';
  if (idType === 'prc_id' && f.idNumber && !isValidPrcId(f.idNumber.trim())) errors.idNumber = '居民身份证号码不正确（校验位不符），请核对';
  if (kind && kind !== 'natural' && !f.orgCode?.trim()) errors.orgCode = '法人或其他组织须填写统一社会信用代码';
  if (f.phone && !/^[0-9+()\- ]{5,30}$/.test(f.phone.trim())) errors.phone = '联系电话格式不正确';
  if (f.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(f.email.trim())) errors.email = '电子邮箱格式不正确';
  if ((f.description ?? '').trim().length > 2000) errors.description = '内容描述不超过2000字';
  if (!Object.hasOwn(FORMS, f.form ?? '')) errors.form = '请选择获取信息的方式';
  if (!Object.hasOwn(DELIVERIES, f.delivery ?? '')) errors.delivery = '请选择送达方式';
  if (Object.keys(errors).length) return { input: null, errors };
  return {
    errors,
    input: {
      applicantKind: kind, name: f.name!.trim(), idType, idNumber: f.idNumber!.trim().toUpperCase(), orgCode: f.orgCode?.trim(), phone: f.phone!.trim(),
      email: f.email?.trim(), address: f.address?.trim(), description: f.description!.trim(), purpose: f.purpose?.trim(), form: f.form!, delivery: f.delivery!,
    },
  };
}

/** Lets a scope of public forms read plain HTML form posts (no JavaScript needed). */
export function acceptFormPosts(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
}

type CaseView = Awaited<ReturnType<typeof caseView>>;

const PENDING_RECEIPT = '待本机关在工作日确认收到，收到日期以双方确认之日为准';

/** The deadline as the applicant reads it, on the status page and the receipt (none before the receipt is confirmed, LAW-31). */
const dueText = (c: CaseView): Html | string =>
  !c.deadline ? (c.receivedOn ? '—' : '自本机关确认收到之日起计算') : c.state === 'replied' || c.finishedAt ? '已办结' : html`${c.deadline.dueDate}${c.deadline.state === 'paused' ? '（期限暂停中）' : ''}${c.deadline.provisional ? '（暂按周末计算，节假日安排公布后可能调整）' : ''}`;

/** The printable receipt (回执): what was received, when, the code and password, and by when the reply is due. */
function receiptHtml(agency: Agency, c: CaseView, secret: string, statusUrl: string, today: string): string {
  const row = (k: string, v: Html | string) => html`<tr><th>${k}</th><td>${v}</td></tr>`;
  return `<!doctype html>${html`<html lang="zh-CN"><head><meta charset="utf-8"><title>政府信息公开申请回执</title>
<style>body { font-size: 12pt; line-height: 1.6; margin: 56pt 60pt; } h1 { text-align: center; font-size: 20pt; margin-bottom: 18pt; }
table { width: 100%; border-collapse: collapse; } th, td { border: 1px solid #000; padding: 5pt 8pt; text-align: left; vertical-align: top; } th { width: 7em; }
.code { font-family: monospace; font-size: 14pt; letter-spacing: 1pt; } .sign { text-align: right; margin-top: 36pt; }</style></head><body>
<h1>政府信息公开申请回执</h1>
<p>${c.applicant.name}：</p>
<p>您提出的政府信息公开申请已进入本机关系统，登记如下。</p>
<table>
${row('登记编号', c.regNumber)}${row('受理机关', agency.name)}${row('提交时间', chinaDateTimeOf(c.arrivedAt))}${row('收到日期', c.receivedOn ?? PENDING_RECEIPT)}
${row('申请内容', c.description)}${row('获取方式', FORMS[c.form as keyof typeof FORMS] ?? c.form)}${row('送达方式', DELIVERIES[c.delivery as keyof typeof DELIVERIES] ?? c.delivery)}
${row('答复期限', dueText(c))}
${row('查询码', html`<span class="code">${c.trackingCode}</span>`)}${row('查询密码', html`<span class="code">${secret}</span>`)}
</table>
<p>本机关将依照《中华人民共和国政府信息公开条例》第三十三条的规定在答复期限内答复；申请需要补正、征求第三方意见或者延长期限的，期限依法相应调整并告知您。</p>
<p>您可以访问 ${statusUrl} ，凭查询码和查询密码查询办理进度、提交补正或下载答复。请妥善保管本回执，不要将查询密码告诉他人。</p>
<p>联系电话：${agency.phone || '—'}　通讯地址：${agency.address || '—'}</p>
<div class="sign"><p>${agency.name}</p><p>${chinaLongDateOf(today)}</p></div>
</body></html>`}`;
}

export const fieldError = (errors: Record<string, string>, k: string) => (errors[k] ? html`<p class="field-error" id="${k}-error">${errors[k]}</p>` : '');
export const described = (errors: Record<string, string>, k: string) => (errors[k] ? html` aria-invalid="true" aria-describedby="${k}-error"` : '');

export function textField(f: Form, errors: Record<string, string>, name: string, label: string, opts: { required?: boolean; type?: string; autocomplete?: string; hint?: string } = {}): Html {
  return html`<div class="field"><label for="${name}">${label}${opts.required ? html`<span class="req">（必填）</span>` : ''}</label>
${opts.hint ? html`<p class="hint" id="${name}-hint">${opts.hint}</p>` : ''}
<input id="${name}" name="${name}" type="${opts.type ?? 'text'}" value="${f[name] ?? ''}"${opts.autocomplete ? html` autocomplete="${opts.autocomplete}"` : ''}${opts.required ? html` required` : ''}${described(errors, name)}>
${fieldError(errors, name)}</div>`;
}

export function radios(f: Form, errors: Record<string, string>, name: string, legend: string, options: Record<string, string>): Html {
  return html`<fieldset class="field"${described(errors, name)}><legend>${legend}<span class="req">（必填）</span></legend>
${Object.entries(options).map(([value, label]) => html`<label class="choice"><input type="radio" name="${name}" value="${value}"${f[name] === value ? html` checked` : ''}> ${label}</label>`)}
${fieldError(errors, name)}</fieldset>`;
}

function applicationForm(agency: Agency, f: Form, errors: Record<string, string>, challenge: { question: string; token: string }): Html {
  const summary = Object.keys(errors).length
    ? html`<div class="error-summary" role="alert" tabindex="-1"><h2>请修改以下内容后再提交</h2><ul>${Object.entries(errors).map(([k, m]) => html`<li><a href="#${k}">${m}</a></li>`)}</ul></div>`
    : '';
  return html`${agencyCrumbs(agency, [[null, '依申请公开']])}
<h1>政府信息公开申请表</h1>
<p>向<strong>${agency.name}</strong>申请获取政府信息。一份申请只能提出一项政府信息的申请；如需多项信息，请分别提交。我们将在法定期限内答复，您可凭提交后显示的查询码和密码随时查看办理进度。</p>
${summary}
<form method="post" action="/xxgk/${agency.code}/apply" novalidate>
<input type="hidden" name="challengeToken" value="${challenge.token}">
<div class="trap" aria-hidden="true"><label for="website">请勿填写此项</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>
<h2>申请人信息</h2>
${radios(f, errors, 'applicantKind', '申请人类型', APPLICANT_KINDS)}
<p class="hint">“自然人”以外的选项均为法人或其他组织。</p>
${textField(f, errors, 'name', '姓名/名称', { required: true, autocomplete: 'name' })}
<div class="field"><label for="idType">证件类型<span class="req">（必填）</span></label>
<select id="idType" name="idType"${described(errors, 'idType')}>${Object.entries(ID_TYPES).map(([v, l]) => html`<option value="${v}"${(f.idType ?? 'prc_id') === v ? html` selected` : ''}>${l}</option>`)}</select>${fieldError(errors, 'idType')}</div>
${textField(f, errors, 'idNumber', '证件号码', { required: true })}
${textField(f, errors, 'orgCode', '统一社会信用代码', { hint: '法人或其他组织必填' })}
${textField(f, errors, 'phone', '联系电话', { required: true, type: 'tel', autocomplete: 'tel' })}
${textField(f, errors, 'email', '电子邮箱', { type: 'email', autocomplete: 'email' })}
${textField(f, errors, 'address', '通讯地址', { autocomplete: 'street-address' })}
<h2>所需信息</h2>
<div class="field"><label for="description">所需信息的内容描述<span class="req">（必填）</span></label>
<p class="hint" id="description-hint">请写明信息的名称、文号或其他有助于确定信息的特征。</p>
<textarea id="description" name="description" rows="6" required aria-describedby="description-hint${errors.description ? ' description-error' : ''}"${errors.description ? html` aria-invalid="true"` : ''}>${f.description ?? ''}</textarea>${fieldError(errors, 'description')}</div>
${textField(f, errors, 'purpose', '用途（选填）')}
${radios(f, errors, 'form', '获取信息的方式', FORMS)}
${radios(f, errors, 'delivery', '送达方式', DELIVERIES)}
<h2>验证</h2>
${textField(f, errors, 'challengeAnswer', challenge.question, { required: true, autocomplete: 'off' })}
<p><button type="submit">提交申请</button></p>
</form>
<p class="hint">您的个人信息仅用于办理本申请，仅向办理人员显示。</p>`;
}


export function parseForm(body: unknown): Form {
  return body && typeof body === 'object' ? Object.fromEntries(Object.entries(body as Record<string, unknown>).map(([k, v]) => [k, String(v ?? '')])) : {};
}

/**
 * The citizen's side of 依申请公开 (APP-1, APP-2): the application form, which works without
 * JavaScript and never loses what was typed, and the status page behind the tracking code
 * and secret, where the applicant answers a correction request, withdraws, and downloads
 * the reply letter and provided files.
 */
export async function portalApplyRoutes(app: FastifyInstance, deps: AppDeps) {
  acceptFormPosts(app);

  const agencyBy = (code: string) => deps.db.selectFrom('agencies').select(['id', 'code', 'name', 'address', 'phone', 'email']).where('code', '=', code).executeTakeFirst();
  const sendPage = async (reply: FastifyReply, title: string, agency: Agency | undefined, body: Html, status = 200) =>
    reply.status(status).type(HTML_TYPE).header('cache-control', 'no-store').send(await portalPage(deps, { title, agency, body }));

  app.get<{ Params: { code: string } }>('/xxgk/:code/apply', { config: { access: 'public' } }, async (req, reply) => {
    const agency = await agencyBy(req.params.code);
    if (!agency) return reply.callNotFound();
    const challenge = issueChallenge(await challengeKey(deps.db, deps.clock), deps.clock());
    return sendPage(reply, '依申请公开', agency, applicationForm(agency, { idType: 'prc_id', applicantKind: 'natural' }, {}, challenge));
  });

  app.post<{ Params: { code: string } }>('/xxgk/:code/apply', {
    config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 hour' } },
  }, async (req, reply) => {
    const agency = await agencyBy(req.params.code);
    if (!agency) return reply.callNotFound();
    const f = parseForm(req.body);
    const key = await challengeKey(deps.db, deps.clock);
    const again = (errors: Record<string, string>) =>
      sendPage(reply, '依申请公开', agency, applicationForm(agency, f, errors, issueChallenge(key, deps.clock())), 400);
    // A filled trap field is a robot; it gets the same answer as a wrong sum.
    const verdict = f.website ? { ok: false as const, reason: '验证题答案不正确' } : verifyChallenge(key, f.challengeToken ?? '', f.challengeAnswer ?? '', deps.clock());
    const { input, errors } = validate(f);
    if (!verdict.ok) errors.challengeAnswer = verdict.reason;
    if (!input || !verdict.ok) return again(errors);
    const done = await register(deps, agency.id, input, { channel: 'online', receivedAt: deps.clock().toISOString(), submissionToken: verdict.nonce }, null);
    const body = html`${agencyCrumbs(agency, [[`/xxgk/${agency.code}/apply`, '依申请公开'], [null, '申请已提交']])}
<h1>申请已提交</h1>
<div class="notice" role="status">
<p>登记编号：<strong>${done.regNumber}</strong></p>
<p>查询码：<strong class="code">${done.trackingCode}</strong></p>
${done.secret ? html`<p>查询密码：<strong class="code">${done.secret}</strong></p><p>请妥善保存查询码和密码，密码只显示这一次。</p>` : html`<p>该申请此前已经提交过，密码已在首次提交时显示。</p>`}
</div>
<p>申请已进入本机关系统，待本机关在工作日确认收到；收到日期以双方确认之日为准，答复期限自该日起计算。您可以在<a href="/xxgk/status">申请查询</a>页面查看进度、补正申请或下载答复。</p>
${done.secret ? receiptButton(proofFields(done.trackingCode, done.secret)) : ''}`;
    return sendPage(reply, '申请已提交', agency, body);
  });

  const proofFields = (code: string, secret: string) => html`<input type="hidden" name="code" value="${code}"><input type="hidden" name="secret" value="${secret}">`;
  const receiptButton = (proof: Html) => html`<form method="post" action="/xxgk/status/receipt" class="receipt-form">${proof}<button type="submit">下载申请回执（PDF，可打印）</button></form>`;
  const statusCrumbs = (current: string) => html`<nav class="crumbs" aria-label="当前位置"><a href="/">首页</a> › <span aria-current="page">${current}</span></nav>`;
  const statusForm = (error?: string) => html`${statusCrumbs('申请查询')}
<h1>申请查询</h1>
${error ? html`<div class="error-summary" role="alert"><p>${error}</p></div>` : ''}
<form method="post" action="/xxgk/status">
<div class="field"><label for="code">查询码</label><input id="code" name="code" autocomplete="off" required></div>
<div class="field"><label for="secret">查询密码</label><input id="secret" name="secret" type="password" autocomplete="off" required></div>
<p><button type="submit">查询</button></p></form>`;

  app.get('/xxgk/status', { config: { access: 'public' } }, async (_req, reply) => sendPage(reply, '申请查询', undefined, statusForm()));

  /** Every status action re-proves the code and secret: the page keeps no session for applicants. */
  const withCase = async (f: Form, reply: FastifyReply, then: (row: Awaited<ReturnType<typeof applicantCase>>) => Promise<unknown>) => {
    try {
      return await then(await applicantCase(deps, f.code ?? '', f.secret ?? ''));
    } catch (err) {
      if (err instanceof AppError && err.status < 500) return sendPage(reply, '申请查询', undefined, statusForm(err.message), err.status === 404 ? 404 : 400);
      throw err;
    }
  };

  const showCase = async (reply: FastifyReply, given: Awaited<ReturnType<typeof applicantCase>>, f: Form, notice?: string) => {
    // LAW-31: an automatic confirmation that fell due shows the moment the applicant looks.
    await confirmDueReceipts(deps, [given.agency_id]);
    const row = await applicantCase(deps, f.code ?? '', f.secret ?? '');
    const c = await caseView(deps, row, true);
    const agency = (await deps.db.selectFrom('agencies').select('name').where('id', '=', row.agency_id).executeTakeFirstOrThrow()).name;
    const proof = proofFields(f.code ?? '', f.secret ?? '');
    const canAct = OPEN_STATES.includes(c.state);
    const body = html`${statusCrumbs('申请办理情况')}
<h1>申请办理情况</h1>
${notice ? html`<div class="notice" role="status"><p>${notice}</p></div>` : ''}
<table class="meta"><caption>申请信息</caption><tbody>
<tr><th scope="row">登记编号</th><td>${c.regNumber}</td><th scope="row">受理机关</th><td>${agency}</td></tr>
<tr><th scope="row">提交时间</th><td>${chinaDateTimeOf(c.arrivedAt)}</td><th scope="row">当前状态</th><td>${STATES[c.state]}</td></tr>
<tr><th scope="row">收到日期</th><td colspan="3">${c.receivedOn ? html`${c.receivedOn}${c.receipt ? html`（${c.receipt.auto ? '系统自动确认' : '已确认'}：${c.receipt.told}）` : ''}` : PENDING_RECEIPT}</td></tr>
<tr><th scope="row">申请内容</th><td colspan="3">${c.description}</td></tr>
${c.deadline ? html`<tr><th scope="row">答复期限</th><td colspan="3">${dueText(c)}</td></tr>` : ''}
</tbody></table>
${c.deadline ? html`<details><summary>期限是怎样计算的</summary><ul>${c.deadline.explanation.map((line) => html`<li>${line}</li>`)}</ul></details>` : ''}
${c.splitParts.length ? html`<section><h2>本申请已拆分</h2><p>按照一事一申请的要求，您的申请已拆分，其余事项另行登记。请用下列查询码和<strong>本申请的密码</strong>查询：</p><ul>${c.splitParts.map((p) => html`<li>${p.regNumber}：查询码 <strong class="code">${p.trackingCode}</strong></li>`)}</ul></section>` : ''}
${receiptButton(proof)}
<h2>办理过程</h2>
<ol class="timeline">${c.steps.map((s) => html`<li><time datetime="${chinaMomentOf(s.at)}">${chinaDateTimeOf(s.at)}</time> ${s.actionLabel}</li>`)}</ol>
${c.state === 'awaiting_correction' && c.correction ? html`<section><h2>需要补正</h2><p>${c.correction.needed}</p><p>请于 <strong>${c.correction.due}</strong> 前补正，逾期无正当理由不补正的，视为放弃申请。</p>
<form method="post" action="/xxgk/status/correct">${proof}<div class="field"><label for="correction">补正内容</label><textarea id="correction" name="correction" rows="5" required></textarea></div><p><button type="submit">提交补正</button></p></form></section>` : ''}
${c.state === 'awaiting_fee' && c.fee ? html`<section><h2>信息处理费</h2><p>本机关已发出收费通知，信息处理费 ${c.fee.amount} 元。请自收到收费通知书之日起20个工作日内缴纳${c.fee.due ? html`（至 <strong>${c.fee.due}</strong>）` : ''}；等待缴费的期间不计入答复期限。</p></section>` : ''}
${c.state === 'awaiting_reasons' && c.reasons ? html`<section><h2>需要说明理由</h2><p>${c.reasons.asked}</p><p>请于 <strong>${c.reasons.due}</strong> 前向本机关说明理由（可按说明理由通知书所列方式提交）。</p></section>` : ''}
${applicantFiles(c.files).length ? html`<h2>告知书和文件</h2><ul>${applicantFiles(c.files).map((file) => html`<li><form method="post" action="/xxgk/status/file" class="inline">${proof}<input type="hidden" name="fileId" value="${file.id}"><button type="submit" class="link">${file.name}</button></form></li>`)}</ul>` : ''}
${canAct ? html`<section><h2>撤回申请</h2><form method="post" action="/xxgk/status/withdraw">${proof}<label class="choice"><input type="checkbox" name="confirm" value="yes" required> 我确认撤回本申请，撤回后本机关不再处理</label><p><button type="submit">撤回申请</button></p></form></section>` : ''}`;
    return sendPage(reply, '申请办理情况', undefined, body);
  };

  app.post('/xxgk/status', { config: { access: 'public', rateLimit: { max: 30, timeWindow: '10 minutes' } } }, async (req, reply) => {
    const f = parseForm(req.body);
    return withCase(f, reply, (row) => showCase(reply, row, f));
  });

  app.post('/xxgk/status/correct', { config: { access: 'public', rateLimit: { max: 30, timeWindow: '10 minutes' } } }, async (req, reply) => {
    const f = parseForm(req.body);
    return withCase(f, reply, async (row) => {
      await actOn(deps, { kind: 'applicant' }, row.id, 'correct', { correction: f.correction });
      return showCase(reply, await applicantCase(deps, f.code!, f.secret!), f, '补正内容已提交，答复期限自今日起重新计算。');
    });
  });

  app.post('/xxgk/status/withdraw', { config: { access: 'public', rateLimit: { max: 30, timeWindow: '10 minutes' } } }, async (req, reply) => {
    const f = parseForm(req.body);
    return withCase(f, reply, async (row) => {
      if (f.confirm !== 'yes') return showCase(reply, row, f, '请勾选确认后再撤回。');
      await actOn(deps, { kind: 'applicant' }, row.id, 'withdraw', {});
      return showCase(reply, await applicantCase(deps, f.code!, f.secret!), f, '申请已撤回。');
    });
  });

  app.post('/xxgk/status/receipt', { config: { access: 'public', rateLimit: { max: 30, timeWindow: '10 minutes' } } }, async (req, reply) => {
    const f = parseForm(req.body);
    return withCase(f, reply, async (row) => {
      const c = await caseView(deps, row, true);
      const agency = await deps.db.selectFrom('agencies').select(['id', 'code', 'name', 'address', 'phone', 'email']).where('id', '=', row.agency_id).executeTakeFirstOrThrow();
      const pdf = await htmlToPdf(receiptHtml(agency, c, f.secret!.trim(), `${baseUrl(req)}/xxgk/status`, chinaToday(deps.clock)), '政府信息公开申请回执');
      return sendDownload(reply, { name: `政府信息公开申请回执-${c.regNumber}.pdf`, mime: 'application/pdf', bytes: pdf }, 'no-store', 'inline');
    });
  });

  app.post('/xxgk/status/file', { config: { access: 'public', rateLimit: { max: 60, timeWindow: '10 minutes' } } }, async (req, reply) => {
    const f = parseForm(req.body);
    return withCase(f, reply, async (row) => {
      const file = await deps.db.selectFrom('application_files').selectAll().where('id', '=', f.fileId ?? '').where('application_id', '=', row.id).where('kind', '!=', 'provided_original').executeTakeFirst();
      if (!file) return showCase(reply, row, f, '文件不存在。');
      const bytes = await readStoredFile(filesRoot(deps.dataDir), file.sha256);
      return sendDownload(reply, { name: file.name, mime: file.mime, bytes }, 'no-store');
    });
  });
}
