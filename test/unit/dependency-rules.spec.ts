import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

// Issue 17 item 3: the dependency rules of .dependency-cruiser.cjs (built by scripts/dependency-rules.cjs from
// the layer block of docs/architecture.md) hold for the whole tree, and each of them fails on a planted violation.
const root = resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script, typed here
const { layers } = require('../../scripts/dependency-rules.cjs') as { layers: () => string[][] };

interface Violation {
  rule: string;
  from: string;
  to: string;
}

function cruise(baseDir: string, paths: string[]): { modules: number; violations: Violation[] } {
  const run = spawnSync(
    process.execPath,
    [
      join(root, 'scripts', 'cruise.mjs'),
      '--base-dir',
      baseDir,
      '--architecture',
      join(root, 'docs', 'architecture.md'),
      ...paths,
    ],
    {
      cwd: baseDir,
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) throw new Error(`cruise failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

describe('dependency rules', () => {
  it('the tree has no violation', () => {
    // given every app, lib and migration; when cruised with the rules
    const { modules, violations } = cruise(root, ['libs', 'apps', 'migrations']);
    // then nothing breaks them
    expect(modules).toBeGreaterThan(500);
    expect(violations).toEqual([]);
  });

  it('the layer order of docs/architecture.md names every lib and app exactly once', () => {
    const named = layers().flat();
    const onDisk = ['libs', 'apps'].flatMap((dir) => readdirSync(join(root, dir)).map((name) => `${dir}/${name}`));
    expect([...named].sort()).toEqual([...onDisk, 'migrations'].sort());
    expect(new Set(named).size).toBe(named.length);
  });
});

describe('each rule fails on a planted violation', () => {
  let tree: string;
  let violations: Violation[];

  const plant = (path: string, text: string) => {
    mkdirSync(dirname(join(tree, path)), { recursive: true });
    writeFileSync(join(tree, path), text);
  };

  beforeAll(() => {
    // given a small tree in the shape of the repository, with one planted violation per rule and one legal import
    tree = mkdtempSync(join(tmpdir(), 'motcua-deps-'));
    symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'), 'dir');
    plant(
      'tsconfig.json',
      JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true } }),
    );
    plant('apps/server/src/shared.ts', `export const shared = 1;\n`);
    plant('apps/worker/src/borrow.ts', `import { shared } from '../../server/src/shared';\nexport const b = shared;\n`);
    plant('apps/web/src/page.ts', `import { w } from '../../../libs/workflow/src/legal';\nexport const p = w;\n`);
    plant(
      'libs/common/src/upward.ts',
      `import { shared } from '../../../apps/server/src/shared';\nexport const u = shared;\n`,
    );
    plant('libs/common/src/plain.ts', `export const plain = 1;\n`);
    plant(
      'libs/engine/src/framework.ts',
      `import { Injectable } from '@nestjs/common';\nexport const f = Injectable;\n`,
    );
    plant('libs/calendar/src/escape.ts', `import { plain } from '../../common/src/plain';\nexport const e = plain;\n`);
    plant('libs/database/src/db.ts', `export const db = 1;\n`);
    plant('libs/workflow/src/legal.ts', `import { db } from '../../database/src/db';\nexport const w = db;\n`);
    plant('libs/observability/src/metrics.ts', `import { w } from '../../workflow/src/legal';\nexport const m = w;\n`);
    plant('libs/worktime/src/hours.ts', `export const hours = 1;\n`);
    plant('libs/identity/src/peer.ts', `import { hours } from '../../worktime/src/hours';\nexport const i = hours;\n`);
    plant('test/support/helper.ts', `export const helper = 1;\n`);
    plant(
      'libs/dossiers/src/uses-test.ts',
      `import { helper } from '../../../test/support/helper';\nexport const d = helper;\n`,
    );
    // when the rules run on it
    violations = cruise(tree, ['apps', 'libs']).violations;
  });

  afterAll(() => rmSync(tree, { recursive: true, force: true }));

  const found = (rule: string, from: string, to: RegExp) =>
    violations.some((v) => v.rule === rule && v.from === from && to.test(v.to));

  it.each([
    ['no-app-to-app', 'apps/worker/src/borrow.ts', /^apps\/server\/src\/shared\.ts$/],
    ['no-lib-to-app', 'libs/common/src/upward.ts', /^apps\/server\/src\/shared\.ts$/],
    ['pure-engine-calendar-no-framework', 'libs/engine/src/framework.ts', /node_modules\/@nestjs\/common\//],
    ['pure-engine-calendar-self-contained', 'libs/calendar/src/escape.ts', /^libs\/common\/src\/plain\.ts$/],
    ['web-only-pure-libs', 'apps/web/src/page.ts', /^libs\/workflow\/src\/legal\.ts$/],
    ['production-not-tests', 'libs/dossiers/src/uses-test.ts', /^test\/support\/helper\.ts$/],
    ['layer-order:libs/observability', 'libs/observability/src/metrics.ts', /^libs\/workflow\/src\/legal\.ts$/],
    ['layer-order:libs/identity', 'libs/identity/src/peer.ts', /^libs\/worktime\/src\/hours\.ts$/],
    ['layer-order:libs/common', 'libs/common/src/upward.ts', /^apps\/server\/src\/shared\.ts$/],
  ])('%s reports %s', (rule, from, to) => {
    // then each planted import is reported under its rule
    expect(found(rule, from, to)).toBe(true);
  });

  it('reports no legal import', () => {
    expect(violations.filter((v) => v.from === 'libs/workflow/src/legal.ts')).toEqual([]);
  });
});
