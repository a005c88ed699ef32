/** One `history_events` row before insert; `at` and `actor` come from the command. */
export interface HistoryRow {
  type: string;
  element_id?: string | null;
  task_id?: string | null;
  data?: Record<string, unknown> | null;
}
