import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { AREAS_TEMPLATE, assessmentActions, checkScores, checkTemplate, gradeOf, maxOf, missingCatalogElements, POINTS_TEMPLATE, type Scores } from './supervision.rules.ts';

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

  it('SUP-2, SUP-3: the templates show the annual report on time beside the item that scores it', () => {
    expect(AREAS_TEMPLATE.areas.flatMap((a) => a.items).find((i) => i.key === 'oversight.review')?.indicator).toBe('annual_report_on_time');
    expect(POINTS_TEMPLATE.areas.flatMap((a) => a.items).find((i) => i.key === 'daily.reports')?.indicator).toBe('annual_report_on_time');
  });
});

describe('catalog completeness in the weekly self-check (SUP-4, CAT-1, ATTR-1)', () => {
  const entry = { index_number: 'YBJ/2026-00001', title: '关于调整待遇的通知', summary: '概述', date_made: '2026-01-05', doc_number: '示医保发〔2026〕1号', kind: 'notice' as const };

  it('CAT-1: an entry states its index number, name, summary and date made', () => {
    expect(missingCatalogElements(entry)).toEqual([]);
    expect(missingCatalogElements({ ...entry, summary: ' ', index_number: '' })).toEqual(['索引号', '内容概述']);
  });

  it('ATTR-1: an official document issued under a 文号 must show it; 纪要 and other information carry none by nature', () => {
    expect(missingCatalogElements({ ...entry, doc_number: '' })).toEqual(['文号']);
    expect(missingCatalogElements({ ...entry, kind: 'letter', doc_number: '' })).toEqual(['文号']);
    expect(missingCatalogElements({ ...entry, kind: 'minutes', doc_number: '' })).toEqual([]);
    expect(missingCatalogElements({ ...entry, kind: 'other', doc_number: '' })).toEqual([]);
  });
});
