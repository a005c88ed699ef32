import type { WriteStatement } from '../persistence/write.statement';
import type { EngineContext, EngineResult, InstanceState, ProcessModel } from '../runtime/engine.port';
import type { InstanceChange } from '../runtime/instance-change';

/** A pure engine call: `(model, state, ctx) → {state, effects}`. */
export type EngineCommand = (
  model: ProcessModel,
  state: InstanceState,
  ctx: EngineContext,
) => EngineResult | Promise<EngineResult>;

/**
 * A condition a command's write re-checks when it commits, beyond the instance revision (ADR
 * 0002): one part of the command's statement that must return a row, or the whole statement is
 * refused as a lost race (WF409). A part that locks existing rows must include `AFTER_INSTANCE`.
 */
export interface CommandGuard {
  /** What it asserts, in words (docs, logs): e.g. `task open, unassigned or mine`. */
  readonly checks: string;
  /** Adds its part to the statement; returns the part's name. */
  readonly write: (statement: WriteStatement, change: InstanceChange) => string;
}

/**
 * One engine command as a named object (Camunda's `CompleteTaskCmd`): what it is, what the pure
 * engine does (`effects`), what its write re-checks (`guards`) and what it writes besides the
 * engine's effects (`writes`). The catalog is `workflow.commands.ts`; `CommandExecutor` runs them.
 */
export interface WorkflowCommand {
  /** Stable name, e.g. `task.complete`. */
  readonly name: string;
  /** The pure engine call whose `{state, effects}` the executor writes. */
  readonly effects: EngineCommand;
  readonly guards: readonly CommandGuard[];
  /** Rows of the command's own written in the same statement (e.g. the officer's opinion); `parts` are its guards' parts. */
  readonly writes?: (statement: WriteStatement, change: InstanceChange, parts: readonly string[]) => void;
  /** The guard part whose RETURNING row the caller gets back (`InstanceChange.returned`). */
  readonly returning?: string;
  /** The job whose result this command applies: incidents it raises are linked to it (and retryable). */
  readonly jobId?: string;
}
