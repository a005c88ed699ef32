import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors, asWire, Public } from '../../../common/src';
import { PublicStatsDto } from '../dtos/tracking.dto';
import { PublicStatsService } from '../services/public-stats.service';

/** `GET /api/public/stats?from=&to=`: the provincial aggregate, per unit and in total. */
@ApiTags('public')
@Controller('api/public/stats')
@Public()
export class PublicStatsController {
  constructor(private readonly stats: PublicStatsService) {}

  /** Browsers and proxies may keep the answer as long as the server does (`STATS_CACHE_SECONDS`). */
  @Get()
  @ApiOperation({ summary: 'Provincial statistics per unit and in total (Vietnam days from..to, both included)' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'] })
  @ApiQuery({ name: 'from', required: false, description: 'YYYY-MM-DD (Vietnam days, included)' })
  @ApiQuery({ name: 'to', required: false, description: 'YYYY-MM-DD (Vietnam days, included)' })
  @ApiOkResponse({ type: PublicStatsDto })
  async get(
    @Res({ passthrough: true }) res: Response,
    @Query('from') from?: string,
    @Query('to') to?: string,
  ): Promise<PublicStatsDto> {
    const maxAge = this.stats.maxAgeSeconds;
    res.setHeader('Cache-Control', maxAge ? `public, max-age=${maxAge}` : 'no-cache');
    return asWire(await this.stats.stats(from, to));
  }
}
