import { describe, expect, it } from 'vitest';
import { SCANNER_CASES } from './scanner.fixtures.ts';
import { FINDING_LABELS, scanText, type Finding, type FindingKind } from './scanner.ts';

type Labelled = { kind: FindingKind; start: number; end: number };
const key = (caseIndex: number, f: Labelled) => `${caseIndex}:${f.kind}:${f.start}-${f.end}`;

/** Expected findings located in order of appearance, so equal texts get distinct offsets. */
function expectedSpans(text: string, findings: Array<[FindingKind, string]>): Labelled[] {
  let from = 0;
  return findings.map(([kind, needle]) => {
    const start = text.indexOf(needle, from);
    if (start < 0) throw new Error(`fixture does not contain ${needle}`);
    from = start + needle.length;
    return { kind, start, end: from };
  });
}

describe('sensitive-content scanner (SEC-2 privacy, SEC-6 secrecy marks)', () => {
  it('has a fixture set of at least 40 snippets with both true and false positives', () => {
    expect(SCANNER_CASES.length).toBeGreaterThanOrEqual(40);
    expect(SCANNER_CASES.filter((c) => c.findings.length === 0).length).toBeGreaterThanOrEqual(15);
    const kinds = new Set(SCANNER_CASES.flatMap((c) => c.findings.map(([k]) => k)));
    expect([...kinds].sort()).toEqual(Object.keys(FINDING_LABELS).sort());
  });

  it('reaches precision 1 and recall 1 on the fixture set', () => {
    const expected = new Set<string>();
    const actual = new Set<string>();
    SCANNER_CASES.forEach((c, i) => {
      for (const f of expectedSpans(c.text, c.findings)) expected.add(key(i, f));
      for (const f of scanText(c.text)) actual.add(key(i, f));
    });
    const truePositives = [...actual].filter((k) => expected.has(k));
    const named = (k: string) => `${SCANNER_CASES[Number(k.split(':')[0])]!.name} → ${k}`;
    // The differences are compared first so that a failure names the snippets involved.
    expect([...actual].filter((k) => !expected.has(k)).map(named), 'false positives').toEqual([]);
    expect([...expected].filter((k) => !actual.has(k)).map(named), 'missed findings').toEqual([]);
    expect(truePositives.length / actual.size).toBe(1);
    expect(truePositives.length / expected.size).toBe(1);
  });

  it('gives each snippet exactly its labelled findings, with offsets matching the text', () => {
    for (const c of SCANNER_CASES) {
      const found = scanText(c.text);
      expect(found.map((f) => [f.kind, f.text]), c.name).toEqual(c.findings);
      for (const f of found) expect(c.text.slice(f.start, f.end)).toBe(f.text);
    }
  });

  it('returns findings sorted by start and never overlapping', () => {
    const text = SCANNER_CASES.map((c) => c.text).join('\n');
    const found = scanText(text);
    found.reduce<Finding | null>((prev, f) => {
      if (prev) expect(f.start).toBeGreaterThanOrEqual(prev.end);
      return f;
    }, null);
    expect(found.length).toBe(SCANNER_CASES.reduce((n, c) => n + c.findings.length, 0));
  });

  it('counts offsets in UTF-16 code units, as JavaScript strings do', () => {
    const [f] = scanText('𠀀申请人手机13803158866');
    expect(f).toEqual({ kind: 'mobile', start: 7, end: 18, text: '13803158866' });
  });

  it('labels every kind in Chinese for the review screen', () => {
    expect(FINDING_LABELS).toEqual({
      id_number: '身份证号码',
      mobile: '手机号码',
      landline: '固定电话',
      bank_card: '银行卡号',
      email: '电子邮箱',
      secrecy_mark: '密级标识',
      person_name: '个人姓名',
    });
  });

  it('finds nothing in empty text', () => {
    expect(scanText('')).toEqual([]);
  });
});
