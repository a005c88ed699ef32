import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { AppError, CLOCK, systemClock, type Clock } from '../../../common/src';
import { JobQueue } from '../jobs/job.queue';
import { CommandTx } from '../persistence/command.tx';
import {
  currentIdempotentRequest,
  markIdempotentCommit,
  recordIdempotentAnswer,
} from '../idempotency/idempotency.scope';
import { DefinitionsRepository } from '../persistence/definitions.repository';
import { InstanceCache } from '../persistence/instance.cache';
import type { InstanceRow } from '../persistence/instances.repository';
import { AutoCommitSql, type Sql } from '../persistence/sql';
import type { WorkflowCommand } from '../commands/workflow-command';
import { WORKFLOW_CONFIG, type WorkflowConfig } from '../workflow.config';
import { WORKING_TIME } from '../workflow.tokens';
import { EffectWriter, INSTANCE_WRITE, type BuiltWrite } from './effect.writer';
import type { EngineContext, EngineResult, WorkingTime } from './engine.port';
import { toAppError } from './engine-error.mapper';
import type { InstanceChange } from './instance-change';
import { InstanceChangeListeners } from './instance-change.listeners';
import { inboxEvent } from '../inbox-events/inbox-event';
import { InboxEventsBus } from '../inbox-events/inbox-events.bus';

export type { EngineCommand } from '../commands/workflow-command';

/** One attempt of a command, prepared from a fresh read. */
export interface PreparedCommand {
  instance: InstanceRow;
  /** A start: the instance row is inserted by the command's statement. */
  isNew?: boolean;
  /** The named command (`workflow.commands.ts`): its engine call, guards and own writes. */
  command: WorkflowCommand;
}

const MAX_ATTEMPTS = 20;
/** SQLSTATEs of a lost race: our `workflow_guard`, a deadlock, a serialization failure. */
const LOST_RACE = new Set(['WF409', '40P01', '40001']);

function sqlState(error: unknown): string | undefined {
  const e = error as { code?: string; driverError?: { code?: string } };
  return e?.driverError?.code ?? e?.code;
}

/**
 * Runs engine commands (as Camunda's CommandExecutor runs CompleteTaskCmd): read the instance,
 * run the pure engine, then write everything it produced in ONE statement whose guards (the
 * instance revision read, plus the command's own) make it all-or-nothing. A lost race re-reads
 * and retries. Two round trips per command, or one when the instance's last committed state is
 * in this process's `InstanceCache` (the write's `rev` guard makes a stale entry a lost race);
 * no lock held while the engine runs. Inside a caller's transaction the read locks the row
 * instead. New jobs go to BullMQ after commit.
 */
@Injectable()
export class CommandExecutor {
  private readonly logger = new Logger(CommandExecutor.name);
  private readonly autocommit: AutoCommitSql;
  /** Running instances as this process last committed them (see `InstanceCache`). */
  readonly cache: InstanceCache;

  constructor(
    private readonly dataSource: DataSource,
    private readonly definitions: DefinitionsRepository,
    private readonly writer: EffectWriter,
    private readonly queue: JobQueue,
    private readonly listeners: InstanceChangeListeners,
    private readonly inboxEvents: InboxEventsBus,
    @Inject(WORKFLOW_CONFIG) private readonly config: WorkflowConfig,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
    @Optional() @Inject(WORKING_TIME) private readonly workingTime?: WorkingTime,
  ) {
    this.autocommit = new AutoCommitSql(dataSource);
    this.cache = new InstanceCache(config.instanceCacheSize);
  }

  now(): Date {
    return this.clock.now();
  }

  /** Statements outside any transaction (reads, single-statement commands). */
  get sql(): Sql {
    return this.autocommit;
  }

  /**
   * Runs one command. `prepare` reads what the command needs from `sql` (and throws AppErrors for
   * refusals); it runs again when the write loses a race. With `tx`, runs inside that transaction.
   * `answer`: the caller's answer made from the change; a keyed request commits it with the work.
   */
  async execute(
    actor: string | null,
    prepare: (sql: Sql, attempt: number) => Promise<PreparedCommand>,
    options: { tx?: CommandTx; answer?: (change: InstanceChange) => unknown } = {},
  ): Promise<InstanceChange> {
    if (!options.tx && currentIdempotentRequest()) return this.executeKeyed(actor, prepare, options.answer);
    const sql: Sql = options.tx ?? this.autocommit;
    for (let attempt = 1; ; attempt++) {
      const prepared = await prepare(sql, attempt);
      const built = await this.build(sql, actor, prepared);
      try {
        const [row] = await built.statement.run(sql, this.mainQuery(prepared, built));
        if (prepared.command.returning) built.change.returned = row;
      } catch (error) {
        this.cache.forget(prepared.instance.id);
        if (!LOST_RACE.has(sqlState(error) ?? '')) throw error;
        if (sql.inTransaction || attempt >= MAX_ATTEMPTS) {
          throw new AppError(
            409,
            'CONCURRENT_UPDATE',
            `Instance ${prepared.instance.id} kept changing (${prepared.command.name}); try again`,
            undefined,
            { cause: error },
          );
        }
        await sleep(Math.random() * Math.min(50, attempt * 2));
        continue;
      }
      if (options.tx) {
        // The caller's transaction may still roll back: this process no longer knows the instance's state.
        this.cache.forget(prepared.instance.id);
        options.tx.toEnqueue.push(...built.enqueue);
        options.tx.toDequeue.push(...built.dequeue);
        if (built.opened.length) options.tx.afterCommit(() => this.announce(built));
      } else {
        this.remember(prepared, built);
        this.announce(built);
        await this.queue.enqueue(built.enqueue);
        if (built.dequeue.length) void this.queue.remove(built.dequeue);
      }
      return built.change;
    }
  }

  /**
   * A command of a request with an `Idempotency-Key`: its key must commit with it, so the single
   * statement becomes a transaction (where a lost race is not retried inside: retried here).
   */
  private async executeKeyed(
    actor: string | null,
    prepare: (sql: Sql, attempt: number) => Promise<PreparedCommand>,
    answer?: (change: InstanceChange) => unknown,
  ): Promise<InstanceChange> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.transaction(async (tx) => {
          const change = await this.execute(actor, prepare, { tx });
          if (answer) recordIdempotentAnswer(answer(change));
          return change;
        });
      } catch (error) {
        if ((error as AppError).code !== 'CONCURRENT_UPDATE' || attempt >= 5) throw error;
        await sleep(Math.random() * attempt * 10);
      }
    }
  }

  /**
   * Runs `work` in one READ COMMITTED transaction (deploys, incident retries, callers combining
   * their rows with a command). After commit, the jobs it scheduled are enqueued.
   */
  async transaction<T>(work: (tx: CommandTx) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    let tx: CommandTx;
    let result: T;
    try {
      await runner.connect();
      await runner.startTransaction();
      tx = new CommandTx(runner);
      result = await work(tx);
      // A keyed request's key is marked committed in the same commit as its work (docs/security.md).
      await markIdempotentCommit(tx);
      await runner.commitTransaction();
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw toAppError(error);
    } finally {
      await runner.release();
    }
    await this.queue.enqueue(tx.toEnqueue);
    if (tx.toDequeue.length) void this.queue.remove(tx.toDequeue);
    for (const callback of tx.afterCommitWork) {
      await Promise.resolve(callback()).catch((error) =>
        this.logger.error(`after-commit callback failed: ${String(error)}`),
      );
    }
    return result;
  }

  /** The steps a committed command opened, to the inboxes that show them (ADR 0022). */
  private announce(built: BuiltWrite): void {
    this.inboxEvents.publish(built.opened.map((task) => inboxEvent('created', task)));
  }

  /** A committed autocommit write: the instance's new state becomes the cached one while it runs. */
  private remember(prepared: PreparedCommand, built: BuiltWrite): void {
    const { instance } = prepared;
    const { change } = built;
    if (change.status !== 'running') return this.cache.forget(instance.id);
    const rev = prepared.isNew ? 1 : instance.rev + 1;
    // A step only its desk action completes (`mc:action`, ADR 0012) is not cached: the inbox's completion reads it, and refuses it.
    const deskSteps = new Set(
      change.effects.flatMap((e) => (e.type === 'task.created' && e.task.spec.action ? [e.task.id] : [])),
    );
    const opened = deskSteps.size ? built.opened.filter((task) => !deskSteps.has(task.id)) : built.opened;
    this.cache.put(
      { ...instance, state: built.state, status: 'running', rev, openIncidentJobs: [] },
      opened,
      built.closed,
    );
  }

  private async build(sql: Sql, actor: string | null, prepared: PreparedCommand) {
    const { instance, command } = prepared;
    const definition = await this.definitions.byId(instance.definitionId, sql);
    if (!definition)
      throw new AppError(
        500,
        'DEFINITION_MISSING',
        `Definition ${instance.definitionId} of instance ${instance.id} is gone`,
      );
    const now = this.clock.now();
    const ctx: EngineContext = {
      clock: { now: () => now },
      newId: randomUUID,
      workingTime: this.workingTime,
      limits: this.config.diagramLimits,
    };
    let result: EngineResult;
    try {
      result = await command.effects(definition.model, instance.state, ctx);
    } catch (error) {
      throw toAppError(error);
    }
    const built = await this.writer.build({
      instance,
      isNew: prepared.isNew ?? false,
      result,
      actor,
      now,
      jobId: command.jobId,
    });
    const parts = command.guards.map((guard) => guard.write(built.statement, built.change));
    command.writes?.(built.statement, built.change, parts);
    const guards = [INSTANCE_WRITE, ...parts];
    built.change.parentCallId = instance.parentCallId ?? null; // for libs/workflow/src/calls
    await this.listeners.notify(built.change, built.statement);
    built.enqueue.push(...(built.change.enqueue ?? [])); // job rows listeners added (libs/workflow/src/calls)
    return { ...built, guards };
  }

  /**
   * The statement's primary query: `workflow_guard` raises WF409 unless the instance write and
   * every guard part returned a row, which aborts the whole statement; with `returning`, also
   * that part's row (a LEFT JOIN, so the guard is evaluated even when the part returned none).
   */
  private mainQuery(prepared: PreparedCommand, built: { guards: string[] }): string {
    const guard = `workflow_guard(${built.guards.map((name) => `EXISTS (SELECT 1 FROM ${name})`).join(' AND ')}) AS ok`;
    const { returning } = prepared.command;
    return returning
      ? `SELECT ${guard}, r.* FROM (VALUES (1)) AS one (x) LEFT JOIN ${returning} AS r ON true`
      : `SELECT ${guard}`;
  }
}
