import { Type } from 'typebox';
import { pageOf } from '../../core/paging.ts';
import { Nullable, oneOf } from '../../http/schemas.ts';
import { Deadline } from '../deadlines/deadlines.schemas.ts';
import { ACTION_LABELS, ADOPTIONS, PHASES, STATES } from './consultation.rules.ts';

/** The response payloads of 意见征集 in the console (docs/api-types.md). */

const summaryFields = {
  id: Type.String(),
  itemId: Type.String(),
  title: Type.String(),
  unit: Type.String(),
  normative: Type.Boolean(),
  opensOn: Type.String(),
  closesOn: Type.String(),
  howToComment: Type.String(),
  shortBasis: Type.String(),
  state: oneOf(STATES),
  phase: oneOf(PHASES),
  feedbackSummary: Type.String(),
  openedAt: Nullable(Type.String()),
  feedbackPublishedAt: Nullable(Type.String()),
  updatedAt: Type.String(),
};

export const ConsultationSummary = Type.Object({ ...summaryFields, comments: Type.Integer() }, { title: 'ConsultationSummary' });
export const ConsultationPage = pageOf(ConsultationSummary);

export const ConsultationComment = Type.Object(
  {
    id: Type.String(),
    /** Masked: the commenter's name is personal data. */
    commenter: Type.String(),
    content: Type.String(),
    submittedAt: Type.String(),
    flags: Type.Array(Type.Object({ kind: Type.String(), label: Type.String() })),
    adoption: Nullable(oneOf(ADOPTIONS)),
    reason: Type.String(),
    markedAt: Nullable(Type.String()),
  },
  { title: 'ConsultationComment' },
);

export const ConsultationDetail = Type.Object(
  {
    ...summaryFields,
    actions: Type.Array(oneOf(ACTION_LABELS)),
    earliestClose: Type.String(),
    feedbackDeadline: Nullable(Deadline),
    counts: Type.Object({ total: Type.Integer(), adopted: Type.Integer(), partly: Type.Integer(), notAdopted: Type.Integer() }),
    comments: Type.Array(ConsultationComment),
  },
  { title: 'ConsultationDetail' },
);

export const ConsultationCreated = Type.Object({ id: Type.String() }, { title: 'ConsultationCreated' });
export const ConsultationSettings = Type.Object({ feedbackWorkdays: Type.Integer() }, { title: 'ConsultationSettings' });
