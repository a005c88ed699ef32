import { App } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page, Task, TaskFilter } from '../../api/api.types';
import { listTasks } from '../../api/tasks.api';
import { reportError } from '../../api/report-error';

export interface TaskQuery {
  filter: TaskFilter;
  page: number;
  pageSize: number;
  /** What the officer typed in the search box: part of a dossier code, applicant name or ID number (accents ignored by the server). */
  code?: string;
}

/** Loads one page of the inbox; `reload` re-runs the current query after an action. */
export function useTasks(query: TaskQuery) {
  const { message } = App.useApp();
  const [data, setData] = useState<Page<Task>>({ items: [], total: 0 });
  const [loadedAt, setLoadedAt] = useState(() => new Date());
  const [loading, setLoading] = useState(false);
  // Only the latest request may write the table: switching tabs quickly must not show stale rows.
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const page = await listTasks(query.filter, query.pageSize, (query.page - 1) * query.pageSize, query.code);
      if (ticket !== latest.current) return;
      setData(page);
      setLoadedAt(new Date());
    } catch (cause) {
      if (ticket === latest.current) reportError(message, cause);
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [query.filter, query.page, query.pageSize, query.code, message]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, loading, loadedAt, reload };
}
