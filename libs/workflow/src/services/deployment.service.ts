import { Inject, Injectable, Optional } from '@nestjs/common';
import { AppError, AUDIT_LOG, type AuditLog, type AuthUser } from '../../../common/src';
import { OwnershipService } from '../ownership/ownership.service';
import { DefinitionsRepository, type DefinitionSummary } from '../persistence/definitions.repository';
import { TimerStartScheduler } from '../jobs/timer-start.scheduler';
import { CommandExecutor } from '../runtime/command.executor';
import { parseBpmn, type ProcessModel, type ValidationIssue } from '../runtime/engine.port';
import { toAppError } from '../runtime/engine-error.mapper';
import { WORKFLOW_CONFIG, type WorkflowConfig } from '../workflow.config';

/** A finding as clients see it (`details` of 400 `BPMN_INVALID`, `warnings` of a deploy). */
export interface IssueView {
  elementId: string;
  code: string;
  message: string;
}

export interface DeployedProcess {
  id: string;
  key: string;
  version: number;
  name: string;
  procedureCode: string | null;
}

/** Describes the first executable process; `processes` lists every one deployed (collaborations). */
export interface DeployResult extends DeployedProcess {
  warnings: IssueView[];
  processes: DeployedProcess[];
  /** True when `skipUnchanged` found the same XML already deployed (nothing was written). */
  unchanged: boolean;
  /** The owning unit of the first process's key (null: the province). */
  ownerUnitCode: string | null;
}

/** Who deploys: an administrator (checked against ownership), or the system (`deployer` absent). */
export interface DeployOptions {
  skipUnchanged?: boolean;
  /** Receives the instances a timer start event starts (the deployer's unit). */
  unitCode?: string;
  /** The administrator deploying; their reach decides which keys and units the file may use. */
  deployer?: AuthUser;
  /** Owner of keys deployed for the first time: the deployer's unit by default; for the system, the unit of the account named `actor`, else the province (null). */
  ownerUnitCode?: string | null;
}

const summary = (record: DeployedProcess): DeployedProcess => ({
  id: record.id,
  key: record.key,
  version: record.version,
  name: record.name,
  procedureCode: record.procedureCode,
});

const toView = ({ elementId, code, message }: ValidationIssue): IssueView => ({ elementId, code, message });

/** The repository facade (Camunda's RepositoryService): parse and validate once, store versioned definitions. */
@Injectable()
export class DeploymentService {
  constructor(
    private readonly definitions: DefinitionsRepository,
    private readonly executor: CommandExecutor,
    private readonly timerStarts: TimerStartScheduler,
    private readonly ownership: OwnershipService,
    @Inject(WORKFLOW_CONFIG) private readonly config: WorkflowConfig,
    @Optional() @Inject(AUDIT_LOG) private readonly audit?: AuditLog,
  ) {}

  /**
   * Deploys every executable process of the XML as version n+1 of its key.
   * 400 `BPMN_MISSING` / `BPMN_MALFORMED` / `BPMN_NOT_BPMN` / `BPMN_INVALID` (details: the errors).
   * With `skipUnchanged`, a file whose processes' latest versions have the same XML is not redeployed.
   * An administrator deploys only keys they manage, steps only on units they administer or the
   * key's partners (403 `ADMIN_SCOPE` / `UNIT_NOT_ADMINISTERED`, {@link OwnershipService}).
   */
  async deploy(xml: unknown, actor: string | null, options: DeployOptions = {}): Promise<DeployResult> {
    if (typeof xml !== 'string' || xml.trim() === '')
      throw AppError.badRequest('BPMN_MISSING', 'Send the BPMN XML as a text/xml body or a multipart field "file"');
    const { processes, warnings } = await this.compile(xml);
    const reach = options.deployer ? await this.ownership.reach(options.deployer) : null;
    const newOwner =
      options.ownerUnitCode !== undefined
        ? options.ownerUnitCode
        : (options.deployer?.unitCode ?? (await this.ownership.ownerForActor(actor)));
    if (reach) await this.ownership.assertUnitExists(newOwner);
    const outcome = await this.executor.transaction(async (tx) => {
      const deployedAt = this.executor.now();
      // Key order, so two files sharing keys take the per-key locks in the same order.
      const byKey = [...processes].sort((a, b) => a.id.localeCompare(b.id));
      for (const model of byKey) await this.definitions.lockKey(tx, model.id);
      if (options.skipUnchanged) {
        const latest = [];
        for (const model of processes) latest.push(await this.definitions.latestWithXml(tx, model.id));
        if (latest.every((record) => record?.xml === xml))
          return {
            unchanged: true,
            deployed: latest.map((record) => summary(record!)),
            owners: new Map<string, string | null>(),
          };
      }
      const owners = await this.ownership.claimForDeploy(tx, byKey, reach, newOwner, actor);
      const records = new Map<string, DeployedProcess>();
      for (const model of byKey) {
        const record = await this.definitions.insertNextVersion(tx, {
          key: model.id,
          name: model.name ?? model.id,
          procedureCode: model.procedureCode ?? null,
          xml,
          model,
          deployedBy: actor,
          deployedAt,
        });
        records.set(model.id, summary(record));
        await this.timerStarts.scheduleOnDeploy(tx, record, model, options.unitCode);
      }
      return { unchanged: false, deployed: processes.map((model) => records.get(model.id)!), owners };
    });
    const { deployed, unchanged, owners } = outcome;
    this.definitions.forgetLatest(deployed.map((process) => process.key));
    if (!unchanged) {
      for (const process of deployed) {
        await this.audit?.record({
          actor,
          action: 'definition.deployed',
          subject: `definition:${process.key}`,
          data: { key: process.key, version: process.version, ownerUnitCode: owners.get(process.key) ?? null },
        });
      }
    }
    return {
      ...deployed[0],
      warnings,
      processes: deployed,
      unchanged,
      ownerUnitCode: owners.get(deployed[0].key) ?? null,
    };
  }

  /**
   * Checks a diagram without deploying it (the modeler's live validation): malformed XML and
   * non-BPMN still answer 400; a diagram with errors answers 200 with the errors listed.
   */
  async validate(xml: unknown): Promise<{ valid: boolean; errors: IssueView[]; warnings: IssueView[] }> {
    if (typeof xml !== 'string' || xml.trim() === '')
      throw AppError.badRequest('BPMN_MISSING', 'Send the BPMN XML as a text/xml body');
    let parsed: { processes: ProcessModel[]; issues: ValidationIssue[] };
    try {
      parsed = await parseBpmn(xml, this.config.diagramLimits);
    } catch (error) {
      throw toAppError(error);
    }
    const issues = dedupe(parsed.issues);
    const errors = issues.filter((issue) => issue.severity === 'error').map(toView);
    return {
      valid: errors.length === 0,
      errors,
      warnings: issues.filter((issue) => issue.severity !== 'error').map(toView),
    };
  }

  /** `ownerCodes`: only keys owned by these units (an administrator's reach); absent: every key. */
  list(
    limit = 100,
    offset = 0,
    key?: string,
    ownerCodes?: readonly string[],
  ): Promise<{ items: DefinitionSummary[]; total: number }> {
    return this.definitions.list(limit, offset, key, ownerCodes);
  }

  /** The deployed XML (latest, or `version`); 404 `DEFINITION_NOT_FOUND`, also outside the administrator's reach. */
  async getXml(key: string, version?: number, reader?: AuthUser): Promise<{ xml: string; version: number }> {
    if (reader) await this.ownership.keyFor(await this.ownership.reach(reader), key, 'read');
    const found = await this.definitions.xml(key, version);
    if (!found)
      throw AppError.notFound(
        'DEFINITION_NOT_FOUND',
        `No process "${key}"${version === undefined ? '' : ` version ${version}`}`,
      );
    return found;
  }

  private async compile(xml: string): Promise<{ processes: ProcessModel[]; warnings: IssueView[] }> {
    let parsed: { processes: ProcessModel[]; issues: ValidationIssue[] };
    try {
      parsed = await parseBpmn(xml, this.config.diagramLimits);
    } catch (error) {
      throw toAppError(error);
    }
    // Every element of the file is checked, deployed or not: nothing is dropped silently (MIWG expectation).
    const issues = dedupe(parsed.issues);
    const errors = issues.filter((issue) => issue.severity === 'error').map(toView);
    // The executable processes of a collaboration; a file with none marked executable (bpmn-js's
    // default is isExecutable="false") deploys all its processes rather than nothing.
    const executable = parsed.processes.filter((model) => model.isExecutable !== false);
    const processes = executable.length ? executable : parsed.processes;
    if (errors.length) throw AppError.badRequest('BPMN_INVALID', `The diagram has ${errors.length} error(s)`, errors);
    return { processes, warnings: issues.filter((issue) => issue.severity !== 'error').map(toView) };
  }
}

function dedupe(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.elementId}\u0000${issue.code}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
