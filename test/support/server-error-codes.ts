import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

/**
 * The stable error codes the server can answer with, read from its source (issue 19 item 3):
 * - a SCREAMING_CASE string passed to an error's constructor or factory (`AppError.conflict('X', …)`,
 *   `new AppError(429, 'X', …)`, `new EngineError('X', …)`, the rule helpers `bad`/`refuse`, …);
 * - `code: 'X'` in the HTTP edge (the error filter, input guards, body-depth guard), and the
 *   per-status codes of the filter's table.
 * The model-validation issue codes (libs/engine/src/validate, parse) are included: the modeler shows them.
 */
const ERROR_CALLEES =
  /^(AppError(\.\w+)?|EngineError|CalendarError|DecisionError|FeelBoundError|BodyShapeError|bad|refuse|calendarBadRequest|issue)$/;
const CODE = /^[A-Z][A-Z0-9_]{2,}$/;
const EDGE_FILES = /(app-error\.filter|input-guards|body-depth\.guard|parse-warning\.mapper|bpmn\.parser)\.ts$/;

export function errorCodesInSource(fileName: string, text: string): Set<string> {
  const codes = new Set<string>();
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const edge = EDGE_FILES.test(fileName);
  const visit = (node: ts.Node): void => {
    if (
      (ts.isCallExpression(node) || ts.isNewExpression(node)) &&
      node.arguments &&
      ERROR_CALLEES.test(node.expression.getText(source))
    ) {
      const code = node.arguments.find(
        (arg): arg is ts.StringLiteral => ts.isStringLiteral(arg) && CODE.test(arg.text),
      );
      if (code) codes.add(code.text);
    }
    if (
      edge &&
      ts.isPropertyAssignment(node) &&
      ts.isStringLiteral(node.initializer) &&
      CODE.test(node.initializer.text)
    ) {
      const name = node.name.getText(source);
      if (name === 'code' || /^\d{3}$/.test(name)) codes.add(node.initializer.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return codes;
}

/** Every code under `libs/` and `apps/server/` (specs and test fixtures left out), with the first file that sends it. */
export function serverErrorCodes(root: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '__tests__') walk(path);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
        for (const code of errorCodesInSource(path, readFileSync(path, 'utf8')))
          if (!found.has(code)) found.set(code, relative(root, path));
      }
    }
  };
  walk(join(root, 'libs'));
  walk(join(root, 'apps', 'server', 'src'));
  return found;
}
