/**
 * Row types of the auth tables. Moments are ISO-8601 UTC strings and dates 'YYYY-MM-DD' on
 * both databases, so the same queries hold on SQLite and PostgreSQL; flags are 0/1 integers.
 */

export interface SessionTable {
  /** sha256 of the cookie value: a stolen database does not yield live sessions. */
  id: string;
  user_id: string;
  /** `password_change`: signed in with a password an administrator set; only changing it is allowed (issue 9). */
  state: 'active' | 'mfa_pending' | 'mfa_enroll' | 'password_change';
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  ip: string;
  user_agent: string;
}
