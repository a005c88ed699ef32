import type { OpinionDraft } from '../opinions/opinions.repository';
import type { WriteStatement } from '../persistence/write.statement';
import { Engine, EngineError, type EngineResult } from '../runtime/engine.port';
import { jobStillOurs, taskStillOpen } from './command.guards';
import type { WorkflowCommand } from './workflow-command';

/** Writes the officer's opinion from the completion part's row (`OpinionsRepository.addInsert`). */
export type OpinionWrite = (statement: WriteStatement, completion: string, draft: OpinionDraft, at: Date) => void;

/**
 * Every engine command libs/workflow runs, by name: what the engine does and what the write
 * re-checks besides the instance revision (which every command's write checks, ADR 0002).
 * Services read what a command needs, build it here and hand it to `CommandExecutor.execute`.
 *
 * | name                        | effects (engine)         | guards (re-checked at commit)            |
 * |-----------------------------|--------------------------|------------------------------------------|
 * | instance.start              | Engine.start             | — (the instance row is new)              |
 * | instance.cancel             | Engine.cancel            | —                                        |
 * | message.correlate           | Engine.correlateMessage  | —                                        |
 * | task.complete               | Engine.completeTask      | task open, unassigned or mine            |
 * | desk-step.complete          | Engine.completeTask      | task open                                |
 * | timer.fire                  | Engine.fireTimer         | job still claimable (the write claims it)|
 * | service-task.complete       | Engine.completeJob       | job still claimed by this worker         |
 * | service-task.throw-error    | Engine.throwError        | job still claimed by this worker         |
 * | call.complete / call.fail   | Engine.completeCall/failCall | job still claimed by this worker     |
 * | call.escalate               | Engine.escalateCall      | job still claimed by this worker         |
 * | signal.deliver              | Engine.signal            | job still claimed by this worker         |
 */
export const WorkflowCommands = {
  startInstance(input: {
    businessKey: string | null;
    variables: Record<string, unknown>;
    messageName?: string;
  }): WorkflowCommand {
    return {
      name: 'instance.start',
      effects: (model, _state, ctx) =>
        Engine.start(
          model,
          { businessKey: input.businessKey ?? undefined, variables: input.variables, messageName: input.messageName },
          ctx,
        ),
      guards: [],
    };
  },

  cancelInstance(reason: string | undefined): WorkflowCommand {
    return {
      name: 'instance.cancel',
      effects: (model, state, ctx) => Engine.cancel(model, state, { reason }, ctx),
      guards: [],
    };
  },

  correlateMessage(messageName: string, variables: Record<string, unknown> | undefined): WorkflowCommand {
    return {
      name: 'message.correlate',
      effects: (model, state, ctx) => Engine.correlateMessage(model, state, { messageName, variables }, ctx),
      guards: [],
    };
  },

  /** The inbox's completion; returns the completed task row, and writes the opinion (issue 16) from it. */
  completeTask(o: {
    taskId: string;
    instanceId: string;
    actor: string;
    variables: Record<string, unknown>;
    opinion?: { draft: OpinionDraft; write: OpinionWrite };
  }): WorkflowCommand {
    const { opinion } = o;
    return {
      name: 'task.complete',
      effects: (model, state, ctx) =>
        Engine.completeTask(model, state, { taskId: o.taskId, variables: o.variables }, ctx),
      guards: [taskStillOpen({ ...o, unassignedOrMine: true, part: 'task_completion' })],
      returning: 'task_completion',
      writes: opinion
        ? (st, change, [completion]) => opinion.write(st, completion, opinion.draft, change.at)
        : undefined,
    };
  },

  /** A step drawn as a desk action (ADR 0012): the desk's authority stands for the inbox's assignee rule. */
  completeDeskStep(o: {
    taskId: string;
    instanceId: string;
    actor: string;
    variables: Record<string, unknown>;
  }): WorkflowCommand {
    return {
      name: 'desk-step.complete',
      effects: (model, state, ctx) =>
        Engine.completeTask(model, state, { taskId: o.taskId, variables: o.variables }, ctx),
      guards: [taskStillOpen({ ...o, unassignedOrMine: false })],
    };
  },

  /** A timer is only read before it fires: the write claims and finishes it (ADR 0005). */
  fireTimer(jobId: string): WorkflowCommand {
    return {
      name: 'timer.fire',
      jobId,
      effects: (model, state, ctx) => Engine.fireTimer(model, state, { jobId }, ctx),
      guards: [jobStillOurs({ jobId, workerId: null, incidentFails: true, part: 'job_done' })],
    };
  },

  completeServiceTask(
    jobId: string,
    workerId: string,
    variables: Record<string, unknown> | undefined,
  ): WorkflowCommand {
    return {
      name: 'service-task.complete',
      jobId,
      effects: (model, state, ctx) => Engine.completeJob(model, state, { jobId, variables }, ctx),
      guards: [jobStillOurs({ jobId, workerId, incidentFails: true, part: 'job_done' })],
    };
  },

  /** The handler threw a `BpmnError`: caught by a boundary event, or an incident that keeps the job retryable. */
  throwBpmnError(jobId: string, workerId: string, errorCode: string, message: string): WorkflowCommand {
    return {
      name: 'service-task.throw-error',
      jobId,
      effects: (model, state, ctx) => Engine.throwError(model, state, { jobId, errorCode, message }, ctx),
      guards: [jobStillOurs({ jobId, workerId, incidentFails: true, part: 'job_done' })],
    };
  },

  /**
   * The child completed. `escalations` are those it threw uncaught in its completing command (an
   * escalation end event as its last step): they reach the call activity first, in the same
   * command, so an interrupting boundary wins over the completion, which then no longer applies.
   */
  completeCall(
    jobId: string,
    workerId: string,
    callId: string,
    variables: Record<string, unknown> | undefined,
    escalations: ReadonlyArray<string | null> = [],
  ): WorkflowCommand {
    return {
      name: 'call.complete',
      jobId,
      effects: (model, initial, ctx) => {
        let result: EngineResult = { state: initial, effects: [] };
        const then = (next: EngineResult) => {
          result = { state: next.state, effects: [...result.effects, ...next.effects] };
        };
        for (const code of escalations)
          then(Engine.escalateCall(model, result.state, { callId, escalationCode: code ?? undefined }, ctx));
        try {
          then(Engine.completeCall(model, result.state, { callId, variables }, ctx));
        } catch (error) {
          // An interrupting escalation boundary ended the call: the completion has nothing left to complete.
          if (!(escalations.length > 0 && error instanceof EngineError && error.code === 'CALL_NOT_FOUND')) throw error;
        }
        return result;
      },
      guards: [jobStillOurs({ jobId, workerId, part: 'call_job_done' })],
    };
  },

  /** The child threw an escalation it did not catch while it goes on running (issue 21 #2). */
  escalateCall(jobId: string, workerId: string, callId: string, escalationCode: string | null): WorkflowCommand {
    return {
      name: 'call.escalate',
      jobId,
      effects: (model, state, ctx) =>
        Engine.escalateCall(model, state, { callId, escalationCode: escalationCode ?? undefined }, ctx),
      guards: [jobStillOurs({ jobId, workerId, part: 'call_job_done' })],
    };
  },

  failCall(jobId: string, workerId: string, callId: string, errorCode: string): WorkflowCommand {
    return {
      name: 'call.fail',
      jobId,
      effects: (model, state, ctx) => Engine.failCall(model, state, { callId, errorCode }, ctx),
      guards: [jobStillOurs({ jobId, workerId, part: 'call_job_done' })],
    };
  },

  deliverSignal(
    jobId: string,
    workerId: string,
    signalName: string,
    variables: Record<string, unknown> | undefined,
  ): WorkflowCommand {
    return {
      name: 'signal.deliver',
      jobId,
      effects: (model, state, ctx) => Engine.signal(model, state, { signalName, variables }, ctx),
      guards: [jobStillOurs({ jobId, workerId, part: 'signal_job_done' })],
    };
  },
};
