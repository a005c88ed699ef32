/** A finding on the diagram, from the browser rules or the server's validator. */
export interface DiagramIssue {
  elementId: string;
  code: string;
  message: string;
  severity: 'error' | 'warning';
  source: 'modeler' | 'server';
}
