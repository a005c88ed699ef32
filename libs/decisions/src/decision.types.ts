/** The hit policies of DMN 1.3 (§8.2.11), as dmn-moddle spells them. */
export const HIT_POLICIES = ['UNIQUE', 'FIRST', 'PRIORITY', 'ANY', 'COLLECT', 'RULE ORDER', 'OUTPUT ORDER'] as const;
export type HitPolicy = (typeof HIT_POLICIES)[number];
/** COLLECT's aggregations (C+, C<, C>, C#). */
export type Aggregation = 'SUM' | 'MIN' | 'MAX' | 'COUNT';

export interface TableInput {
  id: string;
  label: string;
  /** FEEL expression whose value the rules' input entries test. */
  expression: string;
}

export interface TableOutput {
  id: string;
  /** The key of this output in a multi-output result (empty for a single output). */
  name: string;
  /** The output values in priority order (PRIORITY, OUTPUT ORDER), evaluated at deploy; empty when none are listed. */
  priorities: unknown[];
  /** FEEL expression of the default output entry, used when no rule matches. */
  defaultExpression?: string;
}

export interface TableRule {
  id: string;
  /** FEEL unary tests, one per input (`-` or empty matches anything). */
  inputEntries: string[];
  /** FEEL expressions, one per output. */
  outputEntries: string[];
}

export interface DecisionTableModel {
  kind: 'decisionTable';
  id: string;
  hitPolicy: HitPolicy;
  aggregation?: Aggregation;
  inputs: TableInput[];
  outputs: TableOutput[];
  rules: TableRule[];
}

export interface LiteralExpressionModel {
  kind: 'literalExpression';
  id: string;
  expression: string;
}

export interface DecisionModel {
  id: string;
  /** The decision's name, also the variable its result is bound to for the decisions that require it. */
  name: string;
  /** Ids of the decisions this one requires (evaluated first). */
  requiredDecisions: string[];
  /** Names of the input data this one requires (read from the caller's variables). */
  requiredInputs: string[];
  logic: DecisionTableModel | LiteralExpressionModel;
}

/** A parsed DMN document: plain JSON, stored with a deployment and evaluated without reparsing. */
export interface DecisionsModel {
  id: string;
  name: string;
  namespace: string;
  /** Every decision, by id, in an order where each comes after those it requires. */
  decisions: DecisionModel[];
  inputData: Array<{ id: string; name: string }>;
}

/** What one decision gave: its result and, for a table, the rules that matched (in rule order). */
export interface DecisionTrace {
  decisionId: string;
  name: string;
  result: unknown;
  matchedRules: string[];
}

export interface DecisionResult {
  decisionId: string;
  result: unknown;
  /** The decision and every decision it required, in the order they were evaluated. */
  trace: DecisionTrace[];
}

/** Stable codes of the decision library: deploy-time refusals, then evaluation failures. */
export type DecisionErrorCode =
  | 'DMN_MALFORMED'
  | 'DMN_UNSUPPORTED_ELEMENT'
  | 'DMN_INVALID_DECISION'
  | 'DMN_FEEL_SYNTAX'
  | 'DMN_REQUIREMENT_MISSING'
  | 'DMN_REQUIREMENT_CYCLE'
  | 'DMN_DECISION_NOT_FOUND'
  | 'DMN_HIT_POLICY_VIOLATION'
  | 'DMN_EVALUATION_FAILED';

export class DecisionError extends Error {
  constructor(
    readonly code: DecisionErrorCode,
    message: string,
    /** The DMN element at fault (a decision, table, rule, input or output id), when there is one. */
    readonly elementId?: string,
  ) {
    super(message);
    this.name = 'DecisionError';
  }
}
