import { Inject, Injectable } from '@nestjs/common';
import { CommandExecutor } from '../runtime/command.executor';
import { WORKFLOW_CONFIG, type WorkflowConfig } from '../workflow.config';
import { fanOutSignal } from './signal-fan-out';

/** Signals thrown from outside any instance (an administrator, an integration). */
@Injectable()
export class SignalBroadcastService {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(WORKFLOW_CONFIG) private readonly config: WorkflowConfig,
  ) {}

  /** One `signal.deliver` job per instance waiting for the name now, committed together; delivered asynchronously. */
  async broadcast(
    signalName: string,
    variables: Record<string, unknown> = {},
  ): Promise<{ signalName: string; deliveries: number }> {
    const deliveries = await this.executor.transaction((tx) =>
      fanOutSignal(tx, { signalName, variables }, null, this.config.jobMaxAttempts),
    );
    return { signalName, deliveries };
  }
}
