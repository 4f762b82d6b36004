import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, demoApp, signIn, type Session, type TestApp } from '../support/app.ts';

let t: TestApp;
let admin: Session;
let clerk: Session;

beforeAll(async () => {
  t = await demoApp();
  admin = await signIn(t, 'sysadmin');
  clerk = await signIn(t, 'rsj.office');
});
afterAll(() => t.close());

type Day = { date: string; kind: string; name: string; source: string };

describe('working-day calendar: official data, administrators\' edits, provisional years', () => {
  it('shows 2026 from the official data: National Day off, its make-up Saturday on', async () => {
    const res = await call(t, clerk, 'GET', '/calendar/2026');
    expect(res.json()).toMatchObject({ year: 2026, covered: true, source: 'official' });
    const days: Day[] = res.json().days;
    expect(days.find((d) => d.date === '2026-10-01')).toEqual({ date: '2026-10-01', kind: 'holiday', name: '国庆节', source: 'official' });
    expect(days.find((d) => d.date === '2026-10-10')).toEqual({ date: '2026-10-10', kind: 'workday', name: '国庆节', source: 'official' });
  });

  it('APP-4: a 20-working-day term over Spring Festival 2026 uses the same module as the workflows', async () => {
    // Received Mon 2026-02-09: 02-10..02-13 (4), 02-14 make-up Sat (5), 02-15..02-23 off,
    // 02-24..02-27 (9), 02-28 make-up Sat (10), 03-02..03-06 (15), 03-09..03-13 (20).
    const res = await call(t, clerk, 'GET', '/calendar/add-workdays?from=2026-02-09&n=20');
    expect(res.json()).toEqual({ date: '2026-03-13', provisional: false, provisionalYears: [] });
    const back = await call(t, clerk, 'GET', '/calendar/workdays?from=2026-02-09&to=2026-03-13');
    expect(back.json()).toMatchObject({ count: 20, provisional: false });
  });

  it('a term running into 2027 is provisional until an administrator completes 2027', async () => {
    const before = await call(t, clerk, 'GET', '/calendar/add-workdays?from=2026-12-15&n=20');
    expect(before.json()).toMatchObject({ provisional: true, provisionalYears: [2027] });
    expect((await call(t, clerk, 'GET', '/calendar/2027')).json()).toMatchObject({ covered: false, source: 'none', days: [] });

    const holiday = await call(t, admin, 'PUT', '/calendar/days/2027-01-01', { kind: 'holiday', name: '元旦' });
    expect(holiday.json()).toEqual({ date: '2027-01-01', kind: 'holiday', name: '元旦', source: 'edited' });
    const covered = await call(t, admin, 'POST', '/calendar/2027/cover');
    expect(covered.json()).toMatchObject({ year: 2027, covered: true, source: 'edited' });

    const after = await call(t, clerk, 'GET', '/calendar/add-workdays?from=2026-12-15&n=20');
    expect(after.json()).toMatchObject({ provisional: false, provisionalYears: [] });
    // 2027-01-01 (Friday) is now a holiday, so the 20th working day moves one day later.
    expect(after.json().date > before.json().date).toBe(true);
  });

  it('an edit overrides official data and is marked as edited', async () => {
    await call(t, admin, 'PUT', '/calendar/days/2026-10-10', { kind: 'normal' });
    const days: Day[] = (await call(t, clerk, 'GET', '/calendar/2026')).json().days;
    expect(days.find((d) => d.date === '2026-10-10')).toMatchObject({ kind: 'normal', source: 'edited' });
    expect((await call(t, clerk, 'GET', '/calendar/workdays?from=2026-10-09&to=2026-10-12')).json().count).toBe(1);
  });

  it('only a city-level system administrator edits the calendar, and the edit is audited', async () => {
    const res = await call(t, clerk, 'PUT', '/calendar/days/2026-12-31', { kind: 'holiday', name: '测试' });
    expect(res.statusCode).toBe(403);
    const events = await t.conn.db.selectFrom('audit_events').select('entity_id').where('action', '=', 'calendar.day.set').execute();
    expect(events.map((e) => e.entity_id).sort()).toEqual(['2026-10-10', '2027-01-01']);
  });
});
