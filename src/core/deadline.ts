/**
 * Deadlines (期限): when a term starts, when it is due, and why. Every deadline keeps the
 * rule id that set it and can explain itself in Chinese (RULES.md, "Deadlines").
 * Conventions: docs/deadlines.md.
 */
import { TZDate } from '@date-fns/tz';
import { addHours, endOfDay, format } from 'date-fns';
import { CHINA_ZONE } from './clock.ts';
import { withWeekday, type DayKind, type IsoDate, type WorkCalendar } from './calendar.ts';
import { addCalendarDays, addWorkdays, countWorkdays, daysBetween, yearsTouched } from './workdays.ts';

export type Term =
  | { unit: 'workdays'; n: number }
  | { unit: 'hours'; n: number }
  | { unit: 'calendarDays'; n: number };

export interface DeadlineSpec {
  rule: string;
  term: Term;
  startedAt: string;
  /** How the start came about, as the explanation says it (default 收到; e.g. 确认收到 for LAW-31's confirmation). */
  startedAs?: string;
  /** LAW-35: a longer term the office set, with its reason; `term` then holds it. */
  termSetBy?: { rule: string; reason: string; at: string };
  /** LAW-30: the term is counted anew from the last of these receipts (e.g. a correction, 补正). */
  restarts?: { at: string; rule: string; reason: string }[];
  /** LAW-32/33/42: the clock stops (third party, other agency, fee); an open pause has no `to`. */
  pauses?: { from: string; to?: string; rule: string; reason: string }[];
  /** LAW-33: one extension, in working days. */
  extension?: { n: number; approvedAt: string; approvedBy: string; rule: string };
  metAt?: string;
}

/**
 * The receipt the caller gives (LAW-31: the legal receipt moment, e.g. the day both sides
 * confirmed an online application) and its Beijing date, which is the start date (day 0,
 * never counted) of the term. Nothing moves it: a caller that needs another day passes it.
 */
export type Receipt = {
  at: string;
  localDate: IsoDate;
  /** 'HH:mm' Beijing time. */
  localTime: string;
  startDate: IsoDate;
};

export type ExplanationStep =
  | ({ kind: 'received' } & Receipt)
  | ({ kind: 'restart'; rule: string; reason: string } & Receipt)
  | {
      kind: 'pause';
      from: string;
      fromDate: IsoDate;
      /** null = still paused; resumeDate is then today (or the day it was met). */
      to: string | null;
      resumeDate: IsoDate;
      usedBefore: number;
      rule: string;
      reason: string;
      /** false when the pause began after the term had run out: it cannot stop the clock. */
      effective: boolean;
    }
  | { kind: 'extension'; n: number; approvedAt: string; approvedBy: string; rule: string; dueBefore: IsoDate; dueAfter: IsoDate }
  | { kind: 'skipped'; date: IsoDate; day: DayKind }
  | { kind: 'makeup'; date: IsoDate; day: DayKind }
  | { kind: 'due'; rule: string; term: Term; dueDate: IsoDate; dueAt: string };

export type DeadlineView = {
  rule: string;
  term: Term;
  startDate: IsoDate;
  dueDate: IsoDate;
  /** End of the due day (23:59:59.999 Beijing time) for day terms; start + n hours for hour terms. */
  dueAt: string;
  state: 'running' | 'paused' | 'met' | 'overdue';
  metLate?: boolean;
  light: 'green' | 'yellow' | 'red';
  remainingWorkdays: number | null;
  /** The due date relies on the weekend rule alone for years whose holidays are not known. */
  provisional: boolean;
  provisionalYears: number[];
  explanation: ExplanationStep[];
  startedAs?: string;
  termSetBy?: DeadlineSpec['termSetBy'];
};

export type DeadlineOptions = { warnWorkdays?: number };

function instant(s: string): TZDate {
  // Without an offset the server's own zone would decide the moment.
  if (!/(?:Z|[+-]\d{2}:?\d{2})$/i.test(s) || Number.isNaN(Date.parse(s))) {
    throw new RangeError(`不是带时区的时间：${s}`);
  }
  return new TZDate(s, CHINA_ZONE);
}

const localDate = (t: TZDate): IsoDate => format(t, 'yyyy-MM-dd') as IsoDate;

function endOfLocalDay(date: IsoDate): TZDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return endOfDay(new TZDate(y, m - 1, d, CHINA_ZONE));
}

/** LAW-31: the receipt day is the Beijing date of the receipt moment given; it is day 0. */
function receive(at: string): Receipt {
  const t = instant(at);
  const date = localDate(t);
  return { at, localDate: date, localTime: format(t, 'HH:mm'), startDate: date };
}

type Pause = NonNullable<DeadlineSpec['pauses']>[number];

/**
 * Runs a working-day clock of `budget` days from `start`, stopping for each pause: the day
 * a pause begins counts as used, the day it ends does not.
 */
function runClock(cal: WorkCalendar, start: IsoDate, pauses: Pause[], budget: number, today: IsoDate) {
  const steps: ExplanationStep[] = [];
  let segmentStart = start;
  let used = 0;
  let due = addWorkdays(cal, start, budget);
  let open = false;
  const daySteps = (to: IsoDate) => {
    for (const { date, kind } of daysBetween(cal, segmentStart, to)) {
      if (!kind.working) steps.push({ kind: 'skipped', date, day: kind });
      else if (kind.reason === 'makeup') steps.push({ kind: 'makeup', date, day: kind });
    }
  };
  for (const p of pauses) {
    const fromDate = localDate(instant(p.from));
    const resumeDate = p.to === undefined ? today : localDate(instant(p.to));
    const pause = { kind: 'pause', from: p.from, fromDate, to: p.to ?? null, resumeDate, rule: p.rule, reason: p.reason } as const;
    if (fromDate > due) {
      steps.push({ ...pause, usedBefore: used, effective: false });
      continue;
    }
    daySteps(fromDate);
    used += countWorkdays(cal, segmentStart, fromDate);
    steps.push({ ...pause, usedBefore: used, effective: true });
    open = p.to === undefined;
    segmentStart = resumeDate;
    due = addWorkdays(cal, resumeDate, budget - used);
  }
  daySteps(due);
  return { due, steps, open };
}

function orderedPauses(pauses: Pause[], since: number): Pause[] {
  const sorted = pauses.filter((p) => instant(p.from).getTime() >= since).sort((a, b) => Date.parse(a.from) - Date.parse(b.from));
  sorted.forEach((p, i) => {
    const next = sorted[i + 1];
    if (p.to !== undefined && instant(p.to).getTime() < Date.parse(p.from)) throw new RangeError(`暂停结束早于开始：${p.from}`);
    if (next && (p.to === undefined || Date.parse(next.from) < Date.parse(p.to))) throw new RangeError(`暂停期间重叠：${next.from}`);
  });
  return sorted;
}

function requirePositive(n: number, what: string): void {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`${what}必须是正整数：${n}`);
}

export function computeDeadline(cal: WorkCalendar, spec: DeadlineSpec, now: string, options: DeadlineOptions = {}): DeadlineView {
  const warnWorkdays = options.warnWorkdays ?? 3;
  if (!Number.isInteger(warnWorkdays) || warnWorkdays < 0) throw new RangeError(`提醒天数必须是非负整数：${warnWorkdays}`);
  const { rule, term, extension } = spec;
  // A term of 0 calendar days is "the same day" (COORD-1: urgent answers); every other term is at least 1.
  if (!(term.unit === 'calendarDays' && term.n === 0)) requirePositive(term.n, '期限');
  if (term.unit !== 'workdays' && (spec.pauses?.length || extension)) {
    throw new RangeError(`只有以工作日计算的期限可以暂停或延长：${rule}`);
  }
  if (extension) requirePositive(extension.n, '延长天数');

  const byWorkdays = term.unit === 'workdays';
  const received = receive(spec.startedAt);
  const last = [...(spec.restarts ?? [])].sort((a, b) => instant(a.at).getTime() - instant(b.at).getTime()).at(-1);
  if (last && Date.parse(last.at) < Date.parse(spec.startedAt)) throw new RangeError(`重新起算早于收到时间：${last.at}`);
  const restart = last && { kind: 'restart' as const, rule: last.rule, reason: last.reason, ...receive(last.at) };
  const origin = restart ?? received;
  const explanation: ExplanationStep[] = [{ kind: 'received', ...received }, ...(restart ? [restart] : [])];

  const current = instant(now);
  const met = spec.metAt === undefined ? undefined : instant(spec.metAt);
  // A met deadline is judged at the moment it was met, not today.
  const reading = met ?? current;
  const today = localDate(reading);

  let dueAt: TZDate;
  let open = false;
  if (term.unit === 'hours') {
    dueAt = addHours(instant(origin.at), term.n);
  } else if (term.unit === 'calendarDays') {
    dueAt = endOfLocalDay(addCalendarDays(origin.startDate, term.n));
  } else {
    const pauses = orderedPauses(spec.pauses ?? [], instant(origin.at).getTime());
    const clock = runClock(cal, origin.startDate, pauses, term.n + (extension?.n ?? 0), today);
    explanation.push(...clock.steps);
    if (extension) {
      const dueBefore = runClock(cal, origin.startDate, pauses, term.n, today).due;
      explanation.push({ kind: 'extension', ...extension, dueBefore, dueAfter: clock.due });
    }
    dueAt = endOfLocalDay(clock.due);
    open = clock.open;
  }
  const dueDate = localDate(dueAt);
  explanation.push({ kind: 'due', rule, term, dueDate, dueAt: dueAt.toISOString() });

  const metLate = met !== undefined && met.getTime() > dueAt.getTime();
  const state = met ? 'met' : open ? 'paused' : reading.getTime() > dueAt.getTime() ? 'overdue' : 'running';
  const remainingWorkdays = term.unit === 'hours' ? null : countWorkdays(cal, today, dueDate);
  const nearlyDue =
    remainingWorkdays === null
      ? dueAt.getTime() - reading.getTime() < term.n * 0.25 * 3_600_000
      : remainingWorkdays <= warnWorkdays;
  const light = state === 'overdue' || metLate ? 'red' : !met && nearlyDue ? 'yellow' : 'green';
  const provisionalYears = byWorkdays ? yearsTouched(origin.startDate, dueDate).filter((y) => !cal.covers(y)) : [];

  return {
    rule,
    term,
    startDate: origin.startDate,
    dueDate,
    dueAt: dueAt.toISOString(),
    state,
    ...(met ? { metLate } : {}),
    light,
    remainingWorkdays,
    provisional: provisionalYears.length > 0,
    provisionalYears,
    explanation,
    ...(spec.startedAs ? { startedAs: spec.startedAs } : {}),
    ...(spec.termSetBy ? { termSetBy: spec.termSetBy } : {}),
  };
}

function receiptSentence(r: Receipt, term: Term, as = '收到'): string {
  const when = `${withWeekday(r.localDate)}${r.localTime}`;
  if (term.unit === 'hours') return `${when}起计时`;
  return `${when}${as}，以当日为起算日（起算日不计入期限）`;
}

const REGULATION = '《中华人民共和国政府信息公开条例》';
/**
 * What people read instead of a rule id: the law's article (people never see ids). Rules of
 * the seeds that restate the law cite the law; the others the agency's own rules in general.
 */
export const RULE_CITATIONS: Record<string, string> = {
  'APP-4': `${REGULATION}第三十三条`,
  'LAW-26': `${REGULATION}第二十六条`,
  'PUB-3': `${REGULATION}第二十六条`,
  'LAW-30': `${REGULATION}第三十条`,
  'LAW-31': `${REGULATION}第三十一条`,
  'LAW-32': `${REGULATION}第三十二条`,
  'LAW-33': `${REGULATION}第三十三条第二款`,
  'LAW-34': `${REGULATION}第三十四条`,
  'LAW-35': `${REGULATION}第三十五条`,
  'LAW-42': `${REGULATION}第四十二条和《政府信息公开信息处理费管理办法》`,
  'COORD-1': '《政府信息发布协调制度》',
  'LAW-49': `${REGULATION}第四十九条`,
  'INT-5': '政策文件与解读材料同步发布（“三同步”）的规定',
};
/** The citation of a rule id; an id without one is cited as the agency's rules, never shown. */
export const citeRule = (rule: string): string => RULE_CITATIONS[rule] ?? '本机关有关规定';

const UNIT_NAMES = { workdays: '个工作日', calendarDays: '日', hours: '小时' } as const;

/**
 * The explanation as Chinese sentences, for the console and the applicant's status page.
 * `cite` names a rule as people read it (the law's article, the agency's own rule by name).
 */
export function explainDeadline(view: DeadlineView, cite: (rule: string) => string = citeRule): string[] {
  const edited = (day: DayKind) => (day.source === 'edited' ? '（管理员调整）' : '');
  const sentences = view.explanation.map((s): string => {
    switch (s.kind) {
      case 'received':
        return receiptSentence(s, view.term, view.startedAs);
      case 'restart':
        return `依据${cite(s.rule)}重新计算期限（${s.reason}）：${receiptSentence(s, view.term)}`;
      case 'pause': {
        const head = `${withWeekday(s.fromDate)}起暂停计时（${s.reason}，依据${cite(s.rule)}不计入期限）`;
        if (!s.effective) return `${head}时期限已届满，不停止计时`;
        const resume =
          s.to === null
            ? `尚未恢复，按${withWeekday(s.resumeDate)}恢复计时估算截止日期`
            : `${withWeekday(s.resumeDate)}恢复计时（恢复当日不计入期限）`;
        return `${head}，此前已用${s.usedBefore}个工作日；${resume}`;
      }
      case 'extension':
        return `经${s.approvedBy}批准，依据${cite(s.rule)}延长${s.n}个工作日，截止日期由${withWeekday(s.dueBefore)}延至${withWeekday(s.dueAfter)}`;
      case 'skipped':
        return s.day.reason === 'holiday'
          ? `${withWeekday(s.date)}${s.day.name ?? ''}假期${edited(s.day)}，不计入期限`
          : `${withWeekday(s.date)}休息日${edited(s.day)}，不计入期限`;
      case 'makeup':
        return `${withWeekday(s.date)}为调休工作日${edited(s.day)}，计入期限`;
      case 'due': {
        const set = view.termSetBy ? `${withWeekday(localDate(instant(view.termSetBy.at)))}依据${cite(view.termSetBy.rule)}确定延迟答复的合理期限（${view.termSetBy.reason}），` : '';
        const length = s.term.unit === 'calendarDays' && s.term.n === 0 ? '须当日办理' : `期限为${s.term.n}${UNIT_NAMES[s.term.unit]}`;
        const term = `${set}依据${cite(s.rule)}，${length}`;
        const time = s.term.unit === 'hours' ? format(instant(s.dueAt), 'HH:mm') : '24时';
        return `${term}，截止于${withWeekday(s.dueDate)}${time}`;
      }
    }
  });
  if (view.provisional) {
    sentences.push(`${view.provisionalYears.join('、')}年的节假日安排尚未公布，截止日期暂按周末规则计算，公布后可能变化`);
  }
  return sentences;
}
