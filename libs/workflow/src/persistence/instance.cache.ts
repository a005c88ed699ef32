import type { InstanceRow } from './instances.repository';

/** What a completion checks before it writes: who may complete the task (the write re-checks it all). */
export interface CachedTask {
  id: string;
  instanceId: string;
  unitCode: string;
  candidateGroups: string[];
  assignee: string | null;
  /** The step's `mc:form`: what the completion's opinion must hold (issue 16). */
  form?: unknown;
}

interface Entry {
  row: InstanceRow;
  /** Open tasks of the instance that this process created. */
  taskIds: string[];
}

/**
 * The last state this process committed for each recently changed running instance, so the
 * next command on it skips the read: one round trip (the guarded write) instead of two.
 *
 * Never trusted for correctness: the write is guarded by the cached `rev` (ADR 0002), so a
 * state another process (or another statement) changed since makes the write fail with WF409;
 * the executor then forgets the entry and re-reads. Bounded (least recently used out first);
 * `INSTANCE_CACHE_SIZE=0` turns it off. The command executor owns it.
 */
export class InstanceCache {
  private readonly entries = new Map<string, Entry>();
  private readonly tasks = new Map<string, CachedTask>();

  constructor(private readonly maxSize: number) {}

  get size(): number {
    return this.entries.size;
  }

  instance(id: string): InstanceRow | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry.row;
  }

  /** A task this process created, with its instance as last committed here. */
  task(taskId: string): { instance: InstanceRow; task: CachedTask } | undefined {
    const task = this.tasks.get(taskId);
    const instance = task && this.instance(task.instanceId);
    return task && instance ? { instance, task } : undefined;
  }

  /** After a committed write: the instance's new row, the tasks it opened and the ones it closed. */
  put(row: InstanceRow, opened: readonly CachedTask[], closed: readonly string[]): void {
    if (this.maxSize <= 0) return;
    const previous = this.entries.get(row.id);
    // Two commands of this process on one instance may report out of order: keep the newer.
    if (previous && previous.row.rev >= row.rev) return;
    for (const id of closed) this.tasks.delete(id);
    const taskIds = (previous?.taskIds ?? []).filter((id) => !closed.includes(id));
    for (const task of opened) {
      this.tasks.set(task.id, task);
      taskIds.push(task.id);
    }
    this.entries.delete(row.id);
    this.entries.set(row.id, { row, taskIds });
    if (this.entries.size > this.maxSize) this.forget(this.entries.keys().next().value!);
  }

  forget(instanceId: string): void {
    const entry = this.entries.get(instanceId);
    if (!entry) return;
    this.entries.delete(instanceId);
    for (const id of entry.taskIds) this.tasks.delete(id);
  }
}
