import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Empty, Form, Select, Switch, Table, type TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LightTag } from '../../components/LightTag';
import { usePagination, useRoleLabel } from '../../hooks';
import { formatDateTime, LIGHTS, optionsOf } from '../../labels';
import type { TrafficLight } from '../../types';
import { supervisionApi, supervisionKeys } from './api';
import { useSupervisionVocabulary } from './SupervisionPage';
import type { Clock } from './types';

/** The list behind each number of the dashboard: open clocks by light, kind and agency, or the clocks missed in a period. Filters live in the address. */
export function ClocksTab() {
  const vocabulary = useSupervisionVocabulary();
  const roleLabel = useRoleLabel();
  const [params, setParams] = useSearchParams();
  const { paging, resetPage, tablePagination } = usePagination();
  const filter = {
    agencyId: params.get('agencyId') ?? undefined,
    light: (params.get('light') as TrafficLight | null) ?? undefined,
    subjectType: params.get('subjectType') ?? undefined,
    missed: params.get('missed') === '1' || undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
  const query = { ...filter, ...paging };
  const { data, isFetching, error } = useQuery({ queryKey: [...supervisionKeys.all, 'clocks', query], queryFn: () => supervisionApi.clocks(query), placeholderData: keepPreviousData });
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
    resetPage();
  };
  const columns: TableColumnsType<Clock> = [
    { title: '事项', dataIndex: 'title', render: (title: string | null, c) => (c.path ? <Link to={c.path}>{title ?? '查看'}</Link> : (title ?? '—')) },
    { title: '类别', dataIndex: 'subjectLabel', width: 120 },
    { title: '机关', dataIndex: 'agency' },
    { title: '期限', dataIndex: 'due', width: 170 },
    { title: '办结', dataIndex: 'metAt', width: 170, render: (at: string | null) => (at ? formatDateTime(at) : '在办') },
    { title: '状态', dataIndex: 'light', width: 90, render: (light: TrafficLight) => <LightTag light={light} /> },
    {
      title: '当前经办',
      dataIndex: 'holder',
      render: (h: Clock['holder']) => (h ? `${h.name}${h.role ? `（${roleLabel(h.role)}）` : ''} · ${h.action} · ${formatDateTime(h.since)}` : '—'),
    },
  ];
  return (
    <>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        {vocabulary && vocabulary.agencies.length > 1 && (
          <Form.Item label="机关">
            <Select aria-label="机关" allowClear style={{ width: 240 }} value={filter.agencyId} onChange={(v) => set('agencyId', v)} options={vocabulary.agencies.map((a) => ({ value: a.id, label: a.name }))} placeholder="全部" />
          </Form.Item>
        )}
        <Form.Item label="类别">
          <Select aria-label="类别" allowClear style={{ width: 160 }} value={filter.subjectType} onChange={(v) => set('subjectType', v)} options={optionsOf(vocabulary?.subjects)} placeholder="全部" />
        </Form.Item>
        <Form.Item label="只看超期（含已办结）">
          <Switch aria-label="只看超期（含已办结）" checked={Boolean(filter.missed)} onChange={(on) => set('missed', on ? '1' : undefined)} />
        </Form.Item>
        {!filter.missed && (
          <Form.Item label="灯色">
            <Select aria-label="灯色" allowClear style={{ width: 120 }} value={filter.light} onChange={(v) => set('light', v)} options={Object.entries(LIGHTS).map(([value, l]) => ({ value, label: l.label }))} placeholder="全部" />
          </Form.Item>
        )}
        {filter.missed && filter.from && <Form.Item label="到期日">{`${filter.from} 至 ${filter.to ?? '今'}`}</Form.Item>}
      </Form>
      <ErrorAlert error={error} />
      <Table<Clock>
        rowKey="id"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        pagination={tablePagination(data?.total)}
        locale={{ emptyText: <Empty description="没有符合条件的期限" /> }}
        scroll={{ x: 900 }}
      />
    </>
  );
}
