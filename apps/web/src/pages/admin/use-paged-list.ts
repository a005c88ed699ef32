import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Page } from '../../api/api.types';
import { adminErrorMessage } from './admin-labels';

/**
 * The list-loading of the admin pages: loads a page whenever `filter` changes, shows the
 * error in Vietnamese, and gives `reload` for after an action.
 */
export function usePagedList<T, F>(fetchPage: (filter: F) => Promise<Page<T>>, filter: F): { page: Page<T>; loading: boolean; reload(): void } {
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
