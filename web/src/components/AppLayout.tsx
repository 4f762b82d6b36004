import { BellOutlined, LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Drawer, Flex, Grid, Layout, Menu, Tag, Typography, type MenuProps } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { api } from '../api';
import { isNavMenu, NAV_PAGES, NAV_SECTIONS, type NavEntry, type NavPage } from '../navigation';
import { notificationQueries } from '../pages/notifications/api';
import { FullPageSpin, useSession } from '../session';
import { useRoleLabel } from '../hooks';
import './layout.css';
import './print.css';

type MenuItem = Required<MenuProps>['items'][number];

/**
 * The shell: side menu (pages the user's roles may use), header with the user and 退出登录.
 * On a phone the menu is a drawer opened from the header, so the page keeps the screen's width.
 */
export function AppLayout() {
  const { hasRole } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const phone = Grid.useBreakpoint().md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);

  const visible = (page: NavPage) => !page.hidden && (!page.roles || hasRole(...page.roles));
  const toItems = (entries: NavEntry[]): MenuItem[] =>
    entries.flatMap((entry): MenuItem[] => {
      if (!isNavMenu(entry)) return visible(entry) ? [{ key: entry.path, icon: entry.icon, label: entry.label }] : [];
      const children = toItems(entry.pages);
      return children.length ? [{ key: menuKey(entry.label), icon: entry.icon, label: entry.label, children }] : [];
    });
  const items: MenuItem[] = NAV_SECTIONS.flatMap((section): MenuItem[] => {
    const children = toItems(section.pages);
    if (children.length === 0) return [];
    if (!section.label) return children;
    const key = sectionKey(section.label);
    return section.submenu
      ? [{ key, icon: section.icon, label: section.label, children }]
      : [{ key, type: 'group', label: section.label, children }];
  });

  // The menu entry of this page, or of the nearest page above it (/documents/42 → /documents).
  const { pathname } = location;
  const current =
    NAV_PAGES.filter((page) => !page.hidden && (page.path === pathname || pathname.startsWith(`${page.path}/`)))
      .sort((a, b) => b.path.length - a.path.length)[0]?.path ?? pathname;
  // Sub-menus open by the user stay open; arriving at a page (e.g. from a to-do) opens its own.
  const [openKeys, setOpenKeys] = useState(() => openKeysFor(current));
  useEffect(() => setOpenKeys((open) => [...new Set([...open, ...openKeysFor(current)])]), [current]);

  const menu = (inDrawer: boolean) => (
    <nav aria-label="主菜单">
      <Menu
        theme="dark"
        mode="inline"
        items={items}
        selectedKeys={[current]}
        {...(collapsed && !inDrawer ? {} : { openKeys, onOpenChange: setOpenKeys })}
        onClick={({ key }) => {
          setDrawerOpen(false);
          navigate(key);
        }}
      />
    </nav>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? (
        <Drawer
          title="政务公开管理平台"
          placement="left"
          size={260}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          {menu(true)}
        </Drawer>
      ) : (
        <Layout.Sider
          breakpoint="lg"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={220}
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <Typography.Text strong style={{ display: 'block', color: '#fff', padding: 16, whiteSpace: 'nowrap', overflow: 'hidden' }}>
            {collapsed ? '公开' : '政务公开管理平台'}
          </Typography.Text>
          {menu(false)}
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header style={{ background: '#fff', padding: phone ? '0 12px' : '0 24px', height: 'auto', lineHeight: 'normal' }}>
          <Flex align="center" gap="small">
            {phone && (
              <Button icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)} aria-label="打开菜单">
                菜单
              </Button>
            )}
            <UserBar />
          </Flex>
        </Layout.Header>
        <Layout.Content
          className="app-content"
          style={phone ? { margin: 8, padding: 12, background: '#fff', borderRadius: 8 } : { margin: 24, padding: 24, background: '#fff', borderRadius: 8 }}
        >
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

const sectionKey = (label: string) => `section:${label}`;
const menuKey = (label: string) => `menu:${label}`;

/** The sub-menus to open so that the page's entry shows. */
function openKeysFor(path: string): string[] {
  const holds = (entries: NavEntry[]): boolean =>
    entries.some((entry) => (isNavMenu(entry) ? holds(entry.pages) : entry.path === path));
  return NAV_SECTIONS.flatMap((section) => [
    ...(section.submenu && section.label && holds(section.pages) ? [sectionKey(section.label)] : []),
    ...section.pages.filter(isNavMenu).filter((menu) => holds(menu.pages)).map((menu) => menuKey(menu.label)),
  ]);
}

function UserBar() {
  const roleLabel = useRoleLabel();
  const { me } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const logout = async () => {
    await api.auth.logout().catch(() => undefined); // an expired session is logged out anyway
    navigate('/login', { replace: true });
    queryClient.clear();
  };

  return (
    <Flex justify="flex-end" align="center" gap="small" wrap style={{ minHeight: 64, paddingBlock: 8, flex: 1, minWidth: 0 }}>
      <NotificationBell />
      <Typography.Text strong>{me.user.name}</Typography.Text>
      <Typography.Text type="secondary">{me.user.agencyName}</Typography.Text>
      <Flex gap={4} wrap>
        {me.grants.map((grant) => (
          <Tag key={grant.id} color="blue" title={grant.agencyName}>
            {roleLabel(grant.role)}
            {grant.agencyId !== me.user.agencyId && `（${grant.agencyName}）`}
          </Tag>
        ))}
      </Flex>
      <Button icon={<LogoutOutlined />} onClick={() => void logout()}>
        退出登录
      </Button>
    </Flex>
  );
}

/** The unread notifications, counted each minute (the reminder sweep's pace); opens the 通知 page. */
function NotificationBell() {
  const navigate = useNavigate();
  const { data } = useQuery(notificationQueries.unread());
  const unread = data?.unread ?? 0;
  return (
    <Badge count={unread} overflowCount={99} size="small">
      <Button type="text" icon={<BellOutlined />} aria-label={unread ? `通知：${unread}条未读` : '通知'} onClick={() => navigate('/notifications')} />
    </Badge>
  );
}
