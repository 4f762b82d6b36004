import { Type } from 'typebox';
import { itemsOf, pageOf } from '../../core/paging.ts';
import { Nullable, oneOf } from '../../http/schemas.ts';
import { Deadline, TrafficLight } from '../deadlines/deadlines.schemas.ts';
import { ACTION_LABELS, CLOCK_NAMES, INTAKES, RESPONSE_FORMS, RISK_LEVELS, SOURCES, STATES } from './opinion.rules.ts';

/** The response payloads of public-opinion cases in the console (docs/api-types.md). */

export const OpinionVocabulary = Type.Object(
  {
    sources: Type.Record(oneOf(SOURCES), Type.String()),
    riskLevels: Type.Record(oneOf(RISK_LEVELS), Type.String()),
    states: Type.Record(oneOf(STATES), Type.String()),
    actions: Type.Record(oneOf(ACTION_LABELS), Type.String()),
    responseForms: Type.Record(oneOf(RESPONSE_FORMS), Type.String()),
    intakes: Type.Record(oneOf(INTAKES), Type.String()),
    clocks: Type.Record(oneOf(CLOCK_NAMES), Type.String()),
  },
  { title: 'OpinionVocabulary' },
);

/** One of a case's clocks: the deadline as presented, its name and whether it is met. */
export const OpinionClock = Type.Evaluate(
  Type.Intersect([
    Deadline,
    Type.Object({
      name: Type.String(),
      met: Type.Boolean(),
      term: Type.Object({ unit: Type.Union([Type.Literal('workdays'), Type.Literal('hours'), Type.Literal('calendarDays')]), n: Type.Number() }),
    }),
  ]),
  { title: 'OpinionClock' },
);

const caseFields = {
  id: Type.String(),
  agencyId: Type.String(),
  caseNo: Type.String(),
  title: Type.String(),
  source: oneOf(SOURCES),
  link: Type.String(),
  happenedAt: Type.String(),
  foundAt: Type.String(),
  summary: Type.String(),
  riskLevel: oneOf(RISK_LEVELS),
  analysis: Type.String(),
  handlingPlan: Type.String(),
  state: oneOf(STATES),
  responsibleUnitId: Nullable(Type.String()),
  responsibleUnitName: Nullable(Type.String()),
  intake: oneOf(INTAKES),
  reportedAt: Nullable(Type.String()),
  reportedTo: Type.String(),
  feedback: Type.String(),
  updatedAt: Type.String(),
};

export const OpinionCase = Type.Object(caseFields, { title: 'OpinionCase' });

export const OpinionListEntry = Type.Object({ ...caseFields, light: Nullable(TrafficLight), clocks: Type.Array(OpinionClock) }, { title: 'OpinionListEntry' });
export const OpinionCases = pageOf(OpinionListEntry);

/** The actions a person may be offered: `response_published` is the response item's publication. */
const { response_published: _published, ...OFFERED } = ACTION_LABELS;

export const OpinionDetail = Type.Object(
  {
    case: OpinionCase,
    clocks: Type.Array(OpinionClock),
    actions: Type.Array(oneOf(OFFERED)),
    steps: Type.Array(Type.Object({
      id: Type.String(), at: Type.String(), actorName: Type.String(), role: Type.String(), action: Type.String(), fromState: Type.String(), toState: Type.String(), note: Type.String(),
      data: Nullable(Type.Record(Type.String(), Type.Unknown())),
    })),
    responses: Type.Array(Type.Object({
      id: Type.String(),
      form: oneOf(RESPONSE_FORMS),
      itemId: Nullable(Type.String()),
      itemTitle: Nullable(Type.String()),
      itemState: Nullable(Type.String()),
      itemIndex: Nullable(Type.String()),
      description: Type.String(),
      respondedAt: Nullable(Type.String()),
      createdAt: Type.String(),
      /** The response item's expedited internal clock (the agency's hours). */
      expedited: Nullable(Deadline),
    })),
    sightings: Type.Array(Type.Object({ intake: oneOf(INTAKES), link: Type.String(), seenAt: Type.String() })),
    units: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
    /** OP-7: for a major case, the leaders on duty now and how to reach them. */
    onDuty: Type.Array(Type.Object({ name: Type.String(), phone: Type.String(), startsAt: Type.String(), endsAt: Type.String() })),
  },
  { title: 'OpinionDetail' },
);

export const OpinionResponseItem = Type.Object({ itemId: Type.String() }, { title: 'OpinionResponseItem' });

export const OpinionSettings = Type.Object(
  {
    feedHosts: Type.Array(Type.String()),
    responseItemHours: Type.Integer(),
    webhookSecretSet: Type.Boolean(),
    /** Only in the answer that rotated it: shown this once. */
    webhookSecret: Type.Optional(Nullable(Type.String())),
  },
  { title: 'OpinionSettings' },
);

export const OpinionFeed = Type.Object(
  { id: Type.String(), name: Type.String(), url: Type.String(), source: oneOf(SOURCES), enabled: Type.Boolean(), lastPolledAt: Nullable(Type.String()), lastError: Type.String() },
  { title: 'OpinionFeed' },
);
export const OpinionFeeds = itemsOf(OpinionFeed);

export const OpinionPollResult = Type.Object(
  { feeds: Type.Integer(), created: Type.Integer(), merged: Type.Integer(), seen: Type.Integer(), errors: Type.Array(Type.Object({ feed: Type.String(), error: Type.String() })) },
  { title: 'OpinionPollResult' },
);
