import { openEventSubProcesses } from '../runtime/event-sub-process';
import { raiseIncident } from '../runtime/incident';
import { createToken } from '../runtime/run';
import type { Behavior } from './behavior.types';

/**
 * Embedded subprocess: opens a scope instance with a token on its start event and waits; the
 * lifecycle lets it leave when its scope has nothing left running.
 */
export const subProcessBehavior: Behavior = {
  enter(run, token, subProcess) {
    if (!subProcess.startEventId) {
      raiseIncident(run, token, 'NO_START_EVENT', `Subprocess ${subProcess.id} has no none start event`);
      return;
    }
    const scopeId = run.ctx.newId();
    const scope = { id: scopeId, elementId: subProcess.id, parentId: token.scopeId, hostTokenId: token.id };
    run.state.scopes.push(scope);
    token.wait = { kind: 'scope', ref: scopeId };
    openEventSubProcesses(run, scope);
    const child = createToken(run, { elementId: subProcess.startEventId, scopeId });
    run.agenda.push({ op: 'enter', tokenId: child.id });
  },
};
