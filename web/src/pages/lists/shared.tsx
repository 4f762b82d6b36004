// What the three list pages share: who may edit, the public page link, and the confirmed delete.
import { ExportOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { publicListUrl, queries } from '../../api';
import { useSession } from '../../session';

/** The disclosure office keeps the lists (the server's rule); every other role reads them. */
export function useCanEdit(): boolean {
  return useSession().hasRole('office');
}

/** Opens the list's public page on the portal, where citizens see it. */
export function PublicPageButton({ list }: { list: 'negative-list' | 'services' | 'powers' }) {
  const { me } = useSession();
  const agencies = useQuery(queries.agencies());
  const code = agencies.data?.items.find((agency) => agency.id === me.user.agencyId)?.code;
  if (!code) return null;
  return (
    <Button icon={<ExportOutlined />} href={publicListUrl(code, list)} target="_blank" rel="noopener">
      查看公开页面
    </Button>
  );
}

/** Deleting takes an entry off the portal at once, so it is confirmed first; the server audits it. */
export function useConfirmDelete() {
  const { modal, message } = App.useApp();
  return (what: string, remove: () => Promise<unknown>) =>
    modal.confirm({
      title: `删除“${what}”？`,
      content: '删除后该条目立即从公开页面撤下，操作记入审计日志。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => remove().catch((error: Error) => void message.error(error.message)),
    });
}
