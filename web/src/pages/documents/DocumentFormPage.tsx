import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Form, Input, Radio, Result, Row, Select, Skeleton, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, keys, queries } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageContainer } from '../../components/PageContainer';
import { useApiMutation, useVocabulary } from '../../hooks';
import { DATE_FORMAT, optionsOf } from '../../labels';
import { useSession } from '../../session';
import type { Attribute, Category, DocKind, InterpretationPlan, Item, ItemInput, ItemKind, PolicyLevel } from '../../types';
import { AttachmentsEditor } from './AttachmentsEditor';
import { WordImportButton } from './WordImportButton';

interface FormValues {
  kind: ItemKind;
  docKind?: DocKind | null;
  docNumber?: string;
  title: string;
  summary?: string;
  body?: string;
  dateMade: Dayjs;
  validUntil?: Dayjs | null;
  category: Category;
  attribute?: Attribute;
  attributeReason?: string;
  nonPublicParts?: string;
  policyLevel: PolicyLevel;
  interpretationPlan?: Partial<InterpretationPlan>;
  major: boolean;
}

const NEEDS_REASON: readonly Attribute[] = ['on_application', 'not_disclosed'];

/** What the server needs to keep a draft; everything else is checked when it is submitted. */
const SAVE_FIELDS: (keyof FormValues)[] = ['kind', 'title', 'dateMade', 'category'];
const text = (value: string | undefined) => value?.trim() ?? '';

/** The API's shape: optional texts are sent as '' (the server does not take null for them). */
function toInput(values: FormValues): ItemInput {
  const plan = values.interpretationPlan;
  return {
    kind: values.kind,
    docKind: values.kind === 'document' ? (values.docKind ?? null) : null,
    docNumber: text(values.docNumber),
    title: values.title.trim(),
    summary: text(values.summary),
    body: values.body ?? '',
    dateMade: values.dateMade.format(DATE_FORMAT),
    validUntil: values.validUntil ? values.validUntil.format(DATE_FORMAT) : null,
    category: values.category,
    attribute: values.attribute ?? null,
    attributeReason: values.attribute && NEEDS_REASON.includes(values.attribute) ? text(values.attributeReason) : '',
    nonPublicParts: text(values.nonPublicParts),
    policyLevel: values.policyLevel,
    interpretationPlan:
      values.policyLevel === 'none'
        ? null
        : { outline: text(plan?.outline), form: text(plan?.form), channel: text(plan?.channel), time: text(plan?.time) },
    major: values.major,
  };
}

function fromItem(item: Item): Partial<FormValues> {
  return {
    ...item,
    attribute: item.attribute ?? undefined,
    dateMade: dayjs(item.dateMade),
    validUntil: item.validUntil ? dayjs(item.validUntil) : null,
    interpretationPlan: item.interpretationPlan ?? undefined,
  };
}

const NEW_ITEM: Partial<FormValues> = { kind: 'document', policyLevel: 'none', major: false, dateMade: dayjs() };

/** A refusal carried over from the creating page (history state holds plain data, not Error objects). */
interface CarriedError {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}

/** 拟稿: a new item (`/documents/new`) or the drafter's own draft (`/documents/:id/edit`). */
export default function DocumentFormPage() {
  const { id } = useParams();
  const { me } = useSession();
  const { data, error } = useQuery({ ...queries.item(id ?? ''), enabled: Boolean(id) });
  const title = id ? '修改草稿' : '新建信息';

  if (!id) {
    return (
      <PageContainer title={title}>
        <ItemForm
          attachments={
            <Card title="附件" style={{ marginBottom: 16 }}>
              <Typography.Text type="secondary">保存草稿后可上传附件。</Typography.Text>
            </Card>
          }
        />
      </PageContainer>
    );
  }
  if (!data) {
    return <PageContainer title={title} error={error}>{!error && <Skeleton active />}</PageContainer>;
  }
  const { item, attachments } = data;
  if (item.state !== 'draft' || item.drafterId !== me.user.id) {
    return (
      <PageContainer title={title}>
        <Result
          status="warning"
          title="不能修改"
          subTitle="只有拟稿人本人可以在拟稿状态修改信息；退回修改的信息会回到拟稿状态。"
          extra={<Link to={`/documents/${item.id}`}>查看信息详情</Link>}
        />
      </PageContainer>
    );
  }
  return (
    <PageContainer title={`${title}：${item.title}`}>
      {/* Keyed by the item: a saved draft starts the form from what the server holds. */}
      <ItemForm key={item.id} item={item} attachments={<AttachmentsEditor itemId={item.id} attachments={attachments} />} />
    </PageContainer>
  );
}

interface ItemFormProps {
  item?: Item;
  /** The attachments section, shown above the buttons (it is not part of the form's values). */
  attachments: ReactNode;
}

function ItemForm({ item, attachments }: ItemFormProps) {
  const vocabulary = useVocabulary();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const carried = (location.state as { error?: CarriedError } | null)?.error;
  const [error, setError] = useState<Error | null>(
    carried ? new ApiError(carried.status, carried.code, carried.message, carried.details) : null,
  );
  useEffect(() => {
    // Shown once: a reload must not bring the old refusal back.
    if (carried) navigate(location.pathname, { replace: true, state: null });
  }, [carried, location.pathname, navigate]);
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The buttons are at the bottom of a long form: bring the refusal into view.
    if (error) errorRef.current?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  }, [error]);
  const kind = Form.useWatch('kind', form);
  const attribute = Form.useWatch('attribute', form);
  const policyLevel = Form.useWatch('policyLevel', form);
  const nonPublicParts = Form.useWatch('nonPublicParts', form);

  const save = useApiMutation(
    (input: ItemInput) => (item ? api.documents.update(item.id, input) : api.documents.create(input)),
    { invalidate: [keys.documents, keys.todos] },
  );
  const submit = useApiMutation((itemId: string) => api.documents.act(itemId, 'submit'), {
    invalidate: [keys.documents, keys.todos],
  });
  const busy = save.isPending || submit.isPending;

  /** Checks the fields (all when none are named); on failure shows the first problem. */
  const validate = (names?: (keyof FormValues)[]) =>
    (names ? form.validateFields(names) : form.validateFields()).then(
      () => form.getFieldsValue(true) as FormValues,
      (info: { errorFields?: { name: (string | number)[] }[] }) => {
        const first = info.errorFields?.[0];
        if (first) form.scrollToField(first.name, { behavior: 'smooth', block: 'center' });
        return null;
      },
    );

  /** Keeps the draft as it is: only what the server needs to store it is checked. */
  const onSave = async () => {
    const values = await validate(SAVE_FIELDS);
    if (!values) return;
    setError(null);
    try {
      const saved = await save.mutateAsync(toInput(values));
      void message.success('草稿已保存');
      if (!item) navigate(`/documents/${saved.id}/edit`, { replace: true });
    } catch (caught) {
      setError(caught as Error);
    }
  };

  /** Saves, then submits for the office's check (ATTR-4); the server names anything missing. */
  const onSubmit = async () => {
    const values = await validate();
    if (!values) return;
    setError(null);
    let saved: Item;
    try {
      saved = await save.mutateAsync(toInput(values));
    } catch (caught) {
      setError(caught as Error);
      return;
    }
    try {
      await submit.mutateAsync(saved.id);
      void message.success('已提交公开办核查');
      navigate(`/documents/${saved.id}`);
    } catch (caught) {
      if (item) {
        setError(caught as Error);
        return;
      }
      // The draft exists now: go on editing it there, with the refusal shown.
      const { status, code, message: text, details } = caught as ApiError;
      navigate(`/documents/${saved.id}/edit`, { replace: true, state: { error: { status, code, message: text, details } } });
    }
  };

  return (
    <Form<FormValues>
      form={form}
      name="item"
      layout="vertical"
      initialValues={item ? fromItem(item) : NEW_ITEM}
    >
      <div ref={errorRef}>
        <ErrorAlert error={error} />
      </div>
      <Card title="基本信息" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label="信息类型" name="kind" rules={[{ required: true, message: '请选择信息类型' }]}>
              <Radio.Group aria-label="信息类型" options={optionsOf(vocabulary?.itemKinds)} />
            </Form.Item>
          </Col>
          {kind === 'document' && (
            <Col xs={24} md={8}>
              <Form.Item label="文种" name="docKind" rules={[{ required: true, message: '公文须选择文种' }]}>
                <Select placeholder="选择文种" showSearch={{ optionFilterProp: 'label' }} options={optionsOf(vocabulary?.docKinds)} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={8}>
            <Form.Item label="文号" name="docNumber">
              <Input placeholder="如 示人社发〔2026〕12号" maxLength={60} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="标题" name="title" rules={[{ required: true, whitespace: true, message: '请输入标题' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label="成文日期" name="dateMade" rules={[{ required: true, message: '请选择成文日期' }]}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="主题分类" name="category" rules={[{ required: true, message: '请选择主题分类' }]}>
              <Select placeholder="选择主题分类" showSearch={{ optionFilterProp: 'label' }} options={optionsOf(vocabulary?.categories)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="有效期至" name="validUntil" extra="文件规定了有效期的填写；过期后每周自查会提示标记失效">
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="摘要" name="summary">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item
          label="正文"
          name="body"
          extra={
            <Flex gap="small" align="center" wrap style={{ marginTop: 4 }}>
              <WordImportButton onImport={(body) => form.setFieldValue('body', body)} />
              <span>导入 Word 文档（.docx）的正文和标题，不含批注和修订中删除的内容；导入后替换上面的正文。</span>
            </Flex>
          }
        >
          <Input.TextArea autoSize={{ minRows: 14, maxRows: 40 }} />
        </Form.Item>
      </Card>

      <Card title="公开属性（源头认定）" style={{ marginBottom: 16 }}>
        <Form.Item
          label="公开属性"
          name="attribute"
          rules={[{ required: true, message: '请确定公开属性' }]}
          extra="公开为常态、不公开为例外。每份信息在拟稿时确定一种公开属性。"
        >
          <Radio.Group aria-label="公开属性" options={optionsOf(vocabulary?.attributes)} />
        </Form.Item>
        {attribute && NEEDS_REASON.includes(attribute) && (
          <Form.Item
            label="理由"
            name="attributeReason"
            rules={[{ required: true, whitespace: true, message: '依申请公开或不予公开须说明理由' }]}
            extra="须写明充分的理由；此类信息将登记建档备查，并每年复核。"
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
          </Form.Item>
        )}
        <Form.Item
          label="不宜公开的内容"
          name="nonPublicParts"
          extra="列明文中依申请公开或不予公开的部分。主动公开的信息不得含有此类内容：如有，请拆分文件或调整公开属性。"
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
        {attribute === 'proactive' && nonPublicParts?.trim() && (
          <Alert
            type="warning"
            showIcon
            title="主动公开的信息不得含有依申请公开或不予公开的内容，提交时将被退回。"
          />
        )}
      </Card>

      <Card title="政策解读与审查" style={{ marginBottom: 16 }}>
        <Form.Item
          label="政策性文件"
          name="policyLevel"
          rules={[{ required: true, message: '请选择' }]}
          extra="规范性文件和重要政策文件须同时报送解读方案（三同步）。"
        >
          <Radio.Group aria-label="政策性文件" options={optionsOf(vocabulary?.policyLevels)} />
        </Form.Item>
        {policyLevel && policyLevel !== 'none' && <InterpretationPlanFields />}
        <Form.Item
          label="重大事项"
          name="major"
          valuePropName="checked"
          extra="涉及重大决策、群众切身利益或可能产生重大社会影响的，须经局务会或党组会研究。"
        >
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
      </Card>

      {attachments}

      <Flex gap="small" wrap style={{ marginBottom: 24 }}>
        <Button onClick={() => void onSave()} loading={save.isPending && !submit.isPending} disabled={busy}>
          保存
        </Button>
        <Button type="primary" onClick={() => void onSubmit()} loading={submit.isPending} disabled={busy}>
          提交
        </Button>
        <Button onClick={() => navigate(item ? `/documents/${item.id}` : '/documents')} disabled={busy}>
          取消
        </Button>
      </Flex>
    </Form>
  );
}

/** INT-3, INT-4: a policy document goes with its interpretation plan: outline, form, channel, time. */
function InterpretationPlanFields() {
  const required = (what: string) => [{ required: true, whitespace: true, message: `请填写${what}` }];
  return (
    <fieldset style={{ border: '1px solid #d9d9d9', borderRadius: 8, padding: '8px 16px 0', marginBottom: 24 }}>
      <legend style={{ width: 'auto', padding: '0 8px', margin: 0, fontSize: 14, border: 0 }}>解读方案</legend>
      <Form.Item label="解读提纲" name={['interpretationPlan', 'outline']} rules={required('解读提纲')}>
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 10 }}
          maxLength={2000}
          placeholder="背景依据、目标任务、主要内容、适用范围、执行标准、办理流程、注意事项、关键词解释、惠民利民举措、新旧政策差异等"
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="解读形式" name={['interpretationPlan', 'form']} rules={required('解读形式')}>
            <Input maxLength={200} placeholder="如 文字解读、图表图解、问答" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="解读渠道" name={['interpretationPlan', 'channel']} rules={required('解读渠道')}>
            <Input maxLength={200} placeholder="如 门户网站政策解读栏目" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="解读时间" name={['interpretationPlan', 'time']} rules={required('解读时间')}>
            <Input maxLength={200} placeholder="如 与文件同步发布" />
          </Form.Item>
        </Col>
      </Row>
    </fieldset>
  );
}
