import { App } from 'antd';
import type { TablePaginationConfig } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Page } from '../../api/api.types';
import { adminErrorMessage } from './admin-labels';

/**
 * The list-loading of the admin pages: loads a page whenever `filter` changes, shows the
 * error in Vietnamese, and gives `reload` for after an action.
 */
export function usePagedList<T, F>(
  fetchPage: (filter: F) => Promise<Page<T>>,
  filter: F,
): { page: Page<T>; loading: boolean; reload(): void } {
  const { message } = App.useApp();
  const [page, setPage] = useState<Page<T>>({ items: [], total: 0 });
  const [loading, setLoading] = useState(true);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setPage(await fetchPage(filter));
    } catch (cause) {
      message.error(adminErrorMessage(cause));
    } finally {
      setLoading(false);
    }
  }, [fetchPage, filter, message]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { page, loading, reload: () => void reload() };
}

/** The table pagination of an offset filter: page `n` sets `offset` to `(n - 1) × pageSize`; the total reads "`total` `noun`". */
export function offsetPagination<F extends { offset: number }>(
  filter: F,
  setFilter: (update: (f: F) => F) => void,
  total: number,
  pageSize: number,
  noun: string,
): TablePaginationConfig {
  return {
    current: filter.offset / pageSize + 1,
    pageSize,
    total,
    showSizeChanger: false,
    showTotal: (count) => `${count} ${noun}`,
    onChange: (current) => setFilter((f) => ({ ...f, offset: (current - 1) * pageSize })),
  };
}
