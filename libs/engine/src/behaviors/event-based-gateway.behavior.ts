import { EngineError } from '../engine.types';
import { addListener, subscribe } from '../runtime/listeners';
import { completeElement, moveAlong } from '../runtime/lifecycle';
import { findToken, history } from '../runtime/run';
import type { Behavior } from './behavior.types';

/**
 * Event-based gateway: subscribes every following message or timer catch event and waits. The
 * first to arrive wins: the others are cancelled, and the token passes through the winning
 * event (which has already happened) and leaves it.
 */
export const eventBasedGatewayBehavior: Behavior = {
  enter(run, token, gateway) {
    token.wait = { kind: 'events' };
    for (const flowId of gateway.outgoing) {
      const target = run.model.elements[run.model.flows[flowId].targetId ?? ''];
      const wait = target && subscribe(run, target);
      if (wait) addListener(run, token, { elementId: gateway.id, wait, via: flowId });
    }
  },
  signal(run, listener, gateway) {
    const host = findToken(run, listener.hostId);
    if (!host || !listener.via)
      throw new EngineError('STATE_CORRUPT', `Gateway listener ${listener.id} has no gateway token`);
    delete listener.wait; // its job has fired: nothing left to cancel
    completeElement(run, host, gateway);
    moveAlong(run, host, listener.via);
    history(run, { type: 'element.entered', elementId: host.elementId });
    run.agenda.push({ op: 'leave', tokenId: host.id });
  },
};
