import { Inject, Injectable, Optional } from '@nestjs/common';
import { AppError, AUDIT_LOG, type AuditLog } from '../../../common/src';
import type { InstanceRow } from '../persistence/instances.repository';
import { InstancesRepository } from '../persistence/instances.repository';
import type { Sql } from '../persistence/sql';
import { CommandExecutor } from '../runtime/command.executor';
import { EngineError, migrateState, type InstanceState } from '../runtime/engine.port';
import { MigrationRepository, type VersionRecord } from './migration.repository';

/** What the administrator asked for (`POST /api/admin/migrations`). */
export interface MigrationRequest {
  definitionKey: string;
  fromVersion: number;
  toVersion: number;
  instanceIds?: string[];
  mapping?: Record<string, string>;
}

export interface MigrationRefusal {
  instanceId: string;
  code: string;
  message: string;
}

export interface MigrationReport {
  migrated: string[];
  refused: MigrationRefusal[];
}

interface MigrationPlan {
  from: VersionRecord;
  to: VersionRecord;
  mapping: Record<string, string>;
  instanceIds: string[];
}

type Decision =
  { state: InstanceState; elements: Record<string, string> } | { refusal: Omit<MigrationRefusal, 'instanceId'> };

/**
 * Moves waiting instances from one version of a key to a later one (issue 8). Each instance is
 * its own transaction: it is locked, checked and rewritten, or refused and left untouched, so
 * one refusal never holds back the others. The dry run decides the same way without writing.
 */
@Injectable()
export class InstanceMigrationService {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly instances: InstancesRepository,
    private readonly repository: MigrationRepository,
    @Optional() @Inject(AUDIT_LOG) private readonly audit?: AuditLog,
  ) {}

  async migrate(request: MigrationRequest, actor: string | null): Promise<MigrationReport> {
    const plan = await this.plan$(request);
    const report: MigrationReport = { migrated: [], refused: [] };
    for (const instanceId of plan.instanceIds) {
      const refusal = await this.executor.transaction(async (tx) => {
        const instance = await this.instances.load(tx, instanceId);
        const decision = await this.decide(tx, instance, plan);
        if ('refusal' in decision) return decision.refusal;
        await this.repository.write(tx, {
          instanceId,
          to: plan.to,
          fromVersion: plan.from.version,
          ...decision,
          actor,
          at: this.executor.now(),
        });
        return null;
      });
      if (refusal) report.refused.push({ instanceId, ...refusal });
      else report.migrated.push(instanceId);
    }
    if (report.migrated.length > 0 || report.refused.length > 0) {
      await this.audit?.record({
        actor,
        action: 'instances.migrated',
        subject: `definition:${request.definitionKey}`,
        data: {
          fromVersion: plan.from.version,
          toVersion: plan.to.version,
          migrated: report.migrated.length,
          refused: report.refused.length,
          instanceIds: report.migrated.slice(0, 100),
        },
      });
    }
    return report;
  }

  /** The dry run: the same decisions on an unlocked read, nothing written. */
  async plan(request: MigrationRequest): Promise<MigrationReport> {
    const plan = await this.plan$(request);
    const report: MigrationReport = { migrated: [], refused: [] };
    for (const instanceId of plan.instanceIds) {
      const decision = await this.decide(
        this.executor.sql,
        await this.instances.load(this.executor.sql, instanceId),
        plan,
      );
      if ('refusal' in decision) report.refused.push({ instanceId, ...decision.refusal });
      else report.migrated.push(instanceId);
    }
    return report;
  }

  private async plan$(request: MigrationRequest): Promise<MigrationPlan> {
    if (request.toVersion <= request.fromVersion) {
      throw new AppError(
        400,
        'MIGRATION_VERSION_ORDER',
        `toVersion (${request.toVersion}) must be later than fromVersion (${request.fromVersion})`,
      );
    }
    const sql = this.executor.sql;
    const [from, to] = await Promise.all([
      this.repository.version(sql, request.definitionKey, request.fromVersion),
      this.repository.version(sql, request.definitionKey, request.toVersion),
    ]);
    for (const [record, version] of [
      [from, request.fromVersion],
      [to, request.toVersion],
    ] as const) {
      if (!record)
        throw new AppError(404, 'DEFINITION_NOT_FOUND', `Process ${request.definitionKey} has no version ${version}`);
    }
    const instanceIds = request.instanceIds ?? (await this.repository.runningIds(sql, from!.id));
    return { from: from!, to: to!, mapping: request.mapping ?? {}, instanceIds: [...new Set(instanceIds)] };
  }

  /** Wait states only (libs/workflow/src/migration/README.md): the instance, its jobs, then every token. */
  private async decide(sql: Sql, instance: InstanceRow | null, plan: MigrationPlan): Promise<Decision> {
    const refuse = (code: string, message: string): Decision => ({ refusal: { code, message } });
    if (!instance) return refuse('INSTANCE_NOT_FOUND', 'No such instance');
    if (instance.definitionId !== plan.from.id) {
      return refuse(
        'MIGRATION_WRONG_VERSION',
        `The instance runs ${instance.definitionKey} version ${instance.version}, not version ${plan.from.version}`,
      );
    }
    if (instance.status === 'incident')
      return refuse('MIGRATION_NOT_WAITING', 'The instance has an open incident; resolve it first');
    if (instance.status !== 'running') return refuse('MIGRATION_NOT_RUNNING', `The instance is ${instance.status}`);
    if (await this.repository.hasRunningJob(sql, instance.id)) {
      return refuse(
        'MIGRATION_NOT_WAITING',
        'A worker is running a job of the instance; try again when it has finished',
      );
    }
    try {
      return migrateState(plan.from.model, plan.to.model, instance.state, plan.mapping);
    } catch (error) {
      if (error instanceof EngineError) return refuse(error.code, error.message);
      throw error;
    }
  }
}
