import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';

/** The repository root (this file sits at apps/server/src/openapi, compiled one level deeper under dist/). */
export const REPO_ROOT = resolve(
  __dirname,
  __dirname.includes(`${join('dist', 'apps')}`) ? '../../../../..' : '../../../..',
);

/** The committed contract: the document and the web app's types generated from it. */
export const CONTRACT_FILES = {
  document: join(REPO_ROOT, 'docs', 'openapi.json'),
  types: join(REPO_ROOT, 'apps', 'web', 'src', 'api', 'schema.gen.ts'),
} as const;

/** Offline, no telemetry, no update check: CI and tests reach only the npm registry. */
export const REDOCLY_ENV = {
  ...process.env,
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  NO_COLOR: '1',
};

/** The document as committed: two-space JSON, one final newline. */
export function documentText(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The TypeScript types of a document text, by openapi-typescript (an ESM-only CLI, hence a child process). */
export function typesText(documentJson: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-openapi-'));
  try {
    const input = join(dir, 'openapi.json');
    const output = join(dir, 'schema.gen.ts');
    const config = join(dir, 'redocly.yaml');
    writeFileSync(input, documentJson);
    // No lint rules while generating: test/unit/api-contract.spec.ts lints with redocly.yaml.
    writeFileSync(config, 'extends: []\n');
    const cli = join(REPO_ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
    execFileSync(process.execPath, [cli, input, '--output', output, '--redocly', config], {
      cwd: REPO_ROOT,
      env: REDOCLY_ENV,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return readFileSync(output, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
