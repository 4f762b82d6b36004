import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { PageContainer } from '../components/PageContainer';

export default function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <PageContainer title="页面不存在">
      <Result
        status="404"
        subTitle="您访问的页面不存在或已被移除。"
        extra={<Button onClick={() => navigate('/')}>返回工作台</Button>}
      />
    </PageContainer>
  );
}
