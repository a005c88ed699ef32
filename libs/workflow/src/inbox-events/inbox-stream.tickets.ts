import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { setting } from '../../../config/src';
import { AppError, type AuthUser } from '../../../common/src';
import { InboxEventsBus } from './inbox-events.bus';

/** A ticket opens one stream within this many seconds, once. */
export const TICKET_TTL_SECONDS = 30;

/** Who a ticket was issued to, and when their stream must end (the bearer token's expiry). */
export interface StreamHolder {
  user: Pick<AuthUser, 'id' | 'username' | 'unitCode' | 'roles'>;
  endsAt: number;
}

/**
 * Stream tickets (ADR 0022): an `EventSource` cannot send `Authorization`, and the bearer token
 * must not travel in a URL (URLs end up in logs). The guarded `POST /api/inbox/events/ticket`
 * gives a random ticket kept in Redis for 30 s under its hash; opening the stream takes it out
 * (GETDEL), on whichever server process the browser reaches. A logged URL is worth nothing.
 */
@Injectable()
export class InboxStreamTickets {
  private readonly prefix = `${setting('QUEUE_PREFIX')}:inbox-ticket:`;

  constructor(private readonly bus: InboxEventsBus) {}

  async issue(holder: StreamHolder): Promise<string> {
    const ticket = randomBytes(24).toString('base64url');
    await this.bus.commands().set(this.key(ticket), JSON.stringify(holder), 'EX', TICKET_TTL_SECONDS);
    return ticket;
  }

  /** The holder of a ticket, once; 401 when absent, used, expired or forged. */
  async redeem(ticket: string | undefined): Promise<StreamHolder> {
    if (!ticket)
      throw AppError.unauthorized('AUTH_REQUIRED', 'Open the stream with a ticket from POST /api/inbox/events/ticket');
    const text = /^[A-Za-z0-9_-]{32}$/.test(ticket) ? await this.bus.commands().getdel(this.key(ticket)) : null;
    if (!text)
      throw AppError.unauthorized('AUTH_TOKEN_INVALID', 'The stream ticket is not valid, already used or expired');
    const holder = JSON.parse(text) as StreamHolder;
    if (holder.endsAt <= Date.now()) throw AppError.unauthorized('AUTH_TOKEN_INVALID', 'Access token has expired');
    return holder;
  }

  private key(ticket: string): string {
    return this.prefix + createHash('sha256').update(ticket).digest('base64url');
  }
}
