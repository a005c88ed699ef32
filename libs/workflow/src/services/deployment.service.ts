import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../../../common/src';
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
    @Inject(WORKFLOW_CONFIG) private readonly config: WorkflowConfig,
  ) {}

  /**
   * Deploys every executable process of the XML as version n+1 of its key.
   * 400 `BPMN_MISSING` / `BPMN_MALFORMED` / `BPMN_NOT_BPMN` / `BPMN_INVALID` (details: the errors).
   * With `skipUnchanged`, a file whose processes' latest versions have the same XML is not redeployed.
   * `unitCode` (the deployer's unit) receives the instances a timer start event starts.
   */
  async deploy(xml: unknown, actor: string | null, options: { skipUnchanged?: boolean; unitCode?: string } = {}): Promise<DeployResult> {
    if (typeof xml !== 'string' || xml.trim() === '') throw AppError.badRequest('BPMN_MISSING', 'Send the BPMN XML as a text/xml body or a multipart field "file"');
    const { processes, warnings } = await this.compile(xml);
    const outcome = await this.executor.transaction(async (tx) => {
      const deployedAt = this.executor.now();
      // Key order, so two files sharing keys take the per-key locks in the same order.
      const byKey = [...processes].sort((a, b) => a.id.localeCompare(b.id));
      for (const model of byKey) await this.definitions.lockKey(tx, model.id);
      if (options.skipUnchanged) {
        const latest = [];
        for (const model of processes) latest.push(await this.definitions.latestWithXml(tx, model.id));
        if (latest.every((record) => record?.xml === xml)) return { unchanged: true, deployed: latest.map((record) => summary(record!)) };
      }
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
      return { unchanged: false, deployed: processes.map((model) => records.get(model.id)!) };
    });
    const { deployed, unchanged } = outcome;
    this.definitions.forgetLatest(deployed.map((process) => process.key));
    return { ...deployed[0], warnings, processes: deployed, unchanged };
  }

  /**
   * Checks a diagram without deploying it (the modeler's live validation): malformed XML and
   * non-BPMN still answer 400; a diagram with errors answers 200 with the errors listed.
   */
  async validate(xml: unknown): Promise<{ valid: boolean; errors: IssueView[]; warnings: IssueView[] }> {
    if (typeof xml !== 'string' || xml.trim() === '') throw AppError.badRequest('BPMN_MISSING', 'Send the BPMN XML as a text/xml body');
    let parsed: { processes: ProcessModel[]; issues: ValidationIssue[] };
    try {
      parsed = await parseBpmn(xml, this.config.diagramLimits);
    } catch (error) {
      throw toAppError(error);
    }
    const issues = dedupe(parsed.issues);
    const errors = issues.filter((issue) => issue.severity === 'error').map(toView);
    return { valid: errors.length === 0, errors, warnings: issues.filter((issue) => issue.severity !== 'error').map(toView) };
  }

  list(limit = 100, offset = 0, key?: string): Promise<{ items: DefinitionSummary[]; total: number }> {
    return this.definitions.list(limit, offset, key);
  }

  /** The deployed XML (latest, or `version`); 404 `DEFINITION_NOT_FOUND`. */
  async getXml(key: string, version?: number): Promise<{ xml: string; version: number }> {
    const found = await this.definitions.xml(key, version);
    if (!found) throw AppError.notFound('DEFINITION_NOT_FOUND', `No process "${key}"${version === undefined ? '' : ` version ${version}`}`);
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
