import type { Attribute, Category, Channel, Conclusion, DocKind, FindingStatus, PolicyLevel, State, Validity } from './documents.rules.ts';

/**
 * Row types of the documents tables (政府信息 items). Moments are ISO-8601 UTC text, dates
 * 'YYYY-MM-DD', flags 0/1, lists JSON text, on both databases.
 */

export interface ItemTable {
  id: string;
  agency_id: string;
  /** ORG-4: the department that made or keeps the item discloses it. */
  unit_id: string;
  drafter_id: string;
  kind: 'document' | 'other';
  doc_kind: DocKind | null;
  /** 文号, e.g. 示人社发〔2026〕12号 */
  doc_number: string;
  title: string;
  summary: string;
  body: string;
  /** 成文日期: PUB-3's 20 working days run from it (or from `changed_on` for a later version). */
  date_made: string;
  category: Category;
  attribute: Attribute | null;
  attribute_reason: string;
  non_public_parts: string;
  policy_level: PolicyLevel;
  interpretation_plan_json: string | null;
  leading_group_review: string;
  major: number;
  collective_decision: string;
  conclusion: Conclusion | null;
  state: State;
  validity: Validity;
  /** 有效期至: the last day the item is in force, when it states one; past it the item should no longer read 有效 (SUP-4). Optional: rows written whole by the imports leave it out. */
  valid_until?: string | null;
  version: number;
  change_reason: string;
  changed_on: string;
  channels_json: string;
  paper_copies: number;
  index_number: string | null;
  public_body: string | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ItemStepTable {
  id: string;
  item_id: string;
  at: string;
  actor_id: string;
  actor_name: string;
  role: string;
  action: string;
  from_state: string;
  to_state: string;
  opinion: string;
  data_json: string | null;
}

/** Co-makers (SEC-7, LAW-34), third parties (LAW-32) and the secrecy authority (SEC-8). */
export interface ItemConsultationTable {
  id: string;
  item_id: string;
  kind: 'joint' | 'third_party' | 'referral';
  party: string;
  requested_at: string;
  answer: 'consent' | 'refuse' | 'answered' | null;
  answer_text: string;
  answered_at: string | null;
  override_reason: string;
  /** SEC-8: the secrecy authority announced its one extension of 7 working days. */
  extended_at: string | null;
  created_by: string;
}

export interface ItemAttachmentTable {
  id: string;
  item_id: string;
  name: string;
  kind: string;
  mime: string;
  size: number;
  sha256: string;
  text: string;
  /** The redacted copy the public gets (SEC-10); null until produced at publication. */
  public_sha256: string | null;
  created_at: string;
}

export interface ItemFindingTable {
  id: string;
  item_id: string;
  /** `body` or an attachment id */
  source: string;
  kind: string;
  start: number;
  end: number;
  text: string;
  status: FindingStatus;
  reason: string;
  resolved_by: string | null;
  resolved_at: string | null;
}

export interface ItemRedactionTable {
  id: string;
  item_id: string;
  phrase: string;
  reason: string;
  created_by: string;
  created_at: string;
}

export interface ItemVersionTable {
  id: string;
  item_id: string;
  version: number;
  published_at: string;
  /** A `PublishedSnapshot` as JSON. */
  snapshot_json: string;
}

/** A published version as the public saw it: written at publication, read by the catalog, search, filing and the portal. */
export type PublishedSnapshot = {
  version: number; indexNumber: string; title: string; docNumber: string; docKind: DocKind | null; kind: 'document' | 'other'; category: Category;
  dateMade: string; summary: string; body: string; colophon: string; changeReason: string; publishedAt: string;
  /** The public copies; `text` is theirs, with the marked text removed, for search. */
  attachments: { id: string; name: string; kind: string; mime: string; size: number; sha256: string; text: string }[]; channels: Channel[];
};

export interface IndexSequenceTable {
  agency_id: string;
  year: number;
  last: number;
}

export interface ItemRecheckTable {
  id: string;
  item_id: string;
  year: number;
  result: 'keep' | 'convert';
  reason: string;
  by_id: string;
  at: string;
}

export interface DeadlineTable {
  id: string;
  agency_id: string;
  subject_type: string;
  subject_id: string;
  rule: string;
  /** The DeadlineSpec of src/core/deadline.ts */
  spec_json: string;
  due_at: string;
  met_at: string | null;
  created_at: string;
}
