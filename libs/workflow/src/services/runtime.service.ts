import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../common/src';
import type { CommandTx } from '../persistence/command.tx';
import { DefinitionsRepository } from '../persistence/definitions.repository';
import { InstanceViewReader } from '../persistence/instance-view.reader';
import { InstancesRepository, type InstanceRow } from '../persistence/instances.repository';
import { isUuid } from '../persistence/uuid';
import type { Sql } from '../persistence/sql';
import { activeDescendants } from '../calls/call-tree.reader';
import { WorkflowCommands } from '../commands/workflow.commands';
import { CommandExecutor } from '../runtime/command.executor';
import type { InstanceChange } from '../runtime/instance-change';
import { currentIdempotentRequest, recordIdempotentAnswer } from '../idempotency/idempotency.scope';
import { UnitResolver } from '../runtime/unit.resolver';
import { DeskSteps } from './desk-steps';
import type { InstanceView } from '../views/instance.view';
import type { WorkflowActor } from './workflow.actor';

export interface StartInput {
  businessKey?: string | null;
  variables?: Record<string, unknown>;
  /** Start at the process-level message start event of this name (libs/workflow/src/messages). */
  messageName?: string;
  /** A deployed version of the key (a catalog procedure may pin one); the latest when absent. */
  version?: number;
}

/** Where a message goes: one instance, or the instance of a business key that waits for it. */
export type MessageTarget = { instanceId: string } | { businessKey: string };

/** The runtime facade (Camunda's RuntimeService): start, inspect, correlate, cancel. */
@Injectable()
export class RuntimeService {
  constructor(
    private readonly definitions: DefinitionsRepository,
    private readonly instances: InstancesRepository,
    private readonly views: InstanceViewReader,
    private readonly executor: CommandExecutor,
    private readonly units: UnitResolver,
  ) {}

  /**
   * Runs `work` as one transaction in which callers (e.g. libs/dossiers) write their own rows
   * and call `start`/`correlateMessage` with `{ tx }`: all commit together, jobs enqueue after.
   */
  transaction<T>(work: (tx: CommandTx) => Promise<T>): Promise<T> {
    return this.executor.transaction(work);
  }

  /** Starts the latest version of `key` (or `input.version`); 404 `DEFINITION_NOT_FOUND` when not deployed. */
  async start(
    key: string,
    input: StartInput,
    actor: WorkflowActor,
    options: { tx?: CommandTx } = {},
  ): Promise<InstanceChange> {
    const definition =
      input.version === undefined ? await this.definitions.latest(key) : await this.deployedVersion(key, input.version);
    if (!definition)
      throw AppError.notFound(
        'DEFINITION_NOT_FOUND',
        `No process deployed under key "${key}"${input.version === undefined ? '' : ` version ${input.version}`}`,
      );
    const variables = input.variables ?? {};
    const receiving =
      typeof variables.receivingUnit === 'string' && variables.receivingUnit ? variables.receivingUnit : undefined;
    const unitCode = receiving ? await this.units.resolve(receiving, receiving) : actor.unitCode;
    if (!unitCode)
      throw AppError.badRequest(
        'RECEIVING_UNIT_REQUIRED',
        'Give the variable receivingUnit, or start as a user of a unit',
      );
    const businessKey = input.businessKey ?? null;
    const instance: InstanceRow = {
      id: randomUUID(),
      definitionId: definition.id,
      definitionKey: definition.key,
      version: definition.version,
      procedureCode: definition.procedureCode,
      businessKey,
      unitCode,
      status: 'running',
      state: { status: 'running', variables: {} },
      rev: 0,
      openIncidentJobs: [],
    };
    const command = WorkflowCommands.startInstance({ businessKey, variables, messageName: input.messageName });
    return this.executor.execute(actor.username, async () => ({ instance, isNew: true, command }), options);
  }

  /**
   * Starts an instance and answers its view. The view is read in the start's transaction and, for
   * a request with an `Idempotency-Key`, recorded with it: a retry after a crash between commit
   * and answer gets this answer again instead of 409 `IDEMPOTENCY_KEY_ANSWER_LOST` (issue 15).
   */
  async startAndRead(key: string, input: StartInput, actor: WorkflowActor): Promise<InstanceView> {
    // Unkeyed: one autocommit write, whose state this process caches for the next command.
    if (!currentIdempotentRequest()) return this.get((await this.start(key, input, actor)).instanceId);
    return this.executor.transaction(async (tx) => {
      const started = await this.start(key, input, actor, { tx });
      const view = await this.views.read(started.instanceId, this.executor.now(), tx);
      if (!view) throw AppError.notFound('INSTANCE_NOT_FOUND', `Instance ${started.instanceId} not found`);
      recordIdempotentAnswer(view);
      return view;
    });
  }

  /** The instance with its tasks, jobs, incidents and history; 404 `INSTANCE_NOT_FOUND`. */
  async get(id: string): Promise<InstanceView> {
    const view = isUuid(id) ? await this.views.read(id, this.executor.now()) : null;
    if (!view) throw AppError.notFound('INSTANCE_NOT_FOUND', `Instance ${id} not found`);
    return view;
  }

  /** Delivers a message; 409 `MESSAGE_NOT_CORRELATED` when nothing waits for it. */
  async correlateMessage(
    target: MessageTarget,
    messageName: string,
    variables: Record<string, unknown> | undefined,
    actor: WorkflowActor,
    options: { tx?: CommandTx } = {},
  ): Promise<InstanceChange> {
    return this.executor.execute(
      actor.username,
      async (sql) => ({
        instance: await this.loadTarget(sql, target, messageName),
        command: WorkflowCommands.correlateMessage(messageName, variables),
      }),
      options,
    );
  }

  /**
   * Completes the open step drawn as desk action `action` (`mc:action`, ADR 0012) inside the
   * desk action's transaction; undefined when the instance waits at no such step.
   */
  completeDeskStep(
    tx: CommandTx,
    instanceId: string,
    action: string,
    actor: { username: string },
    variables?: Record<string, unknown>,
  ): Promise<{ taskId: string } | undefined> {
    return new DeskSteps(this.executor, this.instances).complete(tx, instanceId, action, actor, variables);
  }

  /** Stops the deadline of the open step drawn as `action` while the citizen has the dossier; its id, or undefined. */
  holdDeskStep(tx: CommandTx, instanceId: string, action: string): Promise<string | undefined> {
    return new DeskSteps(this.executor, this.instances).hold(tx, instanceId, action);
  }

  /** Terminates a running instance: its tasks and jobs are cancelled. */
  async cancel(
    id: string,
    reason: string | undefined,
    actor: WorkflowActor,
    options: { tx?: CommandTx } = {},
  ): Promise<InstanceChange> {
    const change = await this.cancelOne(id, reason, actor, options);
    // Every descendant at once (issue 15): level by level through call.cancel jobs, a process
    // calling itself grew as fast as the cancellation travelled and was never caught.
    for (const descendant of await activeDescendants(options.tx ?? this.executor.sql, id)) {
      await this.cancelOne(descendant, reason, actor, options).catch((error: unknown) => {
        // Cancelled meanwhile by its parent's call.cancel job: nothing left to do.
        if (!(error instanceof AppError && error.code === 'INSTANCE_NOT_RUNNING')) throw error;
      });
    }
    return change;
  }

  private cancelOne(
    id: string,
    reason: string | undefined,
    actor: WorkflowActor,
    options: { tx?: CommandTx },
  ): Promise<InstanceChange> {
    return this.executor.execute(
      actor.username,
      async (sql) => ({
        instance: await this.loadRunning(sql, id),
        command: WorkflowCommands.cancelInstance(reason),
      }),
      options,
    );
  }

  private async deployedVersion(key: string, version: number) {
    const [row] = await this.executor.sql.rows<{ id: string }>(
      `SELECT id FROM process_definitions WHERE key = $1 AND version = $2`,
      [key, version],
    );
    return row ? this.definitions.byId(row.id) : null;
  }

  private async loadTarget(sql: Sql, target: MessageTarget, messageName: string): Promise<InstanceRow> {
    if ('instanceId' in target) return this.loadRunning(sql, target.instanceId);
    const ids = await this.instances.idsWaitingFor(sql, target.businessKey, messageName);
    if (ids.length === 0) {
      throw AppError.conflict(
        'MESSAGE_NOT_CORRELATED',
        `No instance of "${target.businessKey}" waits for message "${messageName}"`,
      );
    }
    if (ids.length > 1) {
      throw AppError.conflict(
        'MESSAGE_CORRELATION_AMBIGUOUS',
        `${ids.length} instances of "${target.businessKey}" wait for "${messageName}"`,
      );
    }
    return this.loadRunning(sql, ids[0]);
  }

  private async loadRunning(sql: Sql, id: string): Promise<InstanceRow> {
    const instance = isUuid(id) ? await this.instances.load(sql, id) : null;
    if (!instance) throw AppError.notFound('INSTANCE_NOT_FOUND', `Instance ${id} not found`);
    if (instance.status !== 'running' && instance.status !== 'incident') {
      throw AppError.conflict('INSTANCE_NOT_RUNNING', `Instance ${id} is ${instance.status}`);
    }
    return instance;
  }
}
