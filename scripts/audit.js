#!/usr/bin/env node
/**
 * `npm run audit`: the dependency check of issue 9 — no high or critical advisory in the
 * installed tree (runtime and development). Exits 1 when `npm audit` reports one; when the
 * registry's audit endpoint cannot be reached (this development machine answers 405) it says so
 * and exits 0 with NOT CHECKED, or 1 with `--strict` (for a pipeline that can reach it).
 */
'use strict';
const { spawnSync } = require('node:child_process');

const strict = process.argv.includes('--strict');
const run = spawnSync('npm', ['audit', '--json'], { encoding: 'utf8', shell: process.platform === 'win32' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = undefined;
}
const counts = report?.metadata?.vulnerabilities;
if (!counts) {
  const why =
    report?.message ??
    report?.error?.summary ??
    (run.stderr || '').split('\n').find((line) => line.trim()) ??
    `exit ${run.status}`;
  console.log(`npm audit: NOT CHECKED — the audit endpoint did not answer (${why.trim()})`);
  process.exit(strict ? 1 : 0);
}
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(
  `npm audit: ${Object.entries(counts)
    .map(([level, n]) => `${level} ${n}`)
    .join(', ')}`,
);
if (serious > 0) {
  for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) {
    if (v.severity === 'high' || v.severity === 'critical') console.log(`  ${v.severity}: ${name} ${v.range ?? ''}`);
  }
  process.exit(1);
}
