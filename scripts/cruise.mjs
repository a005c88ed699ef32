// Runs the dependency rules of scripts/dependency-rules.cjs through dependency-cruiser's API and prints
// `{ modules, violations: [{ rule, from, to }] }` as JSON. dependency-cruiser is ESM-only, so the unit spec
// (test/unit/dependency-rules.spec.ts) runs this file in a child process.
//   node scripts/cruise.mjs [--base-dir DIR] [--architecture FILE] PATH...
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { cruise } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const require = createRequire(import.meta.url);
const { layers, options, ruleSet } = require('./dependency-rules.cjs');

const args = process.argv.slice(2);
const flag = (name) => {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const [value] = args.splice(at, 2).slice(1);
  return value;
};
const baseDir = resolve(flag('--base-dir') ?? join(import.meta.dirname, '..'));
const architecture = flag('--architecture');
const order = layers(architecture ? readFileSync(architecture, 'utf8') : undefined);
const tsConfigFile = join(baseDir, 'tsconfig.json');

const result = await cruise(
  args,
  {
    ...options,
    baseDir,
    validate: true,
    ruleSet: { forbidden: ruleSet(order) },
    tsConfig: { fileName: tsConfigFile },
    outputType: 'json',
  },
  undefined,
  { tsConfig: extractTSConfig(tsConfigFile) },
);
const output = typeof result.output === 'string' ? JSON.parse(result.output) : result.output;
const violations = output.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
process.stdout.write(JSON.stringify({ modules: output.modules.length, violations }));
