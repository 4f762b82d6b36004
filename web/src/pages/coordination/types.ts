// Payloads of the 发布协调 endpoints (src/modules/coordination), as the console reads them.

export type CoordinationState = 'awaiting' | 'changes_proposed' | 'agreed' | 'referred' | 'decided' | 'withdrawn';
export type CoordinationAnswer = 'agree' | 'agree_with_changes' | 'disagree';
export type CoordinationDecision = 'as_drafted' | 'as_proposed' | 'withhold';
export type CoordinationAction = CoordinationAnswer | 'adopt_changes' | 'reject_changes' | 'decide' | 'withdraw';
export type CoordinationChannel = 'platform' | 'letter';
export type CoordinationBox = 'outgoing' | 'incoming' | 'city';

export interface CoordinationDeadline {
  dueDate: string;
  light: 'green' | 'yellow' | 'red';
  state: 'running' | 'paused' | 'met' | 'overdue';
  provisional: boolean;
  metLate?: boolean;
  explanation: string[];
}

export interface CoordinationRequest {
  id: string;
  subjectType: 'item';
  subjectId: string;
  subjectTitle: string;
  requestingAgencyId: string;
  requestingAgencyName: string;
  answeringAgencyId: string;
  answeringAgencyName: string;
  channel: CoordinationChannel;
  urgent: boolean;
  matter: string;
  ourWording: string;
  state: CoordinationState;
  stateLabel: string;
  overdue: boolean;
  sentAt: string;
  sentByName: string;
  letterNumber: string;
  answer: CoordinationAnswer | null;
  answerLabel: string | null;
  proposedWording: string | null;
  answerOpinion: string;
  answeredAt: string | null;
  answeredByName: string | null;
  answerLetterNumber: string | null;
  requesterOpinion: string;
  decision: CoordinationDecision | null;
  decisionLabel: string | null;
  decisionOpinion: string;
  decidedAt: string | null;
  decidedByName: string | null;
  settledWording: string;
  deadline: CoordinationDeadline | null;
  actions: CoordinationAction[];
  sides: Array<'requesting' | 'answering' | 'city'>;
  hasAnswerLetter: boolean;
}

export interface CoordinationPage {
  items: CoordinationRequest[];
  total: number;
  page: number;
  pageSize: number;
}

export interface SubjectCoordination {
  items: CoordinationRequest[];
  /** What still holds publication back, in Chinese. */
  blocking: string[];
  canSend: boolean;
}

export interface SendRequestInput {
  subjectType: 'item';
  subjectId: string;
  answeringAgencyId: string;
  channel: CoordinationChannel;
  urgent: boolean;
  matter: string;
  ourWording: string;
  sentOn?: string;
}

export interface ActOnRequestInput {
  proposedWording?: string | null;
  opinion?: string | null;
  decision?: CoordinationDecision | null;
  letterNumber?: string | null;
}
