import { Injectable, Logger } from '@nestjs/common';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DeploymentService, type DeployResult } from '../services/deployment.service';

/**
 * Deploys every `*.bpmn` of a folder (the repository's `processes/`), skipping files whose
 * processes are already deployed with the same XML — so it can run on every boot.
 */
@Injectable()
export class ProcessFilesDeployer {
  private readonly logger = new Logger('Seed');

  constructor(private readonly deployments: DeploymentService) {}

  /** `ownerUnitCode`: the owner of keys deployed for the first time (default: the province). */
  async deployFolder(
    folder: string,
    actor: string | null = null,
    ownerUnitCode: string | null = null,
  ): Promise<DeployResult[]> {
    const files = (await readdir(folder)).filter((name) => name.endsWith('.bpmn')).sort();
    const results: DeployResult[] = [];
    for (const file of files) {
      const result = await this.deployments.deploy(await readFile(join(folder, file), 'utf8'), actor, {
        skipUnchanged: true,
        ownerUnitCode,
      });
      if (!result.unchanged)
        this.logger.log(`Deployed ${file}: ${result.processes.map((p) => `${p.key} v${p.version}`).join(', ')}`);
      results.push(result);
    }
    return results;
  }
}
