import { CheckCircleOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Flex, Form, Input, Radio, Result, Row, Select, Space, Typography, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, ApiError, keys } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageContainer } from '../../components/PageContainer';
import { useApiMutation, useAppVocabulary } from '../../hooks';
import { optionsOf, ORGANISATION_LABEL } from '../../labels';
import type { ApplicantKind, ApplicationIntake, ApplicationRegistered, DeliveryMethod, IdType, InfoForm, ReceiptChannel } from '../../types';

type ApplicantGroup = 'natural' | 'organisation';

interface IntakeForm {
  applicantGroup: ApplicantGroup;
  orgKind?: Exclude<ApplicantKind, 'natural'>;
  name: string;
  idType: IdType;
  idNumber: string;
  orgCode?: string;
  phone: string;
  email?: string;
  address?: string;
  description: string;
  purpose?: string;
  form: InfoForm;
  delivery: DeliveryMethod;
  channel: ReceiptChannel;
  receivedAt: Dayjs;
  transfer?: { from: string; handedOverAt: Dayjs; record: string };
}

const ID_TYPES_BY_GROUP: Record<ApplicantGroup, IdType[]> = {
  natural: ['prc_id', 'passport', 'other'],
  organisation: ['org', 'other'],
};

const DATE_TIME = 'YYYY-MM-DD HH:mm';
const notFuture = (day: Dayjs) => day.isAfter(dayjs(), 'day');
const required = (message: string) => ({ required: true, whitespace: true, message });

/** Where the server's refusals belong on the form (codes of POST /applications). */
const ERROR_FIELDS: Record<string, (string | number)[]> = {
  ID_NUMBER_INVALID: ['idNumber'],
  ORG_CODE_REQUIRED: ['orgCode'],
  RECEIVED_IN_FUTURE: ['receivedAt'],
  TRANSFER_RECORD_REQUIRED: ['transfer', 'record'],
};

/** A refusal shown at its field when it has one; true when it was placed. */
function placeError(form: FormInstance<IntakeForm>, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const field = ERROR_FIELDS[error.code];
  if (field) {
    form.setFields([{ name: field as never, errors: [error.message] }]);
    form.scrollToField(field as never);
    return true;
  }
  // Schema refusals name their fields as `body.phone`, `body.transfer.from`.
  const details = Array.isArray(error.details) ? (error.details as { field?: string; message?: string }[]) : [];
  const byField = new Map<string, string>();
  for (const detail of details) {
    const path = detail.field?.replace(/^body\./, '');
    if (path && detail.message && !byField.has(path)) byField.set(path, detail.message);
  }
  const known = [...byField].filter(([path]) => form.getFieldInstance(path.split('.') as never) !== undefined);
  if (known.length === 0) return false;
  form.setFields(known.map(([path, message]) => ({ name: path.split('.') as never, errors: [message] })));
  form.scrollToField(known[0]![0].split('.') as never);
  return known.length === byField.size;
}

const blankToUndefined = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

function toIntake(values: IntakeForm): ApplicationIntake {
  const kind: ApplicantKind = values.applicantGroup === 'natural' ? 'natural' : values.orgKind!;
  return {
    applicantKind: kind,
    name: values.name.trim(),
    idType: values.idType,
    idNumber: values.idNumber.trim().toUpperCase(),
    orgCode: (blankToUndefined(values.orgCode) ?? (values.idType === 'org' ? values.idNumber.trim() : undefined))?.toUpperCase(),
    phone: values.phone.trim(),
    email: blankToUndefined(values.email),
    address: blankToUndefined(values.address),
    description: values.description.trim(),
    purpose: blankToUndefined(values.purpose),
    form: values.form,
    delivery: values.delivery,
    channel: values.channel,
    receivedAt: values.receivedAt.format(),
    ...(values.channel === 'transfer' && values.transfer
      ? {
          transfer: {
            from: values.transfer.from.trim(),
            handedOverAt: values.transfer.handedOverAt.format(),
            record: values.transfer.record.trim(),
          },
        }
      : {}),
  };
}

/** 登记申请: the office registers a letter, fax, e-mail, visit or transfer (APP-1, APP-2, APP-5, LAW-31). */
export default function ApplicationIntakePage() {
  const [registered, setRegistered] = useState<ApplicationRegistered | null>(null);
  const [formKey, setFormKey] = useState(0);
  return (
    <PageContainer title="登记申请">
      {registered ? (
        <Registered
          registered={registered}
          onNext={() => {
            setRegistered(null);
            setFormKey((key) => key + 1);
          }}
        />
      ) : (
        <IntakeFormView key={formKey} onRegistered={setRegistered} />
      )}
    </PageContainer>
  );
}

function IntakeFormView({ onRegistered }: { onRegistered: (registered: ApplicationRegistered) => void }) {
  const vocabulary = useAppVocabulary();
  const navigate = useNavigate();
  const [form] = Form.useForm<IntakeForm>();
  const [error, setError] = useState<Error | null>(null);
  const create = useApiMutation(api.applications.create, { invalidate: [keys.applications, keys.todos] });
  const group = Form.useWatch('applicantGroup', form) ?? 'natural';
  const channel = Form.useWatch('channel', form);
  const idType = Form.useWatch('idType', form);
  const organisation = group === 'organisation';
  // With the 统一社会信用代码证 as ID, its number is the code: no need to type it twice.
  const codeIsId = organisation && idType === 'org';
  const orgKinds = Object.entries(vocabulary?.applicantKinds ?? {})
    .filter(([kind]) => kind !== 'natural')
    .map(([value, label]) => ({ value, label }));

  const submit = async (values: IntakeForm) => {
    setError(null);
    try {
      onRegistered(await create.mutateAsync(toIntake(values)));
    } catch (caught) {
      if (!placeError(form, caught)) setError(caught as Error);
    }
  };

  return (
    <Form<IntakeForm>
      form={form}
      name="intake"
      layout="vertical"
      style={{ maxWidth: 960 }}
      initialValues={{ applicantGroup: 'natural', idType: 'prc_id', receivedAt: dayjs() }}
      onFinish={(values) => void submit(values)}
      onValuesChange={(changed: Partial<IntakeForm>) => {
        if (changed.applicantGroup) {
          form.setFieldsValue({ idType: ID_TYPES_BY_GROUP[changed.applicantGroup][0] });
        }
        // LAW-31 / APP-5: a transferred application is received the moment it is handed over.
        if (changed.transfer?.handedOverAt) form.setFieldsValue({ receivedAt: changed.transfer.handedOverAt });
      }}
      scrollToFirstError
    >
      <Typography.Paragraph type="secondary">
        按《政府信息公开申请表》登记。一份申请只登记一项政府信息；登记后系统生成登记编号、查询码和查询密码，并从收到之日起计算答复期限。
      </Typography.Paragraph>
      <Card title="申请人信息" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label="申请人类型" name="applicantGroup" rules={[{ required: true, message: '请选择申请人类型' }]}>
              <Radio.Group
                aria-label="申请人类型"
                options={[
                  { value: 'natural', label: vocabulary?.applicantKinds.natural ?? '自然人' },
                  { value: 'organisation', label: ORGANISATION_LABEL },
                ]}
              />
            </Form.Item>
          </Col>
          {organisation && (
            <Col xs={24} md={12}>
              <Form.Item
                label="组织类型"
                name="orgKind"
                rules={[{ required: true, message: '请选择组织类型（年报表三按此分列）' }]}
              >
                <Select placeholder="选择组织类型" options={orgKinds} />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label="姓名/名称" name="name" rules={[required(organisation ? '请填写名称' : '请填写姓名')]}>
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="证件类型" name="idType" rules={[{ required: true, message: '请选择证件类型' }]}>
              <Select options={ID_TYPES_BY_GROUP[group].map((value) => ({ value, label: vocabulary?.idTypes[value] ?? value }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="证件号码"
              name="idNumber"
              rules={[required('请填写证件号码'), { min: 2, message: '证件号码至少 2 位' }]}
              extra={idType === 'prc_id' ? '居民身份证号码由系统核对校验位。' : undefined}
            >
              <Input maxLength={40} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="统一社会信用代码"
              name="orgCode"
              rules={organisation && !codeIsId ? [required('法人或其他组织须填写统一社会信用代码')] : []}
              extra={codeIsId ? '与证件号码相同的可不填。' : organisation ? undefined : '法人或其他组织必填。'}
            >
              <Input maxLength={30} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="联系电话"
              name="phone"
              rules={[
                required('请填写联系电话'),
                { pattern: /^[0-9+()\- ]{5,30}$/, message: '联系电话为 5–30 位数字，可含 + - ( ) 和空格' },
              ]}
            >
              <Input type="tel" maxLength={30} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="电子邮箱" name="email" rules={[{ type: 'email', message: '电子邮箱格式不正确' }]}>
              <Input type="email" maxLength={100} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="通讯地址" name="address">
              <Input maxLength={200} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title="所需信息" style={{ marginBottom: 16 }}>
        <Form.Item
          label="所需信息的内容描述"
          name="description"
          rules={[required('请填写所需信息的内容描述'), { min: 5, message: '内容描述至少 5 个字' }]}
          extra="写明信息的名称、文号或其他有助于确定信息的特征。"
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item label="用途" name="purpose" extra="选填。">
          <Input maxLength={500} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label="获取信息的方式" name="form" rules={[{ required: true, message: '请选择获取信息的方式' }]}>
              <Radio.Group aria-label="获取信息的方式" options={optionsOf(vocabulary?.forms)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="送达方式" name="delivery" rules={[{ required: true, message: '请选择送达方式' }]}>
              <Radio.Group aria-label="送达方式" options={optionsOf(vocabulary?.deliveries)} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title="收到情况" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              label="收到方式"
              name="channel"
              rules={[{ required: true, message: '请选择收到方式' }]}
              extra={
                channel
                  ? `收到日认定：${vocabulary?.receiptRules[channel] ?? ''}`
                  : '选择后显示该方式的收到日认定规则（条例第三十一条）。'
              }
            >
              <Select placeholder="选择收到方式" options={optionsOf(vocabulary?.channels)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="收到时间"
              name="receivedAt"
              rules={[{ required: true, message: '请选择收到时间' }]}
              extra="按收到日认定规则确定的收到时刻；答复期限自此起算。"
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format={DATE_TIME} disabledDate={notFuture} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {channel === 'transfer' && (
          <>
            <Typography.Paragraph>转办申请须登记交接记录，办结后向转办机构回告办理结果。</Typography.Paragraph>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item label="转办机构" name={['transfer', 'from']} rules={[required('请填写转办机构')]}>
                  <Input maxLength={200} placeholder="如 示例市人民政府政务公开中心" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label="交接时间" name={['transfer', 'handedOverAt']} rules={[{ required: true, message: '请选择交接时间' }]}>
                  <DatePicker showTime={{ format: 'HH:mm' }} format={DATE_TIME} disabledDate={notFuture} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item label="交接记录" name={['transfer', 'record']} rules={[required('请填写交接记录')]} extra="交接人、接收人、材料份数等。">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
            </Form.Item>
          </>
        )}
      </Card>

      <ErrorAlert error={error} />
      <Space>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          登记
        </Button>
        <Button onClick={() => navigate('/applications')}>返回申请队列</Button>
      </Space>
    </Form>
  );
}

/** The registration numbers; the secret is shown this once and cannot be read again. */
function Registered({ registered, onNext }: { registered: ApplicationRegistered; onNext: () => void }) {
  const navigate = useNavigate();
  return (
    <Result
      icon={<CheckCircleOutlined />}
      status="success"
      title="申请已登记"
      subTitle="请将查询码和查询密码告知申请人，申请人凭此在门户网站查询办理进度。"
      extra={
        <Flex gap="small" justify="center" wrap className="no-print">
          <Button type="primary" onClick={() => navigate(`/applications/${registered.id}`)}>
            打开申请
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印回执
          </Button>
          <Button onClick={onNext}>继续登记下一件</Button>
        </Flex>
      }
    >
      <Descriptions
        bordered
        size="middle"
        column={1}
        style={{ maxWidth: 560, margin: '0 auto 16px' }}
        items={[
          { key: 'regNumber', label: '登记编号', children: <Typography.Text copyable>{registered.regNumber}</Typography.Text> },
          { key: 'trackingCode', label: '查询码', children: <Typography.Text copyable>{registered.trackingCode}</Typography.Text> },
          {
            key: 'secret',
            label: '查询密码',
            children: registered.secret ? (
              <Typography.Text code copyable>
                {registered.secret}
              </Typography.Text>
            ) : (
              '（本次未返回）'
            ),
          },
        ]}
      />
      <Alert
        type="warning"
        showIcon
        style={{ maxWidth: 560, margin: '0 auto' }}
        title="查询密码只在此显示一次"
        description="系统不保存查询密码的明文，离开本页后无法再次查看。请现在告知申请人或打印回执交付。"
      />
    </Result>
  );
}
