import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../../../common/src';
import { PublicLookupService } from '../services/public-lookup.service';
import { TrackingThrottlerGuard } from '../throttle/tracking-throttler.guard';

/** `GET /api/public/dossiers/:code?key=`: the citizen's lookup (web page and kiosk). */
@Controller('api/public/dossiers')
@Public()
@UseGuards(TrackingThrottlerGuard)
@SkipThrottle({ sms: true })
export class PublicLookupController {
  constructor(private readonly lookup: PublicLookupService) {}

  @Get(':code')
  get(@Param('code') code: string, @Query('key') key?: string) {
    return this.lookup.lookup(code, typeof key === 'string' ? key : undefined);
  }
}
