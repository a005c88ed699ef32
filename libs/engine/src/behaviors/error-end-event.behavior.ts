import { catchError, findErrorCatch } from '../runtime/error-propagation';
import { raiseIncident } from '../runtime/incident';
import { history, removeToken } from '../runtime/run';
import type { Behavior } from './behavior.types';

/** Throws its BPMN error to the nearest matching error boundary outside; uncaught, an incident. */
export const errorEndEventBehavior: Behavior = {
  enter(run, token, element) {
    const errorCode = element.event?.errorCode;
    const caught = findErrorCatch(run, token, errorCode);
    if (!caught) {
      // Structured for whoever called this instance (a call activity fails with this code).
      history(run, { type: 'error.uncaught', elementId: element.id, data: { errorCode: errorCode ?? null } });
      raiseIncident(
        run,
        token,
        'ERROR_UNCAUGHT',
        `BPMN error '${errorCode ?? ''}' thrown by ${element.id} has no matching error boundary`,
      );
      return;
    }
    history(run, { type: 'element.completed', elementId: element.id });
    removeToken(run, token);
    catchError(run, caught, errorCode);
  },
};
