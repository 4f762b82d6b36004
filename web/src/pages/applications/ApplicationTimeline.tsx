import { StepTimeline, type TimelineStep } from '../../components/StepTimeline';
import { useAppVocabulary, useRoleLabel } from '../../hooks';
import { APPLICANT_ROLE_LABEL, APPLICATION_FLAGS } from '../../labels';
import type { ApplicationAction, ApplicationDetail, ApplicationStep } from '../../types';

const COLORS: Partial<Record<string, string>> = {
  return_reply: 'red',
  close_no_correction: 'gray',
  close_no_fee: 'gray',
  withdraw: 'gray',
  approve_reply: 'green',
  deliver: 'green',
};

/** 办理过程: registration, every move and every step beside the workflow, with who, when and what they wrote. */
export function ApplicationTimeline({ detail }: { detail: ApplicationDetail }) {
  const vocabulary = useAppVocabulary();
  const roleLabel = useRoleLabel();
  const state = (s: ApplicationStep['fromState']) => vocabulary?.states[s] ?? s;

  // The registration note carries the channel and flags as keys; say them in words from the case itself.
  const registration = () =>
    [
      `收到方式：${vocabulary?.channels[detail.channel] ?? detail.channel}`,
      `登记编号 ${detail.regNumber}`,
      ...(detail.flags.length ? [`提示：${detail.flags.map((f) => APPLICATION_FLAGS[f]?.label ?? f).join('、')}`] : []),
    ].join('；');

  const steps: TimelineStep[] = detail.steps.map((step, index) => ({
    key: String(index),
    title:
      vocabulary?.actions[step.action as ApplicationAction] ?? step.actionLabel,
    transition: step.fromState !== step.toState ? `${state(step.fromState)} → ${state(step.toState)}` : undefined,
    actorName: step.actorName,
    roleLabel: step.role === 'applicant' ? APPLICANT_ROLE_LABEL : roleLabel(step.role),
    at: step.at,
    color: COLORS[step.action],
    details: (step.action === 'register' || step.note) && (
      <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{step.action === 'register' ? registration() : step.note}</div>
    ),
  }));
  return <StepTimeline title="办理过程" steps={steps} />;
}
