import { ValidateBy, type ValidationOptions } from 'class-validator';
import { FIELD_LIMITS } from '../../../../common/src/field-limits';

/** True when no text (name or value, at any depth) is longer than allowed; iterative, so depth costs no stack. */
function textsWithinLimits(variables: object): boolean {
  const pending: unknown[] = [variables];
  while (pending.length) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (value.length > FIELD_LIMITS.variableText) return false;
    } else if (typeof value === 'object' && value !== null) {
      for (const [name, item] of Object.entries(value)) {
        if (name.length > FIELD_LIMITS.bpmnId) return false;
        pending.push(item);
      }
    }
  }
  return true;
}

/**
 * Process variables are free JSON (the diagram decides what it reads), but bounded: at most
 * `FIELD_LIMITS.variables` names, names at most `bpmnId` and every text at most `variableText`
 * characters, at any depth. A step's opinion (`note`) ends up on Form 03 (issue 15, item 8).
 */
export function IsProcessVariables(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isProcessVariables',
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'object' ||
          value === null ||
          (Object.keys(value).length <= FIELD_LIMITS.variables && textsWithinLimits(value)),
        defaultMessage: (args) =>
          `${args?.property} must have at most ${FIELD_LIMITS.variables} names, each text shorter than or equal to ${FIELD_LIMITS.variableText} characters`,
      },
    },
    options,
  );
}
