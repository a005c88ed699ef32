/** Job kinds of signal broadcast (DESIGN §3: side effects after commit go through the jobs table). */
export const SIGNAL_BROADCAST = 'signal.broadcast';
export const SIGNAL_DELIVER = 'signal.deliver';

/** `signal.broadcast` (on the throwing instance): find the other instances waiting for the name. */
export interface SignalBroadcastPayload {
  signalName: string;
  variables: Record<string, unknown>;
}

/** `signal.deliver` (on one target instance): `Engine.signal` there. */
export interface SignalDeliverPayload {
  signalName: string;
  variables: Record<string, unknown>;
}
