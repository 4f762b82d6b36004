import type { Adoption, State } from './consultation.rules.ts';

/**
 * Row types of drafts opened for comment (FIVE-1). The draft and its basis are the linked
 * information item. A comment's name, phone and content are sealed at rest
 * (src/db/sealed-columns.ts): name and phone are never shown, the phone has a blind index
 * (`phone_bidx`) for the per-phone limit, and the content may hold someone's personal data.
 */
export const COMMENT_SEALED = { name: {}, phone: { index: 'phone_bidx' }, content: {} };

export interface ConsultationTable {
  id: string;
  agency_id: string;
  /** The published item holding the draft and its 起草说明 (its review chain is the opening's review). */
  item_id: string;
  title: string;
  /** 起草单位 */
  unit: string;
  /** 规范性文件 (0/1): the window is then counted in working days. */
  normative: number;
  /** Beijing dates 'YYYY-MM-DD'; the opening day is not counted, the closing day is. */
  opens_on: string;
  closes_on: string;
  /** 意见反馈方式 besides the portal form: address, e-mail, fax. */
  how_to_comment: string;
  /** The legal basis of a window shorter than the rule's, or ''. */
  short_basis: string;
  state: State;
  /** 未予采纳的主要意见及理由, as published. */
  feedback_summary: string;
  opened_at: string | null;
  feedback_published_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ConsultationCommentTable {
  id: string;
  consultation_id: string;
  name: string;
  phone: string;
  phone_bidx: string | null;
  content: string;
  /** The form's one-time token: a second submit of the same page is not a second comment. */
  submission_token: string;
  /** The kinds of personal data the scanner found in the content (e.g. ['id_number']). */
  flags_json: string;
  submitted_at: string;
  adoption: Adoption | null;
  reason: string;
  marked_by: string | null;
  marked_at: string | null;
}

export interface ConsultationSettingsTable {
  agency_id: string;
  /** Working days after the window closes within which the feedback is published. */
  feedback_workdays: number;
  updated_at: string;
}
