/**
 * Row types of the three published lists an agency keeps on its disclosure column. Each
 * row belongs to one agency; lists of texts and the ordered procedure are JSON text, since
 * they are read and written whole, never queried by element.
 */

/** CAT-5 负面清单: one matter excluded from disclosure, with the legal ground for excluding it. */
export interface NegativeListEntryTable {
  id: string;
  agency_id: string;
  matter: string;
  /** a key of REASON_CATEGORIES (negative-list.rules.ts) */
  reason_category: string;
  legal_basis: string;
  note: string;
  /** the day the matter was put on the list, 'YYYY-MM-DD' */
  listed_on: string;
  /** the day it was last confirmed as still excluded, 'YYYY-MM-DD' */
  reviewed_on: string;
  created_at: string;
  updated_at: string;
}

/** FIVE-4 公共服务事项目录: one service item with every element of its guide (办事指南). */
export interface ServiceItemTable {
  id: string;
  agency_id: string;
  name: string;
  duty_post: string;
  legal_basis: string;
  accepting_unit: string;
  place: string;
  eligibility: string;
  process: string;
  /** string[]: 申请材料, in the order an applicant gathers them */
  materials_json: string;
  /** SampleForm[]: 表格样本, each a name with a link or an inline text */
  forms_json: string;
  /** 收费标准, or 不收费 */
  fee: string;
  /** 收费依据; empty only when no fee is charged */
  fee_basis: string;
  time_limit: string;
  enquiries: string;
  complaints: string;
  created_at: string;
  updated_at: string;
}

/** FIVE-3 行政职权目录 / 权责清单: one administrative power and its procedure (权力运行流程). */
export interface PowerTable {
  id: string;
  agency_id: string;
  name: string;
  /** a key of POWER_CATEGORIES (powers.rules.ts) */
  category: string;
  actor: string;
  legal_basis: string;
  time_limit: string;
  oversight: string;
  /** PowerStep[], in procedural order */
  steps_json: string;
  created_at: string;
  updated_at: string;
}
