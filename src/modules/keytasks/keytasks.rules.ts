import { isIsoDate, shiftDate, type IsoDate } from '../../core/calendar.ts';
import type { Problem } from '../documents/documents.rules.ts';

/**
 * Key tasks (重点工作) made public with their measures, steps, responsible units and progress
 * (FIVE-2), and the results: a major policy's evaluation report one year after it takes
 * effect (FIVE-5). Pure.
 */
export type KeyTaskFields = { year: number; title: string; measures: string; steps: string; units: string };

export const KEY_TASK_LABELS = { title: '工作任务', measures: '工作措施', steps: '实施步骤', units: '责任单位' } as const;

export function keyTaskProblems(f: KeyTaskFields): Problem[] {
  const out: Problem[] = (Object.keys(KEY_TASK_LABELS) as (keyof typeof KEY_TASK_LABELS)[])
    .filter((k) => !f[k].trim())
    .map((k) => ({ code: 'KEY_TASK_INCOMPLETE', message: `请填写${KEY_TASK_LABELS[k]}` }));
  if (!Number.isInteger(f.year) || f.year < 2000 || f.year > 2100) out.push({ code: 'YEAR_INVALID', message: '年度不正确' });
  return out;
}

/** A progress entry is dated on or before today and says what was done. */
export function progressProblems(onDate: string, text: string, today: string): Problem[] {
  if (!isIsoDate(onDate)) return [{ code: 'DATE_INVALID', message: '进展日期不正确' }];
  if (onDate > today) return [{ code: 'DATE_IN_FUTURE', message: '进展日期不能晚于今天' }];
  if (!text.trim()) return [{ code: 'PROGRESS_REQUIRED', message: '请填写工作进展' }];
  return [];
}

/** FIVE-5: the evaluation report is due on the same date one year after the policy takes effect (29 February → 28 February). */
export function evaluationDue(effectiveOn: IsoDate): IsoDate {
  const [y, m, d] = effectiveOn.split('-').map(Number) as [number, number, number];
  const candidate = `${y + 1}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(candidate) ? candidate : shiftDate(`${y + 1}-03-01` as IsoDate, -1);
}

/** The term from the effective date to the due date, in calendar days, as a stored deadline counts it. */
export const evaluationTermDays = (effectiveOn: IsoDate): number =>
  Math.round((Date.parse(`${evaluationDue(effectiveOn)}T00:00:00Z`) - Date.parse(`${effectiveOn}T00:00:00Z`)) / 86_400_000);

/** Only a policy document is evaluated (a normative document, an important policy, or an item marked major). */
export const isEvaluablePolicy = (item: { policy_level: string; major: number }) => item.policy_level !== 'none' || item.major === 1;
