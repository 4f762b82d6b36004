import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, Select, Skeleton, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { PageContainer } from '../../components/PageContainer';
import { useApiMutation } from '../../hooks';
import { DATE_FORMAT } from '../../labels';
import { interpretationApi, interpretationKeys } from './api';
import type { Checklist, Form as InterpretationForm, FormContent, InterpretationDetail, InterpretationInput } from './types';

type ChecklistValues = Record<string, { content?: string; notApplicable?: boolean; notApplicableReason?: string }>;
interface Values {
  title: string;
  summary?: string;
  body?: string;
  dateMade: Dayjs;
  form: InterpretationForm;
  policyIds: string[];
  pairs?: { question: string; answer: string }[];
  altText?: string;
  mediaUrl?: string;
  transcript?: string;
  heldOn?: Dayjs;
  speakers?: string[];
  checklist: ChecklistValues;
  reason?: string;
}

const INTERVIEWS: InterpretationForm[] = ['online_interview', 'media_interview', 'press_conference'];

/** New, edit, or re-issue (再解读, INT-9) of an interpretation: the form's fields and the content checklist (INT-6, INT-7). */
export default function InterpretationFormPage({ mode }: { mode: 'new' | 'edit' | 'reissue' }) {
  const { id = '' } = useParams();
  const existing = useQuery({ queryKey: interpretationKeys.detail(id), queryFn: () => interpretationApi.get(id), enabled: mode !== 'new' });
  const title = mode === 'new' ? '撰写政策解读' : mode === 'edit' ? '修改政策解读' : '再解读';
  if (mode !== 'new' && !existing.data) {
    return (
      <PageContainer title={title} error={existing.error}>
        {!existing.error && <Skeleton active />}
      </PageContainer>
    );
  }
  return <Editor mode={mode} title={title} existing={existing.data} />;
}

function initialValues(existing: InterpretationDetail | undefined, mode: 'new' | 'edit' | 'reissue', policy: string | null): Partial<Values> {
  if (!existing || mode === 'reissue') {
    return { form: existing?.interpretation.form ?? 'qa', dateMade: dayjs(), policyIds: policy ? [policy] : existing?.interpretation.policies.map((p) => p.id) ?? [], pairs: [{ question: '', answer: '' }], checklist: {} };
  }
  const { item, interpretation } = existing;
  const c = interpretation.content;
  return {
    title: item.title, summary: item.summary, body: item.body, dateMade: dayjs(item.dateMade), form: interpretation.form,
    policyIds: interpretation.policies.map((p) => p.id), pairs: c.pairs, altText: c.altText, mediaUrl: c.mediaUrl, transcript: c.transcript,
    heldOn: c.heldOn ? dayjs(c.heldOn) : undefined, speakers: c.speakers,
    checklist: Object.fromEntries(Object.entries(interpretation.checklist).map(([k, e]) => [k, { content: e?.content, notApplicable: Boolean(e?.notApplicableReason), notApplicableReason: e?.notApplicableReason }])),
  };
}

function toInput(v: Values): InterpretationInput {
  const content: FormContent = {
    ...(v.form === 'qa' && { pairs: v.pairs ?? [] }),
    ...(v.form === 'graphic' && { altText: v.altText ?? '' }),
    ...(v.form === 'av' && { mediaUrl: v.mediaUrl ?? '' }),
    ...((v.form === 'av' || INTERVIEWS.includes(v.form)) && { transcript: v.transcript ?? '' }),
    ...(INTERVIEWS.includes(v.form) && { heldOn: v.heldOn?.format(DATE_FORMAT) ?? '', speakers: v.speakers ?? [] }),
  };
  const checklist: Checklist = Object.fromEntries(
    Object.entries(v.checklist ?? {}).map(([k, e]) => [k, e.notApplicable ? { content: '', notApplicableReason: e.notApplicableReason ?? '' } : { content: e.content ?? '', notApplicableReason: '' }]),
  );
  return { title: v.title, summary: v.summary ?? '', body: v.body ?? '', dateMade: v.dateMade.format(DATE_FORMAT), form: v.form, content, checklist, policyIds: v.policyIds };
}

function Editor({ mode, title, existing }: { mode: 'new' | 'edit' | 'reissue'; title: string; existing: InterpretationDetail | undefined }) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const vocabulary = useQuery({ queryKey: interpretationKeys.vocabulary, queryFn: interpretationApi.vocabulary, staleTime: Infinity }).data;
  const policies = useQuery({ queryKey: interpretationKeys.overview({ all: true }), queryFn: () => interpretationApi.overview({ page: 1, pageSize: 200 }) }).data;
  const kind = Form.useWatch('form', form);
  const checklistValues = Form.useWatch('checklist', form) as ChecklistValues | undefined;
  const create = useApiMutation(interpretationApi.create, { invalidate: [interpretationKeys.all], success: '已保存解读草稿' });
  const update = useApiMutation(interpretationApi.update, { invalidate: [interpretationKeys.all, ['documents']], success: '已保存' });
  const reissue = useApiMutation(interpretationApi.reissue, { invalidate: [interpretationKeys.all], success: '已新建再解读草稿' });
  const saving = create.isPending || update.isPending || reissue.isPending;
  const failure = create.error ?? update.error ?? reissue.error;

  const submit = async (values: Values) => {
    const input = toInput(values);
    const saved =
      mode === 'new' ? await create.mutateAsync(input)
      : mode === 'edit' ? await update.mutateAsync({ id: existing!.item.id, ...input })
      : await reissue.mutateAsync({ id: existing!.item.id, reason: values.reason ?? '', ...input });
    navigate(`/documents/${saved.item.id}`);
  };

  return (
    <PageContainer title={title}>
      {mode === 'edit' && existing && existing.interpretation.problems.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="公开属性核查时将退回的问题" description={<ul>{existing.interpretation.problems.map((p) => <li key={p}>{p}</li>)}</ul>} />
      )}
      {failure && <Alert type="error" showIcon message={failure.message} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" name="interpretation" initialValues={initialValues(existing, mode, params.get('policy'))} onFinish={submit} style={{ maxWidth: 900 }}>
        <Card title="解读信息" style={{ marginBottom: 16 }}>
          {mode === 'reissue' && (
            <Form.Item label="再解读的原因" name="reason" rules={[{ required: true, whitespace: true, message: '请说明再解读的原因，如出现误读或舆情关切' }]}>
              <Input.TextArea rows={2} placeholder="如：网上出现“不限户籍”的误读" />
            </Form.Item>
          )}
          <Form.Item label="所解读的政策文件" name="policyIds" rules={[{ required: true, message: '请选择所解读的政策文件' }]} extra="由政策文件的起草科室负责解读；联合发文由牵头科室解读。">
            <Select mode="multiple" disabled={mode === 'reissue'} options={policies?.items.map((p) => ({ value: p.policyId, label: p.title }))} optionFilterProp="label" />
          </Form.Item>
          <Form.Item label="标题" name="title" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Space wrap>
            <Form.Item label="解读形式" name="form" rules={[{ required: true }]}>
              <Select style={{ width: 200 }} options={Object.entries(vocabulary?.forms ?? {}).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item label="成文日期" name="dateMade" rules={[{ required: true, message: '请选择成文日期' }]}>
              <DatePicker format={DATE_FORMAT} />
            </Form.Item>
          </Space>
          <Form.Item label="摘要" name="summary">
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Form.Item label={kind === 'article' ? '解读正文' : '导语（可选）'} name="body">
            <Input.TextArea rows={kind === 'article' ? 10 : 3} />
          </Form.Item>
        </Card>

        <Card title={vocabulary?.forms[kind ?? 'qa'] ?? '解读形式'} style={{ marginBottom: 16 }}>
          {kind === 'article' && <Typography.Text type="secondary">文字解读的内容写在上面的“解读正文”中。</Typography.Text>}
          {kind === 'qa' && (
            <Form.List name="pairs">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field, index) => (
                    <Card key={field.key} size="small" title={`第 ${index + 1} 问`} style={{ marginBottom: 8 }} extra={<Button type="text" icon={<MinusCircleOutlined />} aria-label={`删除第 ${index + 1} 问`} onClick={() => remove(field.name)} />}>
                      <Form.Item label="问题" name={[field.name, 'question']}>
                        <Input />
                      </Form.Item>
                      <Form.Item label="回答" name={[field.name, 'answer']}>
                        <Input.TextArea rows={3} />
                      </Form.Item>
                    </Card>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({ question: '', answer: '' })}>
                    添加一组问答
                  </Button>
                </>
              )}
            </Form.List>
          )}
          {kind === 'graphic' && (
            <Form.Item label="图解文字说明（完整表述图片内容）" name="altText" extra="图片（PNG 或 JPEG）在保存后于信息详情页上传为附件。">
              <Input.TextArea rows={6} />
            </Form.Item>
          )}
          {kind === 'av' && (
            <Form.Item label="播放地址" name="mediaUrl">
              <Input placeholder="https://" />
            </Form.Item>
          )}
          {kind && INTERVIEWS.includes(kind) && (
            <Space wrap>
              <Form.Item label="时间" name="heldOn">
                <DatePicker format={DATE_FORMAT} />
              </Form.Item>
              <Form.Item label="出席人（发言人、嘉宾）" name="speakers">
                <Select mode="tags" style={{ minWidth: 320 }} placeholder="输入姓名和职务后回车" />
              </Form.Item>
            </Space>
          )}
          {kind && (kind === 'av' || INTERVIEWS.includes(kind)) && (
            <Form.Item label="文字实录" name="transcript">
              <Input.TextArea rows={8} />
            </Form.Item>
          )}
        </Card>

        <Card title="解读内容要点" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">每一项写明，或勾选“不涉及”并说明理由；缺项的解读在公开属性核查时将被退回。</Typography.Paragraph>
          {Object.entries(vocabulary?.checklist ?? {}).map(([key, label]) => (
            <div key={key} style={{ marginBottom: 12 }}>
              <Space align="baseline">
                <Typography.Text strong>{label}</Typography.Text>
                <Form.Item name={['checklist', key, 'notApplicable']} valuePropName="checked" noStyle>
                  <Checkbox>不涉及</Checkbox>
                </Form.Item>
              </Space>
              {checklistValues?.[key]?.notApplicable ? (
                <Form.Item name={['checklist', key, 'notApplicableReason']} style={{ marginBottom: 0 }}>
                  <Input placeholder="不涉及的理由" aria-label={`${label}不涉及的理由`} />
                </Form.Item>
              ) : (
                <Form.Item name={['checklist', key, 'content']} style={{ marginBottom: 0 }}>
                  <Input.TextArea rows={2} aria-label={label} />
                </Form.Item>
              )}
            </div>
          ))}
        </Card>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存
          </Button>
          <Button onClick={() => navigate(-1)}>取消</Button>
        </Space>
      </Form>
    </PageContainer>
  );
}
