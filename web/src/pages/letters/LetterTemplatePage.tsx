import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Form, Input, Radio, Row, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { api, keys, queries } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageContainer } from '../../components/PageContainer';
import { useApiMutation } from '../../hooks';
import { useSession } from '../../session';
import type { LetterTemplateInput } from '../../types';

/**
 * 文书模板: how the office's agency numbers and signs the letters it sends applicants
 * (GB/T 9704-2012): 发文字号, 落款, contact line, the bodies the remedies name, the date's
 * numerals. A sample reply in the saved template is shown beside the form.
 */
export default function LetterTemplatePage() {
  const { me } = useSession();
  // The agencies where the user is office staff: usually one, their own.
  const offices = me.grants.filter((g) => g.role === 'office');
  const [agencyId, setAgencyId] = useState(offices[0]?.agencyId ?? me.user.agencyId);
  const { data, error } = useQuery({ ...queries.letterTemplate(agencyId), enabled: Boolean(agencyId) });
  const [version, setVersion] = useState(0);
  const save = useApiMutation((input: LetterTemplateInput) => api.letterTemplates.save(agencyId, input), {
    invalidate: [keys.letterTemplates],
    success: '文书模板已保存',
  });
  const placeholder = (value: string) => `留空则为：${value}`;

  return (
    <PageContainer
      title="文书模板"
      error={error}
      extra={
        offices.length > 1 && (
          <Select
            aria-label="机关"
            value={agencyId}
            onChange={setAgencyId}
            options={offices.map((g) => ({ value: g.agencyId, label: g.agencyName }))}
            style={{ minWidth: 240 }}
          />
        )
      }
    >
      {data ? (
        <Row gutter={[24, 24]}>
          <Col xs={24} xl={11}>
            <Typography.Paragraph type="secondary">
              {data.agencyName}向申请人发出的告知书按《党政机关公文格式》（GB/T 9704-2012）排版：发文字号在标题之上，
              正文仿宋三号，落款处为机关名称（加盖印章），成文日期下为联系人和联系电话。下一份文书的发文字号：
              <Typography.Text strong>{data.nextNumber}</Typography.Text>
            </Typography.Paragraph>
            <Form<LetterTemplateInput>
              name="letter-template"
              layout="vertical"
              key={data.agencyId}
              initialValues={data}
              onFinish={(values) => save.mutate(values, { onSuccess: () => setVersion((v) => v + 1) })}
            >
              <ErrorAlert error={save.error} />
              <Form.Item
                label="发文字号格式"
                name="numberPattern"
                rules={[{ required: true, message: '请填写发文字号格式' }]}
                extra="{年}为成文年份，用六角括号〔〕括入；{号}为本机关当年的顺序号（每年从1号起，不重复使用，不加“第”字），例如：示人社公开〔{年}〕{号}号。"
              >
                <Input maxLength={60} />
              </Form.Item>
              <Form.Item label="落款（加盖印章处的机关名称）" name="signatureName">
                <Input maxLength={60} placeholder={placeholder(data.defaults.signatureName)} />
              </Form.Item>
              <Row gutter={16}>
                <Col xs={24} sm={12}>
                  <Form.Item label="联系人" name="contactPerson">
                    <Input maxLength={40} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item label="联系电话" name="contactPhone">
                    <Input maxLength={40} placeholder={placeholder(data.defaults.contactPhone || '不写')} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label="行政复议机关" name="reconsiderationBody" extra="告知书中“向……申请行政复议”的机关。">
                <Input maxLength={80} placeholder={placeholder(data.defaults.reconsiderationBody)} />
              </Form.Item>
              <Form.Item label="行政诉讼的法院" name="court" extra="告知书中“依法向……提起行政诉讼”的法院。">
                <Input maxLength={80} placeholder={placeholder(data.defaults.court)} />
              </Form.Item>
              <Form.Item label="成文日期写法" name="dateStyle">
                <Radio.Group
                  options={[
                    { value: 'chinese', label: '汉字（二〇二六年十二月四日）' },
                    { value: 'arabic', label: '阿拉伯数字（2026年12月4日）' },
                  ]}
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                保存
              </Button>
            </Form>
          </Col>
          <Col xs={24} xl={13}>
            <Card size="small" title="示例：答复告知书（按已保存的模板）">
              <img
                src={api.letterTemplates.previewUrl(agencyId, version)}
                alt="按本机关文书模板生成的答复告知书示例"
                style={{ width: '100%', maxWidth: 595, display: 'block', margin: '0 auto', boxShadow: '0 0 0 1px #d9d9d9' }}
              />
            </Card>
          </Col>
        </Row>
      ) : (
        !error && <Skeleton active />
      )}
    </PageContainer>
  );
}
