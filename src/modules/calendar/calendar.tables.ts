/**
 * Row types of the calendar tables. Moments are ISO-8601 UTC strings and dates 'YYYY-MM-DD' on
 * both databases, so the same queries hold on SQLite and PostgreSQL; flags are 0/1 integers.
 */

/** A day edited by an administrator; it wins over the packaged official data. */
export interface CalendarDayTable {
  date: string;
  kind: 'holiday' | 'workday' | 'normal';
  name: string;
  updated_by: string;
  updated_at: string;
}

/** A year an administrator has completed with its holidays and make-up working days. */
export interface CalendarYearTable {
  year: number;
  covered_by: string;
  covered_at: string;
}
