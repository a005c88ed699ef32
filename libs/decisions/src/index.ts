export * from './decision.types';
export { parseDmn, DMN13_URI, MAX_DECISIONS, MAX_DMN_LENGTH } from './dmn.parser';
export { evaluateDecision } from './decision.evaluator';
