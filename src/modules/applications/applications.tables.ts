import type { ColumnType } from 'kysely';
import type { AppealKind, ApplicantKind, ExtensionApprover, Outcome, ReceiptChannel, ReviewKind, State } from './applications.rules.ts';

/**
 * Row types of the applications tables. Personal data (name, ID number, phone, address)
 * lives only in `applications` and is masked by the presenters for anyone not handling
 * the case.
 */

/**
 * Encrypted at rest (src/db/sealed-columns.ts): the ID number, phone, e-mail and address are
 * sealed on write and opened on read; the ID number also has a blind index
 * (`id_number_bidx`, written by the sealing layer) for finding an applicant's other
 * applications (LAW-35, repeat applications).
 */
export const APPLICATION_SEALED = { id_number: { index: 'id_number_bidx' }, phone: {}, email: {}, address: {} };

export interface ApplicationTable {
  id: string;
  agency_id: string;
  /** 登记编号, e.g. RSJ-YSQ-2026-0007 (APP-2: every application is registered). */
  reg_number: string;
  /** What the applicant quotes to follow the case, with the secret (stored hashed). */
  tracking_code: string;
  secret_hash: string;
  /** The portal form's one-time token: a double submit returns the same application. */
  submission_token: string | null;
  channel: ReceiptChannel;
  /** When the application reached the agency (the system, the mailbox, the fax, the post room). */
  arrived_at: string;
  /**
   * LAW-31: the receipt moment the rules of the channel give; for the internet, e-mail and fax
   * the confirmation (while 待确认 it holds the arrival, and no term runs).
   */
  received_at: string;
  /** LAW-31: { at, by, auto, told } — the recorded confirmation of the receipt day. */
  receipt_json: string | null;
  /** APP-5: { from, handedOverAt, record, reportedBackAt? } */
  transfer_json: string | null;
  applicant_kind: ApplicantKind;
  applicant_name: string;
  id_type: 'prc_id' | 'passport' | 'other' | 'org';
  id_number: string;
  org_code: string;
  phone: string;
  email: string;
  address: string;
  description: string;
  purpose: string;
  form: string;
  delivery: string;
  state: State;
  /** ORG-4: the department that holds the information drafts the reply (ORG-3). */
  unit_id: string | null;
  /** ['repeat', 'excessive'] (LAW-35) */
  flags_json: string;
  repeat_of: string | null;
  /** APP-3: the application this one was split from by staff. */
  split_from: string | null;
  /** LAW-30: { requestedAt, needed, due, answeredAt?, answer? } */
  correction_json: string | null;
  /** LAW-35: { askedAt, asked, due, answeredAt?, answer?, decision?, decisionReason?, workdays? } */
  reasons_json: string | null;
  /** LAW-42: { amount, basis, pages?, notifiedAt, noticeReceivedOn?, due?, paidAt? } */
  fee_json: string | null;
  outcome: Outcome | null;
  /** { outcome, text, alreadyPublicWhere?, holderAgency?, draftedBy, approvedBy?, approvedAt? } */
  reply_json: string | null;
  finished_at: string | null;
  /** { method, on, proof } */
  delivery_json: string | null;
  created_at: string;
  updated_at: string;
}

export interface ApplicationStepTable {
  id: string;
  application_id: string;
  at: string;
  actor_id: string | null;
  actor_name: string;
  role: string;
  action: string;
  from_state: string;
  to_state: string;
  note: string;
}

/** APP-6: confidentiality, legality and public-opinion risk reviews, each with who and when. */
export interface ApplicationReviewTable {
  id: string;
  application_id: string;
  kind: ReviewKind;
  by_id: string;
  by_name: string;
  opinion: string;
  at: string;
}

/** LAW-32 third parties and LAW-34 other agencies: 15 working days each, not counted in the reply term. */
export interface ApplicationConsultationTable {
  id: string;
  application_id: string;
  kind: 'third_party' | 'agency';
  party: string;
  requested_at: string;
  answered_at: string | null;
  answer: 'consent' | 'refuse' | 'no_answer' | null;
  answer_text: string;
  override_reason: string;
  notice: string;
}

export interface ApplicationFileTable {
  id: string;
  application_id: string;
  /** `provided` (information given) or a letter: `letter_reply`, `letter_correction`, `letter_extension`, `letter_fee` */
  kind: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  /** Pages of a provided file, listed in the reply (a PDF's are counted; others as staff give them). */
  pages: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: string;
}

/** APP-8: administrative reconsideration and lawsuits about a reply, with their result (table 4). */
export interface ApplicationAppealTable {
  id: string;
  application_id: string;
  kind: AppealKind;
  filed_on: string;
  body: string;
  result: 'pending' | 'upheld' | 'corrected' | 'other';
  result_on: string | null;
  note: string;
}

export interface ApplicationSequenceTable {
  agency_id: string;
  year: number;
  last: number;
}

/** Each agency's settings for applications; an agency without a row has the defaults. */
export interface ApplicationSettingsTable {
  agency_id: string;
  /** LAW-31: confirm online, e-mail and fax applications automatically at the start of the next working day (0/1). */
  auto_confirm: number;
  /** LAW-33: who approves an extension: the head of the disclosure office, or the agency's leader. */
  extension_approver: ExtensionApprover;
  /** APP-4: the name of the agency's own rule that sets a stricter term, e.g. 《示例市人力资源和社会保障局政府信息公开工作制度》. */
  own_rule: string;
  updated_at: string;
}
