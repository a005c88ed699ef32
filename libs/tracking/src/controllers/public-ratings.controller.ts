import { Body, Controller, Get, Param, Post, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { ApiErrors, Public } from '../../../common/src';
import { RateDossierDto, RatingCriteriaDto, RatingReceiptDto } from '../dtos/rating.dto';
import { RatingsService } from '../services/ratings.service';
import { TrackingThrottlerGuard } from '../throttle/tracking-throttler.guard';

/** The citizen's satisfaction rating on the web page `/danh-gia` and at the kiosk (ADR 0030). */
@ApiTags('public')
@Controller('api/public')
@Public()
@UseGuards(TrackingThrottlerGuard)
@SkipThrottle({ sms: true })
export class PublicRatingsController {
  constructor(private readonly ratings: RatingsService) {}

  @Get('rating-criteria')
  @ApiOperation({ summary: 'The criteria a rating scores now (the web form)' })
  @ApiErrors({ 429: ['TOO_MANY_REQUESTS'] })
  @ApiOkResponse({ type: RatingCriteriaDto })
  criteria(): Promise<RatingCriteriaDto> {
    return this.ratings.activeCriteria();
  }

  @Post('dossiers/:code/rating')
  @ApiOperation({
    summary:
      'Rate a dossier whose result was returned, with the lookup key: every criterion 1–5 or one overall score; once',
  })
  @ApiErrors({
    400: ['VALIDATION_FAILED', 'RATING_SCORES_INVALID'],
    404: ['DOSSIER_NOT_FOUND'],
    409: ['RATING_NOT_RETURNED', 'RATING_EXISTS'],
    429: ['TOO_MANY_REQUESTS'],
  })
  @ApiCreatedResponse({ type: RatingReceiptDto })
  rate(@Param('code') code: string, @Body() body: RateDossierDto): Promise<RatingReceiptDto> {
    return this.ratings.rate(code, { ...body, channel: body.channel ?? 'web' });
  }
}
