import { EngineError, type EngineContext, type EngineResult } from '../engine.types';
import type { ProcessModel } from '../model/process-model.types';
import { drain } from '../runtime/agenda';
import { openEventSubProcesses } from '../runtime/event-sub-process';
import type { EngineState } from '../runtime/instance-state.types';
import { createToken, history, newRun } from '../runtime/run';

export interface StartInput {
  businessKey?: string;
  variables?: Record<string, unknown>;
  /** Start at this process-level start event (a message or timer start) instead of the none start. */
  startEventId?: string;
  /** Start by this message: the message start event of that name (see `model.messageStarts`). */
  messageName?: string;
}

/** Creates an instance and runs it from the process start event to its first wait states. */
export function start(model: ProcessModel, input: StartInput, ctx: EngineContext): EngineResult {
  const startEventId = startEventOf(model, input);
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
  const data = {
    ...(input.businessKey === undefined ? {} : { businessKey: input.businessKey }),
    ...(input.messageName === undefined ? {} : { messageName: input.messageName }),
  };
  history(run, { type: 'instance.started', ...(Object.keys(data).length === 0 ? {} : { data }) });
  openEventSubProcesses(run, state.scopes[0]);
  const token = createToken(run, { elementId: startEventId, scopeId: rootScopeId });
  run.agenda.push({ op: 'enter', tokenId: token.id });
  return drain(run);
}

function startEventOf(model: ProcessModel, input: StartInput): string {
  if (input.startEventId !== undefined) {
    const element = model.elements[input.startEventId];
    if (!element || !element.kind.startsWith('startEvent:') || element.scopeId !== model.id) {
      throw new EngineError('START_EVENT_NOT_FOUND', `Process ${model.id} has no start event ${input.startEventId}`);
    }
    return element.id;
  }
  if (input.messageName !== undefined) {
    const start = model.messageStarts?.find((candidate) => candidate.messageName === input.messageName);
    if (!start)
      throw new EngineError(
        'MESSAGE_START_NOT_FOUND',
        `Process ${model.id} has no message start event for '${input.messageName}'`,
      );
    return start.elementId;
  }
  if (!model.startEventId) throw new EngineError('NO_START_EVENT', `Process ${model.id} has no none start event`);
  return model.startEventId;
}
