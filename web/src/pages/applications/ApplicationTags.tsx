import { Space, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useAppVocabulary } from '../../hooks';
import { APPLICATION_FLAGS } from '../../labels';
import type { ApplicationFlag, ApplicationState, Outcome } from '../../types';

// Status tags use the theme's status colours only (darkened for WCAG AA contrast).
const STATE_COLORS: Record<ApplicationState, string> = {
  unconfirmed: 'warning',
  received: 'processing',
  awaiting_reasons: 'warning',
  handling: 'processing',
  awaiting_correction: 'warning',
  awaiting_fee: 'warning',
  reviewing: 'processing',
  replied: 'success',
  closed: 'default',
  withdrawn: 'default',
};

export function AppStateTag({ state }: { state: ApplicationState }) {
  const vocabulary = useAppVocabulary();
  return <Tag color={STATE_COLORS[state]}>{vocabulary?.states[state] ?? state}</Tag>;
}

/** LAW-35: 重复申请？ / 申请过多; with `repeatOf`, a link to the earlier case. */
export function FlagTags({ flags, repeatOf }: { flags: ApplicationFlag[]; repeatOf?: string | null }) {
  if (flags.length === 0) return null;
  return (
    <Space size={4} wrap>
      {flags.map((flag) => (
        <Tag key={flag} color="warning" title={APPLICATION_FLAGS[flag]?.title}>
          {APPLICATION_FLAGS[flag]?.label ?? flag}
        </Tag>
      ))}
      {flags.includes('repeat') && repeatOf && <Link to={`/applications/${repeatOf}`}>查看此前的申请</Link>}
    </Space>
  );
}

/** An outcome as table 3 names it: 不予公开 — 属于国家秘密. */
export function OutcomeText({ outcome }: { outcome: Outcome | null | undefined }) {
  const vocabulary = useAppVocabulary();
  if (!outcome) return <span>—</span>;
  const info = vocabulary?.outcomes[outcome];
  if (!info) return <span>{outcome}</span>;
  return <span>{info.label.startsWith(info.group) ? info.label : `${info.group}：${info.label}`}</span>;
}
