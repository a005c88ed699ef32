import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, CurrentUser, Roles, type AuthUser } from '../../../common/src';
import {
  AdminProcedureQueryDto,
  CreateProcedureDto,
  FormUploadDto,
  ProcedureBodyDto,
} from '../catalog/procedure-admin.dto';
import { ProcedureAdminService, type UploadedForm } from '../catalog/procedure-admin.service';
import { FORM_MAX_BYTES } from '../catalog/form-file.name';
import { CatalogImportResultDto, ProcedureDto, ProcedureListDto } from '../dtos/procedure.dto';

/** The 400 codes of the catalog's entry rules (catalog/procedure.rules.ts), which create, replace and import all apply. */
const PROCEDURE_RULE_CODES = [
  'CHANNELS_INVALID',
  'DOCUMENT_CODE_DUPLICATE',
  'DOCUMENT_CODE_INVALID',
  'EFORM_DEFINITION_INVALID',
  'FEE_INVALID',
  'FORM_FILE_INVALID',
  'LEGAL_TIME_INVALID',
  'PROCEDURE_CODE_INVALID',
  'PROCEDURE_FIELD_INVALID',
  'PROCESS_KEY_UNKNOWN',
  'PROCESS_VERSION_UNKNOWN',
];

/** The procedures catalog for administrators: published or not, edited, imported and exported. */
@ApiTags('admin')
@Roles('admin')
@Controller('api/admin/procedures')
export class AdminProceduresController {
  constructor(private readonly catalog: ProcedureAdminService) {}

  @Get()
  @ApiOperation({ summary: 'Every procedure, published or not: ?q= (code, name, process key), ?field=, ?published=' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'] })
  @ApiOkResponse({ type: ProcedureListDto })
  async list(@Query() query: AdminProcedureQueryDto): Promise<ProcedureListDto> {
    return this.catalog.list({
      ...query,
      published: query.published === undefined ? undefined : query.published === 'true',
    });
  }

  @Get('export')
  @ApiOperation({ summary: 'The whole catalog in the processes/catalog.json format' })
  @ApiOkResponse({ type: [ProcedureDto] })
  exportCatalog(): Promise<ProcedureDto[]> {
    return this.catalog.exportCatalog();
  }

  @Post('import')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Create or replace every entry of a catalog.json array, all or nothing; a fault answers 400 with details.index',
  })
  @ApiBody({
    type: [CreateProcedureDto],
    description: 'The processes/catalog.json format (validated entry by entry: 400 with details.index)',
  })
  @ApiErrors({
    400: [
      'CATALOG_INVALID',
      'FORM_FILE_UNKNOWN',
      'PROCEDURE_CODE_DUPLICATE',
      'UNIT_NOT_FOUND',
      ...PROCEDURE_RULE_CODES,
    ],
    403: ['ADMIN_SCOPE'],
  })
  @ApiOkResponse({ type: CatalogImportResultDto })
  importCatalog(@CurrentUser() user: AuthUser, @Body() body: unknown): Promise<CatalogImportResultDto> {
    return this.catalog.importCatalog(user, body);
  }

  @Get(':code')
  @ApiOperation({ summary: 'One procedure, published or not' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['PROCEDURE_NOT_FOUND'] })
  @ApiOkResponse({ type: ProcedureDto })
  get(@Param('code') code: string): Promise<ProcedureDto> {
    return this.catalog.get(code);
  }

  @Post()
  @ApiOperation({
    summary:
      "Create a procedure, owned by the administrator's unit (or ownerUnitCode), unpublished unless published: true",
  })
  @ApiErrors({
    400: ['UNIT_NOT_FOUND', 'VALIDATION_FAILED', ...PROCEDURE_RULE_CODES],
    403: ['ADMIN_SCOPE'],
    409: ['PROCEDURE_CODE_TAKEN'],
  })
  @ApiCreatedResponse({ type: ProcedureDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateProcedureDto): Promise<ProcedureDto> {
    return this.catalog.create(user, body);
  }

  @Put(':code')
  @ApiOperation({ summary: 'Replace a procedure; templates may be renamed or dropped here, added only by upload' })
  @ApiErrors({
    400: ['FORM_FILE_UNKNOWN', 'VALIDATION_FAILED', ...PROCEDURE_RULE_CODES],
    403: ['ADMIN_SCOPE'],
    404: ['PROCEDURE_NOT_FOUND'],
  })
  @ApiOkResponse({ type: ProcedureDto })
  update(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
    @Body() body: ProcedureBodyDto,
  ): Promise<ProcedureDto> {
    return this.catalog.update(user, code, body);
  }

  @Post(':code/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Offered at once by GET /api/procedures and received at the desk' })
  @ApiErrors({
    400: ['PROCESS_KEY_UNKNOWN', 'PROCESS_VERSION_UNKNOWN', 'VALIDATION_FAILED'],
    403: ['ADMIN_SCOPE'],
    404: ['PROCEDURE_NOT_FOUND'],
  })
  @ApiOkResponse({ type: ProcedureDto })
  publish(@CurrentUser() user: AuthUser, @Param('code') code: string): Promise<ProcedureDto> {
    return this.catalog.setPublished(user, code, true);
  }

  @Post(':code/unpublish')
  @HttpCode(200)
  @ApiOperation({
    summary: 'No longer offered nor received (404 PROCEDURE_NOT_FOUND at the desk); dossiers already received go on',
  })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 403: ['ADMIN_SCOPE'], 404: ['PROCEDURE_NOT_FOUND'] })
  @ApiOkResponse({ type: ProcedureDto })
  unpublish(@CurrentUser() user: AuthUser, @Param('code') code: string): Promise<ProcedureDto> {
    return this.catalog.setPublished(user, code, false);
  }

  @Post(':code/forms')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Upload a blank form (multipart "file", optional "name"); served by GET /api/procedures/:code/forms/:file',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        name: { type: 'string', description: 'Shown to applicants; defaults to the file name' },
      },
    },
  })
  @ApiErrors({
    400: ['FORM_FILE_INVALID', 'VALIDATION_FAILED'],
    403: ['ADMIN_SCOPE'],
    404: ['PROCEDURE_NOT_FOUND'],
    413: ['PAYLOAD_TOO_LARGE'],
  })
  @ApiCreatedResponse({ type: ProcedureDto, description: 'The procedure with the form among its templates' })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: FORM_MAX_BYTES, files: 1 } }))
  uploadForm(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
    @UploadedFile() file: UploadedForm | undefined,
    @Body() body: FormUploadDto,
  ): Promise<ProcedureDto> {
    return this.catalog.uploadForm(user, code, file, body.name);
  }
}
