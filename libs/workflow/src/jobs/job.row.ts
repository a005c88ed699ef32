/** A `jobs` row as the runner holds it after claiming it. */
export interface ClaimedJob {
  id: string;
  /** Null for a timer start (the instance does not exist yet). */
  instance_id: string | null;
  /** Deadline jobs: the task they watch. */
  task_id: string | null;
  /** Timer starts: the definition to start. */
  definition_id: string | null;
  payload: Record<string, unknown> | null;
  kind: string;
  element_id: string;
  topic: string | null;
  attempts: number;
  max_attempts: number;
}

/** What happened to a job run, so the BullMQ processor knows whether to delay it. */
export type JobOutcome =
  { kind: 'skipped' } | { kind: 'done' } | { kind: 'retry'; at: Date } | { kind: 'incident'; code: string };
