import { EditOutlined, RedoOutlined } from '@ant-design/icons';
import { Button, Card, List, Space } from 'antd';
import { Link } from 'react-router-dom';
import { useSession } from '../../session';
import type { ItemDetail, ItemState } from '../../types';
import { StateTag } from '../documents/ItemTags';
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
      title={isInterpretation ? '所解读的政策文件' : '政策解读（与本文件同步审查、同步发布）'}
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
