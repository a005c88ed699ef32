import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFormFields } from '../../../common/src/form-fields';
import { CHANNELS, type Procedure } from '../domain/procedure.types';
import { ProceduresRepository } from '../repositories/procedures.repository';

/** `processes/` at the repository root, from the sources (tests) or from `dist/` (npm start). */
export function processesFolder(): string {
  const candidates = [
    join(__dirname, '..', '..', '..', '..', 'processes'),
    join(__dirname, '..', '..', '..', '..', '..', 'processes'),
    join(process.cwd(), 'processes'),
  ];
  return candidates.find((dir) => existsSync(join(dir, 'catalog.json'))) ?? candidates[candidates.length - 1];
}

/**
 * Seeds `procedures` from processes/catalog.json at every boot: entries whose code is missing
 * are added, existing ones are left as administrators edited them (the catalog page owns the
 * table; the file is the seed and the import/export format). Not demo data, so it runs with
 * `SEED_DEMO=false` too.
 */
@Injectable()
export class ProcedureCatalogLoader implements OnApplicationBootstrap {
  private readonly logger = new Logger('ProcedureCatalog');

  constructor(private readonly procedures: ProceduresRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    const file = join(processesFolder(), 'catalog.json');
    if (!existsSync(file)) {
      this.logger.warn(`No catalog at ${file}`);
      return;
    }
    await this.procedures.seed(parseCatalog(readFileSync(file, 'utf8')));
  }
}

/** Parses and checks the catalog; throws on an entry the desk could not use. */
export function parseCatalog(text: string): Procedure[] {
  const entries = JSON.parse(text) as Procedure[];
  for (const entry of entries) {
    if (!entry.code || !entry.name || !entry.processKey)
      throw new Error(`Catalog entry without code, name or processKey: ${JSON.stringify(entry).slice(0, 80)}`);
    if (!Number.isInteger(entry.fee) || entry.fee < 0)
      throw new Error(`Catalog ${entry.code}: fee must be a non-negative integer (VND)`);
    if (!entry.channels?.length || entry.channels.some((c) => !CHANNELS.includes(c)))
      throw new Error(`Catalog ${entry.code}: bad channels`);
    entry.feeRules ??= null;
    entry.formTemplates ??= [];
    entry.requiredDocuments ??= [];
    entry.published ??= true;
    entry.electronicResult ??= false;
    entry.eForm = entry.eForm ? { fields: readFormFields(entry.eForm.fields) } : null;
  }
  return entries;
}
