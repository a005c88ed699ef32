import type { INestApplication } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DEMO_PASSWORD, DEMO_CITY_CODE, IdentitySeeder } from '../../../../libs/identity/src';
import { ProcessFilesDeployer } from '../../../../libs/workflow/src';
import { setting } from '../../../../libs/config/src';

/**
 * Seeds the demo province (DESIGN §7). Idempotent: each part creates only what is missing, so
 * it runs on every boot and in every test server. `SEED_DEMO=false` seeds nothing.
 */
export async function seedDemo(app: INestApplication): Promise<void> {
  if (!setting('SEED_DEMO')) return;

  // 1. Units and accounts (libs/identity); accounts are printed on the console when created.
  await app.get(IdentitySeeder).seedDemo(setting('DEMO_PASSWORD') || DEFAULT_DEMO_PASSWORD);

  // 2. Procedures: deploy processes/*.bpmn (libs/workflow); a file already deployed as is is skipped.
  // The shipped keys belong to the city, as their catalog entries (ownerUnitCode), so its administrator manages them.
  await app.get(ProcessFilesDeployer).deployFolder(processesFolder(), null, DEMO_CITY_CODE);
}

/** `processes/` at the repository root, from the sources (tests) or from `dist/` (npm start). */
function processesFolder(): string {
  const candidates = [
    join(__dirname, '..', '..', '..', '..', 'processes'),
    join(__dirname, '..', '..', '..', '..', '..', 'processes'),
    join(process.cwd(), 'processes'),
  ];
  return candidates.find((dir) => existsSync(dir)) ?? candidates[candidates.length - 1];
}
