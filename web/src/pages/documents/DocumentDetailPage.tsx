import { EditOutlined, ExportOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Row, Skeleton, Space, Tabs, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { publicItemUrl, queries } from '../../api';
import { DeadlineInfo } from '../../components/DeadlineInfo';
import { PageContainer } from '../../components/PageContainer';
import { formatDateTime } from '../../labels';
import { useSession } from '../../session';
import type { ItemDetail } from '../../types';
import { CoordinationCard } from '../coordination/CoordinationCard';
import { ActionsCard } from './ActionsCard';
import { ApprovedFiles } from './ApprovedFiles';
import { AttachmentList } from './AttachmentList';
import { ConsultationsPanel } from './ConsultationsPanel';
import { DecisionPanel } from './DecisionPanel';
import { FindingsTable } from './FindingsTable';
import { ItemDescriptions } from './ItemDescriptions';
import { AttributeTag, StateTag } from './ItemTags';
import { PublishedCard } from './PublishedCard';
import { RedactionsPanel } from './RedactionsPanel';
import { StepsTimeline } from './StepsTimeline';
import { InterpretationLinksCard } from '../interpretation/InterpretationLinksCard';
import { CONSULTATION_STATES, DECISION_STATES, isIn, REDACTION_STATES, REVIEW_STATES } from './rules';
import './documents.css';

/** 信息详情: metadata, body, files, the moves open to me, the review record and the review tools. */
export default function DocumentDetailPage() {
  const { id = '' } = useParams();
  const { data, error } = useQuery(queries.item(id));
  if (!data) {
    return (
      <PageContainer title="信息详情" error={error}>
        {!error && <Skeleton active />}
      </PageContainer>
    );
  }
  return <ItemView detail={data} />;
}

function ItemView({ detail }: { detail: ItemDetail }) {
  const { me, hasRole } = useSession();
  const navigate = useNavigate();
  const agencies = useQuery(queries.agencies());
  const { item } = detail;
  const agencyCode = agencies.data?.items.find((agency) => agency.id === item.agencyId)?.code;
  const canEdit = item.state === 'draft' && item.drafterId === me.user.id;
  const reviewer = hasRole('office', 'secrecy_reviewer');
  const inReview = isIn(REVIEW_STATES, item.state);

  return (
    <PageContainer
      title={item.title}
      extra={
        <Space wrap className="no-print">
          {canEdit && (
            <Button icon={<EditOutlined />} onClick={() => navigate(item.category === 'interpretation' ? `/interpretation/${item.id}/edit` : `/documents/${item.id}/edit`)}>
              修改草稿
            </Button>
          )}
          {item.publishedAt && agencyCode && (
            <Button icon={<ExportOutlined />} href={publicItemUrl(agencyCode, item.id)} target="_blank" rel="noopener">
              查看公开页面
            </Button>
          )}
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印审查记录
          </Button>
        </Space>
      }
    >
      <div className="print-only">
        <Typography.Title level={2} style={{ fontSize: 18 }}>
          政府信息公开审查记录
        </Typography.Title>
        <Typography.Paragraph>
          打印人：{me.user.name}（{me.user.agencyName}） 打印时间：{formatDateTime(new Date().toISOString())}
        </Typography.Paragraph>
      </div>
      <Flex gap="small" align="center" wrap style={{ marginBottom: 16 }}>
        <StateTag state={item.state} />
        <AttributeTag attribute={item.attribute} />
        {detail.deadline && (
          <Space size={4} wrap>
            <Typography.Text>公开期限：</Typography.Text>
            <DeadlineInfo deadline={detail.deadline} explain />
          </Space>
        )}
      </Flex>
      <Row gutter={16}>
        <Col xs={{ span: 24, order: 2 }} xl={{ span: 16, order: 1 }}>
          <Card title="信息要素" style={{ marginBottom: 16 }}>
            <ItemDescriptions item={item} />
          </Card>
          <InterpretationLinksCard detail={detail} />
          {reviewer && inReview && <ReviewTools detail={detail} />}
          <Card title="正文" className="no-print" style={{ marginBottom: 16 }}>
            <div className="doc-body">
              {item.body || '（无正文）'}
            </div>
          </Card>
          <Card title="附件" className="no-print" style={{ marginBottom: 16 }}>
            {detail.attachmentActions.includes('replace') ? (
              <ApprovedFiles detail={detail} />
            ) : (
              <AttachmentList attachments={detail.attachments} />
            )}
          </Card>
        </Col>
        <Col xs={{ span: 24, order: 1 }} xl={{ span: 8, order: 2 }}>
          <ActionsCard detail={detail} />
          {hasRole('office') && <CoordinationCard itemId={item.id} agencyId={item.agencyId} />}
          {item.publishedAt && hasRole('office') && <PublishedCard item={item} />}
          <StepsTimeline steps={detail.steps} />
        </Col>
      </Row>
    </PageContainer>
  );
}

/** The office's and the secrecy reviewer's tools while the item is under review. */
function ReviewTools({ detail }: { detail: ItemDetail }) {
  const { hasRole } = useSession();
  const { item } = detail;
  const secrecy = hasRole('secrecy_reviewer');
  const office = hasRole('office');
  const openFindings = detail.findings.filter((finding) => finding.status === 'open').length;
  const tabs = [
    {
      key: 'findings',
      label: `敏感信息检查${openFindings ? `（${openFindings}）` : ''}`,
      children: <FindingsTable detail={detail} canResolve={secrecy && isIn(REDACTION_STATES, item.state)} />,
    },
    {
      key: 'redactions',
      label: `删除标记${detail.redactions.length ? `（${detail.redactions.length}）` : ''}`,
      children: <RedactionsPanel detail={detail} canEdit={secrecy && isIn(REDACTION_STATES, item.state)} />,
    },
    {
      key: 'consultations',
      label: '征求意见',
      children: (
        <ConsultationsPanel
          detail={detail}
          canAnswer
          canAsk={isIn(CONSULTATION_STATES, item.state)}
          canExtend={office && item.state === 'referred'}
        />
      ),
    },
  ];
  if (item.major) {
    tabs.push({
      key: 'decision',
      label: '会议决定',
      children: <DecisionPanel item={item} canRecord={office && isIn(DECISION_STATES, item.state)} />,
    });
  }
  return (
    <Card title="审查工具" className="no-print" style={{ marginBottom: 16 }}>
      <Tabs items={tabs} />
    </Card>
  );
}
