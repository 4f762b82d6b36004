/** Key tasks with their progress (FIVE-2) and the evaluation of major policies one year on (FIVE-5). */
export interface KeyTaskTable {
  id: string;
  agency_id: string;
  year: number;
  title: string;
  /** 工作措施 */
  measures: string;
  /** 实施步骤 */
  steps: string;
  /** 责任单位 */
  units: string;
  /** Shown on the portal (0/1). */
  published: number;
  created_at: string;
  updated_at: string;
}

export interface KeyTaskProgressTable {
  id: string;
  task_id: string;
  /** The Beijing date the progress was made, 'YYYY-MM-DD'. */
  on_date: string;
  text: string;
  created_by: string;
  created_at: string;
}

export interface PolicyEvaluationTable {
  id: string;
  agency_id: string;
  /** The major policy (a published item). */
  policy_item_id: string;
  /** The day it took effect; its evaluation report is due one year later. */
  effective_on: string;
  /** The published evaluation report, once linked. */
  report_item_id: string | null;
  created_at: string;
}
