import { Type, type Static } from 'typebox';
import { oneOf } from '../../http/schemas.ts';
import { Deadline } from '../deadlines/deadlines.schemas.ts';
import {
  ACTION_LABELS as ITEM_ACTIONS,
  ATTACHMENT_ACTIONS,
  ATTRIBUTES,
  CATEGORIES,
  CHANNELS as DOC_CHANNELS,
  CONCLUSIONS,
  DOC_KINDS,
  FILE_STEP_LABELS,
  POLICY_LEVELS,
  STATES as ITEM_STATES,
  VALIDITIES,
} from './documents.rules.ts';
import { ROLES } from '../org/org.rules.ts';

export const DocVocabulary = Type.Object(
  {
    docKinds: Type.Record(oneOf(DOC_KINDS), Type.String()),
    categories: Type.Record(oneOf(CATEGORIES), Type.String()),
    attributes: Type.Record(oneOf(ATTRIBUTES), Type.String()),
    conclusions: Type.Record(oneOf(CONCLUSIONS), Type.String()),
    channels: Type.Record(oneOf(DOC_CHANNELS), Type.String()),
    states: Type.Record(oneOf(ITEM_STATES), Type.String()),
    validities: Type.Record(oneOf(VALIDITIES), Type.String()),
    policyLevels: Type.Record(oneOf(POLICY_LEVELS), Type.String()),
    actions: Type.Record(oneOf(ITEM_ACTIONS), Type.String()),
    fileSteps: Type.Record(oneOf(FILE_STEP_LABELS), Type.String()),
    findingKinds: Type.Record(Type.String(), Type.String()),
    itemKinds: Type.Record(Type.String(), Type.String()),
    consultationKinds: Type.Record(Type.String(), Type.String()),
    consultationAnswers: Type.Record(Type.String(), Type.String()),
    recheckResults: Type.Record(Type.String(), Type.String()),
    transitions: Type.Array(
      Type.Object({
        from: oneOf(ITEM_STATES),
        action: oneOf(ITEM_ACTIONS),
        roles: Type.Array(oneOf(ROLES)),
        to: oneOf(ITEM_STATES),
      })
    ),
  },
  { title: 'DocVocabulary' }
);
export type DocVocabulary = Static<typeof DocVocabulary>;

export const ItemKind = Type.Union([Type.Literal('document'), Type.Literal('other')]);
export type ItemKind = Static<typeof ItemKind>;

export const InterpretationPlan = Type.Object(
  {
    outline: Type.String(),
    form: Type.String(),
    channel: Type.String(),
    time: Type.String(),
  },
  { title: 'InterpretationPlan' }
);
export type InterpretationPlan = Static<typeof InterpretationPlan>;

export const Item = Type.Object(
  {
    id: Type.String(),
    agencyId: Type.String(),
    unitId: Type.String(),
    unitName: Type.String(),
    drafterId: Type.String(),
    drafterName: Type.String(),
    kind: ItemKind,
    docKind: Type.Union([oneOf(DOC_KINDS), Type.Null()]),
    docNumber: Type.String(),
    title: Type.String(),
    summary: Type.String(),
    body: Type.String(),
    dateMade: Type.String(),
    category: oneOf(CATEGORIES),
    attribute: Type.Union([oneOf(ATTRIBUTES), Type.Null()]),
    attributeReason: Type.String(),
    nonPublicParts: Type.String(),
    policyLevel: oneOf(POLICY_LEVELS),
    interpretationPlan: Type.Union([InterpretationPlan, Type.Null()]),
    leadingGroupReview: Type.String(),
    major: Type.Boolean(),
    collectiveDecision: Type.String(),
    conclusion: Type.Union([oneOf(CONCLUSIONS), Type.Null()]),
    state: oneOf(ITEM_STATES),
    validity: oneOf(VALIDITIES),
    validUntil: Type.Union([Type.String(), Type.Null()]),
    version: Type.Number(),
    changeReason: Type.String(),
    changedOn: Type.String(),
    channels: Type.Array(oneOf(DOC_CHANNELS)),
    paperCopies: Type.Number(),
    indexNumber: Type.Union([Type.String(), Type.Null()]),
    publishedAt: Type.Union([Type.String(), Type.Null()]),
    colophon: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'Item' }
);
export type Item = Static<typeof Item>;

export const ItemListEntry = Type.Evaluate(
  Type.Intersect([
    Item,
    Type.Object({
      deadline: Type.Union([Deadline, Type.Null()]),
    }),
  ]),
  { title: 'ItemListEntry' }
);
export type ItemListEntry = Static<typeof ItemListEntry>;

export const ItemStep = Type.Object(
  {
    id: Type.String(),
    at: Type.String(),
    actorName: Type.String(),
    role: oneOf(ROLES),
    action: Type.Union([oneOf(ITEM_ACTIONS), oneOf(FILE_STEP_LABELS)]),
    fromState: oneOf(ITEM_STATES),
    toState: oneOf(ITEM_STATES),
    opinion: Type.String(),
    data: Type.Union([
      Type.Object({
        conclusion: Type.Optional(oneOf(CONCLUSIONS)),
        channels: Type.Optional(Type.Array(oneOf(DOC_CHANNELS))),
        indexNumber: Type.Optional(Type.Union([Type.String(), Type.Null()])),
      }),
      Type.Null(),
    ]),
  },
  { title: 'ItemStep' }
);
export type ItemStep = Static<typeof ItemStep>;

export const ConsultationKind = Type.Union([Type.Literal('joint'), Type.Literal('third_party'), Type.Literal('referral')]);
export type ConsultationKind = Static<typeof ConsultationKind>;

export const Consultation = Type.Object(
  {
    id: Type.String(),
    kind: ConsultationKind,
    party: Type.String(),
    requestedAt: Type.String(),
    answer: Type.Union([Type.Literal('consent'), Type.Literal('refuse'), Type.Literal('answered'), Type.Null()]),
    answerText: Type.String(),
    answeredAt: Type.Union([Type.String(), Type.Null()]),
    overrideReason: Type.String(),
    expired: Type.Boolean(),
  },
  { title: 'Consultation' }
);
export type Consultation = Static<typeof Consultation>;

export const ItemAttachment = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    kind: Type.String(),
    mime: Type.String(),
    size: Type.Number(),
    hasPublicVersion: Type.Boolean(),
    createdAt: Type.String(),
  },
  { title: 'ItemAttachment' }
);
export type ItemAttachment = Static<typeof ItemAttachment>;

export const FindingStatus = Type.Union([Type.Literal('open'), Type.Literal('removed'), Type.Literal('accepted'), Type.Literal('not_a_mark')]);
export type FindingStatus = Static<typeof FindingStatus>;

export const Finding = Type.Object(
  {
    id: Type.String(),
    source: Type.String(),
    kind: Type.String(),
    start: Type.Number(),
    end: Type.Number(),
    text: Type.String(),
    status: FindingStatus,
    reason: Type.String(),
  },
  { title: 'Finding' }
);
export type Finding = Static<typeof Finding>;

export const Redaction = Type.Object(
  {
    id: Type.String(),
    phrase: Type.String(),
    reason: Type.String(),
    createdAt: Type.String(),
  },
  { title: 'Redaction' }
);
export type Redaction = Static<typeof Redaction>;

const LinkedItem = Type.Object({ id: Type.String(), title: Type.String(), state: Type.String() });

export const ItemDetail = Type.Object(
  {
    item: Item,
    deadline: Type.Union([Deadline, Type.Null()]),
    actions: Type.Array(oneOf(ITEM_ACTIONS)),
    attachmentActions: Type.Array(oneOf(ATTACHMENT_ACTIONS)),
    steps: Type.Array(ItemStep),
    consultations: Type.Array(Consultation),
    attachments: Type.Array(ItemAttachment),
    findings: Type.Array(Finding),
    redactions: Type.Array(Redaction),
    /** INT-3: a policy's interpretations, an interpretation's policies. */
    interpretationLinks: Type.Object(
      { interpretations: Type.Array(LinkedItem), policies: Type.Array(LinkedItem) },
      { title: 'InterpretationLinks' }
    ),
  },
  { title: 'ItemDetail' }
);
export type ItemDetail = Static<typeof ItemDetail>;

export const LedgerEntry = Type.Object(
  {
    id: Type.String(),
    indexNumber: Type.String(),
    title: Type.String(),
    docNumber: Type.String(),
    category: oneOf(CATEGORIES),
    unitName: Type.String(),
    drafterName: Type.String(),
    deptReviewer: Type.String(),
    secrecyReviewer: Type.String(),
    approverName: Type.String(),
    approvedAt: Type.Union([Type.String(), Type.Null()]),
    dateMade: Type.String(),
    publishedAt: Type.String(),
    version: Type.Number(),
    validity: oneOf(VALIDITIES),
    paperCopies: Type.Number(),
  },
  { title: 'LedgerEntry' }
);
export type LedgerEntry = Static<typeof LedgerEntry>;

export const RecheckResult = Type.Union([Type.Literal('keep'), Type.Literal('convert')]);
export type RecheckResult = Static<typeof RecheckResult>;

export const NonPublicEntry = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    docNumber: Type.String(),
    unitName: Type.String(),
    attribute: oneOf(ATTRIBUTES),
    reason: Type.String(),
    dateMade: Type.String(),
    lastCheck: Type.Union([
      Type.Object({
        year: Type.Number(),
        result: RecheckResult,
        reason: Type.String(),
        at: Type.String(),
      }),
      Type.Null(),
    ]),
    checkedThisYear: Type.Boolean(),
  },
  { title: 'NonPublicEntry' }
);
export type NonPublicEntry = Static<typeof NonPublicEntry>;
