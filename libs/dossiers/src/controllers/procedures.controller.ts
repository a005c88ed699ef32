import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors, Public } from '../../../common/src';
import { ProcedureDto, ProcedureListDto } from '../dtos/procedure.dto';
import { ProcedureQueryDto } from '../dtos/procedure-query.dto';
import { ProceduresService } from '../services/procedures.service';

/** Public catalog: anyone may read procedures and download blank forms. */
@ApiTags('procedures')
@Public()
@Controller('api/procedures')
export class ProceduresController {
  constructor(private readonly procedures: ProceduresService) {}

  @Get()
  @ApiOperation({ summary: 'The public catalog: published procedures, ?field= and ?q=' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'] })
  @ApiOkResponse({ type: ProcedureListDto, description: 'Published procedures only' })
  list(@Query() query: ProcedureQueryDto): Promise<ProcedureListDto> {
    return this.procedures.list(query);
  }

  @Get(':code')
  @ApiOperation({ summary: 'A published procedure: documents, legal time, fee, blank forms' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['PROCEDURE_NOT_FOUND'] })
  @ApiOkResponse({ type: ProcedureDto })
  get(@Param('code') code: string): Promise<ProcedureDto> {
    return this.procedures.get(code);
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
