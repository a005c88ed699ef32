import { Controller, Get, Param, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { ApiErrors, asWire, Public } from '../../../common/src';
import { FILE_DOWNLOAD, PublicResultListDto, PublicResultsService, streamFile } from '../../../files/src';
import { TrackingThrottlerGuard } from '../throttle/tracking-throttler.guard';

/**
 * The citizen's electronic result (issue 16): `GET /api/public/dossiers/:code/results?key=` and
 * `/results/:id?key=`, rate-limited like the lookup; 403 `LOOKUP_KEY_INVALID` without the right
 * key, 403 `ELECTRONIC_RESULT_NOT_ALLOWED` for a procedure that returns paper only.
 */
@ApiTags('public')
@Controller('api/public/dossiers/:code/results')
@Public()
@UseGuards(TrackingThrottlerGuard)
@SkipThrottle({ sms: true })
export class PublicResultsController {
  constructor(private readonly results: PublicResultsService) {}

  @Get()
  @ApiOperation({
    summary: 'The electronic result files the citizen may download with code and lookup key (none until ready)',
  })
  @ApiErrors({
    400: ['VALIDATION_FAILED'],
    403: ['ELECTRONIC_RESULT_NOT_ALLOWED', 'LOOKUP_KEY_INVALID'],
    404: ['DOSSIER_NOT_FOUND'],
    429: ['TOO_MANY_REQUESTS'],
  })
  @ApiQuery({ name: 'key', required: true, description: 'The lookup key from the receipt' })
  @ApiOkResponse({ type: PublicResultListDto })
  async list(@Param('code') code: string, @Query('key') key?: string): Promise<PublicResultListDto> {
    return asWire(await this.results.list(code, { key: typeof key === 'string' ? key : undefined }));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Download an electronic result file with code and lookup key' })
  @ApiErrors({
    400: ['VALIDATION_FAILED'],
    403: ['ELECTRONIC_RESULT_NOT_ALLOWED', 'LOOKUP_KEY_INVALID'],
    404: ['DOSSIER_NOT_FOUND', 'FILE_NOT_FOUND'],
    429: ['TOO_MANY_REQUESTS'],
    500: ['FILE_BLOB_MISSING'],
  })
  @ApiQuery({ name: 'key', required: true, description: 'The lookup key from the receipt' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse(FILE_DOWNLOAD)
  async download(
    @Param('code') code: string,
    @Param('id') id: string,
    @Res({ passthrough: true }) res: Response,
    @Query('key') key?: string,
  ) {
    const { file, body } = await this.results.open(code, { key: typeof key === 'string' ? key : undefined }, id);
    return streamFile(res, file, body);
  }
}
