import { Flex } from 'antd';
import { useState } from 'react';
import { PageContainer } from '../components/PageContainer';
import { useSession } from '../session';
import { AgencyTable } from './org/AgencyTable';
import { UnitTable } from './org/UnitTable';

/** 机构与部门: agencies, and the units (科室/处室, 局属单位) of the selected agency. */
export default function OrgPage() {
  const { me } = useSession();
  const [agencyId, setAgencyId] = useState(me.user.agencyId);
  return (
    <PageContainer title="机构与部门">
      <Flex vertical gap="large">
        <AgencyTable selectedId={agencyId} onSelect={setAgencyId} />
        <UnitTable agencyId={agencyId} />
      </Flex>
    </PageContainer>
  );
}
