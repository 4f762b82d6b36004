/**
 * Row types of public-opinion cases (舆情, OP-1 … OP-5). A case belongs to the agency that
 * answers for it (谁主管谁发声); every intake that saw it is kept as a sighting, so duplicates
 * merged into one case stay visible.
 */

export interface OpinionCaseTable {
  id: string;
  agency_id: string;
  /** 舆情台账 number, e.g. 舆情〔2026〕3号, per agency and year */
  case_no: string;
  title: string;
  /** a key of SOURCES (opinion.rules.ts) */
  source: string;
  /** where it was seen: a link, or a reference (hotline ticket, newspaper issue) */
  link: string;
  happened_at: string;
  found_at: string;
  summary: string;
  /** a key of RISK_LEVELS */
  risk_level: string;
  analysis: string;
  handling_plan: string;
  /** a key of STATES */
  state: string;
  responsible_unit_id: string | null;
  /** a key of INTAKES */
  intake: string;
  reported_at: string | null;
  reported_to: string;
  feedback: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Each move and event of a case: who, when, from and to which state, what was said (transfers, feedback, reports). */
export interface OpinionStepTable {
  id: string;
  case_id: string;
  /** 1, 2, … within the case: the order of events recorded at the same moment */
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string;
  /** a role, 'responsible_unit' or 'system' */
  role: string;
  action: string;
  from_state: string;
  to_state: string;
  note: string;
  data_json: string | null;
}

/** OP-4: one response; a release or interpretation has its information item. */
export interface OpinionResponseTable {
  id: string;
  case_id: string;
  /** a key of RESPONSE_FORMS */
  form: string;
  item_id: string | null;
  description: string;
  /** when it was given (published); null while the item is still on its way */
  responded_at: string | null;
  created_by: string | null;
  created_at: string;
}

/** One place a case was seen (manual entry, a feed entry, a monitoring service's push). */
export interface OpinionSightingTable {
  id: string;
  case_id: string;
  intake: string;
  link: string;
  /** sha256 of the normal form of title and text (normaliseText) */
  content_hash: string;
  seen_at: string;
}

/** An RSS/Atom feed the agency watches. */
export interface OpinionFeedTable {
  id: string;
  agency_id: string;
  name: string;
  url: string;
  source: string;
  enabled: number;
  last_polled_at: string | null;
  last_error: string;
  created_at: string;
}

/** The webhook secret is sealed at rest like personal data (src/db/sealed-columns.ts). */
export const OPINION_SETTINGS_SEALED = { webhook_secret: {} };

/** Per agency: the hosts feeds may be fetched from, the monitoring webhook's secret, the response item's internal clock. */
export interface OpinionSettingsTable {
  agency_id: string;
  feed_hosts_json: string;
  webhook_secret: string | null;
  /** the expedited internal clock of a response item, in hours */
  response_item_hours: number;
  updated_at: string;
}

/** Webhook nonces seen within the replay window (a repeat is refused). */
export interface OpinionWebhookNonceTable {
  agency_id: string;
  nonce: string;
  at: string;
}
