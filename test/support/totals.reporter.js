// Adds each jest run's counts to one file, so that `npm test` (three jest runs: unit, e2e with
// browser, chaos) can close with a single line that CI reads: "N passed, N failed, N skipped". The line has
// no "Tests:" prefix: jest's own summary lines start with it and end in "N total", which this one does not.
const fs = require('node:fs');
const path = require('node:path');

const totalsFile = () => process.env.TEST_TOTALS_FILE || path.join(process.cwd(), 'test-results', 'totals.json');

function readTotals(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return { passed: 0, failed: 0, skipped: 0 };
  }
}

class TotalsReporter {
  onRunComplete(_contexts, results) {
    const file = totalsFile();
    const totals = readTotals(file);
    totals.passed += results.numPassedTests;
    totals.failed += results.numFailedTests + results.numRuntimeErrorTestSuites;
    totals.skipped += results.numPendingTests + results.numTodoTests;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(totals));
  }
}

// `node test/support/totals.reporter.js reset|print`: start afresh, or print the closing line.
if (require.main === module) {
  const file = totalsFile();
  if (process.argv[2] === 'reset') fs.rmSync(file, { force: true });
  else {
    const t = readTotals(file);
    console.log(`${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
  }
}

module.exports = TotalsReporter;
