import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { AREAS_TEMPLATE, assessmentActions, checkScores, checkTemplate, gradeOf, maxOf, POINTS_TEMPLATE, subjectLabel, type Scores } from './supervision.rules.ts';

const full = (body: typeof POINTS_TEMPLATE, less: Record<string, number> = {}): Scores =>
  Object.fromEntries(body.areas.flatMap((a) => a.items).map((i) => [i.key, { score: i.max - (less[i.key] ?? 0), note: '' }]));

describe('assessment rules (SUP-2, SUP-3)', () => {
  it('SUP-3: the self-evaluation scores organisation 15, rules 10 and daily work 75', () => {
    expect(POINTS_TEMPLATE.areas.map((a) => a.items.reduce((n, i) => n + i.max, 0))).toEqual([15, 10, 75]);
  });

  it('SUP-2: the six areas of the assessment end in 优秀, 良好, 一般 and 差 by the share of the full score', () => {
    expect(AREAS_TEMPLATE.areas).toHaveLength(6);
    expect(maxOf(AREAS_TEMPLATE)).toBe(100);
    expect(gradeOf(AREAS_TEMPLATE, full(AREAS_TEMPLATE)).grade).toBe('优秀');
    expect(gradeOf(AREAS_TEMPLATE, full(AREAS_TEMPLATE, { 'scope.full': 11 }))).toEqual({ total: 89, grade: '良好' });
    expect(gradeOf(AREAS_TEMPLATE, full(AREAS_TEMPLATE, { 'scope.full': 20, 'rules.set': 15, 'manner.publish': 6 })).grade).toBe('差');
    expect(gradeOf(AREAS_TEMPLATE, full(AREAS_TEMPLATE, { 'scope.full': 20, 'rules.set': 15 })).grade).toBe('一般');
  });

  it('SUP-2: an unscored item, an unknown item or a score above the item\'s points is refused', () => {
    const codeOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as AppError).code;
      }
      return null;
    };
    expect(codeOf(() => gradeOf(POINTS_TEMPLATE, {}))).toBe('SCORES_INCOMPLETE');
    expect(codeOf(() => checkScores(POINTS_TEMPLATE, { nope: { score: 1, note: '' } }))).toBe('SCORE_UNKNOWN_ITEM');
    expect(codeOf(() => checkScores(POINTS_TEMPLATE, { 'org.group': { score: 8.5, note: '' } }))).toBe('SCORE_OUT_OF_RANGE');
    expect(codeOf(() => checkTemplate({ ...POINTS_TEMPLATE, grades: [{ name: '合格', min: 60 }] }))).toBe('TEMPLATE_GRADES');
    expect(codeOf(() => checkTemplate({ ...POINTS_TEMPLATE, areas: [...POINTS_TEMPLATE.areas, POINTS_TEMPLATE.areas[0]!] }))).toBe('TEMPLATE_KEYS');
  });

  it('SUP-2: a draft is scored and signed; a signed assessment takes no more moves', () => {
    expect(assessmentActions('draft')).toEqual(['score', 'sign']);
    expect(assessmentActions('signed')).toEqual([]);
  });

  it('SUP-1: a kind of clock no capability named here still reads under its own name', () => {
    expect(subjectLabel('application')).toBe('依申请公开');
    expect(subjectLabel('annual_report')).toBe('年度报告');
    expect(subjectLabel('future_kind')).toBe('其他（future_kind）');
  });
});
