/**
 * `npm run bench:decisions`: decisions per second for a 50-rule decision table (libs/decisions,
 * FEEL through the engine's budgeted feelin wrapper) beside the same table written by hand as an
 * `if` chain, in the same run, on the same inputs (issue 21, Must show). Pure: no database.
 * BENCH_DECISIONS evaluations per table (default 20,000), after 2,000 of warm-up; the `if` chain
 * runs 100× as many. Results go to stdout and bench/out/decisions.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { evaluateDecision, parseDmn, type DecisionsModel } from '../libs/decisions/src';

const root = join(__dirname, '..', '..');
const EVALUATIONS = Number(process.env.BENCH_DECISIONS ?? 20_000);
const CATEGORIES = ['A', 'B', 'C', 'D', 'E'];
const BANDS = 10;

/** Rule `c, k`: category c and an amount in band k ([k*100..(k+1)*100), the last band open) → a fee. */
const feeOf = (category: number, band: number) => (category + 1) * 1_000 + band * 10;

/** The 50-rule table as DMN 1.3 (5 categories × 10 amount bands; hit policy given). */
export function fiftyRuleTable(hitPolicy: 'UNIQUE' | 'FIRST'): string {
  const rules: string[] = [];
  CATEGORIES.forEach((category, c) => {
    for (let k = 0; k < BANDS; k++) {
      const band = k === BANDS - 1 ? `&gt;= ${k * 100}` : `[${k * 100}..${(k + 1) * 100})`;
      rules.push(
        `<rule id="r${c}_${k}"><inputEntry><text>"${category}"</text></inputEntry><inputEntry><text>${band}</text></inputEntry>` +
          `<outputEntry><text>${feeOf(c, k)}</text></outputEntry></rule>`,
      );
    }
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="bench" name="Bench" namespace="https://motcua.vn/dmn/bench">
  <decision id="fee" name="fee">
    <decisionTable id="fee_table" hitPolicy="${hitPolicy}">
      <input id="in_category"><inputExpression><text>category</text></inputExpression></input>
      <input id="in_amount"><inputExpression><text>amount</text></inputExpression></input>
      <output id="out_fee" name="fee" />
      ${rules.join('\n      ')}
    </decisionTable>
  </decision>
</definitions>`;
}

/** The same table by hand: the rules in order, the first that holds wins. */
export function ifChain(category: unknown, amount: unknown): number | null {
  if (typeof amount !== 'number') return null;
  for (let c = 0; c < CATEGORIES.length; c++) {
    if (category !== CATEGORIES[c]) continue;
    if (amount >= 0 && amount < 100) return feeOf(c, 0);
    if (amount >= 100 && amount < 200) return feeOf(c, 1);
    if (amount >= 200 && amount < 300) return feeOf(c, 2);
    if (amount >= 300 && amount < 400) return feeOf(c, 3);
    if (amount >= 400 && amount < 500) return feeOf(c, 4);
    if (amount >= 500 && amount < 600) return feeOf(c, 5);
    if (amount >= 600 && amount < 700) return feeOf(c, 6);
    if (amount >= 700 && amount < 800) return feeOf(c, 7);
    if (amount >= 800 && amount < 900) return feeOf(c, 8);
    if (amount >= 900) return feeOf(c, 9);
  }
  return null;
}

/** Deterministic inputs (a linear congruential generator): every rule is hit, a few inputs match none. */
function inputs(count: number): Array<{ category: string; amount: number }> {
  let seed = 21;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => ({
    category: next() < 0.02 ? 'Z' : CATEGORIES[Math.floor(next() * CATEGORIES.length)],
    amount: Math.floor(next() * 1_100) - 20,
  }));
}

function perSecond(count: number, run: (index: number) => unknown): { perSecond: number; ms: number } {
  const start = process.hrtime.bigint();
  for (let index = 0; index < count; index++) run(index);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { perSecond: Math.round((count / ms) * 1000), ms: Math.round(ms) };
}

async function main() {
  console.log(
    `evaluations=${EVALUATIONS} cpus=${cpus().length} (${cpus()[0]?.model}) load=${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} node=${process.version}`,
  );
  const data = inputs(1_000);
  const tables: Record<string, DecisionsModel> = {
    UNIQUE: await parseDmn(fiftyRuleTable('UNIQUE')),
    FIRST: await parseDmn(fiftyRuleTable('FIRST')),
  };
  // Same answers first: a benchmark of two different functions would measure nothing.
  for (const [policy, model] of Object.entries(tables)) {
    for (const input of data) {
      const decided = evaluateDecision(model, 'fee', input).result;
      if (decided !== ifChain(input.category, input.amount))
        throw new Error(`${policy} table and if chain disagree on ${JSON.stringify(input)}: ${String(decided)}`);
    }
  }
  const results: Record<string, { perSecond: number; ms: number; evaluations: number }> = {};
  let sink = 0;
  const chainRuns = EVALUATIONS * 100;
  perSecond(
    chainRuns,
    (index) => (sink += ifChain(data[index % data.length].category, data[index % data.length].amount) ?? 0),
  );
  results['if chain'] = {
    ...perSecond(
      chainRuns,
      (index) => (sink += ifChain(data[index % data.length].category, data[index % data.length].amount) ?? 0),
    ),
    evaluations: chainRuns,
  };
  for (const [policy, model] of Object.entries(tables)) {
    perSecond(2_000, (index) => evaluateDecision(model, 'fee', data[index % data.length]));
    results[`table ${policy}`] = {
      ...perSecond(EVALUATIONS, (index) => evaluateDecision(model, 'fee', data[index % data.length])),
      evaluations: EVALUATIONS,
    };
  }
  for (const [name, result] of Object.entries(results))
    console.log(
      `${name.padEnd(14)} ${String(result.perSecond).padStart(12)} decisions/s  (${result.evaluations} in ${result.ms} ms)`,
    );
  console.log(
    `if chain / UNIQUE table: ×${Math.round(results['if chain'].perSecond / results['table UNIQUE'].perSecond)}  (checksum ${sink})`,
  );
  mkdirSync(join(root, 'bench', 'out'), { recursive: true });
  writeFileSync(
    join(root, 'bench', 'out', 'decisions.json'),
    JSON.stringify({ at: new Date().toISOString(), load: loadavg(), results }, null, 2),
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
