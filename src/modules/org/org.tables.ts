import type { ColumnType, Selectable } from 'kysely';

/**
 * Row types of the org tables. Moments are ISO-8601 UTC strings and dates 'YYYY-MM-DD' on
 * both databases, so the same queries hold on SQLite and PostgreSQL; flags are 0/1 integers.
 */

/** 机关: a government agency; the city-level government office is the root. */
export interface AgencyTable {
  id: string;
  code: string;
  name: string;
  parent_id: string | null;
  level: 'city' | 'agency';
  address: string;
  phone: string;
  fax: string;
  email: string;
  /** 索引号 format, e.g. `{orgCode}/{year}-{seq:5}` (used when items are published). */
  index_format: string;
  /** APP-4: the agency's internal reply term and extension, in working days (at most the law's 20 + 20). */
  reply_workdays: number;
  extension_workdays: number;
  /** CAT-3: the office's own text added to the published disclosure guide. */
  guide_text: ColumnType<string, string | undefined, string>;
  created_at: string;
  updated_at: string;
}

/** 科室/处室 (department) or 局属单位 (affiliated unit) of an agency. */
export interface UnitTable {
  id: string;
  agency_id: string;
  parent_id: string | null;
  name: string;
  kind: 'department' | 'affiliated';
  status: 'active' | 'dissolved';
  /** ORG-4: after a reorganisation the successor discloses what this unit made. */
  successor_id: string | null;
  /** ORG-2: the unit's contact person (联系人). */
  contact_user_id: string | null;
  created_at: string;
  updated_at: string;
}

/** The TOTP secret is encrypted at rest (src/db/sealed-columns.ts). */
export const USER_SEALED = { totp_secret: {} };

export interface UserTable {
  id: string;
  agency_id: string;
  unit_id: string | null;
  username: string;
  name: string;
  phone: string;
  email: string;
  password_hash: string;
  password_changed_at: string;
  status: 'active' | 'disabled';
  failed_logins: number;
  locked_until: string | null;
  totp_secret: string | null;
  totp_enabled: number;
  /** The 30-second step of the last TOTP code accepted: a code counts once (issue 9). */
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
  /** 1 after a security administrator set the password: the owner must change it at the next sign-in (issue 9). */
  must_change_password: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

/** A role held by a user in one agency; a grant on the city-level agency covers every agency below it. */
export interface RoleGrantTable {
  id: string;
  user_id: string;
  agency_id: string;
  role: string;
  created_at: string;
}

/** An agency row as read from the database. */
export type AgencyRow = Selectable<AgencyTable>;
