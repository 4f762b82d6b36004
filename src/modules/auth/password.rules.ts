import { readFileSync } from 'node:fs';
import type { SecurityPolicy } from '../settings/security-policy.ts';

const COMMON = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((l) => l.trim().toLowerCase())
    .filter((l) => l && !l.startsWith('#')),
);

const CLASSES: readonly RegExp[] = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];

export type PasswordProblem = 'too_short' | 'too_few_classes' | 'common' | 'contains_username';

export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, string> = {
  too_short: '密码长度不足',
  too_few_classes: '密码须包含大写字母、小写字母、数字、特殊字符中的至少三类',
  common: '密码过于常见，容易被猜中',
  contains_username: '密码不能包含用户名',
};

/** 等保2.0 password complexity: length, three of four character classes, not common, not the username. */
export function passwordProblems(password: string, policy: SecurityPolicy, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < policy.passwordMinLength) problems.push('too_short');
  if (CLASSES.filter((re) => re.test(password)).length < 3) problems.push('too_few_classes');
  if (COMMON.has(password.toLowerCase())) problems.push('common');
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) problems.push('contains_username');
  return problems;
}

export function describePasswordProblems(problems: readonly PasswordProblem[], policy: SecurityPolicy): string {
  return problems
    .map((p) => (p === 'too_short' ? `密码长度不得少于 ${policy.passwordMinLength} 位` : PASSWORD_PROBLEM_TEXT[p]))
    .join('；');
}
