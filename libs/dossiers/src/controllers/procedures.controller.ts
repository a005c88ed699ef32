import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors, Public } from '../../../common/src';
import { PublicProcedureDto, PublicProcedureListDto } from '../dtos/procedure.dto';
import { ProcedureQueryDto } from '../dtos/procedure-query.dto';
import { ProceduresService } from '../services/procedures.service';

/** Public catalog: anyone may read procedures and download blank forms. */
@ApiTags('procedures')
@Public()
@Controller('api/procedures')
export class ProceduresController {
  constructor(private readonly procedures: ProceduresService) {}

  @Get()
  @ApiOperation({
    summary: 'The public catalog: published procedures, ?field=, ?level= and ?q= (words, accents ignored)',
  })
  @ApiErrors({ 400: ['VALIDATION_FAILED'] })
  @ApiOkResponse({
    type: PublicProcedureListDto,
    description: 'Published procedures only, and the fields to filter by',
  })
  list(@Query() query: ProcedureQueryDto): Promise<PublicProcedureListDto> {
    return this.procedures.publicList(query);
  }

  @Get(':code')
  @ApiOperation({ summary: 'A published procedure: documents, legal time, fee, blank forms, where to hand it in' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['PROCEDURE_NOT_FOUND'] })
  @ApiOkResponse({ type: PublicProcedureDto })
  get(@Param('code') code: string): Promise<PublicProcedureDto> {
    return this.procedures.publicView(code);
  }

  @Get(':code/forms/:file')
  @ApiOperation({ summary: 'Download a blank form the catalog lists for the procedure' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['FORM_NOT_FOUND', 'PROCEDURE_NOT_FOUND'] })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description: 'The blank form as an attachment, in its own content type',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  async form(@Param('code') code: string, @Param('file') file: string, @Res() res: Response) {
    const form = await this.procedures.form(code, file);
    const disposition = `attachment; filename="${file}"`;
    if ('path' in form) res.sendFile(form.path, { headers: { 'Content-Disposition': disposition } });
    else
      res
        .set({ 'Content-Type': form.stored.contentType, 'Content-Disposition': disposition })
        .send(form.stored.content);
  }
}
