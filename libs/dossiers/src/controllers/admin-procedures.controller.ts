import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../../../common/src';
import { AdminProcedureQueryDto, CreateProcedureDto, FormUploadDto, ProcedureBodyDto } from '../catalog/procedure-admin.dto';
import { ProcedureAdminService, type UploadedForm } from '../catalog/procedure-admin.service';
import { FORM_MAX_BYTES } from '../catalog/form-file.name';

/** The procedures catalog for administrators: published or not, edited, imported and exported. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/admin/procedures')
export class AdminProceduresController {
  constructor(private readonly catalog: ProcedureAdminService) {}

  @Get()
  @ApiOperation({ summary: 'Every procedure, published or not: ?q= (code, name, process key), ?field=, ?published=' })
  list(@Query() query: AdminProcedureQueryDto) {
    return this.catalog.list({ ...query, published: query.published === undefined ? undefined : query.published === 'true' });
  }

  @Get('export')
  @ApiOperation({ summary: 'The whole catalog in the processes/catalog.json format' })
  exportCatalog() {
    return this.catalog.exportCatalog();
  }

  @Post('import')
  @HttpCode(200)
  @ApiOperation({ summary: 'Create or replace every entry of a catalog.json array, all or nothing; a fault answers 400 with details.index' })
  @ApiBody({ schema: { type: 'array', items: { type: 'object' } } })
  importCatalog(@CurrentUser() user: AuthUser, @Body() body: unknown) {
    return this.catalog.importCatalog(user, body);
  }

  @Get(':code')
  get(@Param('code') code: string) {
    return this.catalog.get(code);
  }

  @Post()
  @ApiOperation({ summary: '409 PROCEDURE_CODE_TAKEN; 400 LEGAL_TIME_INVALID, PROCESS_KEY_UNKNOWN, PROCESS_VERSION_UNKNOWN, DOCUMENT_CODE_DUPLICATE, …' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateProcedureDto) {
    return this.catalog.create(user, body);
  }

  @Put(':code')
  update(@CurrentUser() user: AuthUser, @Param('code') code: string, @Body() body: ProcedureBodyDto) {
    return this.catalog.update(user, code, body);
  }

  @Post(':code/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Offered at once by GET /api/procedures and received at the desk' })
  publish(@CurrentUser() user: AuthUser, @Param('code') code: string) {
    return this.catalog.setPublished(user, code, true);
  }

  @Post(':code/unpublish')
  @HttpCode(200)
  @ApiOperation({ summary: 'No longer offered nor received (404 PROCEDURE_NOT_FOUND at the desk); dossiers already received go on' })
  unpublish(@CurrentUser() user: AuthUser, @Param('code') code: string) {
    return this.catalog.setPublished(user, code, false);
  }

  @Post(':code/forms')
  @HttpCode(201)
  @ApiOperation({ summary: 'Upload a blank form (multipart "file", optional "name"); served by GET /api/procedures/:code/forms/:file' })
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: FORM_MAX_BYTES, files: 1 } }))
  uploadForm(@CurrentUser() user: AuthUser, @Param('code') code: string, @UploadedFile() file: UploadedForm | undefined, @Body() body: FormUploadDto) {
    return this.catalog.uploadForm(user, code, file, body.name);
  }
}
