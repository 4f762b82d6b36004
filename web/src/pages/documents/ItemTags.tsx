import { Tag } from 'antd';
import { useVocabulary } from '../../hooks';
import type { Attribute, ItemState } from '../../types';

// Status tags use the theme's status colours only (darkened for WCAG AA contrast).
const STATE_COLORS: Record<ItemState, string> = {
  draft: 'default',
  office_check: 'processing',
  dept_review: 'processing',
  secrecy_review: 'processing',
  referred: 'warning',
  leader_approval: 'processing',
  approved: 'success',
  published: 'success',
};

const ATTRIBUTE_COLORS: Record<Attribute, string> = {
  proactive: 'success',
  on_application: 'processing',
  not_disclosed: 'default',
};

export function StateTag({ state }: { state: ItemState }) {
  const vocabulary = useVocabulary();
  return <Tag color={STATE_COLORS[state]}>{vocabulary?.states[state] ?? state}</Tag>;
}

/** The disclosure attribute (ATTR-2); an item without one yet shows 未定. */
export function AttributeTag({ attribute }: { attribute: Attribute | null }) {
  const vocabulary = useVocabulary();
  if (!attribute) return <Tag>未定</Tag>;
  return <Tag color={ATTRIBUTE_COLORS[attribute]}>{vocabulary?.attributes[attribute] ?? attribute}</Tag>;
}
