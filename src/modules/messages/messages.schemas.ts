import { Type } from 'typebox';
import { pageOf } from '../../core/paging.ts';
import { Nullable, oneOf } from '../../http/schemas.ts';
import { Deadline } from '../deadlines/deadlines.schemas.ts';
import { ACTION_LABELS, RATINGS, REFUSALS, STATES } from './messages.rules.ts';

/** The response payloads of citizens' messages in the console (docs/api-types.md). */

const Named = Type.Object({ id: Type.String(), name: Type.String() });

export const MessageVocabulary = Type.Object(
  {
    states: Type.Record(oneOf(STATES), Type.String()),
    actions: Type.Record(oneOf(ACTION_LABELS), Type.String()),
    refusals: Type.Record(oneOf(REFUSALS), Type.String()),
    ratings: Type.Record(oneOf(RATINGS), Type.String()),
    limits: Type.Object({ topic: Type.Integer(), content: Type.Integer(), contentMin: Type.Integer(), name: Type.Integer(), answer: Type.Integer(), reason: Type.Integer() }),
    units: Type.Array(Named),
    agencies: Type.Array(Named),
  },
  { title: 'MessageVocabulary' },
);

export const MessageTransfer = Type.Object(
  { kind: Type.Union([Type.Literal('unit'), Type.Literal('agency')]), at: Type.String(), from: Type.String(), to: Type.String(), reason: Type.String() },
  { title: 'MessageTransfer' },
);

const messageFields = {
  id: Type.String(),
  topic: Type.String(),
  content: Type.String(),
  state: oneOf(STATES),
  stateLabel: Type.String(),
  unitId: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  receivedAt: Type.String(),
  /** Unmasked only on the message itself, for the office and the assigned unit. */
  asker: Type.Object({ name: Type.String(), phone: Type.String() }),
  answer: Nullable(Type.String()),
  answeredAt: Nullable(Type.String()),
  refusal: Nullable(oneOf(REFUSALS)),
  refusalLabel: Nullable(Type.String()),
  refusalReason: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  rating: Nullable(oneOf(RATINGS)),
  ratingLabel: Nullable(Type.String()),
  transfers: Type.Array(MessageTransfer),
  due: Nullable(Type.Pick(Deadline, Type.Union([Type.Literal('dueDate'), Type.Literal('light'), Type.Literal('state'), Type.Literal('provisional'), Type.Literal('remainingWorkdays'), Type.Literal('explanation')]))),
  actions: Type.Array(oneOf(ACTION_LABELS)),
};

export const Message = Type.Object(messageFields, { title: 'Message' });
export const MessagePage = pageOf(Message);

export const MessageDetail = Type.Object(
  {
    ...messageFields,
    steps: Type.Array(Type.Object({ at: Type.String(), actor: Type.String(), action: Type.String(), label: Type.String(), note: Type.String() })),
  },
  { title: 'MessageDetail' },
);

/** A message handed to another agency leaves the actor's reach: only its id comes back. */
export const MessageMoved = Type.Object({ id: Type.String(), moved: Type.Boolean() }, { title: 'MessageMoved' });
export const MessageActed = Type.Union([MessageDetail, MessageMoved]);

export const MessageSettings = Type.Object({ answerWorkdays: Type.Integer(), defaultWorkdays: Type.Integer() }, { title: 'MessageSettings' });

const statsFields = {
  received: Type.Integer(),
  answered: Type.Integer(),
  onTime: Type.Integer(),
  refused: Type.Integer(),
  averageWorkdays: Nullable(Type.Number()),
  ratings: Type.Record(oneOf(RATINGS), Type.Integer()),
  /** 满意 and 基本满意 among the rated, in per cent. */
  satisfaction: Nullable(Type.Number()),
};

export const MessageStatsRow = Type.Object(statsFields, { title: 'MessageStatsRow' });

export const MessageStats = Type.Object(
  {
    period: Type.Object({ from: Type.String(), to: Type.String() }),
    agencies: Type.Array(Type.Object({ ...statsFields, agencyId: Type.String(), agency: Type.String() })),
    total: MessageStatsRow,
  },
  { title: 'MessageStats' },
);
