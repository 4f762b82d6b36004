import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Col, Flex, Row, Skeleton, Space, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { queries } from '../../api';
import { DeadlineInfo } from '../../components/DeadlineInfo';
import { PageContainer } from '../../components/PageContainer';
import { formatDateTime } from '../../labels';
import { useSession } from '../../session';
import type { ApplicationDetail } from '../../types';
import { ApplicationActionsCard } from './ApplicationActionsCard';
import { ApplicantCard, DeadlineCard, HandlingCard, RequestCard } from './ApplicationCards';
import { AppStateTag, FlagTags, OutcomeText } from './ApplicationTags';
import { ApplicationTimeline } from './ApplicationTimeline';
import { AppealsCard } from './AppealsCard';
import { ConsultationsCard } from './ConsultationsCard';
import { DeliveryCard } from './DeliveryCard';
import { FilesCard } from './FilesCard';
import { ReviewsCard } from './ReviewsCard';
import { canAppeal } from './rules';

/** 申请详情: the case with its reply deadline explained, the applicant, the record, and the moves open to me. */
export default function ApplicationDetailPage() {
  const { id = '' } = useParams();
  const { data, error } = useQuery(queries.application(id));
  if (!data) {
    return (
      <PageContainer title="申请详情" error={error}>
        {!error && <Skeleton active />}
      </PageContainer>
    );
  }
  return <CaseView detail={data} />;
}

function CaseView({ detail }: { detail: ApplicationDetail }) {
  const { me, hasRole } = useSession();
  const office = hasRole('office');
  const showReviews = detail.state === 'reviewing' || detail.reviews.length > 0;
  const showConsultations = detail.consultations.length > 0 || (office && detail.state === 'handling');
  const showDelivery = detail.state === 'replied' || detail.deliveryRecord !== null;
  const showAppeals = canAppeal(detail.state) || detail.appeals.length > 0;

  return (
    <PageContainer
      title={`申请详情 ${detail.regNumber}`}
      extra={
        <Button className="no-print" icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印办理记录
        </Button>
      }
    >
      <div className="print-only">
        <Typography.Paragraph>
          打印人：{me.user.name}（{me.user.agencyName}） 打印时间：{formatDateTime(new Date().toISOString())}
        </Typography.Paragraph>
      </div>
      <Flex gap="middle" align="center" wrap style={{ marginBottom: 16 }}>
        <AppStateTag state={detail.state} />
        {detail.outcome && (
          <Typography.Text>
            办理结果：<OutcomeText outcome={detail.outcome} />
          </Typography.Text>
        )}
        <Space size={4} wrap>
          <Typography.Text>答复期限：</Typography.Text>
          <DeadlineInfo deadline={detail.deadline} />
        </Space>
        <FlagTags flags={detail.flags} repeatOf={detail.repeatOf} />
      </Flex>
      <Row gutter={16}>
        <Col xs={{ span: 24, order: 2 }} xl={{ span: 16, order: 1 }}>
          <DeadlineCard detail={detail} />
          <RequestCard detail={detail} />
          <ApplicantCard detail={detail} />
          <HandlingCard detail={detail} />
          {showReviews && <ReviewsCard detail={detail} />}
          {showConsultations && <ConsultationsCard detail={detail} canEdit={office} />}
          <FilesCard applicationId={detail.id} files={detail.files} canUpload={office && (detail.state === 'handling' || detail.state === 'reviewing')} />
          {showDelivery && <DeliveryCard detail={detail} canEdit={office} />}
          {showAppeals && <AppealsCard detail={detail} canAdd={office && canAppeal(detail.state)} canEdit={office} />}
        </Col>
        <Col xs={{ span: 24, order: 1 }} xl={{ span: 8, order: 2 }}>
          <ApplicationActionsCard detail={detail} />
          <ApplicationTimeline detail={detail} />
        </Col>
      </Row>
    </PageContainer>
  );
}
