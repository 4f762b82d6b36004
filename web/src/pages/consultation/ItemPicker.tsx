import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useState } from 'react';
import { useDebounced } from '../../hooks';
import { consultationApi } from './api';

/** One of the agency's published items, found by title as the user types. */
export function ItemPicker(props: Omit<SelectProps<string>, 'options' | 'showSearch' | 'filterOption' | 'onSearch'>) {
  const [q, setQ] = useState('');
  const term = useDebounced(q.trim());
  const { data, isFetching } = useQuery({ queryKey: ['published-items', term], queryFn: () => consultationApi.publishedItems(term) });
  return (
    <Select<string>
      {...props}
      showSearch
      filterOption={false}
      onSearch={setQ}
      loading={isFetching}
      placeholder="输入标题检索已发布的信息"
      options={(data?.items ?? []).map((item) => ({ value: item.id, label: item.title }))}
    />
  );
}
