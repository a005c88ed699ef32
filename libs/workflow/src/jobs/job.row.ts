/** A `jobs` row as the runner holds it after claiming it. */
export interface ClaimedJob {
  id: string;
  instance_id: string;
  kind: string;
  element_id: string;
  topic: string | null;
  attempts: number;
  max_attempts: number;
}

/** What happened to a job run, so the BullMQ processor knows whether to delay it. */
export type JobOutcome =
  | { kind: 'skipped' }
  | { kind: 'done' }
  | { kind: 'retry'; at: Date }
  | { kind: 'incident'; code: string };
