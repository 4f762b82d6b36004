// Payloads of the 政策解读 endpoints (src/modules/interpretation/interpretation.routes.ts).
import type { DeadlineSummary, ItemDetail } from '../../types';

export type Form = 'article' | 'qa' | 'graphic' | 'av' | 'online_interview' | 'media_interview' | 'press_conference';
export type ChecklistEntry = { content: string; notApplicableReason: string };
export type Checklist = Partial<Record<string, ChecklistEntry>>;
export type QaPair = { question: string; answer: string };
export interface FormContent {
  pairs?: QaPair[];
  altText?: string;
  mediaUrl?: string;
  transcript?: string;
  heldOn?: string;
  speakers?: string[];
}

export interface InterpretationVocabulary {
  forms: Record<Form, string>;
  checklist: Record<string, string>;
}

export interface InterpretationInput {
  title: string;
  summary?: string;
  body?: string;
  dateMade: string;
  form: Form;
  content?: FormContent;
  checklist?: Checklist;
  policyIds: string[];
}

type Linked = { id: string; title: string; state: string };

export interface InterpretationDetail extends ItemDetail {
  interpretation: {
    form: Form;
    content: FormContent;
    checklist: Checklist;
    policies: (Linked & { publishedAt: string | null })[];
    reissueOf: { id: string; title: string; reason: string } | null;
    reissues: (Linked & { reason: string })[];
    problems: string[];
  };
}

/** What GET /items/:id adds about interpretation (INT-3: the reviewer sees both). */
export interface InterpretationLinks {
  interpretations: Linked[];
  policies: Linked[];
}

export interface PolicyClockRow {
  policyId: string;
  title: string;
  docNumber: string;
  unitName: string;
  publishedAt: string | null;
  policyLevel: string;
  deadline: (DeadlineSummary & { term: { n: number } }) | null;
  interpretations: { id: string; title: string; state: string; publishedAt: string | null }[];
}

export interface SyncOverview {
  items: PolicyClockRow[];
  total: number;
  page: number;
  pageSize: number;
  rate: { due: number; onTime: number; late: number; running: number; rate: number | null };
  days: number;
}

export interface YearView {
  year: number;
  importantInterpreted: number;
  warning: string | null;
  interpreted: { policyId: string; policyTitle: string; policyLevel: string; interpretationId: string; interpretationTitle: string; publishedAt: string }[];
}
