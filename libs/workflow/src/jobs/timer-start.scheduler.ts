import { Inject, Injectable, Logger, Optional, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { CommandTx } from '../persistence/command.tx';
import { finishJob } from './job-ownership';
import { DefinitionsRepository, type DefinitionRecord } from '../persistence/definitions.repository';
import { CommandExecutor } from '../runtime/command.executor';
import { planNextCycle, planTimer, type ProcessModel, type WorkingTime } from '../runtime/engine.port';
import { RuntimeService } from '../services/runtime.service';
import { WORKFLOW_CONFIG, type WorkflowConfig } from '../workflow.config';
import { WORKING_TIME } from '../workflow.tokens';
import { JobKindRegistry } from './job-kind.registry';
import type { ClaimedJob, JobOutcome } from './job.row';

export const TIMER_START = 'timer.start';

/** What a timer start job remembers between occurrences. */
interface TimerStartPayload {
  /** Repetitions left after this one; null: forever (`R/…`). */
  remaining: number | null;
  /** Receiving unit of the instances it starts. */
  unitCode: string;
}

/**
 * Timer start events (`model.timerStart`): a deploy schedules the next occurrence as a
 * `timer.start` job of the definition (no instance yet) and cancels the pending one of the
 * key's previous versions; each firing starts an instance of that version and schedules the
 * next occurrence, in one transaction with finishing the job, so it happens once.
 * The instance's receiving unit is the deployer's (`TIMER_START_UNIT` when the deployer has none,
 * e.g. the seed); without either the timer is not scheduled and a warning is logged.
 */
@Injectable()
export class TimerStartScheduler implements OnModuleInit {
  private readonly logger = new Logger(TimerStartScheduler.name);

  constructor(
    private readonly kinds: JobKindRegistry,
    private readonly executor: CommandExecutor,
    private readonly definitions: DefinitionsRepository,
    private readonly runtime: RuntimeService,
    @Inject(WORKFLOW_CONFIG) private readonly config: WorkflowConfig,
    @Optional() @Inject(WORKING_TIME) private readonly workingTime?: WorkingTime,
  ) {}

  onModuleInit(): void {
    this.kinds.register(TIMER_START, (job, workerId) => this.fire(job, workerId));
  }

  /** In the deploy's transaction: replaces the key's pending timer start with this version's. */
  async scheduleOnDeploy(
    tx: CommandTx,
    definition: DefinitionRecord,
    model: ProcessModel,
    deployerUnit?: string,
  ): Promise<void> {
    const cancelled = await tx.rows<{ id: string }>(
      `UPDATE jobs SET status = 'cancelled', updated_at = now()
       WHERE kind = '${TIMER_START}' AND status = 'pending'
         AND definition_id IN (SELECT id FROM process_definitions WHERE key = $1 AND id <> $2) RETURNING id`,
      [definition.key, definition.id],
    );
    tx.toDequeue.push(...cancelled.map((row) => row.id));
    const timer = model.timerStart;
    if (!timer) return;
    const unitCode = deployerUnit ?? this.config.timerStartUnit;
    if (!unitCode) {
      this.logger.warn(
        `${definition.key} v${definition.version}: timer start ${timer.elementId} not scheduled: no receiving unit (set TIMER_START_UNIT)`,
      );
      return;
    }
    const plan = planTimer(
      timer,
      this.executor.now(),
      this.workingTimeFor(unitCode),
      this.config.diagramLimits.minTimerCycleMs,
    );
    await this.insert(tx, definition.id, timer, plan.dueAt, {
      remaining: plan.remaining === undefined ? 0 : plan.remaining,
      unitCode,
    });
  }

  private async fire(job: ClaimedJob, workerId: string): Promise<JobOutcome> {
    const definition = job.definition_id ? await this.definitions.byId(job.definition_id) : undefined;
    const timer = definition?.model.timerStart;
    const payload = job.payload as TimerStartPayload | null;
    return this.executor.transaction(async (tx) => {
      const finished = await finishJob(tx, job.id, workerId);
      if (!finished || !definition || !timer || !payload) return { kind: 'skipped' } as const;
      // A newer version took over the schedule (its deploy cancelled this job unless it was already running).
      const latest = await tx.one<{ id: string }>(
        `SELECT id FROM process_definitions WHERE key = $1 ORDER BY version DESC LIMIT 1`,
        [definition.key],
      );
      if (latest?.id !== definition.id) return { kind: 'done' } as const;
      await this.runtime.start(definition.key, {}, { username: null, unitCode: payload.unitCode }, { tx });
      if (timer.type === 'cycle' && payload.remaining !== 0) {
        const [{ due_at: firedAt }] = await tx.rows<{ due_at: Date }>(`SELECT due_at FROM jobs WHERE id = $1`, [
          job.id,
        ]);
        // From the planned time, not the late delivery, so occurrences do not drift; never in the past.
        const from = new Date(Math.max(firedAt.getTime(), this.executor.now().getTime() - 1));
        const next = planNextCycle(
          timer,
          from,
          payload.remaining,
          this.workingTimeFor(payload.unitCode),
          this.config.diagramLimits.minTimerCycleMs,
        );
        await this.insert(tx, definition.id, timer, next.dueAt, {
          remaining: next.remaining === undefined ? null : next.remaining,
          unitCode: payload.unitCode,
        });
      }
      return { kind: 'done' } as const;
    });
  }

  private async insert(
    tx: CommandTx,
    definitionId: string,
    timer: { elementId: string },
    dueAt: Date,
    payload: TimerStartPayload,
  ): Promise<void> {
    const id = randomUUID();
    await tx.rows(
      `INSERT INTO jobs (id, instance_id, definition_id, kind, element_id, due_at, status, max_attempts, payload, created_at, updated_at)
       VALUES ($1, NULL, $2, '${TIMER_START}', $3, $4, 'pending', $5, $6::jsonb, now(), now())`,
      [id, definitionId, timer.elementId, dueAt, this.config.jobMaxAttempts, JSON.stringify(payload)],
    );
    tx.toEnqueue.push({ id, dueAt });
  }

  private workingTimeFor(unitCode: string) {
    const workingTime = this.workingTime;
    return workingTime ? { add: (from: Date, iso: string) => workingTime.add(from, iso, unitCode) } : undefined;
  }
}
