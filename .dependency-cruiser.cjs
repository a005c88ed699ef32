// Dependency rules (issue 17 item 3): apps depend on libs and never on each other, libs/engine and
// libs/calendar import no framework, and the layer order of docs/architecture.md holds. The rules are
// built in scripts/dependency-rules.cjs; `npm run lint:deps` and test/unit/dependency-rules.spec.ts run them.
const { options, ruleSet } = require('./scripts/dependency-rules.cjs');

module.exports = { forbidden: ruleSet(), options };
