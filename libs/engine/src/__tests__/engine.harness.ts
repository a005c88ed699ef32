import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Engine,
  parseBpmn,
  type Clock,
  type Effect,
  type EngineContext,
  type EngineResult,
  type HistoryRecord,
  type InstanceState,
  type JobScheduled,
  type ProcessModel,
  type TaskCreated,
} from '../index';

export const FIXTURES = join(__dirname, '..', '__fixtures__');

export function fixtureXml(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Parses a fixture and insists it deploys (no error issues); the model comes back through JSON, as from jsonb. */
export async function loadModel(name: string, processId?: string): Promise<ProcessModel> {
  const { processes, issues } = await parseBpmn(fixtureXml(name));
  const errors = issues.filter((issue) => issue.severity === 'error');
  if (errors.length > 0) throw new Error(`${name} does not deploy: ${JSON.stringify(errors, null, 2)}`);
  const model = processId ? processes.find((process) => process.id === processId) : processes[0];
  if (!model) throw new Error(`${name} has no process ${processId ?? ''}`);
  return JSON.parse(JSON.stringify(model)) as ProcessModel;
}

/** A clock that moves only when told to. */
export class FakeClock implements Clock {
  private at: Date;
  constructor(iso: string) {
    this.at = new Date(iso);
  }
  now(): Date {
    return new Date(this.at);
  }
  set(iso: string): void {
    this.at = new Date(iso);
  }
}

/** Monday 3 March 2025, 08:00 in Vietnam. */
export const T0 = '2025-03-03T01:00:00.000Z';

export function testContext(iso = T0): EngineContext & { clock: FakeClock } {
  let counter = 0;
  return { clock: new FakeClock(iso), newId: () => `id-${++counter}` };
}

/**
 * Drives one instance through the public API and keeps what the persistence layer would: the
 * state (through JSON each time, as from jsonb) and every effect. Each command is also checked
 * for purity: the state it was given must be unchanged afterwards.
 */
export class InstanceDriver {
  state!: InstanceState;
  readonly effects: Effect[] = [];
  last: Effect[] = [];
  private readonly done = new Set<string>();

  constructor(
    readonly model: ProcessModel,
    readonly ctx: EngineContext & { clock: FakeClock } = testContext(),
  ) {}

  static async start(
    fixture: string,
    input: { businessKey?: string; variables?: Record<string, unknown> } = {},
  ): Promise<InstanceDriver> {
    const driver = new InstanceDriver(await loadModel(fixture));
    driver.apply(Engine.start(driver.model, input, driver.ctx));
    return driver;
  }

  /** Starts an instance of the first process of `xml` (a diagram written in the spec). */
  static async startXml(
    xml: string,
    input: { businessKey?: string; variables?: Record<string, unknown> } = {},
  ): Promise<InstanceDriver> {
    const model = JSON.parse(JSON.stringify((await parseBpmn(xml)).processes[0])) as ProcessModel;
    const driver = new InstanceDriver(model);
    driver.apply(Engine.start(driver.model, input, driver.ctx));
    return driver;
  }

  apply(result: EngineResult): this {
    this.state = JSON.parse(JSON.stringify(result.state)) as InstanceState;
    this.last = result.effects;
    this.effects.push(...result.effects);
    return this;
  }

  private command(run: (state: InstanceState) => EngineResult): this {
    const before = JSON.stringify(this.state);
    const frozen = JSON.parse(before) as InstanceState;
    const result = run(frozen);
    if (JSON.stringify(frozen) !== before) throw new Error('the command mutated the state it was given');
    return this.apply(result);
  }

  get status(): string {
    return this.state.status;
  }

  openTasks(): TaskCreated[] {
    const cancelled = new Set(this.effects.flatMap((e) => (e.type === 'task.cancelled' ? [e.taskId] : [])));
    return this.effects.flatMap((e) =>
      e.type === 'task.created' && !cancelled.has(e.task.id) && !this.done.has(e.task.id) ? [e.task] : [],
    );
  }

  openTaskElements(): string[] {
    return this.openTasks()
      .map((task) => task.elementId)
      .sort();
  }

  task(elementId: string): TaskCreated {
    const task = this.openTasks().find((candidate) => candidate.elementId === elementId);
    if (!task) throw new Error(`no open task at ${elementId}; open: ${this.openTaskElements().join(', ')}`);
    return task;
  }

  openJobs(kind?: JobScheduled['kind']): JobScheduled[] {
    const cancelled = new Set(this.effects.flatMap((e) => (e.type === 'job.cancelled' ? [e.jobId] : [])));
    return this.effects.flatMap((e) =>
      e.type === 'job.scheduled' &&
      !cancelled.has(e.job.id) &&
      !this.done.has(e.job.id) &&
      (!kind || e.job.kind === kind)
        ? [e.job]
        : [],
    );
  }

  job(elementId: string, kind?: JobScheduled['kind']): JobScheduled {
    const job = this.openJobs(kind).find((candidate) => candidate.elementId === elementId);
    if (!job) throw new Error(`no open job at ${elementId}`);
    return job;
  }

  completeTask(elementId: string, variables?: Record<string, unknown>): this {
    const task = this.task(elementId);
    this.done.add(task.id);
    return this.command((state) => Engine.completeTask(this.model, state, { taskId: task.id, variables }, this.ctx));
  }

  /** Completes one task by id (several may be open on one element: multi-instance). */
  completeTaskById(taskId: string, variables?: Record<string, unknown>): this {
    this.done.add(taskId);
    return this.command((state) => Engine.completeTask(this.model, state, { taskId, variables }, this.ctx));
  }

  completeJob(elementId: string, variables?: Record<string, unknown>): this {
    const job = this.job(elementId, 'service');
    this.done.add(job.id);
    return this.command((state) => Engine.completeJob(this.model, state, { jobId: job.id, variables }, this.ctx));
  }

  throwError(elementId: string, errorCode: string, message?: string): this {
    const job = this.job(elementId, 'service');
    return this.command((state) =>
      Engine.throwError(this.model, state, { jobId: job.id, errorCode, message }, this.ctx),
    );
  }

  fireTimer(elementId: string): this {
    const job = this.job(elementId, 'timer');
    this.done.add(job.id);
    return this.command((state) => Engine.fireTimer(this.model, state, { jobId: job.id }, this.ctx));
  }

  correlate(messageName: string, variables?: Record<string, unknown>): this {
    return this.command((state) => Engine.correlateMessage(this.model, state, { messageName, variables }, this.ctx));
  }

  /** The callId of the open `call.started` at a call activity. */
  callId(elementId: string): string {
    const cancelled = new Set(this.effects.flatMap((e) => (e.type === 'call.cancelled' ? [e.callId] : [])));
    const started = this.effects.flatMap((e) =>
      e.type === 'call.started' && e.elementId === elementId && !cancelled.has(e.callId) && !this.done.has(e.callId)
        ? [e.callId]
        : [],
    );
    if (started.length === 0) throw new Error(`no open call at ${elementId}`);
    return started[0];
  }

  completeCall(elementId: string, variables?: Record<string, unknown>): this {
    const callId = this.callId(elementId);
    this.done.add(callId);
    return this.command((state) => Engine.completeCall(this.model, state, { callId, variables }, this.ctx));
  }

  failCall(elementId: string, errorCode: string): this {
    const callId = this.callId(elementId);
    return this.command((state) => Engine.failCall(this.model, state, { callId, errorCode }, this.ctx));
  }

  escalateCall(elementId: string, escalationCode?: string): this {
    const callId = this.callId(elementId);
    return this.command((state) => Engine.escalateCall(this.model, state, { callId, escalationCode }, this.ctx));
  }

  signal(signalName: string, variables?: Record<string, unknown>): this {
    return this.command((state) => Engine.signal(this.model, state, { signalName, variables }, this.ctx));
  }

  cancel(reason?: string): this {
    return this.command((state) => Engine.cancel(this.model, state, { reason }, this.ctx));
  }

  history(type?: string): HistoryRecord[] {
    return this.effects.flatMap((e) => (e.type === 'history' && (!type || e.record.type === type) ? [e.record] : []));
  }

  /** Element ids of the history records of a type, in order. */
  visited(type = 'element.completed'): string[] {
    return this.history(type).map((record) => record.elementId ?? '');
  }

  incidents(): Array<Extract<Effect, { type: 'incident' }>> {
    return this.effects.flatMap((e) => (e.type === 'incident' ? [e] : []));
  }
}
