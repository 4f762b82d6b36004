import { Type, type Static } from 'typebox';
import { TrafficLight } from '../deadlines/deadlines.schemas.ts';

export const Todo = Type.Object(
  {
    id: Type.String(),
    kind: Type.String(),
    title: Type.String(),
    due: Type.Union([Type.String(), Type.Null()]),
    light: Type.Union([TrafficLight, Type.Null()]),
    link: Type.Union([Type.String(), Type.Null()]),
    attribute: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  },
  { title: 'Todo' }
);
export type Todo = Static<typeof Todo>;
