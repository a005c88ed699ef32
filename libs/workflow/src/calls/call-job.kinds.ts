/** Job kinds of call activities (DESIGN §3: side effects after commit go through the jobs table). */
export const CALL_START = 'call.start';
export const CALL_COMPLETE = 'call.complete';
export const CALL_CANCEL = 'call.cancel';
export const CALL_FAIL = 'call.fail';
export const CALL_ESCALATE = 'call.escalate';

/** `call.start`: the row id is the engine's callId; the row belongs to the parent instance. */
export interface CallStartPayload {
  callId: string;
  calledElement: string;
  variables: Record<string, unknown>;
  businessKey: string | null;
  unitCode: string;
}

/** `call.complete` (on the parent): the child's final variables, for the output mappings. */
export interface CallCompletePayload {
  callId: string;
  variables: Record<string, unknown>;
  /** Escalation codes the child threw uncaught in its completing command (null: no code); thrown at the call first. */
  escalations?: Array<string | null>;
}

/** `call.escalate` (on the parent): the child threw an escalation it did not catch and runs on. */
export interface CallEscalatePayload {
  callId: string;
  escalationCode: string | null;
}

/** `call.cancel` (on the parent): cancel the child started for this call, if any. */
export interface CallCancelPayload {
  callId: string;
}

/** `call.fail` (on the parent): the child ended in an uncaught BPMN error end event. */
export interface CallFailPayload {
  callId: string;
  errorCode: string;
  childInstanceId: string;
}
