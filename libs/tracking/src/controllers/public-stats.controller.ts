import { Controller, Get, Query } from '@nestjs/common';
import { Public } from '../../../common/src';
import { PublicStatsService } from '../services/public-stats.service';

/** `GET /api/public/stats?from=&to=`: the provincial aggregate, per unit and in total. */
@Controller('api/public/stats')
@Public()
export class PublicStatsController {
  constructor(private readonly stats: PublicStatsService) {}

  @Get()
  get(@Query('from') from?: string, @Query('to') to?: string) {
    return this.stats.stats(from, to);
  }
}
