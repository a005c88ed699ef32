import { evaluateExpression } from '../feel/feel-expression';
import { raiseIncident } from '../runtime/incident';
import { leave } from '../runtime/lifecycle';
import { history } from '../runtime/run';
import { scopeVariables } from '../runtime/scope-variables';
import type { Behavior } from './behavior.types';

/**
 * Script task in FEEL (sandboxed; JavaScript is refused at deploy): evaluates the expression in
 * the token's scope and stores the value in the result variable; a failing expression is an
 * incident and the token waits there.
 */
export const scriptTaskBehavior: Behavior = {
  enter(run, token, element) {
    const script = element.script ?? { expression: 'null' };
    const result = evaluateExpression(script.expression, scopeVariables(run, token.scopeId));
    if (!result.ok)
      return raiseIncident(
        run,
        token,
        result.code ?? 'FEEL_EVALUATION_FAILED',
        `Script ${element.id}: ${result.error}`,
      );
    if (script.resultVariable) {
      run.state.variables[script.resultVariable] = result.value;
      history(run, { type: 'variable.set', elementId: element.id, data: { name: script.resultVariable } });
    }
    leave(run, token);
  },
};
