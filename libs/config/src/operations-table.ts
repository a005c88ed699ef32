import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Setting } from './kinds';
import { GROUPS } from './schema';

export const TABLE_START =
  '<!-- configuration table: generated from libs/config/src/schema.ts by `npm run docs:config`; do not edit by hand -->';
export const TABLE_END = '<!-- end of configuration table -->';
export const OPERATIONS_DOC = join(__dirname, '..', '..', '..', 'docs', 'operations.md');

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** docs/operations.md's configuration table: every variable of the schema, its default and meaning. */
export function configurationTable(): string {
  const lines = [TABLE_START];
  for (const [group, settings] of Object.entries(GROUPS)) {
    lines.push('', `**${group}**`, '', '| variable | default | meaning |', '| --- | --- | --- |');
    for (const [name, spec] of Object.entries(settings) as [string, Setting<unknown>][]) {
      const shown = spec.secret && spec.shown === '(unset)' ? '(unset; secret)' : spec.shown;
      lines.push(`| \`${name}\` | ${cell(shown.startsWith('(') ? shown : `\`${shown}\``)} | ${cell(spec.doc)} |`);
    }
  }
  lines.push('', TABLE_END);
  return lines.join('\n');
}

/** The document with its table replaced by the current one (it must hold the two markers). */
export function withCurrentTable(doc: string): string {
  const start = doc.indexOf(TABLE_START);
  const end = doc.indexOf(TABLE_END);
  if (start < 0 || end < start)
    throw new Error(`docs/operations.md lacks the configuration table markers (${TABLE_START})`);
  return doc.slice(0, start) + configurationTable() + doc.slice(end + TABLE_END.length);
}

// `npm run docs:config` (built to dist/): rewrites the table in docs/operations.md.
if (require.main === module) {
  const path = join(process.cwd(), 'docs', 'operations.md');
  writeFileSync(path, withCurrentTable(readFileSync(path, 'utf8')));
  console.log(`Wrote the configuration table of ${path}`);
}
