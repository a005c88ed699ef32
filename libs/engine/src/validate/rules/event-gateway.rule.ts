import { issue, type ValidationRule } from '../validation-rule';

const CATCHES = new Set([
  'intermediateCatchEvent:message',
  'intermediateCatchEvent:timer',
  'intermediateCatchEvent:signal',
]);

/** An event-based gateway leads only to message, timer or signal catch events (the ones it subscribes). */
export const eventGatewayRule: ValidationRule = (model) =>
  Object.values(model.elements)
    .filter((element) => element.kind === 'eventBasedGateway')
    .flatMap((gateway) =>
      gateway.outgoing
        .map((flowId) => model.elements[model.flows[flowId]?.targetId ?? ''])
        .filter((target) => target && !CATCHES.has(target.kind))
        .map((target) =>
          issue(
            target.id,
            'EVENT_GATEWAY_TARGET_INVALID',
            'error',
            `${target.type} cannot follow event-based gateway ${gateway.id}: use a message, timer or signal catch event`,
          ),
        ),
    );
