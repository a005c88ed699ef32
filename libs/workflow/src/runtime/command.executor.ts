import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { AppError, CLOCK, systemClock, type Clock } from '../../../common/src';
import { JobQueue } from '../jobs/job.queue';
import { CommandTx } from '../persistence/command.tx';
import { DefinitionsRepository } from '../persistence/definitions.repository';
import type { InstanceRow } from '../persistence/instances.repository';
import { AutoCommitSql, type Sql } from '../persistence/sql';
import type { WriteStatement } from '../persistence/write.statement';
import { WORKING_TIME } from '../workflow.tokens';
import { AFTER_INSTANCE, EffectWriter, INSTANCE_WRITE } from './effect.writer';
import type { EngineContext, EngineResult, InstanceState, ProcessModel, WorkingTime } from './engine.port';
import { toAppError } from './engine-error.mapper';
import type { HistoryRow } from './history.row';
import type { InstanceChange } from './instance-change';
import { InstanceChangeListeners } from './instance-change.listeners';

/** A pure engine call: `(model, state, ctx) → {state, effects}`. */
export type EngineCommand = (model: ProcessModel, state: InstanceState, ctx: EngineContext) => EngineResult | Promise<EngineResult>;

/** One attempt of a command, prepared from a fresh read. */
export interface PreparedCommand {
  instance: InstanceRow;
  /** A start: the instance row is inserted by the command's statement. */
  isNew?: boolean;
  command: EngineCommand;
  /**
   * Extra conditions of the write, as parts of its statement that must each return a row (e.g.
   * "the task is still open and mine"); they lock rows, so they must include `AFTER_INSTANCE`.
   */
  guards?: (statement: WriteStatement, afterInstance: string, change: InstanceChange) => string[];
  history?: HistoryRow[];
  /** The job whose result this command applies: incidents it raises are linked to it (and retryable). */
  jobId?: string;
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
 * and retries. Two round trips per command on the hot path, no lock held while the engine runs.
 * Inside a caller's transaction the read locks the row instead. New jobs go to BullMQ after commit.
 */
@Injectable()
export class CommandExecutor {
  private readonly logger = new Logger(CommandExecutor.name);
  private readonly autocommit: AutoCommitSql;

  constructor(
    private readonly dataSource: DataSource,
    private readonly definitions: DefinitionsRepository,
    private readonly writer: EffectWriter,
    private readonly queue: JobQueue,
    private readonly listeners: InstanceChangeListeners,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
    @Optional() @Inject(WORKING_TIME) private readonly workingTime?: WorkingTime,
  ) {
    this.autocommit = new AutoCommitSql(dataSource);
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
   */
  async execute(
    actor: string | null,
    prepare: (sql: Sql, attempt: number) => Promise<PreparedCommand>,
    options: { tx?: CommandTx } = {},
  ): Promise<InstanceChange> {
    const sql: Sql = options.tx ?? this.autocommit;
    for (let attempt = 1; ; attempt++) {
      const prepared = await prepare(sql, attempt);
      const built = await this.build(sql, actor, prepared);
      const guards = [INSTANCE_WRITE, ...(prepared.guards?.(built.statement, AFTER_INSTANCE, built.change) ?? [])];
      built.change.parentCallId = prepared.instance.parentCallId ?? null; // for libs/workflow/src/calls
      await this.listeners.notify(built.change, built.statement);
      built.enqueue.push(...(built.change.enqueue ?? [])); // job rows listeners added (libs/workflow/src/calls)
      try {
        await built.statement.run(sql, `SELECT workflow_guard(${guards.map((name) => `EXISTS (SELECT 1 FROM ${name})`).join(' AND ')}) AS ok`);
      } catch (error) {
        if (!LOST_RACE.has(sqlState(error) ?? '')) throw error;
        if (sql.inTransaction || attempt >= MAX_ATTEMPTS) {
          throw new AppError(409, 'CONCURRENT_UPDATE', `Instance ${prepared.instance.id} kept changing; try again`, undefined, { cause: error });
        }
        await sleep(Math.random() * Math.min(50, attempt * 2));
        continue;
      }
      if (options.tx) {
        options.tx.toEnqueue.push(...built.enqueue);
        options.tx.toDequeue.push(...built.dequeue);
      } else {
        await this.queue.enqueue(built.enqueue);
        if (built.dequeue.length) void this.queue.remove(built.dequeue);
      }
      return built.change;
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
      await Promise.resolve(callback()).catch((error) => this.logger.error(`after-commit callback failed: ${String(error)}`));
    }
    return result;
  }

  private async build(sql: Sql, actor: string | null, prepared: PreparedCommand) {
    const { instance } = prepared;
    const definition = await this.definitions.byId(instance.definitionId, sql);
    if (!definition) throw new AppError(500, 'DEFINITION_MISSING', `Definition ${instance.definitionId} of instance ${instance.id} is gone`);
    const now = this.clock.now();
    const ctx: EngineContext = { clock: { now: () => now }, newId: randomUUID, workingTime: this.workingTime };
    let result: EngineResult;
    try {
      result = await prepared.command(definition.model, instance.state, ctx);
    } catch (error) {
      throw toAppError(error);
    }
    return this.writer.build({ instance, isNew: prepared.isNew ?? false, result, actor, now, history: prepared.history, jobId: prepared.jobId });
  }
}
