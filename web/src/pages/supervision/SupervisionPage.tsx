import { useQuery } from '@tanstack/react-query';
import { Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { PageContainer } from '../../components/PageContainer';
import { useSession } from '../../session';
import { AccountabilityTab } from './AccountabilityTab';
import { AssessmentsTab } from './AssessmentsTab';
import { ClocksTab } from './ClocksTab';
import { SelfChecksTab } from './SelfChecksTab';
import { supervisionApi, supervisionKeys } from './api';

export const useSupervisionVocabulary = () =>
  useQuery({ queryKey: [...supervisionKeys.all, 'vocabulary'], queryFn: supervisionApi.vocabulary, staleTime: 60_000 }).data;

/** 监督考评: the lists behind the dashboard's numbers, weekly self-checks (SUP-4), assessments and results (SUP-2, SUP-3), accountability (SUP-6). */
export default function SupervisionPage() {
  const { hasRole } = useSession();
  const [params, setParams] = useSearchParams();
  const supervisor = hasRole('office', 'leader');
  const items = [
    { key: 'clocks', label: '期限清单', children: <ClocksTab /> },
    ...(hasRole('office', 'dept_head', 'leader') ? [{ key: 'self-checks', label: '每周自查', children: <SelfChecksTab /> }] : []),
    ...(supervisor ? [{ key: 'assessments', label: '考评与结果', children: <AssessmentsTab /> }] : []),
    ...(supervisor ? [{ key: 'accountability', label: '责任追究', children: <AccountabilityTab /> }] : []),
  ];
  const active = items.some((i) => i.key === params.get('tab')) ? params.get('tab')! : 'clocks';
  return (
    <PageContainer title="监督考评">
      <Tabs activeKey={active} onChange={(tab) => setParams({ tab })} items={items} destroyOnHidden />
    </PageContainer>
  );
}
