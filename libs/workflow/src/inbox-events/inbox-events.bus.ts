import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { setting } from '../../../config/src';
import { redisOptions, reportRedisErrors } from '../../../database/src/redis.config';
import { parseInboxEvent, type InboxEvent } from './inbox-event';

type Listener = (event: InboxEvent) => void;

/**
 * Redis pub/sub of inbox events (ADR 0022): one channel per deployment (`QUEUE_PREFIX:inbox-events`).
 * A process publishes after commit, whatever it is (server or worker); a server process subscribes
 * once, when its first stream opens, and fans out to its own streams. Both connections are lazy, so
 * a worker never subscribes and a process that never changes a step never connects. Pub/sub is
 * at-most-once: a message lost while Redis is away is not replayed (the inbox also reloads on reconnect).
 */
@Injectable()
export class InboxEventsBus implements OnModuleDestroy {
  private readonly logger = new Logger(InboxEventsBus.name);
  private publisher?: Redis;
  private subscriber?: Redis;
  private subscribed?: Promise<void>;
  private readonly listeners = new Set<Listener>();
  readonly channel = `${setting('QUEUE_PREFIX')}:inbox-events`;

  /** Fire and forget: never throws, never delays the command that changed the step. */
  publish(events: readonly InboxEvent[]): void {
    if (!events.length) return;
    const redis = this.commands();
    for (const event of events) {
      redis
        .publish(this.channel, JSON.stringify(event))
        .catch((error: unknown) => this.logger.warn(`inbox event not published: ${String(error)}`));
    }
  }

  /** The connection for commands (publish, stream tickets). */
  commands(): Redis {
    return (this.publisher ??= reportRedisErrors(
      new Redis({ ...redisOptions(), enableAutoPipelining: true, maxRetriesPerRequest: 3 }),
      'inbox events',
    ));
  }

  /** Calls `listener` with every event of the deployment until the returned function is called. */
  async subscribe(listener: Listener): Promise<() => void> {
    this.listeners.add(listener);
    if (!this.subscribed) {
      const subscriber = (this.subscriber = reportRedisErrors(new Redis(redisOptions()), 'inbox events subscriber'));
      subscriber.on('message', (channel: string, text: string) => {
        if (channel !== this.channel) return;
        const event = parseInboxEvent(text);
        if (event) for (const each of this.listeners) each(event);
      });
      this.subscribed = subscriber.subscribe(this.channel).then(() => undefined);
    }
    await this.subscribed;
    return () => this.listeners.delete(listener);
  }

  async onModuleDestroy(): Promise<void> {
    this.listeners.clear();
    await Promise.all([this.publisher?.quit().catch(() => undefined), this.subscriber?.quit().catch(() => undefined)]);
  }
}
