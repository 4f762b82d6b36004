// Payloads of the 监督考评 endpoints (src/modules/supervision), as the console reads them.
import type { TrafficLight } from '../../types';

export type AssessmentKind = 'self' | 'spot' | 'year_end';
export type AssessmentState = 'draft' | 'signed';
export type FindingKind = 'publication_overdue' | 'catalog_incomplete' | 'recheck_due' | 'attachment_broken' | 'own';
export type Resolution = 'fixed' | 'explained';

export interface SupervisionVocabulary {
  kinds: Record<AssessmentKind, string>;
  states: Record<AssessmentState, string>;
  findingKinds: Record<FindingKind, string>;
  resolutions: Record<Resolution, string>;
  subjects: Record<string, string>;
  indicators: { key: string; label: string; unit: '%' | '件'; higherIsBetter: boolean }[];
  agencies: { id: string; name: string }[];
  ownAgencyId: string;
  canAssessAgencies: boolean;
}

export interface Rate {
  due: number;
  onTime: number;
  late: number;
  rate: number | null;
}

export interface Dashboard {
  now: string;
  agencyCount: number;
  lights: { subjectType: string; label: string; red: number; yellow: number; green: number }[];
  open: number;
  overdue: number;
  month: Rate;
  year: Rate;
  trend: (Rate & { month: string })[];
  agencies: { agencyId: string; agency: string; open: number; overdue: number }[];
  selfChecks: { week: string; missing: { unitId: string; unit: string; agency: string }[] };
}

export interface ClockQuery {
  agencyId?: string;
  light?: TrafficLight;
  subjectType?: string;
  missed?: boolean;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface Clock {
  id: string;
  agencyId: string;
  agency: string;
  subjectType: string;
  subjectLabel: string;
  subjectId: string;
  title: string | null;
  path: string | null;
  dueAt: string;
  due: string;
  metAt: string | null;
  light: TrafficLight;
  holder: { name: string; role: string | null; since: string; action: string } | null;
}

export interface AccountabilityStep {
  at: string;
  when: string;
  actor: string;
  role: string | null;
  action: string;
  hours: number;
  pastDue: boolean;
}

export type MissedClock = Clock & { lateHours: number; steps: AccountabilityStep[] };

export interface SelfCheckWeek {
  week: string;
  thisWeek: string;
  units: { unitId: string; unit: string; checkId: string | null; state: 'open' | 'done' | 'unchecked'; completedAt: string | null; findings: number; open: number }[];
}

export interface Finding {
  id: string;
  kind: FindingKind;
  kindLabel: string;
  automatic: boolean;
  subjectId: string | null;
  path: string | null;
  text: string;
  resolution: Resolution | null;
  resolutionLabel: string | null;
  note: string;
  resolvedAt: string | null;
}

export interface SelfCheck {
  id: string;
  unitId: string;
  unit: string;
  week: string;
  state: 'open' | 'done';
  completedAt: string | null;
  findings: Finding[];
}

export interface TemplateItem {
  key: string;
  name: string;
  max: number;
  indicator?: string;
}

export interface TemplateBody {
  areas: { key: string; name: string; items: TemplateItem[] }[];
  grades: { name: string; min: number }[];
}

export interface Template {
  id: string;
  builtIn: boolean;
  family: string;
  year: number | null;
  version: number;
  name: string;
  max: number;
  body: TemplateBody;
}

export interface Figure {
  label: string;
  unit: string;
  value: number | null;
  numerator: number;
  denominator: number;
  evidence: string;
  path: string | null;
}

export type Scores = Record<string, { score: number; note: string }>;

export interface Assessment {
  id: string;
  agencyId: string;
  agency: string;
  kind: AssessmentKind;
  kindLabel: string;
  year: number;
  state: AssessmentState;
  template: { id: string; name: string; version: number; max: number; body: TemplateBody };
  scores: Scores;
  indicators: Record<string, Figure>;
  total: number | null;
  grade: string | null;
  signedBy: string | null;
  signedAt: string | null;
  actions: ('score' | 'sign')[];
}

export interface ResultRow {
  id: string;
  agencyId: string;
  agency: string;
  kind: AssessmentKind;
  kindLabel: string;
  state: AssessmentState;
  template: string;
  max: number;
  total: number | null;
  grade: string | null;
  signedBy: string | null;
  signedAt: string | null;
}
