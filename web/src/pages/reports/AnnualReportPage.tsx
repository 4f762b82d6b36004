import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Drawer, Form, Input, InputNumber, List, Select, Space, Table, Tag, Timeline, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DeadlineInfo } from '../../components/DeadlineInfo';
import { PageContainer } from '../../components/PageContainer';
import { useApiMutation } from '../../hooks';
import { formatDateTime } from '../../labels';
import { reportsApi } from './api';
import { GridTable } from './GridTable';
import type { AnnualAction, RecordRef, ReportEntryInput, ReportTexts } from './types';

const RECORD_LINKS: Partial<Record<RecordRef['type'], (id: string) => string>> = { application: (id) => `/applications/${id}`, item: (id) => `/documents/${id}` };

/** One annual report: its six parts, tables whose figures open their records, the checks, the workflow and the versions. */
export default function AnnualReportPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data: r, error, isFetching } = useQuery({ queryKey: ['reports', 'annual', 'one', id], queryFn: () => reportsApi.get(id) });
  const [form] = Form.useForm<{ texts: ReportTexts; stockReason: string }>();
  const [opinion, setOpinion] = useState('');
  const [figure, setFigure] = useState<{ key: string; label: string } | null>(null);
  const records = useQuery({ queryKey: ['reports', 'records', id, figure?.key], queryFn: () => reportsApi.records(id, figure!.key), enabled: !!figure });
  const entries = useQuery({ queryKey: ['reports', 'entries', r?.year], queryFn: () => reportsApi.entries(r!.year), enabled: !!r });
  const save = useApiMutation((v: { texts: ReportTexts; stockReason: string }) => reportsApi.update(id, v), { invalidate: [['reports']], success: '已保存' });
  const act = useApiMutation((a: AnnualAction) => reportsApi.act(id, a, opinion), { invalidate: [['reports']], success: '已办理' });
  const addEntry = useApiMutation((v: Omit<ReportEntryInput, 'year'>) => reportsApi.addEntry({ ...v, year: r!.year }), { invalidate: [['reports']], success: '已录入' });
  const [correction, setCorrection] = useState('');
  const draft = r?.state === 'draft';

  useEffect(() => {
    if (r) form.setFieldsValue({ texts: r.texts, stockReason: r.stockReason });
  }, [r, form]);

  if (!r) return <PageContainer title="年度报告" error={error}>{isFetching ? '加载中…' : null}</PageContainer>;
  const onFigure = (key: string, label: string) => setFigure({ key, label });
  const textPart = (name: keyof ReportTexts, heading: string) => (
    <Card size="small" title={heading} style={{ marginBottom: 16 }}>
      {draft ? (
        <>
          <Form.Item name={['texts', name]} label={heading} noStyle>
            <Input.TextArea autoSize={{ minRows: 3 }} aria-label={heading} />
          </Form.Item>
          <Button type="link" size="small" onClick={() => form.setFieldValue(['texts', name], r.generated[name])}>
            恢复为系统生成的文字（含本年度数据）
          </Button>
        </>
      ) : (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.texts[name]}</Typography.Paragraph>
      )}
    </Card>
  );

  return (
    <PageContainer
      title={`${r.agencyName}${r.year}年政府信息公开工作年度报告`}
      error={error ?? act.error ?? save.error}
      extra={
        <Space wrap>
          {(['docx', 'pdf', 'xlsx'] as const).map((f) => (
            <Button key={f} icon={<DownloadOutlined />} href={reportsApi.fileUrl(r.id, f)}>
              {f === 'docx' ? 'Word' : f === 'pdf' ? 'PDF' : 'Excel 表格'}
            </Button>
          ))}
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="状态">
          <Tag color={r.state === 'published' ? 'success' : 'processing'}>{r.stateLabel}</Tag>
          {r.version > 1 && <Tag>第{r.version}版</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="格式">{r.template.basis}</Descriptions.Item>
        <Descriptions.Item label="报送期限">
          <DeadlineInfo deadline={r.deadline} explain />
        </Descriptions.Item>
        {r.correctionReason && <Descriptions.Item label="更正原因">{r.correctionReason}</Descriptions.Item>}
        <Descriptions.Item label="数据">{r.figuresFrozen ? '已于提交审核时固定' : '草稿期间随记录实时统计'}</Descriptions.Item>
      </Descriptions>
      {r.problems.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="报告未通过校验，暂不能提交" description={<ul>{r.problems.map((p) => <li key={p}>{p}</li>)}</ul>} />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        {textPart('overall', r.template.parts.overall)}
        <Card size="small" title={r.template.parts.proactive} style={{ marginBottom: 16 }}>
          <GridTable grid={r.tables.proactive} onFigure={onFigure} captionHidden />
          {draft ? (
            <Form.Item name="stockReason" label="现行有效件数与“上年现行有效＋本年制发－本年废止”不一致的原因（不一致时必填）">
              <Input.TextArea autoSize />
            </Form.Item>
          ) : (
            r.stockReason && <Typography.Paragraph>现行有效件数说明：{r.stockReason}</Typography.Paragraph>
          )}
          <Typography.Title level={5}>其他系统掌握的数据（许可、处罚、强制、收费）</Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={entries.data?.items}
            columns={[
              { title: '事项', dataIndex: 'label' },
              { title: '数量', dataIndex: 'value', align: 'end' },
              { title: '来源', dataIndex: 'source' },
              { title: '录入人', dataIndex: 'enteredBy' },
              { title: '录入时间', dataIndex: 'enteredAt', render: formatDateTime },
              {
                title: '操作',
                key: 'op',
                render: (_, e) =>
                  draft && (
                    <ConfirmButton title="删除这项数据？" danger onConfirm={() => reportsApi.deleteEntry(e.id).then(() => entries.refetch())}>
                      <DeleteOutlined /> 删除
                    </ConfirmButton>
                  ),
              },
            ]}
          />
          {draft && <EntryForm keys={entries.data?.keys ?? {}} onAdd={(v) => addEntry.mutateAsync(v)} onImport={(f) => reportsApi.importEntries(r.year, f).then(() => { void message.success('已导入'); void entries.refetch(); })} />}
        </Card>
        <Card size="small" title={r.template.parts.applications} style={{ marginBottom: 16 }}>
          <GridTable grid={r.tables.applications} onFigure={onFigure} captionHidden />
          <Typography.Text type={r.figures.identity.ok ? 'success' : 'danger'}>
            勾稽关系：新收＋上年结转＝{r.figures.identity.left}，办理结果总计＋结转下年度＝{r.figures.identity.right}，{r.figures.identity.ok ? '一致' : '不一致'}
          </Typography.Text>
        </Card>
        <Card size="small" title={r.template.parts.appeals} style={{ marginBottom: 16 }}>
          <GridTable grid={r.tables.appeals} onFigure={onFigure} captionHidden />
        </Card>
        {textPart('problems', r.template.parts.problems)}
        {textPart('other', r.template.parts.other)}
        <GridTable grid={r.tables.fees} onFigure={onFigure} />
        {draft && (
          <Button htmlType="submit" loading={save.isPending} style={{ marginBottom: 16 }}>
            保存文字
          </Button>
        )}
      </Form>
      {r.actions.length > 0 && (
        <Card size="small" title="办理" style={{ marginBottom: 16 }}>
          <Input.TextArea placeholder="意见（退回时必填）" aria-label="意见" value={opinion} onChange={(e) => setOpinion(e.target.value)} style={{ marginBottom: 8 }} />
          <Space>
            {r.actions.map((a) => (
              <ConfirmButton key={a} title={`确认${r.actionLabels[a]}？`} buttonType={a === 'return' ? 'default' : 'primary'} onConfirm={() => act.mutateAsync(a)}>
                {r.actionLabels[a]}
              </ConfirmButton>
            ))}
          </Space>
        </Card>
      )}
      {r.canCorrect && (
        <Card size="small" title="更正已发布的报告" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">已发布的报告不能修改。更正将生成新版本，原版本保留并在门户网站注明。</Typography.Paragraph>
          <Input.TextArea placeholder="更正原因" aria-label="更正原因" value={correction} onChange={(e) => setCorrection(e.target.value)} style={{ marginBottom: 8 }} />
          <ConfirmButton title="生成更正版本？" buttonType="default" onConfirm={() => reportsApi.correct(r.id, correction).then((v) => navigate(`/reports/annual/${v.id}`))}>
            生成更正版本
          </ConfirmButton>
        </Card>
      )}
      <Card size="small" title="版本与办理记录">
        <List
          size="small"
          dataSource={r.versions}
          renderItem={(v) => (
            <List.Item>
              <Link to={`/reports/annual/${v.id}`}>第{v.version}版</Link>
              <span>
                {v.publishedAt ? `${formatDateTime(v.publishedAt)}发布` : '未发布'}
                {v.correctionReason && `，更正原因：${v.correctionReason}`}
                {v.current && '（现行）'}
              </span>
            </List.Item>
          )}
        />
        <Timeline
          style={{ marginTop: 16 }}
          items={r.steps.map((s) => ({ children: `${formatDateTime(s.at)} ${s.by} ${r.actionLabels[s.action]}${s.opinion ? `：${s.opinion}` : ''}` }))}
        />
      </Card>
      <Drawer open={!!figure} title={figure?.label} onClose={() => setFigure(null)} width={480}>
        <List
          loading={records.isFetching}
          dataSource={records.data?.records}
          locale={{ emptyText: '没有记录' }}
          renderItem={(x) => {
            const link = RECORD_LINKS[x.type]?.(x.id);
            return <List.Item>{link ? <Link to={link}>{x.label}</Link> : x.label}</List.Item>;
          }}
        />
      </Drawer>
    </PageContainer>
  );
}

function EntryForm({ keys, onAdd, onImport }: { keys: Partial<Record<ReportEntryInput['key'], string>>; onAdd: (v: Omit<ReportEntryInput, 'year'>) => Promise<unknown>; onImport: (f: File) => Promise<unknown> }) {
  const [form] = Form.useForm<Omit<ReportEntryInput, 'year'>>();
  return (
    <Space wrap align="start" style={{ marginTop: 12 }}>
      <Form form={form} layout="inline" onFinish={(v) => onAdd(v).then(() => form.resetFields())} component="div">
        <Form.Item name="key" rules={[{ required: true, message: '请选择事项' }]}>
          <Select placeholder="事项" aria-label="事项" style={{ width: 200 }} options={Object.entries(keys).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="value" rules={[{ required: true, message: '请填写数量' }]}>
          <InputNumber placeholder="数量" aria-label="数量" min={0} />
        </Form.Item>
        <Form.Item name="source" rules={[{ required: true, message: '请注明来源' }]}>
          <Input placeholder="数据来源（如：省政务服务平台）" aria-label="数据来源" style={{ width: 240 }} />
        </Form.Item>
        <Button onClick={() => form.submit()}>录入</Button>
      </Form>
      <Upload accept=".xlsx" showUploadList={false} beforeUpload={(file) => { void onImport(file); return false; }}>
        <Button icon={<UploadOutlined />}>从 Excel 导入（列：事项、数量、来源）</Button>
      </Upload>
    </Space>
  );
}
