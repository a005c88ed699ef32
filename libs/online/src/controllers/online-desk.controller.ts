import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors, asWire, CurrentUser, Roles, type AuthUser } from '../../../common/src';
import { contentDisposition, FILE_DOWNLOAD } from '../../../files/src';
import {
  AcceptedSubmissionDto,
  SubmissionDto,
  SubmissionListDto,
  SubmissionQueueQueryDto,
  SubmissionReasonDto,
} from '../dtos/online.dto';
import { OnlineDeskService } from '../services/online-desk.service';

const DECIDED = ['SUBMISSION_ALREADY_DECIDED'];

/** The desk's queue of online submissions ("Hồ sơ trực tuyến"), for reception officers of the receiving unit. */
@ApiTags('online submissions')
@Controller('api/online-desk/submissions')
@Roles('reception')
export class OnlineDeskController {
  constructor(private readonly desk: OnlineDeskService) {}

  @Get()
  @ApiOperation({ summary: "The unit's online submissions by status (default: waiting), oldest first" })
  @ApiErrors({ 400: ['VALIDATION_FAILED'] })
  @ApiOkResponse({ type: SubmissionListDto })
  async queue(@CurrentUser() user: AuthUser, @Query() query: SubmissionQueueQueryDto): Promise<SubmissionListDto> {
    return asWire(await this.desk.queue(user, query));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One submission of the unit: applicant, e-form answers, files' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['SUBMISSION_NOT_FOUND'] })
  @ApiOkResponse({ type: SubmissionDto })
  async get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<SubmissionDto> {
    return asWire(await this.desk.get(user, id));
  }

  @Get(':id/files/:fileId')
  @ApiOperation({ summary: 'A file of the submission (streamed, shown inline)' })
  @ApiErrors({
    400: ['VALIDATION_FAILED'],
    404: ['SUBMISSION_NOT_FOUND', 'FILE_NOT_FOUND'],
    500: ['FILE_BLOB_MISSING'],
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse(FILE_DOWNLOAD)
  async file(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('fileId') fileId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { file, body } = await this.desk.file(user, id, fileId);
    res.setHeader('Cache-Control', 'private, no-cache');
    return new StreamableFile(body, {
      type: file.contentType,
      disposition: contentDisposition(file.fileName, 'inline'),
      length: file.size,
    });
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Accept: the dossier is received (channel online, appointment from now, Form 01), its files copied; SMS with the Form 01 link',
  })
  @ApiErrors({
    400: ['APPLICANT_INVALID', 'CHANNEL_NOT_ALLOWED', 'DOCUMENT_MISSING', 'VALIDATION_FAILED'],
    404: ['SUBMISSION_NOT_FOUND', 'PROCEDURE_NOT_FOUND', 'DEFINITION_NOT_FOUND'],
    409: DECIDED,
  })
  @ApiOkResponse({ type: AcceptedSubmissionDto })
  async accept(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<AcceptedSubmissionDto> {
    return asWire(await this.desk.accept(user, id));
  }

  @Post(':id/supplement-request')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask the citizen for a supplement, with the reason (SMS); they resubmit online' })
  @ApiErrors({ 400: ['REASON_REQUIRED', 'VALIDATION_FAILED'], 404: ['SUBMISSION_NOT_FOUND'], 409: DECIDED })
  @ApiOkResponse({ type: SubmissionDto })
  async supplement(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: SubmissionReasonDto,
  ): Promise<SubmissionDto> {
    return asWire(await this.desk.requestSupplement(user, id, body.reason));
  }

  @Post(':id/refuse')
  @HttpCode(200)
  @ApiOperation({ summary: 'Refuse the submission, with the reason (SMS)' })
  @ApiErrors({ 400: ['REASON_REQUIRED', 'VALIDATION_FAILED'], 404: ['SUBMISSION_NOT_FOUND'], 409: DECIDED })
  @ApiOkResponse({ type: SubmissionDto })
  async refuse(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: SubmissionReasonDto,
  ): Promise<SubmissionDto> {
    return asWire(await this.desk.refuse(user, id, body.reason));
  }
}
