import { expect } from 'vitest';
import { call, signIn, type TestApp } from './app.ts';

const FORM = 'application/x-www-form-urlencoded';

const DIGITS = '零一二三四五六七八九十';

/** The apply form's challenge as a person answers it: the sum read off the question (the token holds only a keyed hash). */
export function solveChallenge(formPage: string): { challengeToken: string; challengeAnswer: string } {
  const challengeToken = /name="challengeToken" value="([^"]+)"/.exec(formPage)![1]!;
  const [, a, b] = /([一二三四五六七八九])加([一二三四五六七八九])等于多少/.exec(formPage)!;
  return { challengeToken, challengeAnswer: String(DIGITS.indexOf(a!) + DIGITS.indexOf(b!)) };
}

/** The office confirms an online application's receipt (LAW-31: the day both sides confirm it). */
export async function confirmReceipt(t: TestApp, trackingCode: string) {
  const row = await t.conn.db.selectFrom('applications').select('id').where('tracking_code', '=', trackingCode).executeTakeFirstOrThrow();
  const res = await call(t, await signIn(t, 'rsj.office'), 'POST', `/applications/${row.id}/actions/confirm_receipt`, { note: '已通过平台告知申请人' });
  expect(res.statusCode, res.body).toBe(200);
}

/** A citizen's online application on the portal, the sum of the challenge worked out as a person would. */
export async function applyOnPortal(t: TestApp, code: string, over: Record<string, string> = {}) {
  const form = await t.app.inject({ method: 'GET', url: `/xxgk/${code}/apply` });
  t.clock.advance(1);
  const fields = {
    ...solveChallenge(form.body), applicantKind: 'natural', name: '李晓明', idType: 'passport', idNumber: 'E12345678', phone: '13800000000',
    description: '请公开2026年度就业见习补贴的发放名单', form: 'electronic', delivery: 'email', email: 'li@example.com', ...over,
  };
  const res = await t.app.inject({ method: 'POST', url: `/xxgk/${code}/apply`, payload: new URLSearchParams(fields).toString(), headers: { 'content-type': FORM } });
  expect(res.statusCode, res.body).toBe(200);
  const code_ = /查询码：<strong class="code">([^<]+)</.exec(res.body)![1]!;
  const secret = /查询密码：<strong class="code">([^<]+)</.exec(res.body)![1]!;
  return { page: res.body, code: code_, secret };
}

/** The applicant's status page, as the form on /xxgk/status posts it. */
export const statusPage = (t: TestApp, code: string, secret: string, path = '/xxgk/status', extra: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: path, payload: new URLSearchParams({ code, secret, ...extra }).toString(), headers: { 'content-type': FORM } });
