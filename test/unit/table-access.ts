import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { isPublished, ownerOf, type TableOwner } from '../../libs/database/src/table-owners';

/** One lib's SQL naming a table: `read` (FROM/JOIN/EXISTS) or `write` (INSERT INTO/UPDATE/DELETE FROM/TRUNCATE/ALTER). */
export interface TableAccess {
  lib: string;
  file: string;
  table: string;
  access: 'read' | 'write';
}

const WRITE =
  /\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?|ALTER\s+TABLE|LOCK\s+TABLE|COPY)\s+(?:ONLY\s+)?"?([a-z_][a-z0-9_]*)"?/gi;
const READ = /\b(?:FROM|JOIN)\s+(?:ONLY\s+)?"?([a-z_][a-z0-9_]*)"?/gi;
// `FROM a, b` and `FROM a AS x, b y`: the tables after commas of a FROM list.
const FROM_LIST =
  /\bFROM\s+[a-z_][a-z0-9_]*(?:\s+(?:AS\s+)?[a-z_][a-z0-9_]*)?((?:\s*,\s*[a-z_][a-z0-9_]*(?:\s+(?:AS\s+)?[a-z_][a-z0-9_]*)?)+)/gi;

/** The text of every string and template literal in a TypeScript source (comments and code excluded). */
export function literalsOf(source: string, fileName = 'file.ts'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const texts: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node)) texts.push(node.text);
    else if (ts.isTemplateExpression(node)) {
      // The literal parts joined with a blank for each `${…}` (which is visited for its own literals).
      texts.push([node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' '));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return texts;
}

/** The owned tables a piece of source names in its SQL, with the kind of access. */
export function tablesIn(
  source: string,
  owned: ReadonlySet<string>,
  fileName?: string,
): { table: string; access: 'read' | 'write' }[] {
  const found = new Map<string, 'read' | 'write'>();
  const note = (table: string, access: 'read' | 'write') => {
    const name = table.toLowerCase();
    if (!owned.has(name)) return;
    if (found.get(name) !== 'write') found.set(name, access);
  };
  for (const text of literalsOf(source, fileName)) {
    for (const match of text.matchAll(WRITE)) note(match[1], 'write');
    for (const match of text.matchAll(READ)) note(match[1], 'read');
    for (const match of text.matchAll(FROM_LIST)) {
      for (const item of match[1].split(',').slice(1)) note(item.trim().split(/\s+/)[0], 'read');
    }
  }
  return [...found].map(([table, access]) => ({ table, access }));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/**
 * Every lib's access to a table owned by another lib, file by file (specs and `__tests__` excluded). Reading
 * a view its owner publishes is not cross-lib access; writing one is.
 */
export function crossLibAccess(root: string, owners: Readonly<Record<string, TableOwner>>): TableAccess[] {
  const owned = new Set(Object.keys(owners));
  const libs = readdirSync(join(root, 'libs'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
  return libs.flatMap(({ name: lib }) =>
    sourceFiles(join(root, 'libs', lib, 'src')).flatMap((path) => {
      const file = relative(root, path);
      return tablesIn(readFileSync(path, 'utf8'), owned, file)
        .filter(
          ({ table, access }) => ownerOf(owners[table]) !== lib && !(access === 'read' && isPublished(owners[table])),
        )
        .map(({ table, access }) => ({ lib, file, table, access }));
    }),
  );
}

/** `file: write table` / `file: read table`, the allow-list's form. */
export const accessKey = (a: TableAccess) => `${a.file}: ${a.access} ${a.table}`;
