import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import {
  CONTRACT_FILES,
  documentText,
  REDOCLY_ENV,
  REPO_ROOT,
  typesText,
} from '../../apps/server/src/openapi/api-contract';
import { openApiDocumentOffline } from '../../apps/server/src/openapi/openapi.document';

// Issue 17 item 1: one contract. The committed document and the web app's generated types must be
// what `npm run api:generate` writes now; Redocly's recommended rules (redocly.yaml) find no error.
describe('the API contract (docs/openapi.json, apps/web/src/api/schema.gen.ts)', () => {
  let document: OpenAPIObject;
  let text: string;

  beforeAll(async () => {
    document = await openApiDocumentOffline();
    text = documentText(document);
  });

  // The generator runs on tsc's output and this spec on swc's: a DTO property whose type only an
  // initializer gives (`limit = 50`) has no design:type under swc, so say `type` in @ApiProperty.
  it('docs/openapi.json is what the controllers declare (run `npm run api:generate` after changing a route)', () => {
    // given the committed document / when the controllers' decorators are read again
    const committed = readFileSync(CONTRACT_FILES.document, 'utf8');
    // then they are the same, byte for byte
    expect(committed === text ? 'up to date' : 'stale: run npm run api:generate').toBe('up to date');
  });

  it('apps/web/src/api/schema.gen.ts is generated from that document', () => {
    const committed = readFileSync(CONTRACT_FILES.types, 'utf8');
    expect(committed === typesText(text) ? 'up to date' : 'stale: run npm run api:generate').toBe('up to date');
  });

  it('Redocly lint (redocly.yaml) reports no error on docs/openapi.json', () => {
    const cli = join(REPO_ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
    let output = '';
    let failed = false;
    try {
      output = execFileSync(process.execPath, [cli, 'lint', CONTRACT_FILES.document, '--format', 'summary'], {
        cwd: REPO_ROOT,
        env: REDOCLY_ENV,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      failed = true;
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      output = `${stdout ?? ''}${stderr ?? ''}`;
    }
    expect(failed ? output : 'no errors').toBe('no errors');
  });
});
