import { expect } from 'vitest';
import type { TestApp } from './app.ts';

const FORM = 'application/x-www-form-urlencoded';

/** A citizen's online application on the portal, the sum of the challenge worked out as a person would. */
export async function applyOnPortal(t: TestApp, code: string, over: Record<string, string> = {}) {
  const form = await t.app.inject({ method: 'GET', url: `/xxgk/${code}/apply` });
  const token = /name="challengeToken" value="([^"]+)"/.exec(form.body)![1]!;
  const { a, b } = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as { a: number; b: number };
  t.clock.advance(1);
  const fields = {
    challengeToken: token, challengeAnswer: String(a + b), applicantKind: 'natural', name: '李晓明', idType: 'passport', idNumber: 'E12345678', phone: '13800000000',
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
