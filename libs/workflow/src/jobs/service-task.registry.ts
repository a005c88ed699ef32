import { Injectable } from '@nestjs/common';

/** What a service-task handler is told about the job it runs. */
export interface ServiceTaskContext {
  instanceId: string;
  businessKey: string | null;
  elementId: string;
  variables: Record<string, unknown>;
  jobId: string;
  /** 1 on the first run. */
  attempt: number;
}

/**
 * Runs the work of a service task. Returned variables are merged into the instance; throwing
 * `BpmnError` raises a BPMN error; any other throw is a failure that is retried.
 */
export type ServiceTaskHandler = (ctx: ServiceTaskContext) => Promise<Record<string, unknown> | void>;

/** Handlers by topic (`mc:topic`, `camunda:topic`, zeebe task type, or the element id). */
@Injectable()
export class ServiceTaskRegistry {
  private readonly handlers = new Map<string, ServiceTaskHandler>();

  /** Registers (or replaces) the handler of a topic. */
  register(topic: string, handler: ServiceTaskHandler): void {
    this.handlers.set(topic, handler);
  }

  get(topic: string): ServiceTaskHandler | undefined {
    return this.handlers.get(topic);
  }

  topics(): string[] {
    return [...this.handlers.keys()].sort();
  }
}
