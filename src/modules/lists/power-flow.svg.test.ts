/** FIVE-3: the power-flow chart is drawn from the steps alone, legibly and accessibly. */
import { describe, expect, it } from 'vitest';
import { flowDescription, powerFlowSvg, textWidth, wrapText } from './power-flow.svg.ts';
import type { PowerStep } from './powers.rules.ts';

const step = (name: string, actor = '劳动保障监察支队', over: Partial<PowerStep> = {}): PowerStep => ({ name, actor, timeLimit: '', note: '', ...over });
const PENALTY = ['立案', '调查取证', '告知', '听证', '决定', '送达', '执行'].map((n) => step(n));
const svgOf = (steps: PowerStep[], title = '行政处罚运行流程图') => String(powerFlowSvg({ id: 'flow', title, steps }));
const count = (s: string, re: RegExp) => s.match(re)?.length ?? 0;

describe('power-flow chart (FIVE-3)', () => {
  it('is an image with a title and a description that reads every step, who acts and its time limit', () => {
    const svg = svgOf([step('立案', '监察支队', { timeLimit: '5个工作日' }), step('听证', '法制科', { note: '依当事人申请' })]);
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="flow-title flow-desc"/);
    expect(svg).toContain('<title id="flow-title">行政处罚运行流程图</title>');
    expect(svg).toContain('<desc id="flow-desc">共2个环节，自上而下依次为：第1步，立案，由监察支队承办，时限5个工作日；第2步，听证，由法制科承办（依当事人申请）。</desc>');
  });

  it('draws one box per step, in order, and one arrow between each pair', () => {
    const svg = svgOf(PENALTY);
    expect(count(svg, /<rect /g)).toBe(7);
    expect(count(svg, /<polygon /g)).toBe(6);
    const names = [...svg.matchAll(/font-weight="700">([^<]+)</g)].map((m) => m[1]);
    expect(names).toEqual(PENALTY.map((s, i) => `${i + 1}. ${s.name}`));
  });

  it('lays boxes out top to bottom without overlap, the drawing as tall as its viewBox', () => {
    const svg = svgOf(PENALTY);
    const boxes = [...svg.matchAll(/<rect x="(\d+)" y="(\d+)" width="(\d+)" height="(\d+)"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]) }));
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.y).toBeGreaterThan(boxes[i - 1]!.y + boxes[i - 1]!.h);
    const [, w, h] = svg.match(/viewBox="0 0 (\d+) (\d+)"/)!.map(Number);
    expect(boxes.every((b) => b.x >= 0 && b.x + b.w <= w!)).toBe(true);
    expect(boxes.at(-1)!.y + boxes.at(-1)!.h).toBeLessThanOrEqual(h!);
  });

  it('scales through its viewBox, 360 units wide, so it fits a 375 px phone', () => {
    expect(svgOf(PENALTY)).toMatch(/viewBox="0 0 360 \d+" width="360"/);
  });

  it('wraps a long Chinese label onto several lines inside its box, and the box grows', () => {
    const long = step('对用人单位违反劳动保障法律法规的行为立案调查并制作立案审批表报局负责人批准');
    const short = svgOf([step('立案')]);
    const wrapped = svgOf([long]);
    expect(count(wrapped, /font-weight="700"/g)).toBeGreaterThan(1);
    const height = (s: string) => Number(s.match(/<rect [^>]*height="(\d+)"/)![1]);
    expect(height(wrapped)).toBeGreaterThan(height(short));
  });

  it('escapes what staff typed', () => {
    const svg = svgOf([step('<script>alert(1)</script>', 'A & B')], '"x"');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('A &amp; B');
    expect(svg).toContain('<title id="flow-title">&quot;x&quot;</title>');
  });

  it('says so when there are no steps, and draws nothing', () => {
    expect(flowDescription([])).toBe('尚未填写办理环节。');
    expect(count(svgOf([]), /<rect /g)).toBe(0);
  });
});

describe('wrapping labels', () => {
  it('measures Chinese as one em and Latin as about half', () => {
    expect(textWidth('立案')).toBe(2);
    expect(textWidth('ab')).toBeCloseTo(1.1);
  });

  it('breaks between Chinese characters within the width', () => {
    const lines = wrapText('对用人单位违反劳动保障法律法规的行为立案调查', 8);
    expect(lines.join('')).toBe('对用人单位违反劳动保障法律法规的行为立案调查');
    expect(lines.every((l) => textWidth(l) <= 8)).toBe(true);
  });

  it('keeps closing punctuation with the character before it', () => {
    const lines = wrapText('一二三四五六七八，九十', 8);
    expect(lines[0]).toBe('一二三四五六七八，');
    expect(lines.some((l) => /^[，。）]/.test(l))).toBe(false);
  });

  it('does not split a Latin word or number unless it alone is too long', () => {
    expect(wrapText('时限 30 个工作日 deadline', 6)).toEqual(['时限 30 个', '工作日', 'deadline']);
    expect(wrapText('x'.repeat(30), 5).every((l) => textWidth(l) <= 5)).toBe(true);
  });
});
