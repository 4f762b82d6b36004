import { Type, type Static } from 'typebox';

export const TrafficLight = Type.Union([Type.Literal('green'), Type.Literal('yellow'), Type.Literal('red')]);
export type TrafficLight = Static<typeof TrafficLight>;

export const Deadline = Type.Object(
  {
    rule: Type.String(),
    startDate: Type.String(),
    dueDate: Type.String(),
    dueAt: Type.String(),
    state: Type.Union([Type.Literal('running'), Type.Literal('paused'), Type.Literal('met'), Type.Literal('overdue')]),
    metLate: Type.Optional(Type.Boolean()),
    light: TrafficLight,
    remainingWorkdays: Type.Union([Type.Number(), Type.Null()]),
    provisional: Type.Boolean(),
    explanation: Type.Array(Type.String()),
  },
  { title: 'Deadline' }
);
export type Deadline = Static<typeof Deadline>;

export const DeadlineSummary = Type.Evaluate(
  Type.Intersect([
    Type.Pick(Deadline, Type.Union([Type.Literal('dueDate'), Type.Literal('light'), Type.Literal('state'), Type.Literal('provisional')])),
    Type.Partial(Type.Pick(Deadline, Type.Union([Type.Literal('metLate'), Type.Literal('explanation')]))),
  ]),
  { title: 'DeadlineSummary' }
);
export type DeadlineSummary = Static<typeof DeadlineSummary>;
