import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, keys, queries } from '../../api';
import { ChoiceFilter, FilterForm, KeywordFilter } from '../../components/FilterForm';
import { FormModal } from '../../components/FormModal';
import { PageContainer } from '../../components/PageContainer';
import { useApiMutation, useDebounced, usePagination } from '../../hooks';
import { DATE_FORMAT } from '../../labels';
import type { ListVocabulary, NegativeEntry, ReasonCategory } from '../../types';
import { ListPageExtra, useEditColumns } from './shared';

interface Filters {
  q?: string;
  reasonCategory?: ReasonCategory;
}

type Dialog = { entry?: NegativeEntry } | null;

const reasonOptions = (vocabulary: ListVocabulary | undefined) =>
  Object.entries(vocabulary?.reasonCategories ?? {}).map(([value, { label }]) => ({ value, label }));

/** 负面清单 (CAT-5): the matters kept out of disclosure, each with its ground; published as kept here. */
export default function NegativeListPage() {
  const vocabulary = useQuery(queries.listVocabulary()).data;
  const [filters, setFilters] = useState<Filters>({});
  const q = useDebounced(filters.q?.trim());
  const { paging, resetPage, tablePagination } = usePagination();
  const { data, isFetching, error } = useQuery({
    ...queries.negativeList({ ...paging, q, reasonCategory: filters.reasonCategory }),
    placeholderData: keepPreviousData,
  });
  const [dialog, setDialog] = useState<Dialog>(null);
  const remove = useApiMutation(api.lists.removeNegative, { invalidate: [keys.negativeList], success: '已从负面清单删除' });
  const editColumns = useEditColumns<NegativeEntry>({
    nameOf: (entry) => entry.matter,
    onEdit: (entry) => setDialog({ entry }),
    remove: (entry) => remove.mutateAsync(entry.id),
  });

  const columns: TableColumnsType<NegativeEntry> = [
    {
      title: '事项',
      dataIndex: 'matter',
      render: (matter: string, entry) => (
        <>
          {matter}
          {entry.note && <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{entry.note}</Typography.Paragraph>}
        </>
      ),
    },
    {
      title: '不予公开的理由',
      dataIndex: 'reasonCategory',
      render: (category: ReasonCategory) => vocabulary?.reasonCategories[category].label ?? category,
    },
    { title: '法定依据', dataIndex: 'legalBasis' },
    { title: '列入日期', dataIndex: 'listedOn', width: 110 },
    { title: '复核日期', dataIndex: 'reviewedOn', width: 110 },
    ...editColumns,
  ];

  return (
    <PageContainer
      title="负面清单"
      error={error}
      extra={<ListPageExtra list="negative-list" addLabel="新增事项" onAdd={() => setDialog({})} />}
    >
      <Typography.Paragraph type="secondary">
        列入负面清单的事项依法不予公开，清单本身向社会公开并及时更新；清单以外的信息原则上均应公开。
      </Typography.Paragraph>
      <FilterForm<Filters> name="negative-filter" onChange={setFilters} resetPage={resetPage}>
        <KeywordFilter placeholder="事项或法定依据" />
        <ChoiceFilter label="理由" name="reasonCategory" width={240} options={reasonOptions(vocabulary)} />
      </FilterForm>
      <Table<NegativeEntry>
        rowKey="id"
        scroll={{ x: 'max-content' }}
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        pagination={tablePagination(data?.total)}
      />
      {dialog && <NegativeEntryModal entry={dialog.entry} vocabulary={vocabulary} onClose={() => setDialog(null)} />}
    </PageContainer>
  );
}

interface EntryForm {
  matter: string;
  reasonCategory: ReasonCategory;
  legalBasis: string;
  note?: string | null;
  listedOn: Dayjs;
  reviewedOn: Dayjs;
}

function NegativeEntryModal({ entry, vocabulary, onClose }: { entry?: NegativeEntry; vocabulary?: ListVocabulary; onClose: () => void }) {
  const save = useApiMutation(
    ({ listedOn, reviewedOn, ...values }: EntryForm) => {
      const input = { ...values, listedOn: listedOn.format(DATE_FORMAT), reviewedOn: reviewedOn.format(DATE_FORMAT) };
      return entry ? api.lists.updateNegative(entry.id, input) : api.lists.createNegative(input);
    },
    { invalidate: [keys.negativeList], success: entry ? '事项已更新' : '已列入负面清单' },
  );
  const initialValues: Partial<EntryForm> = entry
    ? { ...entry, listedOn: dayjs(entry.listedOn), reviewedOn: dayjs(entry.reviewedOn) }
    : { listedOn: dayjs(), reviewedOn: dayjs() };
  return (
    <FormModal<EntryForm>
      title={entry ? '编辑负面清单事项' : '新增负面清单事项'}
      name="negative-entry"
      width={640}
      initialValues={initialValues}
      onSubmit={save.mutateAsync}
      onClose={onClose}
    >
      <Form.Item label="不予公开的事项" name="matter" rules={[{ required: true, whitespace: true, message: '请填写事项' }]}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} showCount />
      </Form.Item>
      <ReasonField vocabulary={vocabulary} />
      <Form.Item label="法定依据" name="legalBasis" rules={[{ required: true, whitespace: true, message: '请填写法定依据' }]}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
      </Form.Item>
      <Form.Item label="说明" name="note" extra="可选，如本人可查询、解密后公开等。">
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
      </Form.Item>
      <Space size="large" wrap>
        <Form.Item label="列入日期" name="listedOn" rules={[{ required: true, message: '请选择列入日期' }]}>
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item label="复核日期" name="reviewedOn" rules={[{ required: true, message: '请选择复核日期' }]} extra="每次复核确认仍不予公开时更新">
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
      </Space>
    </FormModal>
  );
}

/** Choosing a ground fills in its article of the Regulation when no basis has been written yet. */
function ReasonField({ vocabulary }: { vocabulary?: ListVocabulary }) {
  const form = Form.useFormInstance<EntryForm>();
  return (
    <Form.Item label="不予公开的理由" name="reasonCategory" rules={[{ required: true, message: '请选择理由' }]}>
      <Select
        options={reasonOptions(vocabulary)}
        onChange={(category: ReasonCategory) => {
          if (!form.getFieldValue('legalBasis')?.trim() && vocabulary) {
            form.setFieldValue('legalBasis', vocabulary.reasonCategories[category].article);
          }
        }}
      />
    </Form.Item>
  );
}
