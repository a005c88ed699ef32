/** Thrown by a service-task handler to raise a BPMN error (caught by an error boundary event), not a technical failure. */
export class BpmnError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'BpmnError';
  }
}
