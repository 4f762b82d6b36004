// The signed-in user, loaded once from GET /auth/me and shared through context.
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Result, Spin } from 'antd';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { ApiError, queries } from './api';
import type { Me, Role } from './types';

export interface Session {
  me: Me;
  hasRole: (...roles: Role[]) => boolean;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <RequireAuth>');
  return session;
}

/** Renders its children only with a live session; a 401 has already sent the browser to the login page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, error, refetch } = useQuery(queries.me());
  const session = useMemo<Session | null>(() => {
    if (!me) return null;
    const roles = new Set(me.grants.map((grant) => grant.role));
    return { me, hasRole: (...wanted) => wanted.some((role) => roles.has(role)) };
  }, [me]);

  if (session) return <SessionContext value={session}>{children}</SessionContext>;
  if (error instanceof ApiError && error.status === 401) return null;
  if (error) {
    return (
      <Result
        status="error"
        title="无法加载当前用户信息"
        subTitle={error.message}
        extra={<Button onClick={() => void refetch()}>重试</Button>}
      />
    );
  }
  return <FullPageSpin />;
}

/** Shows a page only to holders of one of `roles` (the server enforces the same rule). */
export function RequireRole({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const { hasRole } = useSession();
  if (roles && !hasRole(...roles)) {
    return <Result status="403" title="无权访问" subTitle="您的角色无权使用此功能，如需开通请联系安全管理员。" />;
  }
  return children;
}

export function FullPageSpin() {
  return (
    <Flex justify="center" align="center" style={{ minHeight: '50vh' }}>
      <Spin size="large" description="加载中…" />
    </Flex>
  );
}
