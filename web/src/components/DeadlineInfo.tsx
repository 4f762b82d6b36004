import { Button, Popover, Space, Tag } from 'antd';
import { formatDate } from '../labels';
import type { DeadlineSummary } from '../types';
import { LightTag } from './LightTag';

interface DeadlineInfoProps {
  deadline: DeadlineSummary | null | undefined;
  /** Offer the calculation (`deadline.explanation`) in a popover. */
  explain?: boolean;
}

/**
 * A working-day deadline (PUB-3, APP-4): the due day, its traffic light (暂停 while the clock
 * is stopped), （临时） while the calendar is incomplete, and on request why.
 */
export function DeadlineInfo({ deadline, explain }: DeadlineInfoProps) {
  if (!deadline) return <span>—</span>;
  const met = deadline.state === 'met';
  return (
    <Space size={4} wrap>
      <span>{formatDate(deadline.dueDate)}</span>
      {met ? (
        <Tag color={deadline.metLate ? 'error' : 'success'}>{deadline.metLate ? '逾期完成' : '已完成'}</Tag>
      ) : deadline.state === 'paused' ? (
        <Tag color="warning" title="期限暂停计算（如等待补正、缴费或征求意见），恢复后继续计算">
          暂停
        </Tag>
      ) : (
        <LightTag light={deadline.light} />
      )}
      {deadline.provisional && <span>（临时）</span>}
      {explain && deadline.explanation && (
        <Popover
          rootClassName="no-print"
          title="期限计算依据"
          trigger="click"
          content={<DeadlineExplanation explanation={deadline.explanation} />}
        >
          <Button type="link" size="small" className="no-print">
            计算依据
          </Button>
        </Popover>
      )}
    </Space>
  );
}

/**
 * The server's explanation of a deadline, one sentence a line: start, pauses, restarts,
 * extension, days skipped, the term, and for a （临时） date which years' holidays are unknown.
 */
export function DeadlineExplanation({ explanation }: { explanation: string[] }) {
  return (
    <ol style={{ margin: 0, paddingInlineStart: 20, maxWidth: 640 }}>
      {explanation.map((line, index) => (
        <li key={index}>{line}</li>
      ))}
    </ol>
  );
}
