/**
 * Row types of the settings tables. Moments are ISO-8601 UTC strings and dates 'YYYY-MM-DD' on
 * both databases, so the same queries hold on SQLite and PostgreSQL; flags are 0/1 integers.
 */

export interface SettingTable {
  key: string;
  value_json: string;
  updated_by: string | null;
  updated_at: string;
}
