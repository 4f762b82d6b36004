import { describe, expect, it } from 'vitest';
import { isoDate } from '../../core/calendar.ts';
import { evaluationDue, evaluationTermDays, isEvaluablePolicy, keyTaskProblems, progressProblems } from './keytasks.rules.ts';

describe('key tasks and results (FIVE-2, FIVE-5)', () => {
  it('FIVE-2: a key task states its measures, steps and responsible units', () => {
    expect(keyTaskProblems({ year: 2026, title: '稳就业', measures: '', steps: ' ', units: '就业促进科' }).map((p) => p.message)).toEqual(['请填写工作措施', '请填写实施步骤']);
    expect(keyTaskProblems({ year: 2026, title: '稳就业', measures: '见习补贴', steps: '一季度启动', units: '就业促进科' })).toEqual([]);
  });

  it('FIVE-2: progress is dated on or before today', () => {
    expect(progressProblems('2026-11-24', '完成', '2026-11-23')[0]!.message).toBe('进展日期不能晚于今天');
    expect(progressProblems('2026-02-30', '完成', '2026-11-23')[0]!.code).toBe('DATE_INVALID');
    expect(progressProblems('2026-11-23', '已发放补贴1200人次', '2026-11-23')).toEqual([]);
  });

  it('FIVE-5: the evaluation report is due one year after the policy takes effect, 29 February falling back to the 28th', () => {
    expect(evaluationDue(isoDate('2025-12-01'))).toBe('2026-12-01');
    expect(evaluationTermDays(isoDate('2025-12-01'))).toBe(365);
    expect(evaluationDue(isoDate('2028-02-29'))).toBe('2029-02-28');
    expect(evaluationTermDays(isoDate('2027-03-01'))).toBe(366);
  });

  it('FIVE-5: policy documents and items marked major are evaluated, other items are not', () => {
    expect(isEvaluablePolicy({ policy_level: 'normative', major: 0 })).toBe(true);
    expect(isEvaluablePolicy({ policy_level: 'none', major: 1 })).toBe(true);
    expect(isEvaluablePolicy({ policy_level: 'none', major: 0 })).toBe(false);
  });
});
