// What the three list pages share: who may edit, the page's buttons, links to the portal, and the 操作 column with its confirmed delete.
import { ExportOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Space, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { publicListUrl, queries } from '../../api';
import { useSession } from '../../session';

/** The disclosure office keeps the lists (the server's rule); every other role reads them. */
export function useCanEdit(): boolean {
  return useSession().hasRole('office');
}

/** The code of the user's agency, which names its pages on the portal; none until the agencies have loaded. */
function useAgencyCode(): string | undefined {
  const { me } = useSession();
  return useQuery(queries.agencies()).data?.items.find((agency) => agency.id === me.user.agencyId)?.code;
}

/** An entry's name, linked to the entry's page on the portal once the agency's code is known. */
export function useEntryLink(list: ListName): (name: string, id: string) => ReactNode {
  const code = useAgencyCode();
  return (name, id) =>
    code ? (
      <a href={publicListUrl(code, list, id)} target="_blank" rel="noopener">
        {name}
      </a>
    ) : (
      name
    );
}

/** Opens the list's public page on the portal, where citizens see it. */
export function PublicPageButton({ list }: { list: ListName }) {
  const code = useAgencyCode();
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

type ListName = 'negative-list' | 'services' | 'powers';

/** The page's buttons: the public page for everyone, the add button for the office. */
export function ListPageExtra({ list, addLabel, onAdd }: { list: ListName; addLabel: string; onAdd: () => void }) {
  const canEdit = useCanEdit();
  return (
    <Space wrap>
      <PublicPageButton list={list} />
      {canEdit && (
        <Button type="primary" onClick={onAdd}>
          {addLabel}
        </Button>
      )}
    </Space>
  );
}

/** The office's 操作 column (edit, and delete after confirming); readers get none. */
export function useEditColumns<T>(opts: { nameOf: (row: T) => string; onEdit: (row: T) => void; remove: (row: T) => Promise<unknown> }): TableColumnsType<T> {
  const canEdit = useCanEdit();
  const confirmDelete = useConfirmDelete();
  if (!canEdit) return [];
  return [
    {
      title: '操作',
      key: 'actions',
      width: 120,
      render: (_: unknown, row: T) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => opts.onEdit(row)}>
            编辑
          </Button>
          <Button type="link" size="small" danger onClick={() => confirmDelete(opts.nameOf(row), () => opts.remove(row))}>
            删除
          </Button>
        </Space>
      ),
    },
  ];
}
