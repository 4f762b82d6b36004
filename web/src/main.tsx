import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { ApiError, setUnauthorizedHandler } from './api';
import { AppLayout } from './components/AppLayout';
import { NAV_PAGES } from './navigation';
import { BASENAME, toConsolePath } from './paths';
import { FullPageSpin, RequireAuth, RequireRole } from './session';
import { TAG_CONFIG, THEME } from './theme';

const LoginPage = lazy(() => import('./pages/LoginPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));

dayjs.locale('zh-cn');

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx answer will not change on retry; network and 5xx failures may.
      retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
    },
  },
});

const router = createBrowserRouter(
  [
    { path: '/login', element: <LoginPage /> },
    {
      element: (
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      ),
      children: [
        ...NAV_PAGES.map((page) => ({
          path: page.path,
          element: <RequireRole roles={page.roles}>{page.element}</RequireRole>,
        })),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: BASENAME },
);

// The session has ended (expired, logged out elsewhere): back to the login page, then here again.
setUnauthorizedHandler(() => {
  const { pathname, search } = router.state.location; // the full URL path, basename included
  const path = toConsolePath(pathname);
  if (path !== '/login') void router.navigate('/login', { replace: true, state: { from: path + search } });
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={THEME} tag={TAG_CONFIG} button={{ autoInsertSpace: false }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <Suspense fallback={<FullPageSpin />}>
            <RouterProvider router={router} />
          </Suspense>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
