import type { Term } from '../../core/deadline.ts';

/**
 * Release coordination (发布协调, COORD-1): information that concerns another agency is
 * confirmed with it in writing before publication. The requesting agency's office sends a
 * written request (through the platform, or by letter outside it with the answer entered by
 * hand); the other agency answers within 10 working days (the same day when urgent): agree,
 * agree with changes (its wording beside ours, so the same content is worded the same), or
 * disagree. Disagreement, a proposed wording the requester will not take, or silence past the
 * term go to the city's disclosure office, whose decision is recorded. Pure: the service loads
 * the facts, asks these functions, and refuses with their Chinese reasons.
 */

/** What can be coordinated: generic subjects (information items now; later opinion responses). */
export const SUBJECT_TYPES = { item: '政府信息' } as const;
export type SubjectType = keyof typeof SUBJECT_TYPES;

/** The clock's subject type and rule in the deadlines table (reminders sweep it). */
export const CLOCK_SUBJECT = 'coordination_request';
export const COORD_RULE = 'COORD-1';

export const CHANNELS = { platform: '平台内发送', letter: '平台外书面函件' } as const;
export type Channel = keyof typeof CHANNELS;

export const STATES = {
  awaiting: '待答复', changes_proposed: '同意但提出修改意见', agreed: '已确认同意', referred: '提请市政务公开主管部门协调',
  decided: '已协调决定', withdrawn: '已撤回',
} as const;
export type State = keyof typeof STATES;

export const ANSWERS = { agree: '同意', agree_with_changes: '同意，但需修改表述', disagree: '不同意' } as const;
export type Answer = keyof typeof ANSWERS;

/** The city office's decision (COORD-1: disagreement goes to the municipal disclosure authority). */
export const DECISIONS = { as_drafted: '按拟发布表述发布', as_proposed: '按对方机关意见修改后发布', withhold: '暂不发布' } as const;
export type Decision = keyof typeof DECISIONS;

export type Action = Answer | 'adopt_changes' | 'reject_changes' | 'decide' | 'withdraw';
export const ACTION_LABELS: Record<Action, string> = {
  agree: '答复同意', agree_with_changes: '答复同意并提出修改意见', disagree: '答复不同意', adopt_changes: '采纳修改意见',
  reject_changes: '不采纳修改意见并提请协调', decide: '作出协调决定', withdraw: '撤回协调请求',
};

/** Who acts: the requesting agency's office, the answering agency's office, or the city's disclosure office. */
export type Side = 'requesting' | 'answering' | 'city';
export const SIDES: Record<Side, string> = { requesting: '发起机关', answering: '被征询机关', city: '市政务公开主管部门' };

/**
 * The state machine. An answer through the platform is given by the answering office; an
 * answer to a letter is entered by hand by the requesting office. The city office decides on
 * a referred request, or on one left unanswered past its term (`overdue`): silence goes to it
 * without anyone having to send it.
 */
export const TRANSITIONS: readonly { from: State; action: Action; side: Side; channel?: Channel; overdue?: true; to: State }[] = [
  ...(['platform', 'letter'] as const).flatMap((channel) => {
    const side: Side = channel === 'platform' ? 'answering' : 'requesting';
    return [
      { from: 'awaiting', action: 'agree', side, channel, to: 'agreed' },
      { from: 'awaiting', action: 'agree_with_changes', side, channel, to: 'changes_proposed' },
      { from: 'awaiting', action: 'disagree', side, channel, to: 'referred' },
    ] as const;
  }),
  { from: 'changes_proposed', action: 'adopt_changes', side: 'requesting', to: 'agreed' },
  { from: 'changes_proposed', action: 'reject_changes', side: 'requesting', to: 'referred' },
  { from: 'referred', action: 'decide', side: 'city', to: 'decided' },
  { from: 'awaiting', action: 'decide', side: 'city', overdue: true, to: 'decided' },
  { from: 'awaiting', action: 'withdraw', side: 'requesting', to: 'withdrawn' },
];

export type RequestFacts = { state: State; channel: Channel; overdue: boolean };

export const transitionFor = (f: RequestFacts, action: Action) =>
  TRANSITIONS.find((t) => t.from === f.state && t.action === action && (!t.channel || t.channel === f.channel) && (!t.overdue || f.overdue));

/** The actions the holder of `sides` may take on a request now; the console shows these and nothing else. */
export const availableActions = (f: RequestFacts, sides: ReadonlySet<Side>): Action[] =>
  [...new Set(TRANSITIONS.filter((t) => sides.has(t.side) && transitionFor(f, t.action) === t).map((t) => t.action))];

/** COORD-1 and the deadlines table: 10 working days, the same day when urgent. */
export const answerTerm = (urgent: boolean): Term => (urgent ? { unit: 'calendarDays', n: 0 } : { unit: 'workdays', n: 10 });

export type Problem = { code: string; message: string };
const blank = (s: string | null | undefined) => !s || !s.trim();

/** What an answer must say: a proposed wording differs from ours; a disagreement gives its reason. */
export function answerProblems(answer: Answer, input: { ourWording: string; proposedWording: string; opinion: string }): Problem[] {
  if (answer === 'agree_with_changes') {
    if (blank(input.proposedWording)) return [{ code: 'WORDING_REQUIRED', message: '请填写建议的表述' }];
    if (input.proposedWording.trim() === input.ourWording.trim()) return [{ code: 'WORDING_UNCHANGED', message: '建议的表述与拟发布的表述相同，如无修改请答复同意' }];
  }
  if (answer === 'disagree' && blank(input.opinion)) return [{ code: 'OPINION_REQUIRED', message: '不同意的，请写明理由' }];
  return [];
}

/** The decision of the city office: one of the three, with its reasons. */
export function decisionProblems(decision: Decision, opinion: string, hasProposal: boolean): Problem[] {
  if (decision === 'as_proposed' && !hasProposal) return [{ code: 'NO_PROPOSAL', message: '对方机关未提出修改表述，不能按其意见修改后发布' }];
  if (blank(opinion)) return [{ code: 'OPINION_REQUIRED', message: '请写明协调意见' }];
  return [];
}

/**
 * What still holds the subject's publication back: a request not yet agreed, withdrawn or
 * decided, or one the city office decided to withhold. Each entry names the other agency and
 * why, in Chinese, for the publication guard's reason.
 */
export function blockingRequests(requests: ReadonlyArray<{ answeringAgencyName: string; state: State; decision: Decision | null; overdue: boolean }>): string[] {
  return requests.flatMap((r) => {
    if (r.state === 'agreed' || r.state === 'withdrawn') return [];
    if (r.state === 'decided') return r.decision === 'withhold' ? [`${r.answeringAgencyName}（市政务公开主管部门决定暂不发布）`] : [];
    const why = r.state === 'awaiting' ? (r.overdue ? '逾期未答复，待市政务公开主管部门协调' : '待答复') : STATES[r.state];
    return [`${r.answeringAgencyName}（${why}）`];
  });
}

/** The state as a list shows it: an unanswered request past its term has gone to the city office. */
export const stateLabel = (f: Pick<RequestFacts, 'state' | 'overdue'>): string =>
  f.state === 'awaiting' && f.overdue ? '逾期未答复，待市级协调' : STATES[f.state];

/** The wording that is to be published once the request is settled: ours, or theirs where it was adopted or decided. */
export function settledWording(r: { state: State; decision: Decision | null; ourWording: string; proposedWording: string | null }): string {
  const theirs = (r.state === 'agreed' || (r.state === 'decided' && r.decision === 'as_proposed')) && r.proposedWording;
  return theirs || r.ourWording;
}
