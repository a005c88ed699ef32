import { EngineError } from '../engine.types';
import type { Behavior } from './behavior.types';
import { boundaryEventBehavior } from './boundary-event.behavior';
import { callActivityBehavior } from './call-activity.behavior';
import { errorEndEventBehavior } from './error-end-event.behavior';
import { eventBasedGatewayBehavior } from './event-based-gateway.behavior';
import { exclusiveGatewayBehavior } from './exclusive-gateway.behavior';
import { inclusiveGatewayBehavior } from './inclusive-gateway.behavior';
import { jobTaskBehavior } from './job-task.behavior';
import { messageSendBehavior } from './message-send.behavior';
import { messageWaitBehavior } from './message-wait.behavior';
import { noneEndEventBehavior } from './none-end-event.behavior';
import { parallelGatewayBehavior } from './parallel-gateway.behavior';
import { passThroughBehavior } from './pass-through.behavior';
import { scriptTaskBehavior } from './script-task.behavior';
import { escalationThrowEventBehavior } from './escalation-throw-event.behavior';
import { signalCatchEventBehavior } from './signal-catch-event.behavior';
import { signalThrowEventBehavior } from './signal-throw-event.behavior';
import { eventSubProcessBehavior } from './event-sub-process.behavior';
import { subProcessBehavior } from './sub-process.behavior';
import { terminateEndEventBehavior } from './terminate-end-event.behavior';
import { timerCatchEventBehavior } from './timer-catch-event.behavior';
import { userTaskBehavior } from './user-task.behavior';

/**
 * Element kind (see element-kind.classifier.ts) → behavior. This table is the definition of
 * "supported": the validator refuses every kind missing here, so a new element type is one
 * behavior file and one line below.
 */
const BEHAVIORS = new Map<string, Behavior>([
  ['startEvent:none', passThroughBehavior],
  ['startEvent:timer', passThroughBehavior],
  ['startEvent:message', passThroughBehavior],
  ['intermediateThrowEvent:none', passThroughBehavior],
  ['manualTask', passThroughBehavior],
  ['task', passThroughBehavior],
  ['endEvent:none', noneEndEventBehavior],
  ['endEvent:terminate', terminateEndEventBehavior],
  ['endEvent:error', errorEndEventBehavior],
  ['userTask', userTaskBehavior],
  ['serviceTask', jobTaskBehavior],
  ['sendTask', jobTaskBehavior],
  ['sendTask:message', messageSendBehavior],
  ['scriptTask', scriptTaskBehavior],
  ['receiveTask', messageWaitBehavior],
  ['intermediateCatchEvent:message', messageWaitBehavior],
  ['intermediateCatchEvent:timer', timerCatchEventBehavior],
  ['exclusiveGateway', exclusiveGatewayBehavior],
  ['parallelGateway', parallelGatewayBehavior],
  ['eventBasedGateway', eventBasedGatewayBehavior],
  ['inclusiveGateway', inclusiveGatewayBehavior],
  ['subProcess', subProcessBehavior],
  ['callActivity', callActivityBehavior],
  ['eventSubProcess', eventSubProcessBehavior],
  // Start events of event subprocesses (the validator keeps them there): the trigger has happened.
  ['startEvent:signal', passThroughBehavior],
  ['startEvent:error', passThroughBehavior],
  ['startEvent:escalation', passThroughBehavior],
  ['boundaryEvent:message', boundaryEventBehavior],
  ['boundaryEvent:timer', boundaryEventBehavior],
  ['boundaryEvent:error', boundaryEventBehavior],
  ['intermediateCatchEvent:signal', signalCatchEventBehavior],
  ['intermediateThrowEvent:signal', signalThrowEventBehavior],
  ['endEvent:signal', signalThrowEventBehavior],
  ['boundaryEvent:signal', boundaryEventBehavior],
  ['intermediateThrowEvent:escalation', escalationThrowEventBehavior],
  ['endEvent:escalation', escalationThrowEventBehavior],
  ['boundaryEvent:escalation', boundaryEventBehavior],
]);

/** True when the engine can run elements of this kind. */
export function isExecutableKind(kind: string): boolean {
  return BEHAVIORS.has(kind);
}

export function behaviorFor(kind: string): Behavior {
  const behavior = BEHAVIORS.get(kind);
  if (!behavior)
    throw new EngineError('UNSUPPORTED_ELEMENT', `No behavior for ${kind}: the model should not have deployed`);
  return behavior;
}
