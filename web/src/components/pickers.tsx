// Selects for agencies, units and users, fed by the API. Each takes the usual Select props,
// so a Form.Item can control it.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useState } from 'react';
import { queries } from '../api';
import { useDebounced } from '../hooks';

type PickerProps = Omit<SelectProps<string>, 'options' | 'loading' | 'showSearch'>;

interface AgencySelectProps extends PickerProps {
  /** An agency that may not be chosen (e.g. itself as its own parent). */
  exclude?: string;
}

export function AgencySelect({ exclude, ...props }: AgencySelectProps) {
  const { data, isLoading } = useQuery(queries.agencies());
  const options = data?.items
    .filter((agency) => agency.id !== exclude)
    .map((agency) => ({ value: agency.id, label: agency.name }));
  return (
    <Select<string>
      placeholder="选择机构"
      showSearch={{ optionFilterProp: 'label' }}
      loading={isLoading}
      options={options}
      {...props}
    />
  );
}

interface UnitSelectProps extends PickerProps {
  agencyId: string | undefined;
  /** Units that may not be chosen (e.g. the unit itself and its sub-units). */
  exclude?: ReadonlySet<string>;
}

/** Active units (科室/处室, 局属单位) of one agency. */
export function UnitSelect({ agencyId, exclude, ...props }: UnitSelectProps) {
  const { data, isLoading } = useQuery({ ...queries.units(agencyId ?? ''), enabled: Boolean(agencyId) });
  const options = data?.items
    .filter((unit) => unit.status === 'active' && !exclude?.has(unit.id))
    .map((unit) => ({ value: unit.id, label: unit.name }));
  return (
    <Select<string>
      placeholder={agencyId ? '选择部门' : '请先选择机构'}
      disabled={!agencyId}
      showSearch={{ optionFilterProp: 'label' }}
      loading={isLoading && Boolean(agencyId)}
      options={options}
      {...props}
    />
  );
}

interface UserSelectProps extends PickerProps {
  /** Only users of this agency. */
  agencyId?: string;
}

/** Users found by name or username as one types (`GET /users?q=`). */
export function UserSelect({ agencyId, ...props }: UserSelectProps) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const { data, isFetching } = useQuery({
    ...queries.users({ agencyId, q, page: 1, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  return (
    <Select<string>
      placeholder="输入姓名或用户名搜索"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={isFetching}
      notFoundContent={isFetching ? '搜索中…' : '无匹配用户'}
      options={data?.items.map((user) => ({ value: user.id, label: `${user.name}（${user.username}）` }))}
      {...props}
    />
  );
}
