import { App } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page, Task } from '../../api/api.types';
import { listTasks, type InboxFilter } from '../../api/tasks.api';
import { reportError } from '../../api/report-error';

export interface TaskQuery {
  /** Holder, due state, procedure and search text (part of a dossier code, applicant name or ID number; accents ignored by the server). */
  filter: InboxFilter;
  page: number;
  pageSize: number;
  /** Heads: every step of the unit, to hand them out (`?scope=unit`). */
  wholeUnit?: boolean;
}

/** Loads one page of the inbox; `reload` re-runs the current query after an action. */
export function useTasks(query: TaskQuery) {
  const { message } = App.useApp();
  const [data, setData] = useState<Page<Task> & { totalCapped?: boolean }>({ items: [], total: 0 });
  const [loadedAt, setLoadedAt] = useState(() => new Date());
  const [loading, setLoading] = useState(false);
  // Only the latest request may write the table: switching filters quickly must not show stale rows.
  const latest = useRef(0);
  const { assignee, due, procedure, q } = query.filter;

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const page = await listTasks(
        { assignee, due, procedure, q },
        query.pageSize,
        (query.page - 1) * query.pageSize,
        query.wholeUnit,
      );
      if (ticket !== latest.current) return;
      setData(page);
      setLoadedAt(new Date());
    } catch (cause) {
      if (ticket === latest.current) reportError(message, cause);
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [assignee, due, procedure, q, query.page, query.pageSize, query.wholeUnit, message]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, loading, loadedAt, reload };
}
