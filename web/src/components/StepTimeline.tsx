import { Card, Empty, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatDateTime } from '../labels';

/** One move on a record: what, the state change, who in which role, when, and what they wrote. */
export interface TimelineStep {
  key: string;
  title: string;
  /** 'from → to'; absent for entries that leave the state as it was. */
  transition?: string;
  actorName: string;
  roleLabel: string;
  at: string;
  /** Timeline dot colour: red for moves back, green for completions, blue otherwise. */
  color?: string;
  /** Opinions, reasons, conclusions… one block each. */
  details?: ReactNode;
}

interface StepTimelineProps {
  steps: TimelineStep[];
  title?: string;
  empty?: string;
}

/** 时间线: the written record of every move (SEC-13, SUP-6), oldest first. */
export function StepTimeline({ steps, title = '时间线', empty = '暂无记录' }: StepTimelineProps) {
  return (
    <Card title={title} style={{ marginBottom: 16 }}>
      {steps.length === 0 ? (
        <Empty description={empty} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          items={steps.map((step) => ({
            key: step.key,
            color: step.color ?? 'blue',
            content: (
              <div>
                <Typography.Text strong>{step.title}</Typography.Text>
                {step.transition && <Typography.Text type="secondary"> （{step.transition}）</Typography.Text>}
                <div>
                  {step.actorName}（{step.roleLabel}） · <time dateTime={step.at}>{formatDateTime(step.at)}</time>
                </div>
                {step.details}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
