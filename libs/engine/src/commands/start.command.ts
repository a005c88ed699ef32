import { EngineError, type EngineContext, type EngineResult } from '../engine.types';
import type { ProcessModel } from '../model/process-model.types';
import { drain } from '../runtime/agenda';
import type { EngineState } from '../runtime/instance-state.types';
import { createToken, history, newRun } from '../runtime/run';

export interface StartInput {
  businessKey?: string;
  variables?: Record<string, unknown>;
}

/** Creates an instance and runs it from the process start event to its first wait states. */
export function start(model: ProcessModel, input: StartInput, ctx: EngineContext): EngineResult {
  if (!model.startEventId) throw new EngineError('NO_START_EVENT', `Process ${model.id} has no none start event`);
  const rootScopeId = ctx.newId();
  const state: EngineState = {
    status: 'running',
    variables: structuredClone(input.variables ?? {}),
    processId: model.id,
    rootScopeId,
    tokens: [],
    scopes: [{ id: rootScopeId, elementId: model.id, parentId: null, hostTokenId: null }],
    joins: {},
  };
  if (input.businessKey !== undefined) state.businessKey = input.businessKey;
  const run = newRun(model, state, ctx);
  history(run, { type: 'instance.started', ...(input.businessKey === undefined ? {} : { data: { businessKey: input.businessKey } }) });
  const token = createToken(run, { elementId: model.startEventId, scopeId: rootScopeId });
  run.agenda.push({ op: 'enter', tokenId: token.id });
  return drain(run);
}
