import { Type } from 'typebox';
import { itemsOf } from '../../core/paging.ts';
import { Nullable } from '../../http/schemas.ts';
import { Deadline } from '../deadlines/deadlines.schemas.ts';

/** The response payloads of 重点工作 and 重大政策实施评估 in the console (docs/api-types.md). */

export const KeyTask = Type.Object(
  {
    id: Type.String(),
    year: Type.Integer(),
    title: Type.String(),
    measures: Type.String(),
    steps: Type.String(),
    units: Type.String(),
    published: Type.Boolean(),
    updatedAt: Type.String(),
    progress: Type.Array(Type.Object({ id: Type.String(), onDate: Type.String(), text: Type.String() })),
  },
  { title: 'KeyTask' },
);
export const KeyTasks = itemsOf(KeyTask);

export const PolicyEvaluation = Type.Object(
  {
    id: Type.String(),
    policyItemId: Type.String(),
    policyTitle: Type.String(),
    effectiveOn: Type.String(),
    dueOn: Type.String(),
    reportItemId: Nullable(Type.String()),
    reportTitle: Nullable(Type.String()),
    deadline: Nullable(Deadline),
  },
  { title: 'PolicyEvaluation' },
);
export const PolicyEvaluations = itemsOf(PolicyEvaluation);

export const Created = Type.Object({ id: Type.String() });
