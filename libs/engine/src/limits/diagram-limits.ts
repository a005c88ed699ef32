/**
 * Bounds on what one diagram may ask of the server (issue 15): a diagram is an administrator's
 * input, and before these an accepted one could block or flood the server. The defaults are the
 * engine's; libs/workflow passes the deployment's settings (docs/operations.md).
 */
export interface DiagramLimits {
  /** Flow elements (tasks, events, gateways, sequence flows, subprocesses…) in one document. */
  maxFlowElements: number;
  /** Subprocesses inside subprocesses. */
  maxSubProcessDepth: number;
  /** XML elements inside XML elements, whatever they are (extension elements included). */
  maxXmlDepth: number;
  /** Instances one multi-instance activity may start (a literal above it is refused at deploy, a value at runtime raises an incident). */
  maxCardinality: number;
  /** Shortest interval of a repeating timer, in milliseconds. */
  minTimerCycleMs: number;
}

export const DEFAULT_DIAGRAM_LIMITS: DiagramLimits = {
  maxFlowElements: 5_000,
  maxSubProcessDepth: 32,
  maxXmlDepth: 200,
  maxCardinality: 1_000,
  minTimerCycleMs: 60_000,
};

/** The defaults with the given settings laid over them. */
export function diagramLimits(overrides: Partial<DiagramLimits> = {}): DiagramLimits {
  const limits = { ...DEFAULT_DIAGRAM_LIMITS };
  for (const [name, value] of Object.entries(overrides) as Array<[keyof DiagramLimits, number | undefined]>) {
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) limits[name] = value;
  }
  return limits;
}
