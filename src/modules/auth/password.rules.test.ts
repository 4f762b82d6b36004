import { describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY_POLICY } from '../settings/security-policy.ts';
import { describePasswordProblems, passwordProblems } from './password.rules.ts';

const check = (pw: string, username = 'rsj.drafter') => passwordProblems(pw, DEFAULT_SECURITY_POLICY, username);

describe('等保2.0 password complexity (default: ≥10 characters, three of four classes, not common)', () => {
  it('accepts a long password with three classes', () => {
    expect(check('Renshe-2026')).toEqual([]);
    expect(check('qiuyu#2026xia')).toEqual([]);
  });
  it('refuses a short one and says the minimum in Chinese', () => {
    expect(check('Ab1!xyz')).toContain('too_short');
    expect(describePasswordProblems(['too_short'], DEFAULT_SECURITY_POLICY)).toBe('密码长度不得少于 10 位');
  });
  it('counts characters, not bytes, so a Chinese passphrase is measured fairly', () => {
    expect(check('公开透明为民服务Ab1')).not.toContain('too_short');
  });
  it('refuses fewer than three character classes', () => {
    expect(check('onlylowercase2026')).toContain('too_few_classes');
  });
  it('refuses passwords from the common list whatever their case', () => {
    expect(check('P@ssw0rd123')).toContain('common');
    expect(check('PASSWORD@2026')).toContain('common');
  });
  it('issue 9: refuses what a real dictionary and keyboard patterns catch, Chinese habits included', () => {
    for (const pw of ['Password123!', '1qaz@WSX3edc', 'Abcd@12345', 'Zhangsan@123', 'Woaini@1314', 'Qwer!234asdf']) expect(check(pw), pw).toContain('common');
    for (const pw of ['Gongkai@2026', 'Xinren#2026a', 'Kx9#mQ2$vL7p']) expect(check(pw), pw).not.toContain('common');
  });
  it('refuses a password containing the username', () => {
    expect(check('Xx-rsj.drafter-1', 'rsj.drafter')).toContain('contains_username');
  });
});
