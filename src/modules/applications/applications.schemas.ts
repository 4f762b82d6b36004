import { Type, type Static } from 'typebox';
import { oneOf } from '../../http/schemas.ts';
import {
  ACTION_LABELS as APPLICATION_ACTIONS,
  APPEAL_KINDS,
  APPLICANT_KINDS,
  CHANNELS as RECEIPT_CHANNELS,
  DELIVERIES,
  EXTENSION_APPROVERS,
  FLAG_LABELS,
  FORMS,
  ID_TYPES,
  OUTCOMES,
  REPLY_TYPES,
  REVIEW_KINDS,
  STATES as APPLICATION_STATES,
} from './applications.rules.ts';
import { Deadline, DeadlineSummary } from '../deadlines/deadlines.schemas.ts';
import { ROLES } from '../org/org.rules.ts';

export const IdType = oneOf(ID_TYPES);
export type IdType = Static<typeof IdType>;

export const ApplicationFlag = oneOf(FLAG_LABELS);
export type ApplicationFlag = Static<typeof ApplicationFlag>;

export const OutcomeInfo = Type.Object(
  {
    group: Type.String(),
    label: Type.String(),
    reply: oneOf(REPLY_TYPES),
  },
  { title: 'OutcomeInfo' }
);
export type OutcomeInfo = Static<typeof OutcomeInfo>;

export const AppVocabulary = Type.Object(
  {
    applicantKinds: Type.Record(oneOf(APPLICANT_KINDS), Type.String()),
    channels: Type.Record(oneOf(RECEIPT_CHANNELS), Type.String()),
    receiptRules: Type.Record(oneOf(RECEIPT_CHANNELS), Type.String()),
    forms: Type.Record(oneOf(FORMS), Type.String()),
    deliveries: Type.Record(oneOf(DELIVERIES), Type.String()),
    outcomes: Type.Record(oneOf(OUTCOMES), OutcomeInfo),
    replyTypes: Type.Record(oneOf(REPLY_TYPES), Type.String()),
    idTypes: Type.Record(oneOf(ID_TYPES), Type.String()),
    states: Type.Record(oneOf(APPLICATION_STATES), Type.String()),
    actions: Type.Record(oneOf(APPLICATION_ACTIONS), Type.String()),
    reviewKinds: Type.Record(oneOf(REVIEW_KINDS), Type.String()),
    appealKinds: Type.Record(oneOf(APPEAL_KINDS), Type.String()),
    extensionApprovers: Type.Record(oneOf(EXTENSION_APPROVERS), Type.String()),
  },
  { title: 'AppVocabulary' }
);
export type AppVocabulary = Static<typeof AppVocabulary>;

export const ApplicationSettings = Type.Object(
  {
    autoConfirm: Type.Boolean(),
    extensionApprover: oneOf(EXTENSION_APPROVERS),
    ownRule: Type.String(),
  },
  { title: 'ApplicationSettings' }
);
export type ApplicationSettings = Static<typeof ApplicationSettings>;

export const ApplicationReceipt = Type.Object(
  {
    at: Type.String(),
    by: Type.String(),
    auto: Type.Boolean(),
    told: Type.String(),
  },
  { title: 'ApplicationReceipt' }
);
export type ApplicationReceipt = Static<typeof ApplicationReceipt>;

export const ApplicationReasons = Type.Object(
  {
    askedAt: Type.String(),
    asked: Type.String(),
    due: Type.String(),
    answeredAt: Type.Optional(Type.String()),
    answer: Type.Optional(Type.String()),
    decision: Type.Optional(Type.Union([Type.Literal('unreasonable'), Type.Literal('reasonable')])),
    decidedAt: Type.Optional(Type.String()),
    decisionReason: Type.Optional(Type.String()),
    workdays: Type.Optional(Type.Number()),
  },
  { title: 'ApplicationReasons' }
);
export type ApplicationReasons = Static<typeof ApplicationReasons>;

export const Applicant = Type.Object(
  {
    kind: oneOf(APPLICANT_KINDS),
    name: Type.String(),
    idType: IdType,
    idNumber: Type.String(),
    orgCode: Type.String(),
    phone: Type.String(),
    email: Type.String(),
    address: Type.String(),
  },
  { title: 'Applicant' }
);
export type Applicant = Static<typeof Applicant>;

export const ApplicationListEntry = Type.Object(
  {
    id: Type.String(),
    regNumber: Type.String(),
    channel: oneOf(RECEIPT_CHANNELS),
    arrivedAt: Type.String(),
    receivedAt: Type.Union([Type.String(), Type.Null()]),
    applicant: Applicant,
    description: Type.String(),
    state: oneOf(APPLICATION_STATES),
    unitName: Type.Union([Type.String(), Type.Null()]),
    flags: Type.Array(ApplicationFlag),
    outcome: Type.Union([oneOf(OUTCOMES), Type.Null()]),
    due: Type.Union([DeadlineSummary, Type.Null()]),
  },
  { title: 'ApplicationListEntry' }
);
export type ApplicationListEntry = Static<typeof ApplicationListEntry>;

export const ApplicationTransfer = Type.Object(
  {
    from: Type.String(),
    handedOverAt: Type.String(),
    record: Type.String(),
    reportedBackAt: Type.Optional(Type.String()),
    report: Type.Optional(Type.String()),
  },
  { title: 'ApplicationTransfer' }
);
export type ApplicationTransfer = Static<typeof ApplicationTransfer>;

export const ApplicationCorrection = Type.Object(
  {
    requestedAt: Type.String(),
    needed: Type.String(),
    due: Type.String(),
    answeredAt: Type.Optional(Type.String()),
    answer: Type.Optional(Type.String()),
  },
  { title: 'ApplicationCorrection' }
);
export type ApplicationCorrection = Static<typeof ApplicationCorrection>;

export const FeeBasis = Type.Union([Type.Literal('count'), Type.Literal('pages')]);
export type FeeBasis = Static<typeof FeeBasis>;

export const ApplicationFee = Type.Object(
  {
    amount: Type.Number(),
    by: FeeBasis,
    basis: Type.String(),
    pages: Type.Optional(Type.Number()),
    notifiedAt: Type.String(),
    noticeReceivedAt: Type.Optional(Type.String()),
    due: Type.Optional(Type.String()),
    paidAt: Type.Optional(Type.String()),
  },
  { title: 'ApplicationFee' }
);
export type ApplicationFee = Static<typeof ApplicationFee>;

export const ApplicationReply = Type.Object(
  {
    outcome: oneOf(OUTCOMES),
    text: Type.String(),
    alreadyPublicWhere: Type.Optional(Type.String()),
    holderAgency: Type.Optional(Type.String()),
    draftedBy: Type.String(),
    approvedBy: Type.Optional(Type.String()),
    approvedAt: Type.Optional(Type.String()),
  },
  { title: 'ApplicationReply' }
);
export type ApplicationReply = Static<typeof ApplicationReply>;

export const DeliveryRecord = Type.Object(
  {
    method: Type.String(),
    on: Type.String(),
    proof: Type.String(),
  },
  { title: 'DeliveryRecord' }
);
export type DeliveryRecord = Static<typeof DeliveryRecord>;

export const ApplicationStep = Type.Object(
  {
    at: Type.String(),
    actorName: Type.String(),
    role: Type.Union([oneOf(ROLES), Type.Literal('applicant')]),
    action: Type.String(),
    actionLabel: Type.String(),
    fromState: oneOf(APPLICATION_STATES),
    toState: oneOf(APPLICATION_STATES),
    note: Type.String(),
  },
  { title: 'ApplicationStep' }
);
export type ApplicationStep = Static<typeof ApplicationStep>;

export const ApplicationReview = Type.Object(
  {
    kind: oneOf(REVIEW_KINDS),
    byName: Type.String(),
    opinion: Type.String(),
    at: Type.String(),
  },
  { title: 'ApplicationReview' }
);
export type ApplicationReview = Static<typeof ApplicationReview>;

export const AppConsultationKind = Type.Union([Type.Literal('third_party'), Type.Literal('agency')]);
export type AppConsultationKind = Static<typeof AppConsultationKind>;

export const AppConsultationAnswerKind = Type.Union([Type.Literal('consent'), Type.Literal('refuse'), Type.Literal('no_answer')]);
export type AppConsultationAnswerKind = Static<typeof AppConsultationAnswerKind>;

export const ApplicationConsultation = Type.Object(
  {
    id: Type.String(),
    kind: AppConsultationKind,
    party: Type.String(),
    requestedAt: Type.String(),
    answeredAt: Type.Union([Type.String(), Type.Null()]),
    answer: Type.Union([AppConsultationAnswerKind, Type.Null()]),
    answerText: Type.String(),
    overrideReason: Type.String(),
    notice: Type.String(),
    deadline: Type.Union([Deadline, Type.Null()]),
  },
  { title: 'ApplicationConsultation' }
);
export type ApplicationConsultation = Static<typeof ApplicationConsultation>;

export const ApplicationFile = Type.Object(
  {
    id: Type.String(),
    kind: Type.String(),
    name: Type.String(),
    mime: Type.String(),
    size: Type.Number(),
    pages: Type.Union([Type.Number(), Type.Null()]),
    createdAt: Type.String(),
  },
  { title: 'ApplicationFile' }
);
export type ApplicationFile = Static<typeof ApplicationFile>;

export const AppealResult = Type.Union([Type.Literal('pending'), Type.Literal('upheld'), Type.Literal('corrected'), Type.Literal('other')]);
export type AppealResult = Static<typeof AppealResult>;

export const ApplicationAppeal = Type.Object(
  {
    id: Type.String(),
    kind: oneOf(APPEAL_KINDS),
    filedOn: Type.String(),
    body: Type.String(),
    result: AppealResult,
    resultOn: Type.Union([Type.String(), Type.Null()]),
    note: Type.String(),
  },
  { title: 'ApplicationAppeal' }
);
export type ApplicationAppeal = Static<typeof ApplicationAppeal>;

export const ApplicationDetail = Type.Object(
  {
    id: Type.String(),
    agencyId: Type.String(),
    regNumber: Type.String(),
    trackingCode: Type.String(),
    channel: oneOf(RECEIPT_CHANNELS),
    arrivedAt: Type.String(),
    receivedAt: Type.Union([Type.String(), Type.Null()]),
    receivedOn: Type.Union([Type.String(), Type.Null()]),
    receipt: Type.Union([ApplicationReceipt, Type.Null()]),
    reasons: Type.Union([ApplicationReasons, Type.Null()]),
    feeDeadline: Type.Union([Deadline, Type.Null()]),
    transfer: Type.Union([ApplicationTransfer, Type.Null()]),
    applicant: Applicant,
    description: Type.String(),
    purpose: Type.String(),
    form: oneOf(FORMS),
    delivery: oneOf(DELIVERIES),
    state: oneOf(APPLICATION_STATES),
    stateLabel: Type.String(),
    unitId: Type.Union([Type.String(), Type.Null()]),
    unitName: Type.Union([Type.String(), Type.Null()]),
    flags: Type.Array(ApplicationFlag),
    repeatOf: Type.Union([Type.String(), Type.Null()]),
    splitFrom: Type.Union([Type.String(), Type.Null()]),
    splitParts: Type.Array(
      Type.Object({
        id: Type.String(),
        regNumber: Type.String(),
        trackingCode: Type.String(),
        state: oneOf(APPLICATION_STATES),
      })
    ),
    correction: Type.Union([ApplicationCorrection, Type.Null()]),
    fee: Type.Union([ApplicationFee, Type.Null()]),
    outcome: Type.Union([oneOf(OUTCOMES), Type.Null()]),
    reply: Type.Union([ApplicationReply, Type.Null()]),
    finishedAt: Type.Union([Type.String(), Type.Null()]),
    deliveryRecord: Type.Union([DeliveryRecord, Type.Null()]),
    deadline: Type.Union([Deadline, Type.Null()]),
    steps: Type.Array(ApplicationStep),
    reviews: Type.Array(ApplicationReview),
    consultations: Type.Array(ApplicationConsultation),
    files: Type.Array(ApplicationFile),
    appeals: Type.Array(ApplicationAppeal),
    actions: Type.Array(oneOf(APPLICATION_ACTIONS)),
  },
  { title: 'ApplicationDetail' }
);
export type ApplicationDetail = Static<typeof ApplicationDetail>;

export const ApplicationRegistered = Type.Object(
  {
    id: Type.String(),
    regNumber: Type.String(),
    trackingCode: Type.String(),
    secret: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'ApplicationRegistered' }
);
export type ApplicationRegistered = Static<typeof ApplicationRegistered>;

export const Period = Type.Object(
  {
    from: Type.String(),
    to: Type.String(),
  },
  { title: 'Period' }
);
export type Period = Static<typeof Period>;

export const Table3Row = Type.Union([
  Type.Literal('new'),
  Type.Literal('carried_in'),
  oneOf(OUTCOMES),
  Type.Literal('results_total'),
  Type.Literal('carried_out'),
]);
export type Table3Row = Static<typeof Table3Row>;

export const Table3Column = Type.Union([oneOf(APPLICANT_KINDS), Type.Literal('total')]);
export type Table3Column = Static<typeof Table3Column>;

export const Table3Report = Type.Object(
  {
    period: Period,
    rows: Type.Record(Table3Row, Type.Record(Table3Column, Type.Number())),
    check: Type.Object({
      ok: Type.Boolean(),
      left: Type.Number(),
      right: Type.Number(),
    }),
  },
  { title: 'Table3Report' }
);
export type Table3Report = Static<typeof Table3Report>;
