import { issue, type ValidationRule } from '../validation-rule';

/** A pool drawn as non-executable is validated all the same; say so rather than hide it. */
export const processRule: ValidationRule = (model) =>
  model.isExecutable
    ? []
    : [issue(model.id, 'PROCESS_NOT_EXECUTABLE', 'warning', `Process ${model.id} is marked isExecutable="false"`)];
