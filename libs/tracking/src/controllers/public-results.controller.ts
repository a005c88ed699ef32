import { Controller, Get, Param, Query, Res, UseGuards } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { Public } from '../../../common/src';
import { PublicResultsService, streamFile } from '../../../files/src';
import { TrackingThrottlerGuard } from '../throttle/tracking-throttler.guard';

/**
 * The citizen's electronic result (issue 16): `GET /api/public/dossiers/:code/results?key=` and
 * `/results/:id?key=`, rate-limited like the lookup; 403 `LOOKUP_KEY_INVALID` without the right
 * key, 403 `ELECTRONIC_RESULT_NOT_ALLOWED` for a procedure that returns paper only.
 */
@Controller('api/public/dossiers/:code/results')
@Public()
@UseGuards(TrackingThrottlerGuard)
@SkipThrottle({ sms: true })
export class PublicResultsController {
  constructor(private readonly results: PublicResultsService) {}

  @Get()
  list(@Param('code') code: string, @Query('key') key?: string) {
    return this.results.list(code, typeof key === 'string' ? key : undefined);
  }

  @Get(':id')
  async download(@Param('code') code: string, @Param('id') id: string, @Res({ passthrough: true }) res: Response, @Query('key') key?: string) {
    const { file, body } = await this.results.open(code, typeof key === 'string' ? key : undefined, id);
    return streamFile(res, file, body);
  }
}
