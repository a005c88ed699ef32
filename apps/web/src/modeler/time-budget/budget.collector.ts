import type { ModdleElement } from '../moddle.types';
import { longestPath, type BudgetGraph, type BudgetPath } from './longest-path';
import { workingHours } from './step-duration';

/**
 * The time budget of a process or subprocess: `mc:duration` of the user tasks along the
 * heaviest path. An embedded subprocess counts as its own heaviest path; a timer that waits in
 * working time (`mc:workingTime`) counts its duration, since the dossier waits with it.
 */
export function processBudget(container: ModdleElement): BudgetPath {
  const graph: BudgetGraph = { nodes: [], edges: [] };
  for (const element of (container.flowElements ?? []) as ModdleElement[]) {
    if (element.$instanceOf('bpmn:SequenceFlow')) {
      if (element.sourceRef && element.targetRef) graph.edges.push([element.sourceRef.id, element.targetRef.id]);
      continue;
    }
    if (!element.$instanceOf('bpmn:FlowNode')) continue;
    graph.nodes.push({ id: element.id, hours: stepHours(element) });
    if (element.$instanceOf('bpmn:BoundaryEvent') && element.attachedToRef)
      graph.edges.push([element.attachedToRef.id, element.id]);
  }
  return longestPath(graph);
}

/** Working hours one step takes (0 for steps that take no time of their own). */
export function stepHours(element: ModdleElement): number {
  if (element.$instanceOf('bpmn:UserTask')) return workingHours(element.get('mc:duration')) ?? 0;
  if (element.$instanceOf('bpmn:SubProcess')) return processBudget(element).hours;
  if (element.$instanceOf('bpmn:IntermediateCatchEvent')) {
    const timer = ((element.eventDefinitions ?? []) as ModdleElement[]).find((d) =>
      d.$instanceOf('bpmn:TimerEventDefinition'),
    );
    if (timer?.get('mc:workingTime') === true) return workingHours(timer.timeDuration?.body) ?? 0;
  }
  return 0;
}
