// Payloads of the 网民留言 endpoints (src/modules/messages), as the console reads them.
import type { DeadlineSummary } from '../../types';

export type MessageState = 'received' | 'accepted' | 'assigned' | 'answered' | 'published' | 'refused';
export type MessageAction = 'check' | 'assign' | 'transfer_unit' | 'transfer_agency' | 'answer' | 'return' | 'publish' | 'refuse';
export type Refusal = 'abuse' | 'not_ours';
export type Rating = 'satisfied' | 'basic' | 'unsatisfied';

export interface MessageVocabulary {
  states: Record<MessageState, string>;
  actions: Record<MessageAction, string>;
  refusals: Record<Refusal, string>;
  ratings: Record<Rating, string>;
  limits: { answer: number; reason: number };
  units: { id: string; name: string }[];
  agencies: { id: string; name: string }[];
}

export interface Transfer {
  kind: 'unit' | 'agency';
  at: string;
  from: string;
  to: string;
  reason: string;
}

export interface Message {
  id: string;
  topic: string;
  content: string;
  state: MessageState;
  stateLabel: string;
  unitId: string | null;
  unitName: string | null;
  receivedAt: string;
  /** Unmasked only for the office and the assigned unit. */
  asker: { name: string; phone: string };
  answer: string | null;
  answeredAt: string | null;
  refusal: Refusal | null;
  refusalLabel: string | null;
  refusalReason: string | null;
  publishedAt: string | null;
  rating: Rating | null;
  ratingLabel: string | null;
  transfers: Transfer[];
  due: (DeadlineSummary & { remainingWorkdays: number | null; explanation: string[] }) | null;
  actions: MessageAction[];
}

export interface MessageDetail extends Message {
  steps: { at: string; actor: string; action: string; label: string; note: string }[];
}

export interface MessageQuery {
  page: number;
  pageSize: number;
  state?: MessageState;
  q?: string;
}

export interface ActInput {
  action: MessageAction;
  unitId?: string;
  agencyId?: string;
  reason?: string;
  answer?: string;
  refusal?: Refusal;
}

export interface MessageSettings {
  answerWorkdays: number;
  defaultWorkdays: number;
}

export interface MessageStatsRow {
  received: number;
  answered: number;
  onTime: number;
  refused: number;
  averageWorkdays: number | null;
  ratings: Record<Rating, number>;
  satisfaction: number | null;
}

export interface MessageStats {
  period: { from: string; to: string };
  agencies: (MessageStatsRow & { agencyId: string; agency: string })[];
  total: MessageStatsRow;
}
