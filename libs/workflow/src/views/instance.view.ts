import type { OpinionView } from '../opinions/opinion.view';
import type { TaskView } from './task.view';

/** The `process_instances.status` column. */
export type ProcessInstanceStatus = 'running' | 'completed' | 'terminated' | 'incident';

/** A history entry (DESIGN §6): `actor` is the username, absent for the engine's own moves. */
export interface HistoryView {
  at: Date;
  type: string;
  elementId: string | null;
  taskId?: string;
  actor?: string;
  data?: Record<string, unknown>;
  /** On a task's completion: the opinion written with it (issue 16). */
  opinion?: { id: string; text: string; attachments: { id: string; name: string }[] };
}

export interface JobView {
  id: string;
  kind: string;
  elementId: string;
  topic: string | null;
  dueAt: Date;
  status: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
}

export interface IncidentView {
  id: string;
  instanceId: string;
  jobId: string | null;
  elementId: string | null;
  code: string;
  message: string;
  status: 'open' | 'resolved';
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: string | null;
}

/** An instance with its tasks, jobs, incidents and history (DESIGN §6). */
export interface InstanceView {
  id: string;
  definitionKey: string;
  version: number;
  businessKey: string | null;
  procedureCode: string | null;
  unitCode: string;
  status: ProcessInstanceStatus;
  variables: Record<string, unknown>;
  startedBy: string | null;
  startedAt: Date;
  endedAt: Date | null;
  /** The diagram elements the instance's tokens stand at (none once it ended). */
  activeElementIds: string[];
  /** The path taken: the elements completed and the sequence flows followed, first time first. */
  completedElementIds: string[];
  tasks: TaskView[];
  jobs: JobView[];
  /** Deadline jobs of the instance's tasks (`deadline.warning`, `deadline.overdue`), each with its `taskId`. */
  deadlines: (JobView & { taskId: string | null })[];
  incidents: IncidentView[];
  history: HistoryView[];
  /** The officers' opinions on the instance's steps, newest first (issue 16). */
  opinions: OpinionView[];
}
