import { describe, expect, it } from 'vitest';
import { CLOCK_SUBJECTS, clockName, subjectLabel, subjectPath } from './subjects.rules.ts';

describe('the registry of clock subjects (SUP-1, reminders)', () => {
  it('SUP-1: a kind of clock no capability registered still reads under its own name, without a link', () => {
    expect(subjectLabel('application')).toBe('依申请公开');
    expect(subjectLabel('annual_report')).toBe('年度报告');
    expect(subjectLabel('future_kind')).toBe('其他（future_kind）');
    expect(subjectPath('future_kind', 'x')).toBeNull();
    expect(subjectPath('consultation', 'x')).toBeNull();
    expect(subjectPath('citizen_message', 'm1')).toBe('/opinion/messages?id=m1');
  });

  it('a clock is named in words, never by its rule id; a rule two subjects share reads the same under both', () => {
    expect(clockName('APP-4')).toBe('依申请公开答复期限');
    expect(clockName('LAW-49')).toBe('政府信息公开工作年度报告公布期限');
    expect(clockName('NOPE-1')).toBe('办理期限');
    const names = new Map<string, Set<string>>();
    for (const s of Object.values(CLOCK_SUBJECTS)) for (const [rule, name] of Object.entries(s.clocks)) names.set(rule, (names.get(rule) ?? new Set()).add(name));
    expect([...names].filter(([, n]) => n.size > 1)).toEqual([]);
    for (const [rule, n] of names) expect([...n][0], rule).not.toMatch(/[A-Z]+-\d/);
  });
});
