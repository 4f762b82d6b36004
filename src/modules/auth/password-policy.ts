import { badRequest } from '../../core/errors.ts';
import type { Tx } from '../../db/database.ts';
import { getSecurityPolicy } from '../settings/security-policy.ts';
import { describePasswordProblems, passwordProblems } from './password.rules.ts';

/**
 * Checks a new password against the policy; throws the Chinese reasons when it fails. Below
 * sign-in (auth.service), accounts (org.service) and settings, which all reach it.
 */
export async function assertPasswordAcceptable(db: Tx, password: string, username: string): Promise<void> {
  const policy = await getSecurityPolicy(db);
  const problems = passwordProblems(password, policy, username);
  if (problems.length) throw badRequest('PASSWORD_WEAK', describePasswordProblems(problems, policy), { problems });
}
