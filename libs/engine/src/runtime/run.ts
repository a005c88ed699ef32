import { EngineError, type Effect, type EngineContext, type HistoryRecord, type InstanceState } from '../engine.types';
import type { ElementModel, ProcessModel } from '../model/process-model.types';
import type { EngineState, Token } from './instance-state.types';

/** One agenda entry: a token to enter its element, or to leave it. */
export interface Step {
  op: 'enter' | 'leave';
  tokenId: string;
}

/**
 * The working set of one command: a private copy of the state that the command may change,
 * the effects it emits and its agenda. Built per command, never shared.
 */
export interface Run {
  readonly model: ProcessModel;
  readonly state: EngineState;
  readonly ctx: EngineContext;
  /** Read once per command so every effect of a command carries the same instant. */
  readonly now: Date;
  readonly effects: Effect[];
  readonly agenda: Step[];
}

/** Starts a command on a copy of `state` (the caller's value is never touched). */
export function beginRun(model: ProcessModel, state: InstanceState, ctx: EngineContext): Run {
  const copy = structuredClone(state) as EngineState;
  if (copy.processId !== model.id) {
    throw new EngineError('MODEL_MISMATCH', `The instance runs process ${copy.processId}, not ${model.id}`);
  }
  if (copy.status !== 'running') {
    throw new EngineError('INSTANCE_NOT_RUNNING', `The instance is ${copy.status}`);
  }
  return newRun(model, copy, ctx);
}

export function newRun(model: ProcessModel, state: EngineState, ctx: EngineContext): Run {
  return { model, state, ctx, now: ctx.clock.now(), effects: [], agenda: [] };
}

export function history(run: Run, record: HistoryRecord): void {
  run.effects.push({ type: 'history', record });
}

export function elementOf(run: Run, token: Token): ElementModel {
  const element = run.model.elements[token.elementId];
  if (!element) throw new EngineError('STATE_CORRUPT', `Element ${token.elementId} is not in process ${run.model.id}`);
  return element;
}

export function createToken(run: Run, fields: Omit<Token, 'id'>): Token {
  const token: Token = { id: run.ctx.newId(), ...fields };
  run.state.tokens.push(token);
  return token;
}

export function findToken(run: Run, id: string | null | undefined): Token | undefined {
  return id ? run.state.tokens.find((token) => token.id === id) : undefined;
}

/** Removes the token; false when it was already gone (cancellation may reach a token twice). */
export function removeToken(run: Run, token: Token): boolean {
  const index = run.state.tokens.indexOf(token);
  if (index < 0) return false;
  run.state.tokens.splice(index, 1);
  return true;
}

/** Merges command variables into the instance variables (copied: the caller keeps its object). */
export function mergeVariables(run: Run, variables: Record<string, unknown> | undefined): void {
  if (variables) Object.assign(run.state.variables, structuredClone(variables));
}
