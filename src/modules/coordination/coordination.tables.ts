import type { Answer, Channel, Decision, State, SubjectType } from './coordination.rules.ts';

/** Row type of the coordination table (COORD-1). Moments are ISO-8601 UTC text; flags 0/1. */
export interface CoordinationRequestTable {
  id: string;
  subject_type: SubjectType;
  subject_id: string;
  /** The subject's title when the request was sent: the answering side reads it here, never the subject itself. */
  subject_title: string;
  requesting_agency_id: string;
  answering_agency_id: string;
  channel: Channel;
  urgent: number;
  /** 需确认的事项: what the other agency is asked to confirm. */
  matter: string;
  /** The wording of the content concerning the other agency, as we mean to publish it. */
  our_wording: string;
  state: State;
  /** Through the platform: when sent; by letter: the day the letter went out (09:00 Beijing time). */
  sent_at: string;
  sent_by_name: string;
  /** 发文字号 of the letter of request. */
  letter_number: string;
  answer: Answer | null;
  proposed_wording: string | null;
  answer_opinion: string;
  answered_at: string | null;
  /** Through the platform: who answered; by letter: who entered the answer. */
  answered_by_name: string | null;
  /** 发文字号 of the answering agency's letter (through the platform), or the number on the letter received. */
  answer_letter_number: string | null;
  /** Why the requester did not take the proposed wording. */
  requester_opinion: string;
  decision: Decision | null;
  decision_opinion: string;
  decided_at: string | null;
  decided_by_name: string | null;
  updated_at: string;
}
