import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ServiceTaskRegistry } from './service-task.registry';

/**
 * Handlers every installation has, for demos and simple diagrams:
 * `noop` does nothing; `log` writes the instance to the log; `notify` records a notification
 * (as a result variable `lastNotification`, so it shows in the instance and its history) —
 * the SMS/e-mail channels of libs/tracking replace it with real delivery.
 */
@Injectable()
export class BuiltinHandlers implements OnModuleInit {
  private readonly logger = new Logger('ServiceTask');

  constructor(private readonly registry: ServiceTaskRegistry) {}

  onModuleInit(): void {
    this.registry.register('noop', async () => undefined);
    this.registry.register('log', async ({ instanceId, businessKey, elementId }) => {
      this.logger.log(`instance ${instanceId} (${businessKey ?? '-'}) at ${elementId}`);
    });
    this.registry.register('notify', async ({ elementId, variables }) => ({
      lastNotification: {
        elementId,
        to: variables.applicantPhone ?? variables.applicantEmail ?? null,
        template: variables.notificationTemplate ?? elementId,
        at: new Date().toISOString(),
      },
    }));
  }
}
