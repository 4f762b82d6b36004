import { useQuery } from '@tanstack/react-query';
import { App, Button, Form, Input, Skeleton, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api, keys, queries } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageContainer } from '../components/PageContainer';
import { useApiMutation } from '../hooks';
import type { SiteSettings } from '../types';

const TEXT_FIELDS: { name: keyof SiteSettings; label: string; placeholder: string; max: number; pattern?: RegExp; message?: string }[] = [
  { name: 'sponsor', label: '主办单位', placeholder: '如：示例市人民政府办公室', max: 100 },
  { name: 'phone', label: '联系电话', placeholder: '如：0310-1234000', max: 40 },
  { name: 'email', label: '电子邮箱', placeholder: '如：zwgk@example.gov.cn', max: 100 },
  { name: 'address', label: '通讯地址', placeholder: '如：示例市人民路1号', max: 200 },
  { name: 'icp', label: 'ICP备案号', placeholder: '如：冀ICP备12345678号', max: 60 },
  { name: 'psb', label: '公安机关备案号', placeholder: '如：冀公网安备13010202000123号', max: 60 },
  { name: 'siteCode', label: '网站标识码', placeholder: '10位，如：1301000001', max: 10, pattern: /^([0-9A-Za-z]{10})?$/, message: '网站标识码为10位数字或字母' },
  { name: 'conacLink', label: '党政机关网站标识核验链接', placeholder: 'https://bszs.conac.cn/…', max: 300, pattern: /^(https:\/\/\S*)?$/, message: '请填写以 https:// 开头的链接' },
];

/** The image file as a data: URL, stored with the settings: portal pages load images only from the site itself. */
const readAsDataUrl = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/** 门户网站信息: the identity every portal page shows in its footer (政府网站发展指引, 国办发〔2017〕47号). */
export default function SiteSettingsPage() {
  const { data, error } = useQuery(queries.siteSettings());
  const [form] = Form.useForm<SiteSettings>();
  const { message } = App.useApp();
  const image = Form.useWatch('conacImage', form);
  const save = useApiMutation(api.settings.saveSite, { invalidate: [keys.siteSettings], success: '门户网站信息已保存' });

  if (!data) return <PageContainer title="门户网站信息" error={error}>{!error && <Skeleton active />}</PageContainer>;
  return (
    <PageContainer title="门户网站信息">
      <Typography.Paragraph type="secondary">
        以下信息显示在门户网站每个页面的页脚，按《政府网站发展指引》的要求列明主办单位、联系方式、备案号和网站标识码。
      </Typography.Paragraph>
      <Form<SiteSettings> form={form} name="site-settings" layout="vertical" initialValues={data} onFinish={(values) => save.mutate(values)} style={{ maxWidth: 560 }}>
        <ErrorAlert error={save.error} />
        {TEXT_FIELDS.map(({ name, label, placeholder, max, pattern, message }) => (
          <Form.Item key={name} label={label} name={name} rules={[{ max, message: `${label}不超过${max}字` }, ...(pattern ? [{ pattern, message }] : [])]}>
            <Input placeholder={placeholder} maxLength={max} />
          </Form.Item>
        ))}
        <Form.Item name="conacImage" hidden>
          <Input />
        </Form.Item>
        <Form.Item label="党政机关网站标识图片" extra="上传开办单位核发的标识图片（PNG、GIF、JPEG 或 SVG，不超过 100 KB）。">
          <Space align="center" wrap>
            {image ? <img src={image} alt="党政机关网站标识" width={110} height={55} style={{ objectFit: 'contain', border: '1px solid #d9d9d9' }} /> : <Typography.Text type="secondary">未上传</Typography.Text>}
            <Upload
              accept="image/png,image/gif,image/jpeg,image/svg+xml"
              showUploadList={false}
              beforeUpload={async (file) => {
                if (file.size <= 100 * 1024) form.setFieldValue('conacImage', await readAsDataUrl(file));
                else void message.error('图片不超过 100 KB');
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>选择图片</Button>
            </Upload>
            {image && <Button onClick={() => form.setFieldValue('conacImage', '')}>移除</Button>}
          </Space>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>保存</Button>
      </Form>
    </PageContainer>
  );
}
