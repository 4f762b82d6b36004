import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../core/calendar.ts';
import { officialCalendarData } from '../../core/calendar.official.ts';
import { computeDeadline, explainDeadline } from '../../core/deadline.ts';
import {
  CHECKLIST, checklistProblems, daysSettingProblems, formProblems, interpretationSpec, linkProblems, movesTogether, publishOrderProblems,
  reissueProblems, syncRate, yearWarning, type Checklist, type LinkedPolicy,
} from './interpretation.rules.ts';

const full = (): Checklist => Object.fromEntries(Object.keys(CHECKLIST).map((k) => [k, { content: `${k} 的说明`, notApplicableReason: '' }]));
const policy = (over: Partial<LinkedPolicy> = {}): LinkedPolicy => ({ id: 'p1', title: '关于就业补贴的通知', agencyId: 'a', unitId: 'u', category: 'policy', policyLevel: 'normative', state: 'draft', ...over });
const codes = (ps: { code: string }[]) => ps.map((p) => p.code);

describe('interpretation rules', () => {
  it('INT-6: every point is written or marked not applicable with a reason; a skipped one is named', () => {
    expect(checklistProblems(full())).toEqual([]);
    const list = full();
    list.changes = { content: '', notApplicableReason: '首次出台，无旧政策' };
    expect(checklistProblems(list)).toEqual([]);
    list.terms = { content: ' ', notApplicableReason: '' };
    delete list.cautions;
    const [p] = checklistProblems(list);
    expect(p!.code).toBe('CHECKLIST_INCOMPLETE');
    expect(p!.message).toContain('“注意事项”');
    expect(p!.message).toContain('“关键词诠释”');
    expect(p!.message).not.toContain('与旧政策的区别');
  });

  it('INT-7: Q&A needs ordered complete pairs; a graphic an image and its text alternative; audio/video a link and a transcript', () => {
    expect(codes(formProblems('qa', { pairs: [] }, { images: 0 }))).toEqual(['QA_REQUIRED']);
    expect(formProblems('qa', { pairs: [{ question: '谁可以申请？', answer: '' }] }, { images: 0 })[0]!.message).toContain('第 1 组');
    expect(formProblems('qa', { pairs: [{ question: '谁可以申请？', answer: '本市登记失业人员。' }] }, { images: 0 })).toEqual([]);
    expect(codes(formProblems('graphic', { altText: '' }, { images: 0 }))).toEqual(['GRAPHIC_IMAGE_REQUIRED', 'GRAPHIC_TEXT_REQUIRED']);
    expect(formProblems('graphic', { altText: '图中列出申请的三个步骤……' }, { images: 1 })).toEqual([]);
    expect(codes(formProblems('av', { mediaUrl: 'http://x' }, { images: 0 }))).toEqual(['MEDIA_URL_REQUIRED', 'TRANSCRIPT_REQUIRED']);
    expect(formProblems('av', { mediaUrl: 'https://video.example.cn/1.mp4', transcript: '主持人：……' }, { images: 0 })).toEqual([]);
    expect(formProblems('article', {}, { images: 0 })).toEqual([]);
  });

  it('INT-7: an online interview, media interview or press conference records its date, speakers and transcript', () => {
    for (const form of ['online_interview', 'media_interview', 'press_conference'] as const) {
      expect(codes(formProblems(form, {}, { images: 0 }))).toEqual(['TRANSCRIPT_REQUIRED', 'HELD_ON_REQUIRED', 'SPEAKERS_REQUIRED']);
      expect(formProblems(form, { heldOn: '2026-03-02', speakers: ['局长 张某'], transcript: '问：……答：……' }, { images: 0 })).toEqual([]);
    }
  });

  it('INT-1, INT-2: an interpretation explains policy documents of its agency, drafted by the same (lead) unit', () => {
    const me = { agencyId: 'a', unitId: 'u' };
    expect(codes(linkProblems(me, []))).toEqual(['POLICY_REQUIRED']);
    expect(linkProblems(me, [policy()])).toEqual([]);
    expect(codes(linkProblems(me, [policy({ policyLevel: 'none' })]))).toEqual(['NOT_A_POLICY']);
    expect(codes(linkProblems(me, [policy({ category: 'interpretation' })]))).toEqual(['NOT_A_POLICY']);
    expect(codes(linkProblems(me, [policy({ agencyId: 'b' })]))).toEqual(['POLICY_OTHER_AGENCY']);
    expect(linkProblems(me, [policy({ unitId: 'other' })])[0]!.message).toContain('起草科室');
  });

  it('INT-3: reviewers decide on the policy and its interpretation together, except a revision or a conversion', () => {
    expect(movesTogether('submit')).toBe(true);
    expect(movesTogether('return')).toBe(true);
    expect(movesTogether('approve')).toBe(true);
    expect(movesTogether('publish')).toBe(true);
    expect(movesTogether('revise')).toBe(false);
    expect(movesTogether('convert_to_proactive')).toBe(false);
  });

  it('INT-3, INT-5: an interpretation is never published before its policy', () => {
    expect(publishOrderProblems([{ title: '甲', published: true }])).toEqual([]);
    expect(publishOrderProblems([{ title: '甲', published: false }])[0]!.message).toContain('“甲”尚未发布');
  });

  it('INT-5: the agency may only shorten the 10 working days', () => {
    expect(daysSettingProblems(10)).toEqual([]);
    expect(daysSettingProblems(5)).toEqual([]);
    expect(codes(daysSettingProblems(11))).toEqual(['DAYS_INVALID']);
    expect(codes(daysSettingProblems(0))).toEqual(['DAYS_INVALID']);
  });

  it('INT-3, INT-5: the 三同步 rate counts met-on-time over clocks met or run out; running clocks apart', () => {
    expect(syncRate([])).toEqual({ due: 0, onTime: 0, late: 0, running: 0, rate: null });
    expect(syncRate([{ state: 'met' }, { state: 'met', metLate: true }, { state: 'overdue' }, { state: 'running' }, { state: 'met', metLate: false }]))
      .toEqual({ due: 4, onTime: 2, late: 2, running: 1, rate: 0.5 });
  });

  it('INT-8: the fourth quarter warns while no important policy has been interpreted', () => {
    expect(yearWarning('2026-09-30', 0)).toBeNull();
    expect(yearWarning('2026-10-01', 0)).toContain('每年至少解读一项重要政策');
    expect(yearWarning('2026-12-31', 1)).toBeNull();
  });

  it('INT-9: a re-issue follows a published interpretation and gives its reason', () => {
    expect(reissueProblems({ category: 'interpretation', published: true }, '公众误读为不限户籍')).toEqual([]);
    expect(codes(reissueProblems({ category: 'interpretation', published: false }, ''))).toEqual(['FIRST_NOT_PUBLISHED', 'REISSUE_REASON_REQUIRED']);
    expect(codes(reissueProblems({ category: 'policy', published: true }, '误读'))).toEqual(['NOT_AN_INTERPRETATION']);
  });
});

describe('INT-5: ten working days from the policy\'s publication, on the official calendar', () => {
  const cal = buildCalendar({ official: officialCalendarData(), overrides: [], coveredYears: [] });
  const due = (publishedAt: string, days = 10) => computeDeadline(cal, interpretationSpec(publishedAt, days), publishedAt);

  it('INT-5: across the 2025 National Day and Mid-Autumn holiday, with the make-up Sundays 9-28 and Saturday 10-11 counted', () => {
    const view = due('2025-09-26T10:00:00+08:00');
    expect(view.dueDate).toBe('2025-10-16');
    const text = explainDeadline(view).join('\n');
    expect(text).toContain('政策文件发布');
    expect(text).toContain('2025-10-11');
  });

  it('INT-5: across the 2026 Spring Festival with both make-up Saturdays (2-14, 2-28)', () => {
    expect(due('2026-02-12T15:00:00+08:00').dueDate).toBe('2026-03-04');
  });

  it('INT-5: a stricter agency figure of 5 working days over the same holiday', () => {
    expect(due('2026-02-12T15:00:00+08:00', 5).dueDate).toBe('2026-02-26');
  });

  it('INT-5: across the 2026 National Day with the make-up Saturday 10-10', () => {
    expect(due('2026-09-30T09:00:00+08:00').dueDate).toBe('2026-10-20');
  });

  it('INT-5: a publication late on a UTC evening counts from its Beijing date', () => {
    expect(due('2026-02-11T17:00:00Z').dueDate).toBe('2026-03-04');
  });
});
