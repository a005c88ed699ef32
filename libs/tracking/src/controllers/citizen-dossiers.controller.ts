import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CitizenOnly, CurrentCitizen } from '../../../citizens/src';
import { ApiErrors, asWire, type CitizenPrincipal } from '../../../common/src';
import { FILE_DOWNLOAD, PublicResultListDto, PublicResultsService, streamFile } from '../../../files/src';
import { CitizenDossierDto, CitizenDossierListDto } from '../dtos/tracking.dto';
import { CitizenDossiersService } from '../services/citizen-dossiers.service';

/**
 * The signed-in citizen's dossiers (issue 18 item 4): those received at the desk with the citizen's
 * verified phone as the applicant's. The results are the public download's (PublicResultsService),
 * authorised by the citizen token instead of the lookup key.
 */
@ApiTags('citizen')
@Controller('api/citizen/dossiers')
@CitizenOnly()
export class CitizenDossiersController {
  constructor(
    private readonly dossiers: CitizenDossiersService,
    private readonly resultFiles: PublicResultsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'My dossiers: those whose applicant phone is my verified phone, newest first' })
  @ApiOkResponse({ type: CitizenDossierListDto })
  async list(@CurrentCitizen() citizen: CitizenPrincipal): Promise<CitizenDossierListDto> {
    return asWire(await this.dossiers.list(citizen));
  }

  @Get(':code')
  @ApiOperation({ summary: 'One of my dossiers: status, appointment, public timeline, messages from the desk' })
  @ApiErrors({ 404: ['DOSSIER_NOT_FOUND'] })
  @ApiOkResponse({ type: CitizenDossierDto })
  async get(@CurrentCitizen() citizen: CitizenPrincipal, @Param('code') code: string): Promise<CitizenDossierDto> {
    return asWire(await this.dossiers.get(citizen, code));
  }

  @Get(':code/results')
  @ApiOperation({ summary: 'The electronic result files of one of my dossiers (none until ready)' })
  @ApiErrors({ 403: ['ELECTRONIC_RESULT_NOT_ALLOWED'], 404: ['DOSSIER_NOT_FOUND'] })
  @ApiOkResponse({ type: PublicResultListDto })
  async results(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @Param('code') code: string,
  ): Promise<PublicResultListDto> {
    return asWire(await this.resultFiles.list(code, { citizenPhone: citizen.phone }));
  }

  @Get(':code/results/:id')
  @ApiOperation({ summary: 'Download an electronic result file of one of my dossiers' })
  @ApiErrors({
    403: ['ELECTRONIC_RESULT_NOT_ALLOWED'],
    404: ['DOSSIER_NOT_FOUND', 'FILE_NOT_FOUND'],
    500: ['FILE_BLOB_MISSING'],
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse(FILE_DOWNLOAD)
  async download(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @Param('code') code: string,
    @Param('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { file, body } = await this.resultFiles.open(code, { citizenPhone: citizen.phone }, id);
    return streamFile(res, file, body);
  }
}
