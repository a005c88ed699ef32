import { arriveAtJoin, everyIncomingArrived } from '../runtime/join-counter';
import { leave } from '../runtime/lifecycle';
import { removeToken } from '../runtime/run';
import type { Behavior } from './behavior.types';

/**
 * Fork: a token on every outgoing flow (conditions ignored, BPMN 2.0 §13.4.2). Join: each
 * arrival is counted per scope instance and incoming flow; the last one continues.
 */
export const parallelGatewayBehavior: Behavior = {
  enter(run, token, gateway) {
    if (gateway.incoming.length > 1 && !arriveAtJoin(run, token, gateway, everyIncomingArrived(gateway))) {
      removeToken(run, token);
      return;
    }
    leave(run, token);
  },
};
