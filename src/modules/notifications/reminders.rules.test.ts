import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../core/calendar.ts';
import { officialCalendarData } from '../../core/calendar.official.ts';
import { computeDeadline, type DeadlineSpec } from '../../core/deadline.ts';
import { DEFAULT_REMINDER_SETTINGS, reminderMessage, stagesReached, stagesToSend } from './reminders.rules.ts';

const cal = buildCalendar({ official: officialCalendarData(), overrides: [], coveredYears: [] });
const s = DEFAULT_REMINDER_SETTINGS;
const at = (iso: string) => new Date(iso);
const utc = (iso: string) => new Date(iso).toISOString();
const reached = (spec: DeadlineSpec, now: string) => stagesReached(cal, computeDeadline(cal, spec, now), s, at(now));

/** OP-5: a major case reported upward within 1 hour, in clock time. */
const op5 = (startedAt: string): DeadlineSpec => ({ rule: 'OP-5', term: { unit: 'hours', n: 1 }, startedAt });
/** National rule: other opinion cases answered within 48 hours. */
const reply48 = (startedAt: string): DeadlineSpec => ({ rule: 'OP-RESPONSE', term: { unit: 'hours', n: 48 }, startedAt });

describe('hour clocks: stages in clock time, through midnight, month ends and holidays (OP-5, OP-7)', () => {
  it('OP-5: a 1-hour clock started at 23:30 is announced and warned at once, red after 00:30 the next day, unit head at 01:30, leader at 02:30', () => {
    const spec = op5('2026-09-30T23:30:00+08:00');
    expect(utc(computeDeadline(cal, spec, '2026-09-30T23:31:00+08:00').dueAt)).toBe('2026-09-30T16:30:00.000Z');
    expect(reached(spec, '2026-09-30T23:30:00+08:00')).toEqual(['opened', 'warning']);
    expect(reached(spec, '2026-10-01T00:30:00+08:00')).toEqual(['opened', 'warning']);
    expect(reached(spec, '2026-10-01T00:30:01+08:00')).toEqual(['opened', 'warning', 'red']);
    expect(reached(spec, '2026-10-01T01:29:59+08:00')).toEqual(['opened', 'warning', 'red']);
    expect(reached(spec, '2026-10-01T01:30:00+08:00')).toEqual(['opened', 'warning', 'red', 'unit']);
    expect(reached(spec, '2026-10-01T02:30:00+08:00')).toEqual(['opened', 'warning', 'red', 'unit', 'leader']);
  });

  it('OP-5: 48 hours from the last evening of a month run through the National Day holiday week without stopping', () => {
    // 2026-09-30 22:00 Beijing + 48 h = 2026-10-02 22:00, in the middle of the holiday.
    const spec = reply48('2026-09-30T22:00:00+08:00');
    const view = computeDeadline(cal, spec, '2026-10-01T09:00:00+08:00');
    expect(utc(view.dueAt)).toBe('2026-10-02T14:00:00.000Z');
    expect(reached(spec, '2026-10-02T20:59:59+08:00')).toEqual(['opened']);
    expect(reached(spec, '2026-10-02T21:00:00+08:00')).toEqual(['opened', 'warning']);
    expect(reached(spec, '2026-10-02T22:00:01+08:00')).toEqual(['opened', 'warning', 'red']);
  });

  it('OP-5: the hour clock across the year end: 23:45 on 12-31 is due 00:45 on 01-01, Beijing time, not UTC', () => {
    const view = computeDeadline(cal, op5('2026-12-31T23:45:00+08:00'), '2026-12-31T23:50:00+08:00');
    expect(utc(view.dueAt)).toBe('2026-12-31T16:45:00.000Z');
    expect(reminderMessage('red', view, '“某事项”').body).toContain('2027-01-01 00:45（北京时间）');
  });
});

describe('day clocks: warning by working days left, escalation by working days past (PUB-3, APP-4, LAW-33)', () => {
  /** PUB-3: 20 working days from the day made; started Monday 2026-02-09, due Friday 2026-03-13 over Spring Festival. */
  const pub3: DeadlineSpec = { rule: 'PUB-3', term: { unit: 'workdays', n: 20 }, startedAt: '2026-02-09T09:00:00+08:00' };

  it('PUB-3: nothing while more than 3 working days are left; the warning on Tuesday 03-10 (3 left); red after Friday 03-13 24:00', () => {
    expect(computeDeadline(cal, pub3, '2026-03-01T09:00:00+08:00').dueDate).toBe('2026-03-13');
    expect(reached(pub3, '2026-03-09T23:59:00+08:00')).toEqual([]);
    expect(reached(pub3, '2026-03-10T00:00:00+08:00')).toEqual(['warning']);
    expect(reached(pub3, '2026-03-13T23:59:59+08:00')).toEqual(['warning']);
    expect(reached(pub3, '2026-03-14T00:00:00+08:00')).toEqual(['warning', 'red']);
  });

  it('PUB-3: escalation to the unit head on the first working day past the term (Monday 03-16), to the leader on the third (Wednesday 03-18)', () => {
    expect(reached(pub3, '2026-03-15T12:00:00+08:00')).toEqual(['warning', 'red']);
    expect(reached(pub3, '2026-03-16T00:00:00+08:00')).toEqual(['warning', 'red', 'unit']);
    expect(reached(pub3, '2026-03-17T12:00:00+08:00')).toEqual(['warning', 'red', 'unit']);
    expect(reached(pub3, '2026-03-18T00:00:00+08:00')).toEqual(['warning', 'red', 'unit', 'leader']);
  });

  it('LAW-32: a paused application reply term reaches no stage, even after its unpaused due date', () => {
    const paused: DeadlineSpec = { rule: 'APP-4', term: { unit: 'workdays', n: 20 }, startedAt: '2026-02-09T09:00:00+08:00', pauses: [{ from: '2026-02-10T09:00:00+08:00', rule: 'LAW-32', reason: '征求第三方意见' }] };
    expect(reached(paused, '2026-06-01T09:00:00+08:00')).toEqual([]);
  });

  it('OP-5: a warning first seen after the term ran out, or with the start of an hour clock, is recorded but not sent', () => {
    expect([...stagesToSend(['warning', 'red'])]).toEqual(['red']);
    expect([...stagesToSend(['warning'])]).toEqual(['warning']);
    expect([...stagesToSend(['opened', 'warning'])]).toEqual(['opened']);
  });

  it('messages name the clock as people call it and never a rule id', () => {
    const view = computeDeadline(cal, pub3, '2026-03-14T00:00:00+08:00');
    const m = reminderMessage('red', view, '“关于某事的通知”');
    expect(m.title).toBe('主动公开信息发布期限已逾期：“关于某事的通知”');
    expect(m.body).toContain('2026-03-13 24时');
    expect(`${m.title}${m.body}`).not.toMatch(/[A-Z]{2,5}-\d+/);
  });
});
