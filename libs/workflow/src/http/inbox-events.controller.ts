import { Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiErrors, CurrentUser, Public, type AuthUser } from '../../../common/src';
import { InboxStreamTickets, TICKET_TTL_SECONDS } from '../inbox-events/inbox-stream.tickets';
import { InboxStreams } from '../inbox-events/inbox-streams';

class StreamTicketDto {
  @ApiProperty({ description: 'Opens one stream, once, within `expiresInSeconds`' })
  ticket: string;

  @ApiProperty({ example: TICKET_TTL_SECONDS })
  expiresInSeconds: number;
}

/** Live inbox updates over server-sent events (ADR 0022). */
@ApiTags('tasks')
@Controller('api/inbox/events')
export class InboxEventsController {
  constructor(
    private readonly tickets: InboxStreamTickets,
    private readonly streams: InboxStreams,
  ) {}

  @Post('ticket')
  @HttpCode(200)
  @ApiOperation({ summary: 'A short-lived, single-use ticket to open my inbox event stream' })
  @ApiOkResponse({ type: StreamTicketDto })
  async ticket(@CurrentUser() user: AuthUser, @Req() request: Request): Promise<StreamTicketDto> {
    const holder = {
      user: { id: user.id, username: user.username, unitCode: user.unitCode, roles: user.roles },
      endsAt: tokenExpiry(request),
    };
    return { ticket: await this.tickets.issue(holder), expiresInSeconds: TICKET_TTL_SECONDS };
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Server-sent events when a step of my inbox is created, claimed, assigned or completed' })
  @ApiQuery({
    name: 'ticket',
    required: true,
    description: 'From POST /api/inbox/events/ticket (never the bearer token)',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description:
      '`event: task` frames with `{kind, taskId, unitCode, groups, at}`; `: ping` every 25 s; `event: expired` before it ends',
  })
  @ApiErrors({ 401: ['AUTH_REQUIRED', 'AUTH_TOKEN_INVALID'], 429: ['INBOX_STREAM_LIMIT'] })
  async events(@Query('ticket') ticket: string | undefined, @Res() response: Response): Promise<void> {
    const holder = await this.tickets.redeem(typeof ticket === 'string' ? ticket : undefined);
    await this.streams.open(holder, response);
  }
}

/** The bearer token's `exp` (the guard verified it already); the stream must not outlive it. */
function tokenExpiry(request: Request): number {
  const token = /^Bearer\s+(\S+)/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
  try {
    const exp = (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { exp?: unknown }).exp;
    if (typeof exp === 'number') return exp * 1000;
  } catch {
    // verified by the guard: a token without a readable `exp` does not expire
  }
  return Number.MAX_SAFE_INTEGER;
}
