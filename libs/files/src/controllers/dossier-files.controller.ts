import { Controller, Get, HttpCode, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiErrors, asWire, CurrentUser, type AuthUser } from '../../../common/src';
import { HandlesIdempotencyKey, REPLAYED_HEADER } from '../../../workflow/src';
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

  /**
   * multipart/form-data: fields `kind`, `documentKey`, `taskId`, then one or more `file` parts; or
   * one file as the raw body (`Content-Type` application/pdf, image/jpeg, image/png or
   * application/octet-stream), its name in `X-File-Name`, the fields in the query. `Idempotency-Key`
   * is honoured by the service (the fingerprint needs the bytes' hashes).
   */
  @Post()
  @HttpCode(201)
  @HandlesIdempotencyKey()
  @ApiOperation({
    summary:
      'Upload files (streamed): multipart (fields kind, documentKey, taskId, then file parts) or one raw file body (fields in the query, name in X-File-Name); 201 {items}, all stored or none; Idempotency-Key honoured',
  })
  @ApiConsumes('multipart/form-data', 'application/pdf', 'image/jpeg', 'image/png', 'application/octet-stream')
  @ApiHeader({
    name: 'X-File-Name',
    required: false,
    description: 'raw upload: the file name, percent-encoded UTF-8 (encodeURIComponent)',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'a retry with the same key and the same files gets the first answer (Idempotency-Replayed: true); other files under the key: 409 IDEMPOTENCY_KEY_REUSED',
  })
  @ApiQuery({ name: 'kind', required: false, description: 'raw upload: document, attachment or result' })
  @ApiQuery({ name: 'documentKey', required: false, description: 'raw upload, kind=document' })
  @ApiQuery({ name: 'taskId', required: false, description: 'raw upload, kind=attachment' })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['kind', 'file'],
      properties: {
        kind: { type: 'string', enum: ['document', 'attachment', 'result'] },
        documentKey: { type: 'string', description: "kind=document: a code of the procedure's requiredDocuments" },
        taskId: { type: 'string', format: 'uuid', description: 'kind=attachment: an open task of the dossier' },
        file: { type: 'array', items: { type: 'string', format: 'binary' } },
      },
    },
  })
  @ApiErrors({
    400: [
      'FILE_DOCUMENT_KEY_INVALID',
      'FILE_EMPTY',
      'FILE_KIND_INVALID',
      'FILE_MISSING',
      'FILE_NAME_INVALID',
      'FILE_TASK_INVALID',
      'FILE_TYPE_NOT_ALLOWED',
      'IDEMPOTENCY_KEY_INVALID',
      'UPLOAD_ABORTED',
      'UPLOAD_FIELD_INVALID',
      'UPLOAD_MALFORMED',
      'UPLOAD_TOO_MANY_FILES',
      'VALIDATION_FAILED',
    ],
    404: ['DOSSIER_NOT_FOUND'],
    409: [
      'DOSSIER_CLOSED',
      'FILE_TASK_CLOSED',
      'IDEMPOTENCY_KEY_IN_PROGRESS',
      'IDEMPOTENCY_KEY_REUSED',
      'UPLOAD_EXPIRED',
    ],
    413: ['FILE_TOO_LARGE'],
    415: ['UPLOAD_NOT_MULTIPART'],
  })
  @ApiCreatedResponse({ type: UploadedFilesDto })
  async upload(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UploadedFilesDto> {
    const answer = await this.files.upload(user, code, req);
    res.status(answer.status);
    if (answer.replayed) res.setHeader(REPLAYED_HEADER, 'true');
    return asWire(answer.body);
  }

  @Get()
  @ApiOperation({ summary: 'Every file of the dossier the officer may see; ?kind= and ?taskId= narrow it' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['DOSSIER_NOT_FOUND'] })
  @ApiOkResponse({ type: DossierFileListDto })
  async list(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
    @Query() query: FileListQueryDto,
  ): Promise<DossierFileListDto> {
    return asWire(await this.files.list(user, code, query));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Download a file (streamed); ?inline=true to view it in the browser' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['DOSSIER_NOT_FOUND', 'FILE_NOT_FOUND'], 500: ['FILE_BLOB_MISSING'] })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse(FILE_DOWNLOAD)
  @ApiQuery({
    name: 'inline',
    required: false,
    enum: ['true', '1'],
    description: 'Content-Disposition inline (to view in the browser)',
  })
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
  return new StreamableFile(body, {
    type: file.contentType,
    disposition: contentDisposition(file.fileName, inline ? 'inline' : 'attachment'),
    length: file.size,
  });
}
