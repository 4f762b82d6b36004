import { Type, type Static } from 'typebox';
import type { IsoDate, WorkCalendar } from '../../core/calendar.ts';
import { chinaDateOf, chinaDateTimeOf } from '../../core/clock.ts';
import type { DeadlineView } from '../../core/deadline.ts';
import { countWorkdays } from '../../core/workdays.ts';
import { clockName } from '../deadlines/subjects.rules.ts';

/**
 * Reminder stages of a stored deadline (issue 12): pure, so each stage's moment is tested
 * under a fake clock. Every clock of every module lives in `deadlines`; the sweep asks which
 * stages a clock has reached and fires each once.
 * - `opened`: an hour clock (OP-5 and the opinion hours) is announced at once;
 * - `warning`: at most `warnWorkdays` working days left (day terms), or `warnHours` (hour terms);
 * - `red`: the term ran out;
 * - `unit`: escalation to the head of the unit holding the subject, `unitAfter…` past the term;
 * - `leader`: escalation to the agency's leader, `leaderAfter…` past the term.
 */
export const STAGES = { opened: '开始计时', warning: '即将到期', red: '已逾期', unit: '逾期督办（科室负责人）', leader: '逾期督办（分管领导）' } as const;
export type Stage = keyof typeof STAGES;
const ORDER: Stage[] = ['opened', 'warning', 'red', 'unit', 'leader'];

export const ReminderSettingsSchema = Type.Object(
  {
    warnWorkdays: Type.Integer({ minimum: 0, maximum: 20 }),
    warnHours: Type.Integer({ minimum: 0, maximum: 48 }),
    unitAfterWorkdays: Type.Integer({ minimum: 0, maximum: 20 }),
    leaderAfterWorkdays: Type.Integer({ minimum: 0, maximum: 40 }),
    unitAfterHours: Type.Integer({ minimum: 0, maximum: 48 }),
    leaderAfterHours: Type.Integer({ minimum: 0, maximum: 96 }),
  },
  { additionalProperties: false },
);
export type ReminderSettings = Static<typeof ReminderSettingsSchema>;

/** The defaults: yellow at 3 working days (docs/deadlines.md), escalation a day, then three, past the term. */
export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = { warnWorkdays: 3, warnHours: 1, unitAfterWorkdays: 1, leaderAfterWorkdays: 3, unitAfterHours: 1, leaderAfterHours: 2 };

/** A setting where the leader hears before the unit's head is refused. */
export const settingsProblem = (s: ReminderSettings): string | null =>
  s.leaderAfterWorkdays < s.unitAfterWorkdays || s.leaderAfterHours < s.unitAfterHours ? '报分管领导的时间不能早于报科室负责人的时间' : null;

const HOUR = 3_600_000;

/** The stages a deadline has reached at `now` (a paused or met clock reaches none). */
export function stagesReached(cal: WorkCalendar, view: DeadlineView, s: ReminderSettings, now: Date): Stage[] {
  if (view.state === 'met' || view.state === 'paused') return [];
  const due = Date.parse(view.dueAt);
  const t = now.getTime();
  const reached = new Set<Stage>();
  if (view.term.unit === 'hours') {
    reached.add('opened');
    if (due - t <= s.warnHours * HOUR) reached.add('warning');
    if (t > due) reached.add('red');
    if (t > due && t >= due + s.unitAfterHours * HOUR) reached.add('unit');
    if (t > due && t >= due + s.leaderAfterHours * HOUR) reached.add('leader');
  } else {
    const today = chinaDateOf(now) as IsoDate;
    const left = countWorkdays(cal, today, view.dueDate);
    if (left <= s.warnWorkdays) reached.add('warning');
    if (t > due) {
      const past = countWorkdays(cal, view.dueDate, today);
      reached.add('red');
      if (past >= s.unitAfterWorkdays) reached.add('unit');
      if (past >= s.leaderAfterWorkdays) reached.add('leader');
    }
  }
  return ORDER.filter((st) => reached.has(st));
}

/**
 * Of the stages newly reached, those that send a message: a warning reached together with the
 * start of an hour clock or after the term ran out is recorded but not sent (the other message
 * says the due moment already), so a short clock or a server that was down sends no burst.
 */
export function stagesToSend(fresh: readonly Stage[]): Set<Stage> {
  const send = new Set(fresh);
  if (send.has('red') || send.has('opened')) send.delete('warning');
  return send;
}

/** When the term runs out, as the message states it (Beijing time). */
export const dueText = (view: Pick<DeadlineView, 'term' | 'dueAt' | 'dueDate'>): string =>
  view.term.unit === 'hours' ? `${chinaDateTimeOf(view.dueAt)}（北京时间）` : `${view.dueDate} 24时`;

/** The message of a stage: the clock's name, the subject's title and the due moment, never personal data. */
export function reminderMessage(stage: Stage, view: Pick<DeadlineView, 'rule' | 'term' | 'dueAt' | 'dueDate'>, subjectTitle: string): { title: string; body: string } {
  const name = clockName(view.rule);
  const due = dueText(view);
  const hours = view.term.unit === 'hours';
  switch (stage) {
    case 'opened':
      return { title: `【限时】${name}开始计时：${subjectTitle}`, body: `${name}为${view.term.n}小时，节假日和夜间照常计时，须于${due}前办结。` };
    case 'warning':
      return { title: `${name}即将到期：${subjectTitle}`, body: `${name}将于${due}届满，请${hours ? '抓紧' : '在到期前'}办理。` };
    case 'red':
      return { title: `${name}已逾期：${subjectTitle}`, body: `${name}已于${due}届满，尚未办结，请立即办理。` };
    case 'unit':
      return { title: `【督办】${name}逾期未办结：${subjectTitle}`, body: `该事项已超过${name}（${due}届满），尚未办结，请督促承办人员办理。` };
    case 'leader':
      return { title: `【督办】${name}逾期未办结：${subjectTitle}`, body: `该事项已超过${name}（${due}届满），经提醒科室后仍未办结，请领导督办。` };
  }
}
