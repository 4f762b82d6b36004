// Payloads of the 意见征集 and 重点工作 endpoints (src/modules/consultation, src/modules/keytasks), as the server's schemas describe them (docs/api-types.md).
import type { BodyOf, Schemas } from '../../schema';

export type ConsultationSummary = Schemas['ConsultationSummary'];
export type ConsultationDetail = Schemas['ConsultationDetail'];
export type ConsultationComment = Schemas['ConsultationComment'];
export type ConsultationPhase = ConsultationSummary['phase'];
export type ConsultationAction = ConsultationDetail['actions'][number];
export type Adoption = NonNullable<ConsultationComment['adoption']>;
export type FeedbackDeadline = NonNullable<ConsultationDetail['feedbackDeadline']>;
/** FormModal sends blank optional fields as null. */
export type ConsultationInput = Omit<BodyOf<'/consultations', 'post'>, 'title' | 'shortBasis'> & { title?: string | null; shortBasis?: string | null };

export const PHASE_LABELS: Record<ConsultationPhase, string> = { draft: '待发布', open: '征求意见中', closed: '征求意见已结束', feedback_published: '已公布采纳情况' };
export const PHASE_COLORS: Record<ConsultationPhase, string> = { draft: 'default', open: 'processing', closed: 'warning', feedback_published: 'success' };
export const ADOPTION_LABELS: Record<Adoption, string> = { adopted: '采纳', partly: '部分采纳', not_adopted: '未采纳' };

export type KeyTaskInput = BodyOf<'/key-tasks', 'post'>;
export type KeyTask = Schemas['KeyTask'];
export type PolicyEvaluation = Schemas['PolicyEvaluation'];

/** A published item to pick as a draft, a policy or a report. */
export type PublishedItem = Pick<Schemas['Item'], 'id' | 'title'>;
