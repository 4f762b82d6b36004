import { Type } from 'typebox';
import { pageOf } from '../../core/paging.ts';
import { Nullable, oneOf } from '../../http/schemas.ts';
import { Deadline } from '../deadlines/deadlines.schemas.ts';
import { ACTION_LABELS, ANSWERS, CHANNELS, DECISIONS, SIDES, STATES, SUBJECT_TYPES } from './coordination.rules.ts';

/** The response payloads of 发布协调 in the console (docs/api-types.md). */

export const CoordinationRequest = Type.Object(
  {
    id: Type.String(),
    subjectType: oneOf(SUBJECT_TYPES),
    subjectId: Type.String(),
    subjectTitle: Type.String(),
    requestingAgencyId: Type.String(),
    requestingAgencyName: Type.String(),
    answeringAgencyId: Type.String(),
    answeringAgencyName: Type.String(),
    channel: oneOf(CHANNELS),
    urgent: Type.Boolean(),
    matter: Type.String(),
    ourWording: Type.String(),
    state: oneOf(STATES),
    stateLabel: Type.String(),
    overdue: Type.Boolean(),
    sentAt: Type.String(),
    sentByName: Type.String(),
    letterNumber: Type.String(),
    answer: Nullable(oneOf(ANSWERS)),
    answerLabel: Nullable(Type.String()),
    proposedWording: Nullable(Type.String()),
    answerOpinion: Type.String(),
    answeredAt: Nullable(Type.String()),
    answeredByName: Nullable(Type.String()),
    answerLetterNumber: Nullable(Type.String()),
    requesterOpinion: Type.String(),
    decision: Nullable(oneOf(DECISIONS)),
    decisionLabel: Nullable(Type.String()),
    decisionOpinion: Type.String(),
    decidedAt: Nullable(Type.String()),
    decidedByName: Nullable(Type.String()),
    settledWording: Type.String(),
    deadline: Nullable(Deadline),
    actions: Type.Array(oneOf(ACTION_LABELS)),
    sides: Type.Array(oneOf(SIDES)),
    hasAnswerLetter: Type.Boolean(),
  },
  { title: 'CoordinationRequest' },
);

export const CoordinationPage = pageOf(CoordinationRequest);

export const SubjectCoordination = Type.Object(
  {
    items: Type.Array(CoordinationRequest),
    /** What still holds publication back, in Chinese. */
    blocking: Type.Array(Type.String()),
    canSend: Type.Boolean(),
  },
  { title: 'SubjectCoordination' },
);
