// Payloads of the 意见征集 and 重点工作 endpoints (src/modules/consultation, src/modules/keytasks).

export type ConsultationPhase = 'draft' | 'open' | 'closed' | 'feedback_published';
export type ConsultationAction = 'open' | 'mark' | 'publish_feedback' | 'withdraw';
export type Adoption = 'adopted' | 'partly' | 'not_adopted';
export type Light = 'green' | 'yellow' | 'red';

export const PHASE_LABELS: Record<ConsultationPhase, string> = { draft: '待发布', open: '征求意见中', closed: '征求意见已结束', feedback_published: '已公布采纳情况' };
export const PHASE_COLORS: Record<ConsultationPhase, string> = { draft: 'default', open: 'processing', closed: 'warning', feedback_published: 'success' };
export const ADOPTION_LABELS: Record<Adoption, string> = { adopted: '采纳', partly: '部分采纳', not_adopted: '未采纳' };

export interface ConsultationInput {
  itemId: string;
  title?: string | null;
  unit: string;
  normative: boolean;
  closesOn: string;
  howToComment: string;
  shortBasis?: string | null;
}

export interface ConsultationSummary {
  id: string;
  itemId: string;
  title: string;
  unit: string;
  normative: boolean;
  opensOn: string;
  closesOn: string;
  howToComment: string;
  shortBasis: string;
  phase: ConsultationPhase;
  feedbackSummary: string;
  openedAt: string | null;
  feedbackPublishedAt: string | null;
  comments: number;
}

export interface ConsultationComment {
  id: string;
  commenter: string;
  content: string;
  submittedAt: string;
  flags: { kind: string; label: string }[];
  adoption: Adoption | null;
  reason: string;
  markedAt: string | null;
}

export interface FeedbackDeadline {
  dueDate: string;
  light: Light;
  explanation: string[];
}

export interface ConsultationDetail extends Omit<ConsultationSummary, 'comments'> {
  actions: ConsultationAction[];
  earliestClose: string;
  feedbackDeadline: FeedbackDeadline | null;
  counts: { total: number; adopted: number; partly: number; notAdopted: number };
  comments: ConsultationComment[];
}

export interface KeyTaskInput {
  year: number;
  title: string;
  measures: string;
  steps: string;
  units: string;
  published: boolean;
}

export interface KeyTask extends KeyTaskInput {
  id: string;
  progress: { id: string; onDate: string; text: string }[];
}

export interface PolicyEvaluation {
  id: string;
  policyItemId: string;
  policyTitle: string;
  effectiveOn: string;
  dueOn: string;
  reportItemId: string | null;
  reportTitle: string | null;
  deadline: FeedbackDeadline | null;
}

/** A published item to pick as a draft, a policy or a report. */
export interface PublishedItem {
  id: string;
  title: string;
}
