import type { ModdleElement } from 'bpmn-moddle';
import type { ElementModel, FlowModel, ProcessModel } from '../model/process-model.types';
import { stripExpressionMarker } from '../feel/feel-expression';
import { classifyElement } from './element-kind.classifier';
import { readEventDefinition } from './event-definition.reader';
import { readCallActivity } from './call-activity.reader';
import { explicitTopic, readJobSpec } from './job-spec.reader';
import { readScript } from './script.reader';
import { readMultiInstance } from './multi-instance.reader';
import { analyzeJoinUpstream } from './join-upstream.analyzer';
import { readUserTaskSpec } from './user-task-spec.reader';
import { text, type VendorExtensions } from './vendor-extensions';

const LOOPS: Record<string, ElementModel['loop']> = {
  'bpmn:StandardLoopCharacteristics': 'standard',
};

/**
 * Compiles one moddle <process> into the flat ProcessModel. Every flow node is kept, supported
 * or not, so the validator can name each; lanes, artifacts and data elements are descriptive
 * and dropped here. Incoming/outgoing come from the flows' sourceRef/targetRef, which are
 * authoritative (many tools omit the <incoming>/<outgoing> children).
 */
export function compileProcess(
  process: ModdleElement,
  vendor: VendorExtensions,
  globalTasks: ReadonlyMap<string, string> = new Map(),
): ProcessModel {
  const id = process.id ?? '';
  const model: ProcessModel = { id, isExecutable: process.isExecutable !== false, elements: {}, flows: {} };
  if (text(process.name)) model.name = text(process.name);
  if (text(process.procedureCode)) model.procedureCode = text(process.procedureCode);

  const containers: Array<{ container: ModdleElement; scopeId: string }> = [{ container: process, scopeId: id }];
  for (let next = containers.pop(); next; next = containers.pop()) {
    for (const node of (next.container.flowElements ?? []) as ModdleElement[]) {
      if (node.$type === 'bpmn:SequenceFlow') {
        model.flows[node.id ?? ''] = compileFlow(node);
      } else if (node.$instanceOf('bpmn:FlowNode')) {
        model.elements[node.id ?? ''] = compileElement(node, next.scopeId, vendor);
        if (node.flowElements) containers.push({ container: node, scopeId: node.id ?? '' });
      }
    }
  }
  for (const element of Object.values(model.elements)) {
    const globalTask = element.call ? globalTasks.get(element.call.calledElement) : undefined;
    if (element.call && globalTask) element.call.globalTask = globalTask;
  }
  linkFlows(model);
  linkBoundaries(model);
  findStartEvents(model);
  analyzeJoinUpstream(model);
  return model;
}

function compileFlow(flow: ModdleElement): FlowModel {
  const compiled: FlowModel = {
    id: flow.id ?? '',
    sourceId: flow.sourceRef?.id ?? null,
    targetId: flow.targetRef?.id ?? null,
  };
  if (text(flow.name)) compiled.name = text(flow.name);
  const condition = text(flow.conditionExpression?.body);
  if (condition !== undefined) compiled.condition = stripExpressionMarker(condition);
  return compiled;
}

function compileElement(node: ModdleElement, scopeId: string, vendor: VendorExtensions): ElementModel {
  const element: ElementModel = {
    id: node.id ?? '',
    type: node.$type,
    kind: classifyElement(node),
    scopeId,
    incoming: [],
    outgoing: [],
  };
  if (text(node.name)) element.name = text(node.name);
  if (node.default?.id) element.defaultFlow = node.default.id;
  const event = readEventDefinition(node);
  if (event) element.event = event;
  if (node.$type === 'bpmn:StartEvent' && node.isInterrupting === false) element.interrupting = false;
  if (node.$type === 'bpmn:BoundaryEvent') {
    element.attachedTo = node.attachedToRef?.id;
    element.cancelActivity = node.cancelActivity !== false;
  }
  if (node.$type === 'bpmn:UserTask') element.userTask = readUserTaskSpec(node, vendor);
  if (node.$type === 'bpmn:SendTask' && node.messageRef && explicitTopic(node, vendor) === undefined) {
    // A send task naming a bpmn:Message and no worker topic sends that message itself (issue 21 #6).
    element.kind = 'sendTask:message';
    const messageName = text(node.messageRef.name);
    element.event = messageName === undefined ? { kind: 'message' } : { kind: 'message', messageName };
  } else if (node.$type === 'bpmn:ServiceTask' || node.$type === 'bpmn:SendTask') {
    element.job = readJobSpec(node, vendor);
  }
  if (node.$type === 'bpmn:CallActivity') element.call = readCallActivity(node, vendor);
  if (node.$type === 'bpmn:ScriptTask') element.script = readScript(node, vendor);
  if (node.$type === 'bpmn:EndEvent' && text(node.outcome)) {
    element.outcome = { value: text(node.outcome)! };
    const reason = text(node.reason);
    if (reason !== undefined) element.outcome.reason = stripExpressionMarker(reason);
  }
  if (node.$instanceOf('bpmn:Activity')) {
    // null: not a whole number (NaN would not survive the trip through jsonb).
    const quantity = (value: unknown) => (Number.isInteger(value) ? (value as number) : null);
    if (node.startQuantity !== 1) element.startQuantity = quantity(node.startQuantity);
    if (node.completionQuantity !== 1) element.completionQuantity = quantity(node.completionQuantity);
  }
  const loop = node.loopCharacteristics as ModdleElement | undefined;
  if (loop) element.loop = LOOPS[loop.$type] ?? (loop.isSequential ? 'sequential' : 'parallel');
  if (loop?.$type === 'bpmn:MultiInstanceLoopCharacteristics')
    element.multiInstance = readMultiInstance(node, loop, vendor);
  return element;
}

function linkFlows(model: ProcessModel): void {
  for (const flow of Object.values(model.flows)) {
    if (flow.sourceId) model.elements[flow.sourceId]?.outgoing.push(flow.id);
    if (flow.targetId) model.elements[flow.targetId]?.incoming.push(flow.id);
  }
}

function linkBoundaries(model: ProcessModel): void {
  for (const element of Object.values(model.elements)) {
    const host = element.attachedTo ? model.elements[element.attachedTo] : undefined;
    if (host) (host.boundaries ??= []).push(element.id);
  }
}

/**
 * The start event of each scope: its none start. At process level a timer start is also noted as
 * `timerStart` for the process starter, and starts the instance when there is no none start;
 * message starts are listed in `messageStarts` (a start by message names one).
 */
function findStartEvents(model: ProcessModel): void {
  for (const element of Object.values(model.elements)) {
    const parent = element.scopeId === model.id ? model : model.elements[element.scopeId];
    if (element.kind === 'eventSubProcess' && parent) (parent.eventSubProcesses ??= []).push(element.id);
    if (element.kind.startsWith('startEvent:') && parent && 'kind' in parent && parent.kind === 'eventSubProcess') {
      parent.startEventId ??= element.id;
      continue;
    }
    if (element.kind === 'startEvent:none') {
      const scope = element.scopeId === model.id ? model : model.elements[element.scopeId];
      if (scope) scope.startEventId ??= element.id;
    }
  }
  const messageStarts = Object.values(model.elements).filter(
    (e) => e.kind === 'startEvent:message' && e.scopeId === model.id,
  );
  if (messageStarts.length > 0) {
    model.messageStarts = messageStarts.map((e) => ({ elementId: e.id, messageName: e.event?.messageName ?? '' }));
  }
  const timerStart = Object.values(model.elements).find((e) => e.kind === 'startEvent:timer' && e.scopeId === model.id);
  if (!timerStart) return;
  model.startEventId ??= timerStart.id;
  if (timerStart.event?.timer) model.timerStart = { elementId: timerStart.id, ...timerStart.event.timer };
}
