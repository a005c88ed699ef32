import { Controller, Get, HttpCode, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiErrors, asWire, CurrentUser, type AuthUser } from '../../../common/src';
import { contentDisposition } from '../domain/content-disposition';
import { DossierFileListDto, FILE_DOWNLOAD, UploadedFilesDto } from '../dtos/dossier-file.dto';
import { FileListQueryDto } from '../dtos/file-list-query.dto';
import { DossierFilesService } from '../services/dossier-files.service';
import type { DossierFile } from '../services/dossier-files.reader';
import type { Readable } from 'node:stream';

/** Files of a dossier (issue 16), under the dossier's read rule: 404 `DOSSIER_NOT_FOUND` outside it. */
@ApiTags('dossier files')
@Controller('api/dossiers/:code/files')
export class DossierFilesController {
  constructor(private readonly files: DossierFilesService) {}

  /** multipart/form-data: fields `kind`, `documentKey`, `taskId`, then one or more `file` parts. */
  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Upload files (streamed): fields kind, documentKey, taskId, then file parts; 201 {items}, all stored or none' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['kind', 'file'],
      properties: {
        kind: { type: 'string', enum: ['document', 'attachment', 'result'] },
        documentKey: { type: 'string', description: 'kind=document: a code of the procedure\'s requiredDocuments' },
        taskId: { type: 'string', format: 'uuid', description: 'kind=attachment: an open task of the dossier' },
        file: { type: 'array', items: { type: 'string', format: 'binary' } },
      },
    },
  })
  @ApiErrors({ 400: ['FILE_DOCUMENT_KEY_INVALID', 'FILE_EMPTY', 'FILE_KIND_INVALID', 'FILE_MISSING', 'FILE_NAME_INVALID', 'FILE_TASK_INVALID', 'FILE_TYPE_NOT_ALLOWED', 'UPLOAD_ABORTED', 'UPLOAD_FIELD_INVALID', 'UPLOAD_MALFORMED', 'UPLOAD_TOO_MANY_FILES', 'VALIDATION_FAILED'], 404: ['DOSSIER_NOT_FOUND'], 409: ['DOSSIER_CLOSED', 'FILE_TASK_CLOSED', 'UPLOAD_EXPIRED'], 413: ['FILE_TOO_LARGE'], 415: ['UPLOAD_NOT_MULTIPART'] })
  @ApiCreatedResponse({ type: UploadedFilesDto })
  async upload(@CurrentUser() user: AuthUser, @Param('code') code: string, @Req() req: Request): Promise<UploadedFilesDto> {
    return asWire(await this.files.upload(user, code, req));
  }

  @Get()
  @ApiOperation({ summary: 'Every file of the dossier the officer may see; ?kind= and ?taskId= narrow it' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['DOSSIER_NOT_FOUND'] })
  @ApiOkResponse({ type: DossierFileListDto })
  async list(@CurrentUser() user: AuthUser, @Param('code') code: string, @Query() query: FileListQueryDto): Promise<DossierFileListDto> {
    return asWire(await this.files.list(user, code, query));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Download a file (streamed); ?inline=true to view it in the browser' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['DOSSIER_NOT_FOUND', 'FILE_NOT_FOUND'], 500: ['FILE_BLOB_MISSING'] })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse(FILE_DOWNLOAD)
  @ApiQuery({ name: 'inline', required: false, enum: ['true', '1'], description: 'Content-Disposition inline (to view in the browser)' })
  async download(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
    @Param('id') id: string,
    @Query('inline') inline: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { file, body } = await this.files.open(user, code, id);
    return streamFile(res, file, body, inline === 'true' || inline === '1');
  }
}

/** The file's bytes with its sniffed type, UTF-8 name, length and hash (`ETag`). */
export function streamFile(res: Response, file: DossierFile, body: Readable, inline = false): StreamableFile {
  res.setHeader('ETag', `"${file.sha256}"`);
  res.setHeader('Cache-Control', 'private, no-cache');
  return new StreamableFile(body, { type: file.contentType, disposition: contentDisposition(file.fileName, inline ? 'inline' : 'attachment'), length: file.size });
}
