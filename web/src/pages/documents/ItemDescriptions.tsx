import { Descriptions, type DescriptionsProps } from 'antd';
import { useVocabulary } from '../../hooks';
import { formatDate, formatDateTime } from '../../labels';
import type { Item } from '../../types';
import { AttributeTag, StateTag } from './ItemTags';

const dash = (value: string | null | undefined) => (value && value.trim() ? value : '—');
const multiline = (value: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{dash(value)}</span>;

/** Every metadata field of an item (printed with the review record). */
export function ItemDescriptions({ item }: { item: Item }) {
  const vocabulary = useVocabulary();
  const plan = item.interpretationPlan;
  const items: DescriptionsProps['items'] = [
    { key: 'indexNumber', label: '索引号', children: dash(item.indexNumber) },
    { key: 'docNumber', label: '文号', children: dash(item.docNumber) },
    { key: 'kind', label: '信息类型', children: vocabulary?.itemKinds[item.kind] ?? item.kind },
    { key: 'docKind', label: '文种', children: item.docKind ? (vocabulary?.docKinds[item.docKind] ?? item.docKind) : '—' },
    { key: 'category', label: '主题分类', children: vocabulary?.categories[item.category] ?? item.category },
    { key: 'dateMade', label: '成文日期', children: formatDate(item.dateMade) },
    { key: 'validUntil', label: '有效期至', children: item.validUntil ? formatDate(item.validUntil) : '—' },
    { key: 'unit', label: '承办科室', children: item.unitName },
    { key: 'drafter', label: '拟稿人', children: item.drafterName },
    { key: 'state', label: '状态', children: <StateTag state={item.state} /> },
    { key: 'attribute', label: '公开属性', children: <AttributeTag attribute={item.attribute} /> },
    { key: 'attributeReason', label: '不公开理由', span: 'filled', children: multiline(item.attributeReason) },
    { key: 'nonPublicParts', label: '不宜公开的内容', span: 'filled', children: multiline(item.nonPublicParts) },
    {
      key: 'conclusion',
      label: '保密审查结论',
      children: item.conclusion ? (vocabulary?.conclusions[item.conclusion] ?? item.conclusion) : '—',
    },
    { key: 'colophon', label: '版记', children: dash(item.colophon) },
    { key: 'policyLevel', label: '政策性文件', children: vocabulary?.policyLevels[item.policyLevel] ?? item.policyLevel },
    { key: 'major', label: '重大事项', children: item.major ? '是' : '否' },
  ];
  if (plan) {
    items.push(
      { key: 'planOutline', label: '解读提纲', span: 'filled', children: multiline(plan.outline) },
      { key: 'planForm', label: '解读形式', children: dash(plan.form) },
      { key: 'planChannel', label: '解读渠道', children: dash(plan.channel) },
      { key: 'planTime', label: '解读时间', span: 'filled', children: dash(plan.time) },
    );
  }
  if (item.leadingGroupReview) {
    items.push({ key: 'leadingGroup', label: '领导小组审核意见', span: 'filled', children: multiline(item.leadingGroupReview) });
  }
  if (item.major) {
    items.push({ key: 'decision', label: '局务会/党组会决定', span: 'filled', children: multiline(item.collectiveDecision) });
  }
  items.push(
    { key: 'version', label: '版本', children: `第 ${item.version} 版` },
    { key: 'changedOn', label: '制作或变更日期', children: formatDate(item.changedOn) },
  );
  if (item.changeReason) items.push({ key: 'changeReason', label: '修订理由', span: 'filled', children: multiline(item.changeReason) });
  items.push(
    { key: 'publishedAt', label: '发布时间', children: formatDateTime(item.publishedAt) },
    { key: 'validity', label: '有效性', children: vocabulary?.validities[item.validity] ?? item.validity },
    {
      key: 'channels',
      label: '发布渠道',
      span: 'filled',
      children: item.channels.length ? item.channels.map((c) => vocabulary?.channels[c] ?? c).join('、') : '—',
    },
    { key: 'paperCopies', label: '纸质份数', span: 'filled', children: item.publishedAt ? `${item.paperCopies} 份` : '—' },
    { key: 'summary', label: '摘要', span: 'filled', children: multiline(item.summary) },
  );
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />;
}
