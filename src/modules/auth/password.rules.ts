import { readFileSync } from 'node:fs';
import zxcvbnCore from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import type { SecurityPolicy } from '../settings/security-policy.ts';

/** Passwords common on Chinese sites, added to zxcvbn-ts's own list of tens of thousands. */
const CHINESE_COMMON = readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
  .split('\n')
  .map((l) => l.trim().toLowerCase())
  .filter((l) => l && !l.startsWith('#'));

/** In memory, from the npm packages: leaked-password and word lists, keyboard layouts (issue 9). */
const zxcvbn = new zxcvbnCore.ZxcvbnFactory({ dictionary: { ...zxcvbnCommon.dictionary, chineseCommon: CHINESE_COMMON }, graphs: zxcvbnCommon.adjacencyGraphs });

const LEAKED = new Set(['passwords-common', 'chineseCommon']);
const guessable = (m: { pattern: string; dictionaryName?: string }) => ['spatial', 'sequence', 'repeat'].includes(m.pattern) || (m.pattern === 'dictionary' && LEAKED.has(m.dictionaryName ?? ''));

/**
 * Common: zxcvbn scores it below 3 (guessable in under 10⁸ tries), or at least half of it is
 * a leaked password, keyboard walk (1qaz@WSX), sequence or repetition with a few characters
 * added around it (Zhangsan@123).
 */
function isCommon(password: string): boolean {
  const result = zxcvbn.check(password);
  if (result.score < 3) return true;
  const weak = result.sequence.filter((m) => guessable(m as { pattern: string; dictionaryName?: string })).reduce((n, m) => n + m.token.length, 0);
  return weak * 2 >= password.length;
}

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
  if (isCommon(password)) problems.push('common');
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) problems.push('contains_username');
  return problems;
}

export function describePasswordProblems(problems: readonly PasswordProblem[], policy: SecurityPolicy): string {
  return problems
    .map((p) => (p === 'too_short' ? `密码长度不得少于 ${policy.passwordMinLength} 位` : PASSWORD_PROBLEM_TEXT[p]))
    .join('；');
}
