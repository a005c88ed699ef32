import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Response } from 'express';
import { AppError } from '../../../common/src';
import { setting } from '../../../config/src';
import { eventReaches, type InboxEvent } from './inbox-event';
import { InboxEventsBus } from './inbox-events.bus';
import type { StreamHolder } from './inbox-stream.tickets';

/** A comment line every so often keeps proxies (and their idle timeouts) from closing a quiet stream. */
export const HEARTBEAT_MS = 25_000;
/** A stream ends after this long at most; the browser asks for a new ticket, so the guard checks the account again. */
export const MAX_STREAM_MS = 15 * 60_000;

interface Stream {
  holder: StreamHolder;
  response: Response;
  ends: NodeJS.Timeout;
}

/**
 * The server-sent event streams open on this process, by unit (ADR 0022). Events from the bus go
 * to the streams whose user would see the step; one heartbeat timer serves every stream.
 */
@Injectable()
export class InboxStreams implements OnModuleDestroy {
  private readonly byUnit = new Map<string, Set<Stream>>();
  private readonly perUser = new Map<string, number>();
  private heartbeat?: NodeJS.Timeout;
  /** Subscribed once per process, whatever the number of streams opening at the same time. */
  private subscription?: Promise<() => void>;
  /** Open streams of one account on one process: a few tabs, not a leak (`INBOX_STREAMS_PER_USER`). */
  private readonly perUserLimit = setting('INBOX_STREAMS_PER_USER');

  constructor(private readonly bus: InboxEventsBus) {}

  get size(): number {
    let size = 0;
    for (const streams of this.byUnit.values()) size += streams.size;
    return size;
  }

  /** Starts the event stream on `response`; 429 `INBOX_STREAM_LIMIT` past the per-account limit. */
  async open(holder: StreamHolder, response: Response): Promise<void> {
    const { username, unitCode } = holder.user;
    if ((this.perUser.get(username) ?? 0) >= this.perUserLimit) {
      throw new AppError(429, 'INBOX_STREAM_LIMIT', `At most ${this.perUserLimit} open inbox streams per account`);
    }
    await (this.subscription ??= this.bus.subscribe((event) => this.deliver(event)));
    this.heartbeat ??= setInterval(() => this.beat(), HEARTBEAT_MS).unref();
    response.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    });
    response.flushHeaders();
    const endsIn = Math.max(0, Math.min(holder.endsAt - Date.now(), MAX_STREAM_MS));
    const stream: Stream = { holder, response, ends: setTimeout(() => this.end(stream), endsIn) };
    stream.ends.unref();
    let streams = this.byUnit.get(unitCode);
    if (!streams) this.byUnit.set(unitCode, (streams = new Set()));
    streams.add(stream);
    this.perUser.set(username, (this.perUser.get(username) ?? 0) + 1);
    response.on('close', () => this.forget(stream));
    response.write('retry: 3000\n\nevent: ready\ndata: {}\n\n');
  }

  private deliver(event: InboxEvent): void {
    const streams = this.byUnit.get(event.unitCode);
    if (!streams) return;
    const frame = `event: task\ndata: ${JSON.stringify(event)}\n\n`;
    for (const stream of streams) if (eventReaches(stream.holder.user, event)) stream.response.write(frame);
  }

  private beat(): void {
    for (const streams of this.byUnit.values()) for (const stream of streams) stream.response.write(': ping\n\n');
  }

  /** The token expired or the stream is old: say so, and close; the browser decides whether to ask again. */
  private end(stream: Stream): void {
    stream.response.end('event: expired\ndata: {}\n\n');
    this.forget(stream);
  }

  private forget(stream: Stream): void {
    const streams = this.byUnit.get(stream.holder.user.unitCode);
    if (!streams?.delete(stream)) return;
    clearTimeout(stream.ends);
    if (!streams.size) this.byUnit.delete(stream.holder.user.unitCode);
    const { username } = stream.holder.user;
    const left = (this.perUser.get(username) ?? 1) - 1;
    if (left > 0) this.perUser.set(username, left);
    else this.perUser.delete(username);
  }

  onModuleDestroy(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const streams of [...this.byUnit.values()]) for (const stream of [...streams]) this.end(stream);
    void this.subscription?.then((unsubscribe) => unsubscribe());
  }
}
