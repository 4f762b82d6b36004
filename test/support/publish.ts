import { expect } from 'vitest';
import { call, signIn, type Session, type TestApp } from './app.ts';

/**
 * Publishing through the API exactly as RSJ's staff do it: a drafter's draft walked through
 * check, opinions, approval and publication, for tests of what happens after publication.
 */
type Body = Record<string, unknown>;
export type PublishingStaff = { drafter: Session; office: Session; head: Session; secrecy: Session; leader: Session };

const PATH: Array<[keyof PublishingStaff, string, Body]> = [
  ['drafter', 'submit', {}],
  ['office', 'pass_check', {}],
  ['head', 'dept_opinion', { opinion: '同意公开' }],
  ['secrecy', 'secrecy_opinion', { conclusion: 'proactive', opinion: '不涉密，同意主动公开' }],
  ['leader', 'approve', { opinion: '同意' }],
  ['office', 'publish', { channels: ['platform'] }],
];

export async function publishingStaff(t: TestApp): Promise<PublishingStaff> {
  return {
    drafter: await signIn(t, 'rsj.drafter'), office: await signIn(t, 'rsj.office'), head: await signIn(t, 'rsj.head'),
    secrecy: await signIn(t, 'rsj.secrecy'), leader: await signIn(t, 'rsj.leader'),
  };
}

/** A proactive notice of RSJ's; `over` replaces any field. */
export async function draftItem(t: TestApp, s: Pick<PublishingStaff, 'drafter'>, over: Body): Promise<string> {
  const res = await call(t, s.drafter, 'POST', '/items', {
    kind: 'document', docKind: 'notice', docNumber: '', title: '标题', summary: '摘要', body: '正文。', dateMade: '2026-11-16', category: 'work', attribute: 'proactive', ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** Walks a draft (or a revised item) from submission to publication. */
export async function publishDraft(t: TestApp, s: PublishingStaff, id: string) {
  for (const [who, action, body] of PATH) {
    const res = await call(t, s[who], 'POST', `/items/${id}/actions/${action}`, body);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  }
}
