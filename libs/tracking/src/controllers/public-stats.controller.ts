import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../../../common/src';
import { PublicStatsService } from '../services/public-stats.service';

/** `GET /api/public/stats?from=&to=`: the provincial aggregate, per unit and in total. */
@Controller('api/public/stats')
@Public()
export class PublicStatsController {
  constructor(private readonly stats: PublicStatsService) {}

  /** Browsers and proxies may keep the answer as long as the server does (`STATS_CACHE_SECONDS`). */
  @Get()
  get(@Res({ passthrough: true }) res: Response, @Query('from') from?: string, @Query('to') to?: string) {
    const maxAge = this.stats.maxAgeSeconds;
    res.setHeader('Cache-Control', maxAge ? `public, max-age=${maxAge}` : 'no-cache');
    return this.stats.stats(from, to);
  }
}
