import { EditOutlined, RedoOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, List, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useSession } from '../../session';
import type { ItemDetail, ItemState } from '../../types';
import { StateTag } from '../documents/ItemTags';
import { interpretationApi, interpretationKeys } from './api';
import type { InterpretationLinks } from './types';

/**
 * On an item's page (INT-3): a policy lists its interpretations, which the reviewers decide on
 * with it; an interpretation names its policies and offers its own form and 再解读.
 */
export function InterpretationLinksCard({ detail }: { detail: ItemDetail }) {
  const { me, hasRole } = useSession();
  const links = (detail as ItemDetail & { interpretationLinks?: InterpretationLinks }).interpretationLinks;
  const { item } = detail;
  const isInterpretation = item.category === 'interpretation';
  if (!links || (!isInterpretation && links.interpretations.length === 0 && item.policyLevel === 'none')) return null;
  const list = isInterpretation ? links.policies : links.interpretations;
  return (
    <Card
      title={isInterpretation ? '解读内容' : '政策解读（与本文件同步审查、同步发布）'}
      style={{ marginBottom: 16 }}
      className="no-print"
      extra={
        <Space>
          {isInterpretation && item.state === 'draft' && item.drafterId === me.user.id && (
            <Link to={`/interpretation/${item.id}/edit`}><Button size="small" icon={<EditOutlined />}>修改解读内容</Button></Link>
          )}
          {isInterpretation && item.publishedAt && hasRole('drafter') && (
            <Link to={`/interpretation/${item.id}/reissue`}><Button size="small" icon={<RedoOutlined />}>再解读</Button></Link>
          )}
          {!isInterpretation && hasRole('drafter') && (
            <Link to={`/interpretation/new?policy=${item.id}`}><Button size="small" icon={<EditOutlined />}>撰写解读</Button></Link>
          )}
        </Space>
      }
    >
      {isInterpretation && <InterpretationContent id={item.id} />}
      <List
        size="small"
        dataSource={list}
        locale={{ emptyText: '尚无解读' }}
        renderItem={(linked) => (
          <List.Item>
            <Link to={`/documents/${linked.id}`}>{linked.title}</Link> <StateTag state={linked.state as ItemState} />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** What the reviewers decide on besides the body: the form's fields and the content checklist (INT-6, INT-7). */
function InterpretationContent({ id }: { id: string }) {
  const detail = useQuery({ queryKey: interpretationKeys.detail(id), queryFn: () => interpretationApi.get(id) }).data;
  const vocabulary = useQuery({ queryKey: interpretationKeys.vocabulary, queryFn: interpretationApi.vocabulary, staleTime: Infinity }).data;
  if (!detail || !vocabulary) return null;
  const { form, content, checklist, reissueOf } = detail.interpretation;
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
      {reissueOf && (
        <Typography.Text>
          再解读：<Link to={`/documents/${reissueOf.id}`}>{reissueOf.title}</Link>（原因：{reissueOf.reason}）
        </Typography.Text>
      )}
      <Descriptions size="small" column={1} bordered title={`解读形式：${vocabulary.forms[form]}`}>
        {(content.pairs ?? []).map((pair, index) => (
          <Descriptions.Item key={index} label={`问${index + 1}：${pair.question}`}>{pair.answer}</Descriptions.Item>
        ))}
        {content.altText !== undefined && <Descriptions.Item label="图解文字说明">{content.altText}</Descriptions.Item>}
        {content.mediaUrl !== undefined && <Descriptions.Item label="播放地址">{content.mediaUrl}</Descriptions.Item>}
        {content.heldOn !== undefined && <Descriptions.Item label="时间">{content.heldOn}</Descriptions.Item>}
        {content.speakers !== undefined && <Descriptions.Item label="出席人">{content.speakers.join('、')}</Descriptions.Item>}
        {content.transcript !== undefined && <Descriptions.Item label="文字实录"><div className="doc-body">{content.transcript}</div></Descriptions.Item>}
      </Descriptions>
      <Descriptions size="small" column={1} bordered title="解读内容要点">
        {Object.entries(vocabulary.checklist).map(([key, label]) => {
          const entry = checklist[key as keyof typeof checklist];
          return (
            <Descriptions.Item key={key} label={label}>
              {entry?.content?.trim() ? entry.content : entry?.notApplicableReason?.trim() ? `不涉及：${entry.notApplicableReason}` : <Typography.Text type="danger">未填写</Typography.Text>}
            </Descriptions.Item>
          );
        })}
      </Descriptions>
      <Typography.Text strong>所解读的政策文件</Typography.Text>
    </Space>
  );
}
