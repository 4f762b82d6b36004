import type { Rating, Refusal, State } from './messages.rules.ts';

/**
 * Row types of citizens' messages (网民留言, OP-6). The asker's name and phone live only in
 * `citizen_messages`, sealed at rest (src/db/sealed-columns.ts); the phone also has a blind
 * index (`asker_phone_bidx`) so the per-phone limit can count a phone's messages.
 */
export const MESSAGE_SEALED = { asker_name: {}, asker_phone: { index: 'asker_phone_bidx' } };

export interface CitizenMessageTable {
  id: string;
  agency_id: string;
  topic: string;
  content: string;
  asker_name: string;
  asker_phone: string;
  /** The asker's private link is the token; only its SHA-256 is kept. */
  token_hash: string;
  /** The portal form's one-time token: a double submit stores one message. */
  submission_token: string;
  state: State;
  unit_id: string | null;
  received_at: string;
  /** [{ kind, at, from, to, reason }] — every transfer, between units or agencies (OP-6). */
  transfers_json: string;
  answer: string | null;
  answered_at: string | null;
  answered_by: string | null;
  refusal: Refusal | null;
  refusal_reason: string | null;
  refused_at: string | null;
  /** The published copy: the asker's personal data removed. */
  public_topic: string | null;
  public_content: string | null;
  public_answer: string | null;
  published_at: string | null;
  rating: Rating | null;
  rated_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CitizenMessageStepTable {
  id: string;
  message_id: string;
  agency_id: string;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  note: string;
}

export interface MessageSettingsTable {
  agency_id: string;
  answer_workdays: number;
  updated_at: string;
}
