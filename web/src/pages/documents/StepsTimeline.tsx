import { StepTimeline } from '../../components/StepTimeline';
import { useRoleLabel, useVocabulary } from '../../hooks';
import type { ItemAction, ItemStep } from '../../types';

const COLORS: Partial<Record<ItemAction, string>> = { return: 'red', approve: 'green', publish: 'green' };
/** These moves record a reason, the others an opinion. */
const REASONED: readonly ItemAction[] = ['convert_to_proactive', 'revise'];

/** 时间线: every move with who, in which role, when, and what they wrote (SEC-13 written record). */
export function StepsTimeline({ steps }: { steps: ItemStep[] }) {
  const roleLabel = useRoleLabel();
  const vocabulary = useVocabulary();
  const state = (s: ItemStep['fromState']) => vocabulary?.states[s] ?? s;
  return (
    <StepTimeline
      empty="尚未提交"
      steps={steps.map((step) => ({
        key: step.id,
        title: (vocabulary && { ...vocabulary.actions, ...vocabulary.fileSteps }[step.action]) ?? step.action,
        transition: `${state(step.fromState)} → ${state(step.toState)}`,
        actorName: step.actorName,
        roleLabel: roleLabel(step.role),
        at: step.at,
        color: COLORS[step.action as ItemAction],
        details: (
          <>
            {step.data?.conclusion && (
              <div>审查结论：{vocabulary?.conclusions[step.data.conclusion] ?? step.data.conclusion}</div>
            )}
            {step.data?.channels && step.data.channels.length > 0 && (
              <div>发布渠道：{step.data.channels.map((c) => vocabulary?.channels[c] ?? c).join('、')}</div>
            )}
            {step.data?.indexNumber && <div>索引号：{step.data.indexNumber}</div>}
            {step.opinion && (
              <div style={{ whiteSpace: 'pre-wrap' }}>
                {REASONED.includes(step.action as ItemAction) || step.action in (vocabulary?.fileSteps ?? {}) ? '理由' : '意见'}：{step.opinion}
              </div>
            )}
          </>
        ),
      }))}
    />
  );
}
