import { Controller, Get, Param, Query, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { ApiErrors, Public } from '../../../common/src';
import { FormsService } from '../../../dossiers/src';
import { TrackingThrottlerGuard } from '../throttle/tracking-throttler.guard';

/**
 * Form 01 for the citizen (issue 18 item 3): `GET /api/public/dossiers/:code/receipt.pdf?key=`, the
 * link the SMS of an accepted online submission carries; rate-limited like the lookup, 403
 * `LOOKUP_KEY_INVALID` without the right key.
 */
@ApiTags('public')
@Controller('api/public/dossiers/:code/receipt.pdf')
@Public()
@UseGuards(TrackingThrottlerGuard)
@SkipThrottle({ sms: true })
export class PublicReceiptController {
  constructor(private readonly forms: FormsService) {}

  @Get()
  @ApiOperation({ summary: 'Form 01 (receipt and appointment) as a PDF, with code and lookup key' })
  @ApiErrors({
    400: ['VALIDATION_FAILED'],
    403: ['LOOKUP_KEY_INVALID'],
    404: ['DOSSIER_NOT_FOUND'],
    429: ['TOO_MANY_REQUESTS'],
  })
  @ApiQuery({ name: 'key', required: true, description: 'The lookup key from the SMS' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'Form 01 (giấy tiếp nhận và hẹn trả kết quả)',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  async receipt(@Param('code') code: string, @Query('key') key?: string): Promise<StreamableFile> {
    const pdf = await this.forms.citizenReceipt(code, typeof key === 'string' ? key : undefined);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `inline; filename="giay-tiep-nhan-${code.replace(/[^0-9A-Za-z.-]/g, '')}.pdf"`,
      length: pdf.length,
    });
  }
}
