import dayjs, { type Dayjs } from 'dayjs';
import { DATE_FORMAT } from '../../labels';
import type { CalendarDay } from '../../types';
import './calendar.css';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
const KIND_MARKS: Record<CalendarDay['kind'], string> = { holiday: '休', workday: '班', normal: '' };
const SOURCE_LABELS: Record<CalendarDay['source'], string> = { official: '官方数据', edited: '人工调整' };

/** The month's dates in Monday-first weeks, padded with nulls. */
function weeksOf(year: number, month: number): (Dayjs | null)[][] {
  const first = dayjs(new Date(year, month, 1));
  const cells: (Dayjs | null)[] = Array.from({ length: (first.day() + 6) % 7 }, () => null);
  for (let date = 1; date <= first.daysInMonth(); date++) cells.push(first.date(date));
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}

/** Consecutive days of the same kind and name, e.g. "1日–8日 国庆节 休". */
function periodsOf(days: CalendarDay[]): { from: string; to: string; day: CalendarDay }[] {
  const periods: { from: string; to: string; day: CalendarDay }[] = [];
  for (const day of days) {
    const last = periods.at(-1);
    const continues =
      last && last.day.kind === day.kind && last.day.name === day.name && dayjs(last.to).add(1, 'day').format(DATE_FORMAT) === day.date;
    if (continues) last.to = day.date;
    else periods.push({ from: day.date, to: day.date, day });
  }
  return periods;
}

function dayClass(date: Dayjs, special: CalendarDay | undefined): string {
  const classes = ['gk-day'];
  if (date.day() === 0 || date.day() === 6) classes.push('is-weekend');
  if (special) classes.push(`is-${special.kind}`);
  if (special?.source === 'edited') classes.push('is-edited');
  if (date.isSame(dayjs(), 'day')) classes.push('is-today');
  return classes.join(' ');
}

interface MonthGridProps {
  year: number;
  /** 0–11 */
  month: number;
  /** The year's special days by date. */
  days: Map<string, CalendarDay>;
  onPick: (date: string) => void;
}

export function MonthGrid({ year, month, days, onPick }: MonthGridProps) {
  const monthDays = [...days.values()]
    .filter((day) => dayjs(day.date).month() === month)
    .sort((a, b) => a.date.localeCompare(b.date));
  return (
    <div>
      <table className="gk-month">
        <caption>{month + 1}月</caption>
        <thead>
          <tr>
            {WEEKDAYS.map((weekday) => (
              <th key={weekday} scope="col">
                {weekday}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeksOf(year, month).map((week, index) => (
            <tr key={index}>
              {week.map((date, weekday) => (
                <td key={weekday}>{date && <DayButton date={date} special={days.get(date.format(DATE_FORMAT))} onPick={onPick} />}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="gk-periods">
        {periodsOf(monthDays).map(({ from, to, day }) => (
          <li key={from}>
            {dayjs(from).date()}日{from !== to && `–${dayjs(to).date()}日`} {day.name}（{KIND_MARKS[day.kind]}
            {day.source === 'edited' && '，人工调整'}）
          </li>
        ))}
      </ul>
    </div>
  );
}

function DayButton({ date, special, onPick }: { date: Dayjs; special: CalendarDay | undefined; onPick: (date: string) => void }) {
  const iso = date.format(DATE_FORMAT);
  const description = special
    ? `${special.name} ${KIND_MARKS[special.kind]}（${SOURCE_LABELS[special.source]}）`
    : '';
  return (
    <button
      type="button"
      className={dayClass(date, special)}
      title={description || undefined}
      onClick={() => onPick(iso)}
    >
      {/* The name is the visible text plus hidden detail, so speech input can say what it sees (WCAG 2.5.3). */}
      {date.date()}
      {special && <span className="gk-day-mark">{KIND_MARKS[special.kind]}</span>}
      <span className="gk-sr-only">{` ${date.format('M月D日 dddd')} ${description}`.trimEnd()}</span>
    </button>
  );
}

/** What the colours and borders of the month grids mean. */
export function CalendarLegend() {
  const samples = [
    { className: 'is-holiday', mark: '休', label: '放假' },
    { className: 'is-workday', mark: '班', label: '调休上班' },
    { className: 'is-weekend', mark: '六', label: '周末' },
    { className: 'is-holiday', mark: '休', label: SOURCE_LABELS.official },
    { className: 'is-holiday is-edited', mark: '休', label: SOURCE_LABELS.edited },
  ];
  return (
    <ul className="gk-legend-list" aria-label="图例">
      {samples.map(({ className, mark, label }) => (
        <li key={label}>
          <span className={`gk-day gk-legend ${className}`} aria-hidden="true">
            {mark}
          </span>
          {label}
        </li>
      ))}
    </ul>
  );
}
