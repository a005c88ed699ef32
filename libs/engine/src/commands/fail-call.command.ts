import { EngineError, type EngineContext, type EngineResult, type InstanceState } from '../engine.types';
import type { ProcessModel } from '../model/process-model.types';
import { catchError, findErrorCatch } from '../runtime/error-propagation';
import { raiseIncident } from '../runtime/incident';
import { history } from '../runtime/run';
import { findWaiting, runCommand } from './command.runner';

export interface FailCallCommand {
  callId: string;
  /** The BPMN error code the child ended with (an uncaught error end there). */
  errorCode: string;
  message?: string;
}

/**
 * The called instance ended with a BPMN error: it is thrown at the call activity and caught by
 * the nearest error boundary or error event subprocess; uncaught, an incident that leaves the
 * call waiting (a retried child can still complete it).
 */
export function failCall(
  model: ProcessModel,
  state: InstanceState,
  cmd: FailCallCommand,
  ctx: EngineContext,
): EngineResult {
  return runCommand(model, state, ctx, (run) => {
    const token = findWaiting(run, 'call', (wait) => wait.ref === cmd.callId);
    if (!token) throw new EngineError('CALL_NOT_FOUND', `No call activity waits on call ${cmd.callId}`);
    history(run, {
      type: 'error.thrown',
      elementId: token.elementId,
      data: { callId: cmd.callId, errorCode: cmd.errorCode },
    });
    const caught = findErrorCatch(run, token, cmd.errorCode);
    if (!caught) {
      raiseIncident(
        run,
        token,
        'ERROR_UNCAUGHT',
        `BPMN error '${cmd.errorCode}' from called instance (call ${cmd.callId}) has no matching catch${cmd.message ? `: ${cmd.message}` : ''}`,
      );
      return;
    }
    delete token.wait; // the child has ended: nothing to cancel
    catchError(run, caught, cmd.errorCode, cmd.message);
  });
}
