import { describe, expect, it } from 'vitest';
import { OUTCOME_KEYS, type ApplicantKind } from '../applications/applications.rules.ts';
import { annualActions, annualFigures, annualTransition, monthlyClockStart, submitProblems, templateFor, type AppRow } from './reports.rules.ts';

const KINDS: ApplicantKind[] = ['natural', 'commercial', 'research', 'public_welfare', 'legal_services', 'other_org'];

/** A deterministic pseudo-random sequence, so a failing set can be replayed. */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
}

function generatedApps(seed: number): AppRow[] {
  const r = random(seed);
  return Array.from({ length: 40 + r(60) }, (_, i) => {
    const received = new Date(Date.UTC(2023, 6, 1) + r(900) * 86_400_000);
    const open = r(5) === 0;
    const finished = new Date(received.getTime() + (1 + r(60)) * 86_400_000);
    return {
      id: `a${i}`, label: `A${i}`, kind: KINDS[r(KINDS.length)]!, receivedAt: received.toISOString(), finishedAt: open ? null : finished.toISOString(),
      outcome: open ? null : OUTCOME_KEYS[r(OUTCOME_KEYS.length)]!, fee: null,
    };
  });
}

describe('LAW-50: the annual figures', () => {
  it('LAW-50: the table-3 identity 新收 + 上年结转 = 办理结果总计 + 结转下年度 holds on every generated set, column by column', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const f = annualFigures(2024, { apps: generatedApps(seed), items: [], appeals: [], entries: [], onTime: new Set(), syncClocks: [] });
      expect(f.identity.ok, `seed ${seed}`).toBe(true);
      for (const k of [...KINDS, 'total']) {
        expect(f.cells[`t3.new.${k}`]! + f.cells[`t3.carried_in.${k}`]!, `seed ${seed} ${k}`).toBe(f.cells[`t3.results_total.${k}`]! + f.cells[`t3.carried_out.${k}`]!);
      }
      expect(OUTCOME_KEYS.reduce((s, o) => s + f.cells[`t3.${o}.total`]!, 0)).toBe(f.cells['t3.results_total.total']);
    }
  });

  it('LAW-49: a report whose table 3 does not add up cannot be submitted; a stock that does not follow needs a stated reason', () => {
    const f = annualFigures(2024, { apps: [], items: [], appeals: [], entries: [], onTime: new Set(), syncClocks: [] });
    expect(submitProblems(f, '')).toEqual([]);
    expect(submitProblems({ ...f, identity: { ok: false, left: 5, right: 4 } }, '原因')[0]).toContain('表三勾稽关系不成立');
    const broken = { ...f, stockCheck: { ok: false, lines: [{ kind: 'normative' as const, last: 3, made: 1, repealed: 1, inForce: 2 }] } };
    expect(submitProblems(broken, '')[0]).toContain('上年现行有效3件＋本年制发1件－本年废止1件≠现行有效2件');
    expect(submitProblems(broken, '一件有效期届满失效')).toEqual([]);
  });

  it('LAW-50: templates are versioned by report year; the 2021 format is the first', () => {
    expect(templateFor(2021).basis).toBe('国办公开办函〔2021〕30号');
    expect(templateFor(2030).id).toBe('2021');
    expect(() => templateFor(2019)).toThrow(/没有可用的国家格式/);
  });

  it('LAW-49: draft → office review → leader approval → published; only the leader approves', () => {
    expect(annualActions('draft', ['office'])).toEqual(['submit']);
    expect(annualActions('leader_approval', ['office'])).toEqual([]);
    expect(annualTransition('leader_approval', 'approve', ['leader']).to).toBe('published');
    expect(() => annualTransition('published', 'return', ['leader'])).toThrow(/已发布/);
  });

  it('SUP-5: the monthly clock starts on the 1st of the next month', () => {
    expect(monthlyClockStart('2025-12')).toBe('2025-12-31T16:00:00.000Z');
    expect(monthlyClockStart('2026-03')).toBe('2026-03-31T16:00:00.000Z');
  });
});
