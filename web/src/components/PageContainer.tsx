import { Flex, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert';

interface PageContainerProps {
  title: string;
  /** Buttons shown at the right of the title. */
  extra?: ReactNode;
  /** A failed read of the page's data. */
  error?: Error | null;
  children: ReactNode;
}

export function PageContainer({ title, extra, error, children }: PageContainerProps) {
  useEffect(() => {
    document.title = `${title} - 政务公开管理平台`;
  }, [title]);

  return (
    <section>
      <Flex justify="space-between" align="center" wrap gap="small" style={{ marginBottom: 16 }}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 22 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      <ErrorAlert error={error} />
      {children}
    </section>
  );
}
