// Small hooks shared by the pages.
import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { App, type TablePaginationConfig } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { queries } from './api';
import type { AppVocabulary, DocVocabulary } from './types';

interface ApiMutationOptions {
  /** Query families to refresh after success, e.g. `[['users']]`. */
  invalidate?: QueryKey[];
  /** Toast shown after success. */
  success?: string;
}

/** A mutation that refreshes the lists it changes; callers show its errors where they belong. */
export function useApiMutation<TVars, TData = unknown>(
  mutationFn: (vars: TVars) => Promise<TData>,
  { invalidate = [], success }: ApiMutationOptions = {},
) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      for (const queryKey of invalidate) void queryClient.invalidateQueries({ queryKey });
      if (success) void message.success(success);
    },
  });
}

/** Server-side paging state for an antd Table (`?page=&pageSize=`). */
export function usePagination(initialPageSize = 20) {
  const [paging, setPaging] = useState({ page: 1, pageSize: initialPageSize });
  const resetPage = () => setPaging((current) => ({ ...current, page: 1 }));
  const tablePagination = (total: number | undefined): TablePaginationConfig => ({
    current: paging.page,
    pageSize: paging.pageSize,
    total,
    showSizeChanger: true,
    showTotal: (count) => `共 ${count} 条`,
    onChange: (page, pageSize) => setPaging({ page, pageSize }),
  });
  return { paging, resetPage, tablePagination };
}

export function useDebounced<T>(value: T, delayMs = 300): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/** Role names as the server labels them (GET /roles, fetched once per visit). */
export function useRoleLabel(): (role: string) => string {
  const { data } = useQuery(queries.roles());
  return useCallback((role: string) => data?.items.find((r) => r.role === role)?.label ?? role, [data]);
}

/**
 * The labels of the documents capability (GET /documents/vocabulary, fetched once per visit):
 * states, attributes, actions, channels… Undefined while loading; show the key meanwhile.
 */
export function useVocabulary(): DocVocabulary | undefined {
  return useQuery(queries.docVocabulary()).data;
}

/**
 * The labels of the applications capability (GET /applications/vocabulary, fetched once per
 * visit): states, actions, channels with their receipt rules, outcomes… Undefined while loading.
 */
export function useAppVocabulary(): AppVocabulary | undefined {
  return useQuery(queries.appVocabulary()).data;
}
