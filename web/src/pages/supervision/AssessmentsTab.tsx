import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Drawer, Empty, Flex, Form, Input, InputNumber, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { useApiMutation } from '../../hooks';
import { formatDate } from '../../labels';
import { useSession } from '../../session';
import { supervisionApi, supervisionKeys } from './api';
import { TemplateEditor } from './TemplateEditor';
import { useSupervisionVocabulary } from './SupervisionPage';
import type { Assessment, AssessmentKind, Figure, ResultRow, Scores, TemplateItem } from './types';

const GRADE_COLORS: Record<string, string> = { 优秀: 'green', 良好: 'blue', 一般: 'gold', 差: 'red' };
const thisYear = dayjs().year();

/** 考评与结果 (SUP-2, SUP-3): the results table across agencies with its export, starting an assessment, and scoring it beside the computed figures. */
export function AssessmentsTab() {
  const { hasRole } = useSession();
  const vocabulary = useSupervisionVocabulary();
  const [year, setYear] = useState(thisYear);
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState(false);
  const { data, isFetching, error } = useQuery({ queryKey: [...supervisionKeys.all, 'results', year], queryFn: () => supervisionApi.results(year) });
  const columns: TableColumnsType<ResultRow> = [
    { title: '机关', dataIndex: 'agency' },
    { title: '类型', dataIndex: 'kindLabel', width: 110 },
    { title: '模板', dataIndex: 'template' },
    { title: '得分', key: 'total', width: 110, render: (_, r) => (r.total === null ? '—' : `${r.total} / ${r.max}`) },
    { title: '等次', dataIndex: 'grade', width: 90, render: (g: string | null, r) => (g ? <Tag color={GRADE_COLORS[g]}>{g}</Tag> : <Tag>{r.state === 'draft' ? '评分中' : '—'}</Tag>) },
    { title: '签署', key: 'signed', width: 170, render: (_, r) => (r.signedBy ? `${r.signedBy} ${formatDate(r.signedAt)}` : '—') },
    {
      title: '操作',
      key: 'open',
      width: 90,
      render: (_, r) => (
        <Button type="link" size="small" onClick={() => setOpenId(r.id)}>
          {r.state === 'draft' ? '评分' : '查看'}
        </Button>
      ),
    },
  ];
  return (
    <>
      <Flex wrap gap={12} style={{ marginBottom: 16 }} align="center">
        <Select aria-label="年度" value={year} onChange={setYear} style={{ width: 120 }} options={[thisYear - 2, thisYear - 1, thisYear].map((y) => ({ value: y, label: `${y}年` }))} />
        {hasRole('office') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            开始考评
          </Button>
        )}
        {hasRole('office') && <Button onClick={() => setEditing(true)}>编辑本机关考评模板</Button>}
        <Button icon={<DownloadOutlined />} href={supervisionApi.resultsExportUrl(year)}>
          导出Excel
        </Button>
      </Flex>
      <ErrorAlert error={error} />
      <Table<ResultRow> rowKey="id" columns={columns} dataSource={data?.items} loading={isFetching} pagination={false} locale={{ emptyText: <Empty description="本年度还没有考评" /> }} scroll={{ x: 900 }} />
      {creating && vocabulary && <CreateModal year={year} canAssess={vocabulary.canAssessAgencies} onClose={() => setCreating(false)} onCreated={(id) => setOpenId(id)} />}
      {editing && <TemplateEditor year={year} onClose={() => setEditing(false)} />}
      {openId && <AssessmentDrawer id={openId} onClose={() => setOpenId(null)} />}
    </>
  );
}

function CreateModal({ year, canAssess, onClose, onCreated }: { year: number; canAssess: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const vocabulary = useSupervisionVocabulary()!;
  const templates = useQuery({ queryKey: [...supervisionKeys.all, 'templates', year], queryFn: () => supervisionApi.templates(year) }).data;
  const create = useApiMutation(supervisionApi.createAssessment, { invalidate: [supervisionKeys.all] });
  const kinds = (Object.keys(vocabulary.kinds) as AssessmentKind[]).filter((k) => (canAssess ? k !== 'self' : k === 'self'));
  const agencies = canAssess ? vocabulary.agencies.filter((a) => a.id !== vocabulary.ownAgencyId) : vocabulary.agencies.filter((a) => a.id === vocabulary.ownAgencyId);
  return (
    <FormModal<{ agencyId: string; templateId: string; kind: AssessmentKind }>
      title={`开始${year}年度考评`}
      name="assessment-create"
      okText="开始"
      initialValues={{ kind: kinds[0], agencyId: agencies.length === 1 ? agencies[0]!.id : undefined }}
      onClose={onClose}
      onSubmit={(v) => create.mutateAsync({ ...v, year }).then((a) => {
        onClose();
        onCreated(a.id);
      })}
    >
      <Form.Item name="kind" label="考评类型" rules={[{ required: true, message: '请选择考评类型' }]}>
        <Select options={kinds.map((k) => ({ value: k, label: vocabulary.kinds[k] }))} />
      </Form.Item>
      <Form.Item name="agencyId" label="被考评机关" rules={[{ required: true, message: '请选择机关' }]}>
        <Select showSearch optionFilterProp="label" options={agencies.map((a) => ({ value: a.id, label: a.name }))} />
      </Form.Item>
      <Form.Item name="templateId" label="考评模板" rules={[{ required: true, message: '请选择考评模板' }]}>
        <Select loading={!templates} options={templates?.items.map((t) => ({ value: t.id, label: `${t.name}（${t.builtIn ? '通用' : `本机关第${t.version}版`}，满分${t.max}）` }))} />
      </Form.Item>
    </FormModal>
  );
}

function FigureCell({ figure }: { figure: Figure | undefined }) {
  if (!figure) return <span>—</span>;
  const value = figure.value === null ? '无数据' : `${figure.value}${figure.unit}`;
  return (
    <Space direction="vertical" size={0}>
      <Typography.Text strong>{`${figure.label}：${value}`}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {figure.path ? <Link to={figure.path}>{figure.evidence}</Link> : figure.evidence}
      </Typography.Text>
    </Space>
  );
}

/** The computed figures no item of the template names (e.g. the 三同步 rate): shown too, for the assessor to weigh. */
function OtherFigures({ assessment }: { assessment: Assessment }) {
  const named = new Set<string | undefined>(assessment.template.body.areas.flatMap((a) => a.items.map((i) => i.indicator)));
  const others = Object.entries(assessment.indicators).filter(([key]) => !named.has(key));
  if (!others.length) return null;
  return (
    <Card size="small" title="其他系统指标" style={{ marginBottom: 12 }}>
      <Space direction="vertical">
        {others.map(([key, figure]) => (
          <FigureCell key={key} figure={figure} />
        ))}
      </Space>
    </Card>
  );
}

function AssessmentDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { message } = App.useApp();
  const { data, error } = useQuery({ queryKey: [...supervisionKeys.all, 'assessment', id], queryFn: () => supervisionApi.assessment(id) });
  const [scores, setScores] = useState<Scores>({});
  useEffect(() => setScores(data?.scores ?? {}), [data]);
  const save = useApiMutation((s: Scores) => supervisionApi.score(id, s), { invalidate: [supervisionKeys.all], success: '评分已保存' });
  const sign = useApiMutation(() => supervisionApi.sign(id), { invalidate: [supervisionKeys.all], success: '考评已签署' });
  const canScore = data?.actions.includes('score') ?? false;
  const set = (key: string, patch: Partial<{ score: number; note: string }>) => setScores((s) => ({ ...s, [key]: { score: s[key]?.score ?? 0, note: s[key]?.note ?? '', ...patch } }));
  const filled = Object.fromEntries(Object.entries(scores).filter(([, v]) => v.score !== null && v.score !== undefined));
  const running = Object.values(filled).reduce((n, v) => n + v.score, 0);
  const columns = (a: Assessment): TableColumnsType<TemplateItem> => [
    { title: '评分项', dataIndex: 'name' },
    { title: '分值', dataIndex: 'max', width: 70 },
    { title: '系统指标及依据', key: 'figure', width: 260, render: (_, i) => (i.indicator ? <FigureCell figure={a.indicators[i.indicator]} /> : '—') },
    {
      title: '得分',
      key: 'score',
      width: 110,
      render: (_, i) =>
        canScore ? (
          <InputNumber aria-label={`${i.name}得分`} min={0} max={i.max} step={0.5} value={scores[i.key]?.score} onChange={(v) => set(i.key, { score: v ?? 0 })} />
        ) : (
          (a.scores[i.key]?.score ?? '—')
        ),
    },
    {
      title: '扣分说明',
      key: 'note',
      render: (_, i) => (canScore ? <Input aria-label={`${i.name}扣分说明`} maxLength={1000} value={scores[i.key]?.note} onChange={(e) => set(i.key, { note: e.target.value })} /> : a.scores[i.key]?.note || '—'),
    },
  ];
  return (
    <Drawer open onClose={onClose} width={1000} title={data ? `${data.agency} · ${data.year}年${data.kindLabel}` : '考评'}>
      <ErrorAlert error={error} />
      {data && (
        <>
          <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="模板">{`${data.template.name}（第${data.template.version}版，满分${data.template.max}）`}</Descriptions.Item>
            <Descriptions.Item label="状态">{data.state === 'signed' ? `已签署：${data.signedBy} ${formatDate(data.signedAt)}` : '评分中'}</Descriptions.Item>
            <Descriptions.Item label="得分">{data.total ?? running}</Descriptions.Item>
            <Descriptions.Item label="等次">{data.grade ? <Tag color={GRADE_COLORS[data.grade]}>{data.grade}</Tag> : '签署后评定'}</Descriptions.Item>
          </Descriptions>
          {data.template.body.areas.map((area) => (
            <Card key={area.key} size="small" title={`${area.name}（${area.items.reduce((n, i) => n + i.max, 0)}分）`} style={{ marginBottom: 12 }}>
              <Table<TemplateItem> rowKey="key" size="small" pagination={false} columns={columns(data)} dataSource={area.items} />
            </Card>
          ))}
          <OtherFigures assessment={data} />
          {canScore && (
            <Space>
              <Button onClick={() => save.mutateAsync(filled).catch((e: Error) => void message.error(e.message))} loading={save.isPending}>
                保存评分
              </Button>
              <ConfirmButton buttonType="primary" title="确认签署本次考评？" description="签署后计算总分和等次，不能再修改" onConfirm={() => save.mutateAsync(filled).then(() => sign.mutateAsync(undefined))}>
                签署
              </ConfirmButton>
            </Space>
          )}
        </>
      )}
    </Drawer>
  );
}
