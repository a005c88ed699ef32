import type { ProcessInstanceStatus } from '../views/instance.view';
import type { WriteStatement } from '../persistence/write.statement';
import type { Effect } from './engine.port';

/** A committed-to-be change of one instance, as listeners inside the transaction see it. */
export interface InstanceChange {
  instanceId: string;
  definitionKey: string;
  procedureCode: string | null;
  businessKey: string | null;
  unitCode: string;
  /** Status after the command. */
  status: ProcessInstanceStatus;
  variables: Record<string, unknown>;
  effects: readonly Effect[];
  /** The tasks created, with their resolved unit and due time. */
  tasksCreated: readonly {
    id: string;
    elementId: string;
    unitCode: string;
    dueAt: Date | null;
    publicStatus?: string;
  }[];
  actor: string | null;
  at: Date;
  /** Started by a call activity: the engine's call id in the parent (libs/workflow/src/calls). */
  parentCallId?: string | null;
  /** Job rows a listener inserted in the statement, put on the queue after commit (call activities). */
  enqueue?: { id: string; dueAt: Date }[];
  /** Once committed: the row of the command's `returning` part (e.g. the completed task). */
  returned?: Record<string, unknown>;
}

/**
 * Called while a command's statement is built: a listener adds its own parts (CTEs) to the
 * statement, so projections (e.g. `dossier_status`, DESIGN §5) commit or roll back with the
 * command, in the same round trip. Parts that update existing rows should include
 * `AFTER_INSTANCE` (exported by this lib) so they run after the instance row is locked.
 */
export type InstanceChangeListener = (change: InstanceChange, statement: WriteStatement) => void | Promise<void>;
