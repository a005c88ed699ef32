import { EngineError, type EngineContext, type EngineResult, type InstanceState } from '../engine.types';
import type { ProcessModel } from '../model/process-model.types';
import { catchError, findErrorCatch } from '../runtime/error-propagation';
import { raiseIncident } from '../runtime/incident';
import { history } from '../runtime/run';
import { findWaiting, runCommand } from './command.runner';

export interface ThrowErrorCommand {
  jobId: string;
  errorCode: string;
  message?: string;
}

/**
 * A service handler raised a BPMN error (a business outcome, not a crash): the nearest error
 * boundary on the task or an enclosing subprocess takes over. Uncaught, it is an incident and
 * the token keeps waiting on the job, so a retried job can still complete it.
 */
export function throwError(
  model: ProcessModel,
  state: InstanceState,
  cmd: ThrowErrorCommand,
  ctx: EngineContext,
): EngineResult {
  return runCommand(model, state, ctx, (run) => {
    const token = findWaiting(run, 'job', (wait) => wait.ref === cmd.jobId);
    if (!token) throw new EngineError('JOB_NOT_FOUND', `No token waits on service job ${cmd.jobId}`);
    history(run, {
      type: 'error.thrown',
      elementId: token.elementId,
      data: { jobId: cmd.jobId, errorCode: cmd.errorCode },
    });
    const caught = findErrorCatch(run, token, cmd.errorCode);
    if (!caught) {
      raiseIncident(
        run,
        token,
        'ERROR_UNCAUGHT',
        `BPMN error '${cmd.errorCode}' from job ${cmd.jobId} has no matching error boundary${cmd.message ? `: ${cmd.message}` : ''}`,
      );
      return;
    }
    delete token.wait; // the job is over: it must not be reported cancelled
    catchError(run, caught, cmd.errorCode, cmd.message);
  });
}
