import { Type, type Static } from 'typebox';

export const DataSource = Type.Union([Type.Literal('official'), Type.Literal('edited')]);
export type DataSource = Static<typeof DataSource>;

export const CalendarDay = Type.Object(
  {
    date: Type.String(),
    kind: Type.Union([Type.Literal('holiday'), Type.Literal('workday'), Type.Literal('normal')]),
    name: Type.String(),
    source: DataSource,
  },
  { title: 'CalendarDay' }
);
export type CalendarDay = Static<typeof CalendarDay>;

export const CalendarYear = Type.Object(
  {
    year: Type.Number(),
    covered: Type.Boolean(),
    source: Type.Union([DataSource, Type.Literal('none')]),
    days: Type.Array(CalendarDay),
  },
  { title: 'CalendarYear' }
);
export type CalendarYear = Static<typeof CalendarYear>;

export const AddWorkdaysResult = Type.Object(
  {
    date: Type.String(),
    provisional: Type.Boolean(),
  },
  { title: 'AddWorkdaysResult' }
);
export type AddWorkdaysResult = Static<typeof AddWorkdaysResult>;

export const WorkdayCount = Type.Object(
  {
    count: Type.Number(),
    provisional: Type.Boolean(),
  },
  { title: 'WorkdayCount' }
);
export type WorkdayCount = Static<typeof WorkdayCount>;
