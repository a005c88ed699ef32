import { Controller, Get, Inject, Param, Query, StreamableFile } from '@nestjs/common';
import { CLOCK, CurrentUser, type AuthUser, type Clock } from '../../../common/src';
import { FormsService } from './forms.service';

/** Printed forms of a dossier (TT 01/2018/TT-VPCP), for staff who may read it (else 404 `DOSSIER_NOT_FOUND`). */
@Controller('api/dossiers')
export class FormsController {
  constructor(
    private readonly forms: FormsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':code/receipt.pdf')
  async receipt(@CurrentUser() user: AuthUser, @Param('code') code: string, @Query('key') key?: string) {
    return pdf(await this.forms.receipt(code, user, key), `giay-tiep-nhan-${code}.pdf`);
  }

  @Get(':code/control-slip.pdf')
  async controlSlip(@CurrentUser() user: AuthUser, @Param('code') code: string) {
    return pdf(await this.forms.controlSlip(code, user, this.clock.now()), `phieu-kiem-soat-${code}.pdf`);
  }
}

function pdf(buffer: Buffer, filename: string): StreamableFile {
  return new StreamableFile(buffer, { type: 'application/pdf', disposition: `inline; filename="${filename}"`, length: buffer.length });
}
