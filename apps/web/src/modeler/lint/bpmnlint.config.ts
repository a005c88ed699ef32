import conditionalFlows from 'bpmnlint/rules/conditional-flows';
import endEventRequired from 'bpmnlint/rules/end-event-required';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway';
import eventSubProcessTypedStartEvent from 'bpmnlint/rules/event-sub-process-typed-start-event';
import fakeJoin from 'bpmnlint/rules/fake-join';
import labelRequired from 'bpmnlint/rules/label-required';
import noBpmndi from 'bpmnlint/rules/no-bpmndi';
import noComplexGateway from 'bpmnlint/rules/no-complex-gateway';
import noDisconnected from 'bpmnlint/rules/no-disconnected';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows';
import noGatewayJoinFork from 'bpmnlint/rules/no-gateway-join-fork';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split';
import noOverlappingElements from 'bpmnlint/rules/no-overlapping-elements';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition';
import startEventRequired from 'bpmnlint/rules/start-event-required';
import subProcessBlankStartEvent from 'bpmnlint/rules/sub-process-blank-start-event';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway';
import superfluousTermination from 'bpmnlint/rules/superfluous-termination';

/*
 * bpmnlint's recommended rules, chosen and graded for what libs/engine runs: shapes the engine
 * refuses are errors; style and things the engine tolerates (a flow without condition counts as
 * true, with a CONDITION_MISSING warning there too) are warnings. Inclusive gateways are
 * supported, so `no-inclusive-gateway` is off. The rules are imported here, so Vite bundles
 * them at build time: no bpmnlint-loader or packed `.bpmnlintrc` is needed.
 */
const rules: Record<string, { factory: unknown; severity: 'error' | 'warn' }> = {
  'start-event-required': { factory: startEventRequired, severity: 'error' },
  'end-event-required': { factory: endEventRequired, severity: 'error' },
  'no-disconnected': { factory: noDisconnected, severity: 'error' },
  'no-duplicate-sequence-flows': { factory: noDuplicateSequenceFlows, severity: 'error' },
  'event-based-gateway': { factory: eventBasedGateway, severity: 'error' },
  'no-complex-gateway': { factory: noComplexGateway, severity: 'error' },
  'single-blank-start-event': { factory: singleBlankStartEvent, severity: 'error' },
  'single-event-definition': { factory: singleEventDefinition, severity: 'error' },
  'sub-process-blank-start-event': { factory: subProcessBlankStartEvent, severity: 'error' },
  'event-sub-process-typed-start-event': { factory: eventSubProcessTypedStartEvent, severity: 'error' },
  'label-required': { factory: labelRequired, severity: 'warn' },
  'conditional-flows': { factory: conditionalFlows, severity: 'warn' },
  'no-implicit-split': { factory: noImplicitSplit, severity: 'warn' },
  'no-gateway-join-fork': { factory: noGatewayJoinFork, severity: 'warn' },
  'fake-join': { factory: fakeJoin, severity: 'warn' },
  'superfluous-gateway': { factory: superfluousGateway, severity: 'warn' },
  'superfluous-termination': { factory: superfluousTermination, severity: 'warn' },
  'no-overlapping-elements': { factory: noOverlappingElements, severity: 'warn' },
  'no-bpmndi': { factory: noBpmndi, severity: 'warn' },
};

/** `{ config, resolver }` as `new Linter(…)` takes it. */
export const bpmnlintConfig = {
  config: { rules: Object.fromEntries(Object.entries(rules).map(([name, rule]) => [name, rule.severity])) },
  resolver: {
    resolveRule(pkg: string, ruleName: string): unknown {
      const rule = pkg === 'bpmnlint' ? rules[ruleName] : undefined;
      if (!rule) throw new Error(`unknown rule ${pkg}/${ruleName}`);
      return rule.factory;
    },
    resolveConfig(pkg: string, configName: string): never {
      throw new Error(`unknown config ${pkg}/${configName}`);
    },
  },
};
