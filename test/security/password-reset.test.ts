import { describe, expect, it } from 'vitest';
import { call, expectError, signIn, userId, withDemoCity, type Session } from '../support/app.ts';

const session = (res: { cookies: { name: string; value: string }[]; json: () => { csrfToken: string } }): Session =>
  ({ cookie: `gk_sid=${res.cookies.find((c) => c.name === 'gk_sid')!.value}`, csrf: res.json().csrfToken });

describe('issue 9: after a security administrator resets a password, its owner must change it before doing anything', () => {
  const city = withDemoCity();

  it('the reset password signs in only to change it; the administrator cannot act as the user; the new password then works', async () => {
    const t = city();
    const secadmin = await signIn(t, 'secadmin');
    const reset = await call(t, secadmin, 'POST', `/users/${await userId(t, 'rsj.drafter')}/reset-password`, { newPassword: 'Linshi#Mima2026' });
    expect(reset.statusCode, reset.body).toBeLessThan(300);

    const first = await call(t, null, 'POST', '/auth/login', { username: 'rsj.drafter', password: 'Linshi#Mima2026' });
    expect(first.statusCode).toBe(200);
    expect(first.json().status).toBe('password_change_required');
    const half = session(first);
    expectError(await call(t, half, 'GET', '/auth/me'), 401, 'AUTH_PASSWORD_CHANGE_REQUIRED', /请先修改密码/);
    expectError(await call(t, half, 'GET', '/items'), 401, 'AUTH_PASSWORD_CHANGE_REQUIRED');
    expectError(await call(t, half, 'POST', '/auth/mfa/setup'), 400, 'AUTH_PASSWORD_CHANGE_REQUIRED');

    const changed = await call(t, half, 'POST', '/auth/password', { currentPassword: 'Linshi#Mima2026', newPassword: 'Benren#Xinmima2026' });
    expect(changed.statusCode, changed.body).toBe(204);
    expectError(await call(t, half, 'GET', '/auth/me'), 401, 'AUTH_REQUIRED');
    const again = await call(t, null, 'POST', '/auth/login', { username: 'rsj.drafter', password: 'Benren#Xinmima2026' });
    expect(again.json().status).toBe('ok');
  });
});
