import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The text of a `.dmn` fixture of libs/decisions/src/__fixtures__. */
export function dmnFixture(name: string): string {
  return readFileSync(join(__dirname, '..', '__fixtures__', name), 'utf8');
}
