import { Injectable } from '@nestjs/common';
import type { WriteStatement } from '../persistence/write.statement';
import type { InstanceChange, InstanceChangeListener } from './instance-change';

/** Other modules (dossiers, tracking) register projections that must commit with each command. */
@Injectable()
export class InstanceChangeListeners {
  private readonly listeners: InstanceChangeListener[] = [];

  register(listener: InstanceChangeListener): void {
    this.listeners.push(listener);
  }

  async notify(change: InstanceChange, statement: WriteStatement): Promise<void> {
    for (const listener of this.listeners) await listener(change, statement);
  }
}
