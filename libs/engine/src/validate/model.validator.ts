import type { ValidationIssue } from '../engine.types';
import { DEFAULT_DIAGRAM_LIMITS, type DiagramLimits } from '../limits/diagram-limits';
import type { ProcessModel } from '../model/process-model.types';
import { activityQuantityRule } from './rules/activity-quantity.rule';
import { boundaryRule } from './rules/boundary.rule';
import { conditionRule } from './rules/condition.rule';
import { deskActionRule } from './rules/desk-action.rule';
import { eventGatewayRule } from './rules/event-gateway.rule';
import { feelBoundsRule } from './rules/feel-bounds.rule';
import { flowRule } from './rules/flow.rule';
import { messageRule } from './rules/message.rule';
import { multiInstanceRule } from './rules/multi-instance.rule';
import { outcomeRule } from './rules/outcome.rule';
import { scriptRule } from './rules/script.rule';
import { signalRule } from './rules/signal.rule';
import { callActivityRule } from './rules/call-activity.rule';
import { processRule } from './rules/process.rule';
import { reachabilityRule } from './rules/reachability.rule';
import { startEventRule } from './rules/start-event.rule';
import { supportedElementRule } from './rules/supported-element.rule';
import { taskRule } from './rules/task.rule';
import { timerRule } from './rules/timer.rule';
import type { ValidationRule } from './validation-rule';

const RULES: ValidationRule[] = [
  processRule,
  supportedElementRule,
  startEventRule,
  flowRule,
  conditionRule,
  feelBoundsRule,
  messageRule,
  signalRule,
  timerRule,
  boundaryRule,
  eventGatewayRule,
  taskRule,
  activityQuantityRule,
  outcomeRule,
  multiInstanceRule,
  scriptRule,
  callActivityRule,
  deskActionRule,
  reachabilityRule,
];

/**
 * Checks a compiled process (DESIGN §2, stage 2). Errors refuse the deployment, warnings do not.
 * Works on the model alone, so a model reloaded from the database can be re-checked.
 */
export function validateModel(model: ProcessModel, limits: DiagramLimits = DEFAULT_DIAGRAM_LIMITS): ValidationIssue[] {
  return RULES.flatMap((rule) => rule(model, limits));
}
