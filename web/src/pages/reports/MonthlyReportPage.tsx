import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Descriptions, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DeadlineInfo } from '../../components/DeadlineInfo';
import { PageContainer } from '../../components/PageContainer';
import { useApiMutation } from '../../hooks';
import { formatDateTime } from '../../labels';
import { useSession } from '../../session';
import { reportsApi } from './api';
import { GridTable } from './GridTable';

const lastMonth = () => {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};

/** 月度报告 (SUP-5): a month's items, applications, interpretations and 三同步, messages and opinion cases, due on the 5th of the next month, kept as submitted. */
export default function MonthlyReportPage() {
  const { hasRole } = useSession();
  const [params] = useSearchParams();
  const [month, setMonth] = useState(params.get('month') ?? lastMonth());
  const { data, error } = useQuery({ queryKey: ['reports', 'monthly', month], queryFn: () => reportsApi.monthly(month) });
  const submit = useApiMutation(() => reportsApi.submitMonthly(month), { invalidate: [['reports']], success: '月度报告已报送' });
  return (
    <PageContainer
      title="政府信息公开工作月度报告"
      error={error ?? submit.error}
      extra={
        <Space wrap>
          <DatePicker picker="month" aria-label="月份" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} />
          <Button icon={<DownloadOutlined />} href={reportsApi.monthlyUrl(month, 'docx')}>
            Word
          </Button>
          <Button icon={<DownloadOutlined />} href={reportsApi.monthlyUrl(month, 'xlsx')}>
            Excel
          </Button>
        </Space>
      }
    >
      {data && (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="报送期限">
              <DeadlineInfo deadline={data.deadline} explain />
            </Descriptions.Item>
            <Descriptions.Item label="报送">{data.submitted ? `${formatDateTime(data.submitted.at)} 由 ${data.submitted.by} 报送（数据按报送时保存）` : '尚未报送（数据为当前统计）'}</Descriptions.Item>
          </Descriptions>
          {data.grids.map((g) => (
            <GridTable key={g.caption} grid={g} />
          ))}
          {!data.submitted && hasRole('office') && (
            <>
              <Alert type="info" showIcon message="报送后，本月数据按报送时保存，不再随记录变化。" style={{ marginBottom: 12 }} />
              <ConfirmButton title={`报送${month}月度报告？`} buttonType="primary" onConfirm={() => submit.mutateAsync(undefined)}>
                报送
              </ConfirmButton>
            </>
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
            按时、逾期按信息发布期限和申请答复期限判断；“三同步”率为本月发布的政策文件中按时发布解读的件数占解读期限已届满或已解读件数的比例；网民留言、政务舆情分别按本月收到、发现的统计。每月5日前报送上月报告。
          </Typography.Paragraph>
        </>
      )}
    </PageContainer>
  );
}
