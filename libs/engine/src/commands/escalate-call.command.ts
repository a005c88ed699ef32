import { EngineError, type EngineContext, type EngineResult, type InstanceState } from '../engine.types';
import type { ProcessModel } from '../model/process-model.types';
import { catchEscalation, findEscalationCatch } from '../runtime/error-propagation';
import { history } from '../runtime/run';
import { findWaiting, runCommand } from './command.runner';

export interface EscalateCallCommand {
  callId: string;
  /** The escalation code the child threw and did not catch (its history `escalation.uncaught`); absent: no code. */
  escalationCode?: string;
}

/**
 * The called instance threw an escalation it did not catch (BPMN 2.0.2 §10.5.4: an escalation
 * propagates from a called process to the call activity, issue 21 #2). It is thrown at the call
 * activity: an interrupting escalation boundary there ends the call (the child is cancelled
 * through `call.cancelled`) and continues from the boundary; a non-interrupting one continues
 * beside the call, which keeps waiting; an escalation event subprocess of an enclosing scope
 * catches it likewise. Uncaught, it is recorded (`escalation.uncaught` on the call activity, so
 * it goes on up to this instance's own caller) and the call keeps waiting.
 */
export function escalateCall(
  model: ProcessModel,
  state: InstanceState,
  cmd: EscalateCallCommand,
  ctx: EngineContext,
): EngineResult {
  return runCommand(model, state, ctx, (run) => {
    const token = findWaiting(run, 'call', (wait) => wait.ref === cmd.callId);
    if (!token) throw new EngineError('CALL_NOT_FOUND', `No call activity waits on call ${cmd.callId}`);
    const escalationCode = cmd.escalationCode;
    const caught = findEscalationCatch(run, token, escalationCode);
    const catcher = caught?.boundary ?? caught?.eventSubProcess;
    history(run, {
      type: catcher ? 'escalation.caught' : 'escalation.uncaught',
      elementId: catcher?.id ?? token.elementId,
      data: { escalationCode, thrownBy: token.elementId, callId: cmd.callId },
    });
    if (caught) catchEscalation(run, caught);
  });
}
