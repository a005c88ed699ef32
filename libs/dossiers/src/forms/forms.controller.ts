import { applyDecorators, Controller, Get, Inject, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiErrors, AppError, CLOCK, CurrentUser, type AuthUser, type Clock } from '../../../common/src';
import { FormsService } from './forms.service';

/** Printed forms of a dossier (TT 01/2018/TT-VPCP), for staff who may read it (else 404 `DOSSIER_NOT_FOUND`). */
@ApiTags('dossiers')
@Controller('api/dossiers')
export class FormsController {
  constructor(
    private readonly forms: FormsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':code/receipt.pdf')
  @ApiOperation({ summary: 'Form 01 (receipt and appointment) as a PDF; ?key= puts the lookup key in the QR code' })
  @ApiErrors({ 400: ['LOOKUP_KEY_INVALID', 'VALIDATION_FAILED'], 404: ['DOSSIER_NOT_FOUND'] })
  @PdfResponse('Form 01, the receipt (giấy tiếp nhận và hẹn trả kết quả)')
  @ApiQuery({ name: 'key', required: false, description: 'The lookup key, printed in the QR code' })
  async receipt(@CurrentUser() user: AuthUser, @Param('code') code: string, @Query('key') key?: string) {
    return pdf(await this.forms.receipt(code, user, key), `giay-tiep-nhan-${code}.pdf`);
  }

  @Get(':code/control-slip.pdf')
  @ApiOperation({ summary: 'Form 05 (control slip) as a PDF' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['DOSSIER_NOT_FOUND'] })
  @PdfResponse('Form 05, the control slip (phiếu kiểm soát quá trình giải quyết)')
  async controlSlip(@CurrentUser() user: AuthUser, @Param('code') code: string) {
    return pdf(await this.forms.controlSlip(code, user, this.clock.now()), `phieu-kiem-soat-${code}.pdf`);
  }

  /**
   * Any form by its number in TT 01/2018/TT-VPCP: 01 receipt, 02 supplement request, 03 refusal,
   * 04 apology, 05 control slip; `key` (the lookup key) puts it in the QR. 404 `FORM_NOT_FOUND`
   * for another number; 409 `FORM_NOT_APPLICABLE` when the form's event has not happened.
   */
  @Get(':code/forms/:form')
  @ApiOperation({ summary: 'Any form of TT 01/2018/TT-VPCP by number (01–05) as a PDF' })
  @ApiErrors({
    400: ['LOOKUP_KEY_INVALID', 'VALIDATION_FAILED'],
    404: ['DOSSIER_NOT_FOUND', 'FORM_NOT_FOUND'],
    409: ['FORM_NOT_APPLICABLE'],
  })
  @PdfResponse('The form of that number, as a PDF')
  @ApiParam({
    name: 'form',
    enum: ['01', '02', '03', '04', '05'],
    description: 'The number in TT 01/2018/TT-VPCP; `.pdf` may follow',
  })
  @ApiQuery({ name: 'key', required: false, description: 'The lookup key, printed in the QR code' })
  async form(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
    @Param('form') form: string,
    @Query('key') key?: string,
  ) {
    const number = form.replace(/\.pdf$/, '');
    switch (number) {
      case '01':
        return pdf(await this.forms.receipt(code, user, key), `mau-01-giay-tiep-nhan-${code}.pdf`);
      case '02':
        return pdf(await this.forms.supplementRequest(code, user, key), `mau-02-yeu-cau-bo-sung-${code}.pdf`);
      case '03':
        return pdf(await this.forms.refusal(code, user, key), `mau-03-tu-choi-${code}.pdf`);
      case '04':
        return pdf(await this.forms.apology(code, user, key), `mau-04-xin-loi-${code}.pdf`);
      case '05':
        return pdf(await this.forms.controlSlip(code, user, this.clock.now()), `mau-05-phieu-kiem-soat-${code}.pdf`);
      default:
        throw AppError.notFound('FORM_NOT_FOUND', `There is no form ${form}; forms are 01 to 05`);
    }
  }
}

/** The answer is a PDF shown inline. */
function PdfResponse(description: string) {
  return applyDecorators(
    ApiProduces('application/pdf'),
    ApiOkResponse({ description, content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } }),
  );
}

function pdf(buffer: Buffer, filename: string): StreamableFile {
  return new StreamableFile(buffer, {
    type: 'application/pdf',
    disposition: `inline; filename="${filename}"`,
    length: buffer.length,
  });
}
