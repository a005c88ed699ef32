import { parseExpression } from 'feelin';
import { MAX_FEEL_STEPS } from './feel-budget';
import { regexShape } from './regex.guard';

/** A bound an expression is sure to cross, found at deploy (the runtime budget catches the rest). */
export interface FeelBoundProblem {
  code: 'FEEL_BUDGET_EXCEEDED' | 'FEEL_FUNCTION_FORBIDDEN' | 'FEEL_REGEX_UNSAFE';
  message: string;
}

/** lezer's node type, as feelin's parser returns it. */
type SyntaxNode = ReturnType<typeof parseExpression>['topNode'];

const REGEX_FUNCTIONS: Record<string, { position: number; name: string }> = {
  matches: { position: 1, name: 'pattern' },
  replace: { position: 1, name: 'pattern' },
  split: { position: 1, name: 'delimiter' },
};

/**
 * What can be known before running (issue 15): a function definition; iterations over literal
 * ranges (`1..10000000000`, nested ones multiplied) beyond MAX_FEEL_STEPS; a literal regular
 * expression in a shape regex.guard.ts refuses. Call only on expressions that parse.
 */
export function feelBoundProblem(expression: string): FeelBoundProblem | null {
  let problem: FeelBoundProblem | null = null;
  parseExpression(expression, {}, undefined).iterate({
    enter(ref) {
      if (problem) return false;
      const node = ref.node;
      if (ref.name === 'FunctionDefinition')
        problem = { code: 'FEEL_FUNCTION_FORBIDDEN', message: 'FEEL function definitions are not allowed in diagrams' };
      if (ref.name === 'IterationContext') {
        const steps = nestedIterations(node, expression);
        if (steps > MAX_FEEL_STEPS)
          problem = {
            code: 'FEEL_BUDGET_EXCEEDED',
            message: `FEEL iterates at least ${steps} times; at most ${MAX_FEEL_STEPS} steps are allowed`,
          };
      }
      if (ref.name === 'FunctionInvocation') {
        const pattern = literalPattern(node, expression);
        const shape = pattern === null ? null : regexShape(pattern);
        if (shape && !shape.ok) problem = { code: 'FEEL_REGEX_UNSAFE', message: shape.problem };
      }
      return problem === null;
    },
  });
  return problem;
}

/** The literal range's size times those of the literal ranges it is nested in or combined with. */
function nestedIterations(context: SyntaxNode, expression: string): number {
  let steps = literalRangeSize(context, expression);
  for (let node = context.parent; node; node = node.parent) {
    if (node.name !== 'InExpressions') continue;
    for (const inExpression of node.getChildren('InExpression')) {
      const other = inExpression.getChild('IterationContext');
      if (other && other.from !== context.from) steps *= literalRangeSize(other, expression);
    }
  }
  return steps;
}

function literalRangeSize(context: SyntaxNode, expression: string): number {
  const [start, end] = [context.firstChild, context.lastChild];
  if (!context.getChild('..') || start?.name !== 'NumericLiteral' || end?.name !== 'NumericLiteral') return 1;
  return Math.abs(Number(expression.slice(end.from, end.to)) - Number(expression.slice(start.from, start.to))) + 1;
}

/** The pattern of `matches`/`replace`/`split` when written as a string literal. */
function literalPattern(invocation: SyntaxNode, expression: string): string | null {
  const callee = invocation.firstChild;
  const spec = callee?.name === 'VariableName' ? REGEX_FUNCTIONS[expression.slice(callee.from, callee.to)] : undefined;
  if (!spec) return null;
  let argument: SyntaxNode | null | undefined = invocation.getChild('PositionalParameters')?.firstChild;
  for (let index = 0; argument && index < spec.position; index++) argument = argument.nextSibling;
  const named = invocation
    .getChild('NamedParameters')
    ?.getChildren('NamedParameter')
    .find((parameter) => {
      const name = parameter.getChild('ParameterName');
      return name !== null && expression.slice(name.from, name.to) === spec.name;
    });
  if (named) argument = named.lastChild;
  if (argument?.name !== 'StringLiteral') return null;
  const text = expression.slice(argument.from, argument.to);
  try {
    return JSON.parse(text) as string;
  } catch {
    return text.slice(1, -1);
  }
}
