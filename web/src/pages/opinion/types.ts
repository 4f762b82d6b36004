// Payloads of the opinion endpoints (src/modules/opinion/opinion.routes.ts), as the console reads them.
import type { TrafficLight } from '../../types';

export type OpinionSource = 'portal' | 'forum' | 'weibo' | 'petition' | 'hotline' | 'news_comment' | 'newspaper' | 'broadcast';
export type RiskLevel = 'general' | 'serious' | 'major' | 'extraordinary';
export type OpinionState = 'registered' | 'assessed' | 'transferred' | 'responded' | 'fed_back' | 'closed';
export type OpinionAction = 'assess' | 'transfer' | 'draft_response' | 'respond' | 'feedback' | 'close' | 'report_upward';
export type ResponseForm = 'online_release' | 'expert_interpretation' | 'press_conference' | 'media_interview';

export interface OpinionVocabulary {
  sources: Record<OpinionSource, string>;
  riskLevels: Record<RiskLevel, string>;
  states: Record<OpinionState, string>;
  actions: Record<string, string>;
  responseForms: Record<ResponseForm, string>;
  intakes: Record<string, string>;
  clocks: Record<string, string>;
}

export interface OpinionClock {
  rule: string;
  name: string;
  dueAt: string;
  state: 'running' | 'paused' | 'met' | 'overdue';
  metLate?: boolean;
  light: TrafficLight;
  met: boolean;
  term: { unit: string; n: number };
  explanation: string[];
}

export interface OpinionCase {
  id: string;
  agencyId: string;
  caseNo: string;
  title: string;
  source: OpinionSource;
  link: string;
  happenedAt: string;
  foundAt: string;
  summary: string;
  riskLevel: RiskLevel;
  analysis: string;
  handlingPlan: string;
  state: OpinionState;
  responsibleUnitId: string | null;
  responsibleUnitName: string | null;
  intake: string;
  reportedAt: string | null;
  reportedTo: string;
  feedback: string;
  updatedAt: string;
}

export interface OpinionListEntry extends OpinionCase {
  light: TrafficLight | null;
  clocks: OpinionClock[];
}

export interface OpinionCases {
  items: OpinionListEntry[];
  total: number;
  page: number;
  pageSize: number;
}

export interface OpinionDetail {
  case: OpinionCase;
  clocks: OpinionClock[];
  actions: OpinionAction[];
  steps: { id: string; at: string; actorName: string; role: string; action: string; fromState: string; toState: string; note: string; data: Record<string, unknown> | null }[];
  responses: {
    id: string;
    form: ResponseForm;
    itemId: string | null;
    itemTitle: string | null;
    itemState: string | null;
    description: string;
    respondedAt: string | null;
    createdAt: string;
    /** The response item's expedited internal clock (the agency's hours). */
    expedited: Omit<OpinionClock, 'name' | 'met' | 'rule'> | null;
  }[];
  sightings: { intake: string; link: string; seenAt: string }[];
  units: { id: string; name: string }[];
  /** OP-7: for a major case, the leaders on duty now and how to reach them. */
  onDuty: { name: string; phone: string; startsAt: string; endsAt: string }[];
}

export interface OpinionFilter {
  q?: string;
  state?: OpinionState;
  riskLevel?: RiskLevel;
  source?: OpinionSource;
  from?: string;
  to?: string;
}

export interface CaseInput {
  title: string;
  source: OpinionSource;
  link?: string;
  happenedAt: string;
  foundAt: string;
  summary: string;
  riskLevel: RiskLevel;
  analysis?: string;
  handlingPlan?: string;
}

export interface ActInput {
  riskLevel?: RiskLevel;
  analysis?: string;
  handlingPlan?: string;
  unitId?: string;
  note?: string;
  form?: ResponseForm;
  description?: string;
  to?: string;
}

export interface PollResult {
  feeds: number;
  created: number;
  merged: number;
  seen: number;
  errors: { feed: string; error: string }[];
}

export interface OpinionSettings {
  feedHosts: string[];
  responseItemHours: number;
  webhookSecretSet: boolean;
}

export interface OpinionFeed {
  id: string;
  name: string;
  url: string;
  source: OpinionSource;
  enabled: boolean;
  lastPolledAt: string | null;
  lastError: string;
}
