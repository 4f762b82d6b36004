import { useQuery } from '@tanstack/react-query';
import { Form, Input, Radio, Spin, Switch } from 'antd';
import { api, keys } from '../../api';
import { FormModal } from '../../components/FormModal';
import { useApiMutation, useAppVocabulary } from '../../hooks';
import { optionsOf } from '../../labels';
import type { ApplicationSettings } from '../../types';

/**
 * 依申请公开设置 of the office's agency: automatic confirmation of online, e-mail and fax
 * applications (LAW-31), who approves an extension (LAW-33) and the name of the agency's own rule on its stricter terms (APP-4).
 */
export function ApplicationSettingsModal({ agencyId, onClose }: { agencyId: string; onClose: () => void }) {
  const vocabulary = useAppVocabulary();
  const { data } = useQuery({ queryKey: [...keys.applications, 'settings', agencyId], queryFn: () => api.applications.settings(agencyId) });
  const save = useApiMutation((input: ApplicationSettings) => api.applications.saveSettings(agencyId, input), { invalidate: [keys.applications], success: '已保存' });
  if (!data) return <Spin />;
  return (
    <FormModal<ApplicationSettings>
      title="依申请公开设置"
      name="application-settings"
      okText="保存"
      initialValues={data}
      onSubmit={(values) =>
        save.mutateAsync({
          autoConfirm: Boolean(values.autoConfirm),
          extensionApprover: values.extensionApprover,
          ownRule: values.ownRule ?? '',
        })
      }
      onClose={onClose}
    >
      <Form.Item
        label="自动确认收到"
        name="autoConfirm"
        valuePropName="checked"
        extra="在线、电子邮件、传真申请以双方确认之日为收到日（《中华人民共和国政府信息公开条例》第三十一条）。开启后，未确认的申请在到达后下一个工作日开始时自动确认，并记录为自动确认。"
      >
        <Switch />
      </Form.Item>
      <Form.Item label="延期答复审批人" name="extensionApprover" extra="《中华人民共和国政府信息公开条例》第三十三条：经政府信息公开工作机构负责人同意；本机关规定须经机关负责人批准的，选后者。">
        <Radio.Group aria-label="延期答复审批人" options={optionsOf(vocabulary?.extensionApprovers)} />
      </Form.Item>
      <Form.Item label="本机关规定名称" name="ownRule" extra="本机关规定的答复期限短于法定期限时，期限说明引用的规定名称，如《示例市人力资源和社会保障局政府信息公开工作制度》。">
        <Input maxLength={100} />
      </Form.Item>
    </FormModal>
  );
}
