import { Empty } from 'antd';
import { PageContainer } from '../components/PageContainer';

/** A capability that is planned but not built yet. */
export default function ComingSoonPage({ title }: { title: string }) {
  return (
    <PageContainer title={title}>
      <Empty description="该功能将在后续版本提供" style={{ padding: '48px 0' }} />
    </PageContainer>
  );
}
