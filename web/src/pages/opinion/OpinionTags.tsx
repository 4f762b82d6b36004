import { Tag } from 'antd';
import type { OpinionState, RiskLevel } from './types';

const RISK_COLORS: Record<RiskLevel, string> = { general: 'default', serious: 'warning', major: 'error', extraordinary: 'error' };
const STATE_COLORS: Record<OpinionState, string> = { registered: 'default', assessed: 'processing', transferred: 'processing', responded: 'processing', fed_back: 'processing', closed: 'success' };

export function RiskTag({ level, label }: { level: RiskLevel; label: string | undefined }) {
  return <Tag color={RISK_COLORS[level]}>{label ?? level}</Tag>;
}

export function OpinionStateTag({ state, label }: { state: OpinionState; label: string | undefined }) {
  return <Tag color={STATE_COLORS[state]}>{label ?? state}</Tag>;
}
