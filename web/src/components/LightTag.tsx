import { Tag } from 'antd';
import { LIGHTS } from '../labels';
import type { TrafficLight } from '../types';

/** A deadline's traffic light as 正常 / 临期 / 逾期; nothing to show without a deadline. */
export function LightTag({ light }: { light: TrafficLight | null | undefined }) {
  if (!light) return <span>—</span>;
  return <Tag color={LIGHTS[light].color}>{LIGHTS[light].label}</Tag>;
}
