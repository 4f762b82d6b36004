import { Type } from 'typebox';
import { pageOf } from '../../core/paging.ts';
import { Nullable, oneOf } from '../../http/schemas.ts';
import { Deadline } from '../deadlines/deadlines.schemas.ts';
import { ItemDetail } from '../documents/documents.schemas.ts';
import { CHECKLIST, FORMS } from './interpretation.rules.ts';

/** The response payloads of 政策解读 in the console (docs/api-types.md). */

export const InterpretationVocabulary = Type.Object(
  { forms: Type.Record(oneOf(FORMS), Type.String()), checklist: Type.Record(oneOf(CHECKLIST), Type.String()) },
  { title: 'InterpretationVocabulary' },
);

export const FormContent = Type.Object(
  {
    pairs: Type.Optional(Type.Array(Type.Object({ question: Type.String(), answer: Type.String() }))),
    altText: Type.Optional(Type.String()),
    mediaUrl: Type.Optional(Type.String()),
    transcript: Type.Optional(Type.String()),
    heldOn: Type.Optional(Type.String()),
    speakers: Type.Optional(Type.Array(Type.String())),
  },
  { title: 'InterpretationFormContent' },
);

const ChecklistEntry = Type.Object({ content: Type.String(), notApplicableReason: Type.String() });

export const InterpretationDetail = Type.Object(
  {
    ...ItemDetail.properties,
    interpretation: Type.Object({
      form: oneOf(FORMS),
      content: FormContent,
      checklist: Type.Partial(Type.Record(oneOf(CHECKLIST), ChecklistEntry)),
      policies: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), state: Type.String(), publishedAt: Nullable(Type.String()) })),
      reissueOf: Nullable(Type.Object({ id: Type.String(), title: Type.String(), reason: Type.String() })),
      reissues: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), state: Type.String(), reason: Type.String() })),
      /** What the office check would refuse now (shown to the drafter while drafting). */
      problems: Type.Array(Type.String()),
    }),
  },
  { title: 'InterpretationDetail' },
);

export const PolicyClockRow = Type.Object(
  {
    policyId: Type.String(),
    title: Type.String(),
    docNumber: Type.String(),
    unitName: Type.String(),
    publishedAt: Nullable(Type.String()),
    policyLevel: Type.String(),
    deadline: Nullable(Type.Evaluate(Type.Intersect([Deadline, Type.Object({ term: Type.Object({ unit: Type.String(), n: Type.Number() }) })]))),
    interpretations: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), state: Type.String(), publishedAt: Nullable(Type.String()) })),
  },
  { title: 'PolicyClockRow' },
);

export const SyncOverview = Type.Object(
  {
    ...pageOf(PolicyClockRow).properties,
    rate: Type.Object({ due: Type.Integer(), onTime: Type.Integer(), late: Type.Integer(), running: Type.Integer(), rate: Nullable(Type.Number()) }),
    days: Type.Integer(),
  },
  { title: 'SyncOverview' },
);

export const InterpretationYear = Type.Object(
  {
    year: Type.Integer(),
    importantInterpreted: Type.Integer(),
    warning: Nullable(Type.String()),
    interpreted: Type.Array(Type.Object({
      policyId: Type.String(), policyTitle: Type.String(), policyLevel: Type.String(), interpretationId: Type.String(), interpretationTitle: Type.String(), publishedAt: Nullable(Type.String()),
    })),
  },
  { title: 'InterpretationYear' },
);

export const InterpretationSettings = Type.Object({ days: Type.Integer() }, { title: 'InterpretationSettings' });
