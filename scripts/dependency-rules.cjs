// Dependency rules (issue 17 item 3), used by .dependency-cruiser.cjs (`npm run lint:deps`) and
// test/unit/dependency-rules.spec.ts.
// The layer order is read from docs/architecture.md (the block between the `layers` markers), so the
// document and the check cannot drift apart: a lib may import only libs of a LOWER layer, never a peer
// of its own layer nor anything above; apps depend on libs, never on each other.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const FRAMEWORK = '(@nestjs|typeorm|bullmq|ioredis|pg|pg-copy-streams|redis|express|prom-client|pino|exceljs|pdfmake)';

/** `[[ 'libs/common', 'libs/config', … ], [ 'libs/database', … ], …]`, lowest layer first. */
function layers(architectureMd) {
  const text = architectureMd ?? readFileSync(join(__dirname, '..', 'docs', 'architecture.md'), 'utf8');
  const block = /<!-- layers:start -->([\s\S]*?)<!-- layers:end -->/.exec(text);
  if (!block) throw new Error('docs/architecture.md has no <!-- layers:start --> … <!-- layers:end --> block');
  const rows = [
    ...block[1].matchAll(
      /^\s*(\d+)\s+((?:(?:libs|apps)\/[a-z-]+|migrations)(?:,?\s+(?:(?:libs|apps)\/[a-z-]+|migrations))*)\s*(?:—.*)?$/gm,
    ),
  ];
  return rows.sort((a, b) => Number(a[1]) - Number(b[1])).map((row) => row[2].split(/[,\s]+/).filter(Boolean));
}

const escape = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (names) => `^(${names.map(escape).join('|')})/`;

/** One rule per component: it may not import a component of its own layer (but itself) or of any layer above. */
function layerRules(order) {
  return order.flatMap((layer, index) =>
    layer
      .map((component) => {
        const notBelow = order
          .slice(index)
          .flat()
          .filter((other) => other !== component);
        return {
          name: `layer-order:${component}`,
          comment: `${component} (layer ${index + 1}) may import only components of lower layers (docs/architecture.md)`,
          severity: 'error',
          from: { path: anyOf([component]) },
          to: { path: anyOf(notBelow) },
        };
      })
      .filter((rule) => rule.to.path !== '^()/'),
  );
}

function ruleSet(order = layers()) {
  return [
    {
      name: 'no-app-to-app',
      comment: 'apps depend on libs, never on each other: what two apps share belongs in a lib',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-lib-to-app',
      comment: 'libs never import an app',
      severity: 'error',
      from: { path: '^(libs|migrations)/' },
      to: { path: '^apps/' },
    },
    {
      name: 'pure-engine-calendar-no-framework',
      comment:
        'libs/engine, libs/calendar and libs/decisions import no framework, queue, database or server package (DESIGN §1)',
      severity: 'error',
      from: { path: '^libs/(engine|calendar|decisions)/' },
      to: { path: `(^|/)node_modules/${FRAMEWORK}/` },
    },
    {
      name: 'pure-engine-calendar-self-contained',
      comment: 'libs/calendar imports nothing from the repository outside its own folder',
      severity: 'error',
      from: { path: '^libs/calendar/' },
      to: { path: '^(libs|apps|migrations|test|bench)/', pathNot: '^libs/calendar/' },
    },
    {
      name: 'pure-engine-self-contained',
      comment:
        'libs/engine imports nothing from the repository outside its own folder but libs/calendar (durations, working time)',
      severity: 'error',
      from: { path: '^libs/engine/' },
      to: { path: '^(libs|apps|migrations|test|bench)/', pathNot: '^libs/(engine|calendar)/' },
    },
    {
      name: 'web-only-pure-libs',
      comment: 'the web app shares only framework-free code: libs/engine, libs/calendar and libs/common',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^libs/', pathNot: '^libs/(engine|calendar|common)/' },
    },
    {
      name: 'production-not-tests',
      comment: 'production code never imports test support, specs or benchmarks',
      severity: 'error',
      from: { path: '^(libs|apps|migrations)/', pathNot: '(\\.spec\\.tsx?$|/__tests__/)' },
      to: { path: '(^(test|bench)/|\\.spec\\.tsx?$|/__tests__/)' },
    },
    ...layerRules(order),
  ];
}

const options = {
  doNotFollow: { path: 'node_modules' },
  exclude: { path: '(\\.spec\\.tsx?$|/__tests__/|(^|/)dist/)' },
  tsPreCompilationDeps: true,
  tsConfig: { fileName: 'tsconfig.json' },
};

module.exports = { layers, ruleSet, options };
