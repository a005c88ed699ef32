import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { ApiErrors, AppError, Public } from '../../common/src';
import { MetricsRegistry } from './metrics.registry';
import { setting } from '../../config/src';

/** `GET /metrics` in the Prometheus text format; with `METRICS_TOKEN` set, only for `Authorization: Bearer <token>`. */
@ApiTags('ops')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsRegistry) {}

  @Public()
  @ApiSecurity({})
  @ApiSecurity('metricsToken')
  @ApiOperation({ summary: 'Prometheus metrics (with METRICS_TOKEN set: only for its bearer)' })
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: 'Prometheus text exposition format',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  @ApiErrors({ 401: ['METRICS_TOKEN_INVALID'] })
  @Get()
  async scrape(@Req() req: Request, @Res() res: Response) {
    if (!tokenAccepted(setting('METRICS_TOKEN'), req.headers.authorization)) {
      throw AppError.unauthorized('METRICS_TOKEN_INVALID', 'Send Authorization: Bearer <METRICS_TOKEN>');
    }
    res.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}

function tokenAccepted(expected: string | undefined, header: string | undefined): boolean {
  if (!expected) return true;
  const given = Buffer.from(header ?? '');
  const wanted = Buffer.from(`Bearer ${expected}`);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
