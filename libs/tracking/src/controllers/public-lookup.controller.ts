import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { ApiErrors, asWire, Public } from '../../../common/src';
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
  @ApiOperation({
    summary:
      "The citizen's lookup by dossier code: status, appointment; with the key also the masked name and the timeline",
  })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['DOSSIER_NOT_FOUND'], 429: ['TOO_MANY_REQUESTS'] })
  @ApiQuery({
    name: 'key',
    required: false,
    description: 'The lookup key from the receipt: adds the masked name and the timeline',
  })
  @ApiOkResponse({ type: PublicDossierDto })
  async get(@Param('code') code: string, @Query('key') key?: string): Promise<PublicDossierDto> {
    return asWire(await this.lookup.lookup(code, typeof key === 'string' ? key : undefined));
  }
}
