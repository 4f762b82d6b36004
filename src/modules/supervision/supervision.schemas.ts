import { Type } from 'typebox';
import { pageOf } from '../../core/paging.ts';
import { Nullable, oneOf } from '../../http/schemas.ts';
import { CLOCK_SUBJECTS } from '../deadlines/subjects.rules.ts';
import { TrafficLight } from '../deadlines/deadlines.schemas.ts';
import { INDICATORS } from './supervision.indicators.ts';
import { ASSESSMENT_KINDS, ASSESSMENT_STATES, FINDING_KINDS, RESOLUTIONS } from './supervision.rules.ts';

/** The response payloads of 监督考评 in the console (docs/api-types.md). */

const strict = { additionalProperties: false } as const;

export const Key = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_.-]+$' });
const Name = Type.String({ minLength: 1, maxLength: 200 });
/** The registry's keys: an enum in the OpenAPI document, a string to the server's type-check (the registry is built at run time). */
export const IndicatorKey = Type.Unsafe<string>(Type.Union(INDICATORS.map((i) => Type.Literal(i.key))));

/** A template's areas, items (each optionally naming a computed indicator) and grades: the request of an edit and the answer alike. */
export const TemplateBody = Type.Object({
  areas: Type.Array(Type.Object({
    key: Key, name: Name,
    items: Type.Array(Type.Object({ key: Key, name: Name, max: Type.Number({ exclusiveMinimum: 0, maximum: 100 }), indicator: Type.Optional(IndicatorKey) }, strict), { minItems: 1, maxItems: 50 }),
  }, strict), { minItems: 1, maxItems: 20 }),
  grades: Type.Array(Type.Object({ name: Type.String({ minLength: 1, maxLength: 20 }), min: Type.Number({ minimum: 0, maximum: 100 }) }, strict), { minItems: 1, maxItems: 10 }),
}, { ...strict, title: 'TemplateBody' });

export const Scores = Type.Record(Key, Type.Object({ score: Type.Number({ minimum: 0, maximum: 100 }), note: Type.String({ maxLength: 1000 }) }, strict), { title: 'AssessmentScores' });

export const SupervisionVocabulary = Type.Object({
  kinds: Type.Record(oneOf(ASSESSMENT_KINDS), Type.String()),
  states: Type.Record(oneOf(ASSESSMENT_STATES), Type.String()),
  findingKinds: Type.Record(oneOf(FINDING_KINDS), Type.String()),
  resolutions: Type.Record(oneOf(RESOLUTIONS), Type.String()),
  subjects: Type.Record(oneOf(CLOCK_SUBJECTS), Type.String()),
  indicators: Type.Array(Type.Object({ key: IndicatorKey, label: Type.String(), unit: Type.Union([Type.Literal('%'), Type.Literal('件')]), higherIsBetter: Type.Boolean() })),
  agencies: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  ownAgencyId: Type.String(),
  canAssessAgencies: Type.Boolean(),
}, { title: 'SupervisionVocabulary' });

const Rate = Type.Object({ due: Type.Integer(), onTime: Type.Integer(), late: Type.Integer(), rate: Nullable(Type.Number()) });

export const Dashboard = Type.Object({
  now: Type.String(),
  agencyCount: Type.Integer(),
  lights: Type.Array(Type.Object({ subjectType: Type.String(), label: Type.String(), red: Type.Integer(), yellow: Type.Integer(), green: Type.Integer() })),
  open: Type.Integer(),
  overdue: Type.Integer(),
  month: Rate,
  year: Rate,
  trend: Type.Array(Type.Object({ month: Type.String(), ...Rate.properties })),
  agencies: Type.Array(Type.Object({ agencyId: Type.String(), agency: Type.String(), open: Type.Integer(), overdue: Type.Integer() })),
  selfChecks: Type.Object({ week: Type.String(), missing: Type.Array(Type.Object({ unitId: Type.String(), unit: Type.String(), agency: Type.String() })) }),
}, { title: 'SupervisionDashboard' });

const clockFields = {
  id: Type.String(), agencyId: Type.String(), agency: Type.String(), subjectType: Type.String(), subjectLabel: Type.String(), subjectId: Type.String(),
  title: Nullable(Type.String()), path: Nullable(Type.String()), dueAt: Type.String(), due: Type.String(), metAt: Nullable(Type.String()), light: TrafficLight,
  holder: Nullable(Type.Object({ name: Type.String(), role: Nullable(Type.String()), since: Type.String(), action: Type.String() })),
};
export const Clock = Type.Object(clockFields, { title: 'SupervisionClock' });

export const MissedClock = Type.Object({
  ...clockFields,
  lateHours: Type.Number(),
  steps: Type.Array(Type.Object({ at: Type.String(), when: Type.String(), actor: Type.String(), role: Nullable(Type.String()), action: Type.String(), hours: Type.Number(), pastDue: Type.Boolean() })),
}, { title: 'MissedClock' });

export const ClockPage = pageOf(Clock);
export const MissedClockPage = pageOf(MissedClock);

export const SelfCheckWeek = Type.Object({
  week: Type.String(),
  thisWeek: Type.String(),
  units: Type.Array(Type.Object({
    unitId: Type.String(), unit: Type.String(), checkId: Nullable(Type.String()),
    state: Type.Union([Type.Literal('open'), Type.Literal('done'), Type.Literal('unchecked')]), completedAt: Nullable(Type.String()), findings: Type.Integer(), open: Type.Integer(),
  })),
}, { title: 'SelfCheckWeek' });

export const Finding = Type.Object({
  id: Type.String(), kind: oneOf(FINDING_KINDS), kindLabel: Type.String(), automatic: Type.Boolean(), subjectId: Nullable(Type.String()), path: Nullable(Type.String()),
  text: Type.String(), resolution: Nullable(oneOf(RESOLUTIONS)), resolutionLabel: Nullable(Type.String()), note: Type.String(), resolvedAt: Nullable(Type.String()),
}, { title: 'SelfCheckFinding' });

export const SelfCheck = Type.Object({
  id: Type.String(), unitId: Type.String(), unit: Type.String(), week: Type.String(), state: Type.Union([Type.Literal('open'), Type.Literal('done')]), completedAt: Nullable(Type.String()),
  findings: Type.Array(Finding),
}, { title: 'SelfCheck' });

export const Template = Type.Object({
  id: Type.String(), builtIn: Type.Boolean(), family: Type.String(), year: Nullable(Type.Integer()), version: Type.Integer(), name: Type.String(), max: Type.Number(), body: TemplateBody,
}, { title: 'AssessmentTemplate' });

export const TemplateList = Type.Object({ year: Type.Integer(), items: Type.Array(Template) }, { title: 'AssessmentTemplateList' });

export const Figure = Type.Object({
  label: Type.String(), unit: Type.String(), value: Nullable(Type.Number()), numerator: Type.Number(), denominator: Type.Number(), evidence: Type.String(), path: Nullable(Type.String()),
}, { title: 'IndicatorFigure' });

export const Assessment = Type.Object({
  id: Type.String(), agencyId: Type.String(), agency: Type.String(), kind: oneOf(ASSESSMENT_KINDS), kindLabel: Type.String(), year: Type.Integer(), state: oneOf(ASSESSMENT_STATES),
  template: Type.Object({ id: Type.String(), name: Type.String(), version: Type.Integer(), max: Type.Number(), body: TemplateBody }),
  scores: Scores,
  indicators: Type.Record(Type.String(), Figure),
  total: Nullable(Type.Number()), grade: Nullable(Type.String()), signedBy: Nullable(Type.String()), signedAt: Nullable(Type.String()),
  actions: Type.Array(Type.Union([Type.Literal('score'), Type.Literal('sign')])),
}, { title: 'Assessment' });

export const Results = Type.Object({
  year: Type.Integer(),
  items: Type.Array(Type.Object({
    id: Type.String(), agencyId: Type.String(), agency: Type.String(), kind: oneOf(ASSESSMENT_KINDS), kindLabel: Type.String(), state: oneOf(ASSESSMENT_STATES),
    template: Type.String(), max: Type.Number(), total: Nullable(Type.Number()), grade: Nullable(Type.String()), signedBy: Nullable(Type.String()), signedAt: Nullable(Type.String()),
  }, { title: 'AssessmentResult' })),
}, { title: 'AssessmentResults' });
