// The console's pages: one list drives both the router and the side menu.
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BellOutlined,
  BookOutlined,
  CalendarOutlined,
  CommentOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  EyeInvisibleOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  GlobalOutlined,
  FileTextOutlined,
  FlagOutlined,
  FolderOpenOutlined,
  FormOutlined,
  InboxOutlined,
  LockOutlined,
  MessageOutlined,
  PartitionOutlined,
  ProfileOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  StopOutlined,
  SyncOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserAddOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { lazy, type ReactNode } from 'react';
import type { Role } from './types';

const DashboardPage = lazy(() => import('./pages/supervision/DashboardPage'));
const ProfilePage = lazy(() => import('./pages/ProfilePage'));
const OrgPage = lazy(() => import('./pages/OrgPage'));
const UsersPage = lazy(() => import('./pages/UsersPage'));
const OpinionListPage = lazy(() => import('./pages/opinion/OpinionListPage'));
const OpinionFormPage = lazy(() => import('./pages/opinion/OpinionFormPage'));
const OpinionDetailPage = lazy(() => import('./pages/opinion/OpinionDetailPage'));
const GrantsPage = lazy(() => import('./pages/GrantsPage'));
const CalendarPage = lazy(() => import('./pages/CalendarPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));
const SecurityPage = lazy(() => import('./pages/SecurityPage'));
const SiteSettingsPage = lazy(() => import('./pages/SiteSettingsPage'));
const DocumentListPage = lazy(() => import('./pages/documents/DocumentListPage'));
const DocumentFormPage = lazy(() => import('./pages/documents/DocumentFormPage'));
const DocumentDetailPage = lazy(() => import('./pages/documents/DocumentDetailPage'));
const LedgerPage = lazy(() => import('./pages/documents/LedgerPage'));
const NonPublicRegisterPage = lazy(() => import('./pages/documents/NonPublicRegisterPage'));
const ApplicationListPage = lazy(() => import('./pages/applications/ApplicationListPage'));
const ApplicationIntakePage = lazy(() => import('./pages/applications/ApplicationIntakePage'));
const ApplicationDetailPage = lazy(() => import('./pages/applications/ApplicationDetailPage'));
const ApplicationStatsPage = lazy(() => import('./pages/applications/ApplicationStatsPage'));
const FilingPage = lazy(() => import('./pages/catalog/FilingPage'));
const CatalogEntriesPage = lazy(() => import('./pages/catalog/CatalogEntriesPage'));
const NegativeListPage = lazy(() => import('./pages/lists/NegativeListPage'));
const ServiceCatalogPage = lazy(() => import('./pages/lists/ServiceCatalogPage'));
const PowerListPage = lazy(() => import('./pages/lists/PowerListPage'));
const CoordinationPage = lazy(() => import('./pages/coordination/CoordinationPage'));
const LetterTemplatePage = lazy(() => import('./pages/letters/LetterTemplatePage'));
const MessagesPage = lazy(() => import('./pages/messages/MessagesPage'));
const ConsultationListPage = lazy(() => import('./pages/consultation/ConsultationListPage'));
const ConsultationDetailPage = lazy(() => import('./pages/consultation/ConsultationDetailPage'));
const KeyTasksPage = lazy(() => import('./pages/consultation/KeyTasksPage'));
const NotificationsPage = lazy(() => import('./pages/notifications/NotificationsPage'));
const DutyRosterPage = lazy(() => import('./pages/notifications/DutyRosterPage'));
const AnnualReportsPage = lazy(() => import('./pages/reports/AnnualReportsPage'));
const AnnualReportPage = lazy(() => import('./pages/reports/AnnualReportPage'));
const MonthlyReportPage = lazy(() => import('./pages/reports/MonthlyReportPage'));
const InterpretationPage = lazy(() => import('./pages/interpretation/InterpretationPage'));
const InterpretationFormPage = lazy(() => import('./pages/interpretation/InterpretationFormPage'));
const SupervisionPage = lazy(() => import('./pages/supervision/SupervisionPage'));

export interface NavPage {
  path: string;
  label: string;
  icon?: ReactNode;
  /** Holders of any of these roles may use the page; absent = every signed-in user. */
  roles?: Role[];
  element: ReactNode;
  /** Reached from other pages (a form, a detail), not from the menu; the menu marks the entry above it. */
  hidden?: boolean;
}

/** A collapsible sub-menu inside a section, e.g. 信息发布 with its lists and registers. */
export interface NavMenu {
  label: string;
  icon: ReactNode;
  pages: NavPage[];
}

export type NavEntry = NavPage | NavMenu;

export const isNavMenu = (entry: NavEntry): entry is NavMenu => 'pages' in entry;

export interface NavSection {
  /** Absent: the pages sit at the top level of the menu. */
  label?: string;
  icon?: ReactNode;
  /** A collapsible sub-menu rather than a titled group. */
  submenu?: boolean;
  pages: NavEntry[];
}

/** The business roles that work on information items; the three administrators do not read them. */
const ITEM_ROLES: Role[] = ['drafter', 'dept_head', 'office', 'secrecy_reviewer', 'leader', 'opinion_lead'];

/** 监督考评: the lists behind the dashboard, self-checks (department heads), assessments and accountability (office, leaders). */
const SUPERVISION_ROLES: Role[] = ['office', 'leader', 'dept_head'];

/** 信息发布: information items from draft to publication, the ledger (PUB-7) and the non-public register (ATTR-3). */
const DOCUMENTS: NavMenu = {
  label: '信息发布',
  icon: <FileTextOutlined />,
  pages: [
    { path: '/documents', label: '信息列表', icon: <UnorderedListOutlined />, roles: ITEM_ROLES, element: <DocumentListPage /> },
    { path: '/documents/ledger', label: '发布台账', icon: <BookOutlined />, roles: ITEM_ROLES, element: <LedgerPage /> },
    {
      path: '/documents/register',
      label: '不公开信息登记',
      icon: <EyeInvisibleOutlined />,
      roles: ITEM_ROLES,
      element: <NonPublicRegisterPage />,
    },
    { path: '/documents/new', label: '新建信息', roles: ['drafter'], element: <DocumentFormPage />, hidden: true },
    { path: '/documents/:id/edit', label: '修改草稿', roles: ['drafter'], element: <DocumentFormPage />, hidden: true },
    { path: '/documents/:id', label: '信息详情', roles: ITEM_ROLES, element: <DocumentDetailPage />, hidden: true },
  ],
};

/** Staff who may see applications (the server's APPLICATION_ROLES); personal data only to the handlers. */
const APPLICATION_ROLES: Role[] = ['office', 'drafter', 'dept_head', 'secrecy_reviewer', 'leader', 'opinion_lead'];

/** 依申请公开: the queue, the office's intake (APP-2, LAW-31), each case, and table 3 of the annual report. */
const APPLICATIONS: NavMenu = {
  label: '依申请公开',
  icon: <FormOutlined />,
  pages: [
    { path: '/applications', label: '申请队列', icon: <InboxOutlined />, roles: APPLICATION_ROLES, element: <ApplicationListPage /> },
    { path: '/applications/new', label: '登记申请', icon: <UserAddOutlined />, roles: ['office'], element: <ApplicationIntakePage /> },
    {
      path: '/applications/stats',
      label: '统计（表三）',
      icon: <BarChartOutlined />,
      roles: APPLICATION_ROLES,
      element: <ApplicationStatsPage />,
    },
    { path: '/applications/letter-template', label: '文书模板', icon: <FileProtectOutlined />, roles: ['office'], element: <LetterTemplatePage /> },
    { path: '/applications/:id', label: '申请详情', roles: APPLICATION_ROLES, element: <ApplicationDetailPage />, hidden: true },
  ],
};

/** 公开目录: the catalog (CAT-1) and its quarterly filing with the leading group (CAT-2). */
const CATALOG: NavMenu = {
  label: '公开目录',
  icon: <FolderOpenOutlined />,
  pages: [
    { path: '/catalog', label: '目录条目', icon: <UnorderedListOutlined />, roles: ITEM_ROLES, element: <CatalogEntriesPage /> },
    { path: '/catalog/filings', label: '目录备案', icon: <FileDoneOutlined />, roles: ['office', 'leader'], element: <FilingPage /> },
  ],
};

/** 公开清单: the lists the office publishes and keeps current (CAT-5, FIVE-4, FIVE-3); other business roles read them. */
const LISTS: NavMenu = {
  label: '公开清单',
  icon: <ProfileOutlined />,
  pages: [
    { path: '/lists/negative', label: '负面清单', icon: <StopOutlined />, roles: ITEM_ROLES, element: <NegativeListPage /> },
    { path: '/lists/services', label: '服务事项目录', icon: <CustomerServiceOutlined />, roles: ITEM_ROLES, element: <ServiceCatalogPage /> },
    { path: '/lists/powers', label: '权责清单', icon: <PartitionOutlined />, roles: ITEM_ROLES, element: <PowerListPage /> },
  ],
};

/** 工作报告: the annual report (LAW-49/50) and the monthly report (SUP-5); the city office sees every agency's. */
const REPORTS: NavMenu = {
  label: '工作报告',
  icon: <FileDoneOutlined />,
  pages: [
    { path: '/reports/annual', label: '年度报告', icon: <BookOutlined />, roles: ['office', 'leader'], element: <AnnualReportsPage /> },
    { path: '/reports/monthly', label: '月度报告', icon: <CalendarOutlined />, roles: ['office', 'leader'], element: <MonthlyReportPage /> },
    { path: '/reports/annual/:id', label: '年度报告详情', roles: ['office', 'leader'], element: <AnnualReportPage />, hidden: true },
  ],
};

/** Who keeps or follows the opinion log; a responsible unit's staff reach their cases from the to-do list. */
const OPINION_LOG_ROLES: Role[] = ['opinion_lead', 'office', 'leader'];

/** 舆情与留言: the opinion log (OP-3), a new case, each case, and citizens' messages (OP-6). */
const OPINION: NavMenu = {
  label: '舆情与留言',
  icon: <AlertOutlined />,
  pages: [
    { path: '/opinion', label: '舆情台账', icon: <UnorderedListOutlined />, roles: OPINION_LOG_ROLES, element: <OpinionListPage /> },
    { path: '/opinion/new', label: '登记舆情', roles: ['opinion_lead'], element: <OpinionFormPage />, hidden: true },
    { path: '/opinion/:id', label: '舆情详情', roles: ITEM_ROLES, element: <OpinionDetailPage />, hidden: true },
    { path: '/opinion/messages', label: '网民留言', icon: <MessageOutlined />, roles: ['office', 'drafter', 'dept_head', 'leader', 'opinion_lead'], element: <MessagesPage /> },
  ],
};

export const NAV_SECTIONS: NavSection[] = [
  { pages: [{ path: '/', label: '工作台', icon: <DashboardOutlined />, element: <DashboardPage /> }] },
  {
    label: '政务公开',
    pages: [
      DOCUMENTS,
      CATALOG,
      LISTS,
      APPLICATIONS,
      REPORTS,
      { path: '/interpretation', label: '政策解读', icon: <ReadOutlined />, roles: ITEM_ROLES, element: <InterpretationPage /> },
      { path: '/interpretation/new', label: '撰写政策解读', roles: ['drafter'], element: <InterpretationFormPage mode="new" />, hidden: true },
      { path: '/interpretation/:id/edit', label: '修改政策解读', roles: ['drafter'], element: <InterpretationFormPage mode="edit" />, hidden: true },
      { path: '/interpretation/:id/reissue', label: '再解读', roles: ['drafter'], element: <InterpretationFormPage mode="reissue" />, hidden: true },
      { path: '/consultation', label: '意见征集', icon: <CommentOutlined />, roles: ITEM_ROLES, element: <ConsultationListPage /> },
      { path: '/consultation/:id', label: '征求意见详情', roles: ITEM_ROLES, element: <ConsultationDetailPage />, hidden: true },
      { path: '/key-tasks', label: '重点工作', icon: <FlagOutlined />, roles: ITEM_ROLES, element: <KeyTasksPage /> },
      { path: '/coordination', label: '发布协调', icon: <SyncOutlined />, roles: ['office'], element: <CoordinationPage /> },
      OPINION,
      { path: '/supervision', label: '监督考评', icon: <AuditOutlined />, roles: SUPERVISION_ROLES, element: <SupervisionPage /> },
      { path: '/notifications', label: '通知', icon: <BellOutlined />, element: <NotificationsPage /> },
      { path: '/notifications/duty', label: '领导值班表', roles: ITEM_ROLES, element: <DutyRosterPage />, hidden: true },
    ],
  },
  {
    label: '系统管理',
    icon: <SettingOutlined />,
    submenu: true,
    pages: [
      { path: '/system/org', label: '机构与部门', icon: <ApartmentOutlined />, roles: ['sys_admin'], element: <OrgPage /> },
      {
        path: '/system/users',
        label: '用户管理',
        icon: <TeamOutlined />,
        roles: ['sys_admin', 'security_admin'],
        element: <UsersPage />,
      },
      {
        path: '/system/grants',
        label: '角色授权',
        icon: <SafetyCertificateOutlined />,
        roles: ['security_admin'],
        element: <GrantsPage />,
      },
      {
        path: '/system/calendar',
        label: '工作日历',
        icon: <CalendarOutlined />,
        roles: ['sys_admin'],
        element: <CalendarPage />,
      },
      { path: '/system/audit', label: '审计日志', icon: <FileSearchOutlined />, roles: ['auditor'], element: <AuditPage /> },
      {
        path: '/system/security',
        label: '安全策略',
        icon: <LockOutlined />,
        roles: ['security_admin'],
        element: <SecurityPage />,
      },
      { path: '/system/site', label: '门户网站信息', icon: <GlobalOutlined />, roles: ['sys_admin'], element: <SiteSettingsPage /> },
    ],
  },
  { pages: [{ path: '/profile', label: '个人中心', icon: <UserOutlined />, element: <ProfilePage /> }] },
];

export const NAV_PAGES: NavPage[] = NAV_SECTIONS.flatMap((section) =>
  section.pages.flatMap((entry) => (isNavMenu(entry) ? entry.pages : [entry])),
);
