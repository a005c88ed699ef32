import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../../../common/src';
import { ProcedureQueryDto } from '../dtos/procedure-query.dto';
import { ProceduresService } from '../services/procedures.service';

/** Public catalog: anyone may read procedures and download blank forms. */
@Public()
@Controller('api/procedures')
export class ProceduresController {
  constructor(private readonly procedures: ProceduresService) {}

  @Get()
  list(@Query() query: ProcedureQueryDto) {
    return this.procedures.list(query);
  }

  @Get(':code')
  get(@Param('code') code: string) {
    return this.procedures.get(code);
  }

  @Get(':code/forms/:file')
  async form(@Param('code') code: string, @Param('file') file: string, @Res() res: Response) {
    const form = await this.procedures.form(code, file);
    const disposition = `attachment; filename="${file}"`;
    if ('path' in form) res.sendFile(form.path, { headers: { 'Content-Disposition': disposition } });
    else res.set({ 'Content-Type': form.stored.contentType, 'Content-Disposition': disposition }).send(form.stored.content);
  }
}
