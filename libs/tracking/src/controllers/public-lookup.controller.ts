import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { asWire, Public } from '../../../common/src';
import { PublicDossierDto } from '../dtos/tracking.dto';
import { PublicLookupService } from '../services/public-lookup.service';
import { TrackingThrottlerGuard } from '../throttle/tracking-throttler.guard';

/** `GET /api/public/dossiers/:code?key=`: the citizen's lookup (web page and kiosk). */
@ApiTags('public')
@Controller('api/public/dossiers')
@Public()
@UseGuards(TrackingThrottlerGuard)
@SkipThrottle({ sms: true })
export class PublicLookupController {
  constructor(private readonly lookup: PublicLookupService) {}

  @Get(':code')
  @ApiQuery({ name: 'key', required: false, description: 'The lookup key from the receipt: adds the masked name and the timeline' })
  @ApiOkResponse({ type: PublicDossierDto })
  async get(@Param('code') code: string, @Query('key') key?: string): Promise<PublicDossierDto> {
    return asWire(await this.lookup.lookup(code, typeof key === 'string' ? key : undefined));
  }
}
