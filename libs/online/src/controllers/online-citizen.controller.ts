import { Body, Controller, Get, HttpCode, Ip, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiErrors, asWire, type CitizenPrincipal } from '../../../common/src';
import { CitizenOnly, CurrentCitizen } from '../../../citizens/src';
import { contentDisposition, FILE_DOWNLOAD, StagedFilesService } from '../../../files/src';
import { HandlesIdempotencyKey, parseIdempotencyKey, REPLAYED_HEADER, requestFingerprint } from '../../../workflow/src';
import {
  ResubmitOnlineDto,
  StagedFilesDto,
  SubmissionDto,
  SubmissionListDto,
  SubmitOnlineDto,
} from '../dtos/online.dto';
import { PaymentStartDto } from '../../../payments/src';
import { OnlinePaymentsService } from '../services/online-payments.service';
import { OnlineSubmissionsService } from '../services/online-submissions.service';

const UPLOAD_ERRORS = {
  400: [
    'CHANNEL_NOT_ALLOWED',
    'FILE_DOCUMENT_KEY_INVALID',
    'FILE_EMPTY',
    'FILE_MISSING',
    'FILE_NAME_INVALID',
    'FILE_TYPE_NOT_ALLOWED',
    'UPLOAD_ABORTED',
    'UPLOAD_FIELD_INVALID',
    'UPLOAD_MALFORMED',
    'UPLOAD_TOO_MANY_FILES',
    'VALIDATION_FAILED',
  ],
  404: ['PROCEDURE_NOT_FOUND'],
  409: ['UPLOAD_EXPIRED'],
  413: ['FILE_TOO_LARGE'],
  415: ['UPLOAD_NOT_MULTIPART'],
};

/** The citizen's side of online submission (issue 18 item 3): upload, submit, follow, resubmit. */
@ApiTags('online submissions')
@Controller('api/online')
@CitizenOnly()
export class OnlineCitizenController {
  constructor(
    private readonly submissions: OnlineSubmissionsService,
    private readonly staged: StagedFilesService,
    private readonly payments: OnlinePaymentsService,
  ) {}

  /** Files for one document of the procedure, before submitting: the case file's checks (type by content, size). */
  @Post('procedures/:code/files')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Upload files for a document of the procedure (multipart: documentKey, then file parts; or one raw file with ?documentKey= and X-File-Name)',
  })
  @ApiConsumes('multipart/form-data', 'application/pdf', 'image/jpeg', 'image/png', 'application/octet-stream')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['documentKey', 'file'],
      properties: {
        documentKey: { type: 'string', description: "a code of the procedure's requiredDocuments" },
        file: { type: 'array', items: { type: 'string', format: 'binary' } },
      },
    },
  })
  @ApiErrors(UPLOAD_ERRORS)
  @ApiCreatedResponse({ type: StagedFilesDto })
  async stage(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @Param('code') code: string,
    @Req() req: Request,
  ): Promise<StagedFilesDto> {
    return asWire(await this.staged.stage({ owner: citizen.citizenId }, code, req));
  }

  @Post('procedures/:code/submissions')
  @HttpCode(201)
  @HandlesIdempotencyKey()
  @ApiOperation({
    summary: 'Submit: the e-form, the applicant, the staged files; a pre-registration code and an SMS',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'a retry with the same key and body gets the first answer (Idempotency-Replayed: true), creating nothing',
  })
  @ApiErrors({
    400: [
      'APPLICANT_INVALID',
      'CHANNEL_NOT_ALLOWED',
      'DOCUMENT_MISSING',
      'EFORM_FIELD_INVALID',
      'EFORM_FIELD_REQUIRED',
      'EFORM_FIELD_TOO_LONG',
      'EFORM_FIELD_UNKNOWN',
      'IDEMPOTENCY_KEY_INVALID',
      'STAGED_FILE_INVALID',
      'VALIDATION_FAILED',
    ],
    404: ['PROCEDURE_NOT_FOUND'],
    409: ['IDEMPOTENCY_KEY_REUSED'],
  })
  @ApiCreatedResponse({ type: SubmissionDto })
  async submit(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @Param('code') code: string,
    @Body() body: SubmitOnlineDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SubmissionDto> {
    const key = parseIdempotencyKey(req.headers['idempotency-key']);
    const requestHash = requestFingerprint(req.method, req.originalUrl, req.body);
    const answer = await this.submissions.submit(citizen, code, body, { key, requestHash });
    if (answer.replayed) res.setHeader(REPLAYED_HEADER, 'true');
    return asWire(answer.view);
  }

  @Get('submissions')
  @ApiOperation({ summary: "The citizen's online submissions, newest first" })
  @ApiErrors({})
  @ApiOkResponse({ type: SubmissionListDto })
  async mine(@CurrentCitizen() citizen: CitizenPrincipal): Promise<SubmissionListDto> {
    return asWire(await this.submissions.mine(citizen));
  }

  @Get('submissions/:id')
  @ApiOperation({ summary: 'One of the citizen’s submissions: status, reason, files, dossier code once accepted' })
  @ApiErrors({ 404: ['SUBMISSION_NOT_FOUND'] })
  @ApiOkResponse({ type: SubmissionDto })
  async one(@CurrentCitizen() citizen: CitizenPrincipal, @Param('id') id: string): Promise<SubmissionDto> {
    return asWire(await this.submissions.one(citizen, id));
  }

  @Get('submissions/:id/files/:fileId')
  @ApiOperation({ summary: 'A file the citizen sent (streamed)' })
  @ApiErrors({ 404: ['SUBMISSION_NOT_FOUND', 'FILE_NOT_FOUND'], 500: ['FILE_BLOB_MISSING'] })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse(FILE_DOWNLOAD)
  async file(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @Param('id') id: string,
    @Param('fileId') fileId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    await this.submissions.own(citizen, id);
    const { file, body } = await this.staged.open(id, fileId);
    res.setHeader('Cache-Control', 'private, no-cache');
    return new StreamableFile(body, {
      type: file.contentType,
      disposition: contentDisposition(file.fileName, 'inline'),
      length: file.size,
    });
  }

  @Post('submissions/:id/payments')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Start paying the procedure's fee for the citizen's submission (or, once accepted, its dossier): the gateway's pay URL",
  })
  @ApiErrors({
    404: ['SUBMISSION_NOT_FOUND', 'PROCEDURE_NOT_FOUND', 'DOSSIER_NOT_FOUND'],
    409: ['PAYMENT_ALREADY_PAID', 'PAYMENT_NOT_REQUIRED'],
    503: ['PAYMENT_UNAVAILABLE'],
  })
  @ApiOkResponse({ type: PaymentStartDto })
  async pay(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @Param('id') id: string,
    @Ip() ip: string,
  ): Promise<PaymentStartDto> {
    return this.payments.start(citizen, id, ip);
  }

  @Post('submissions/:id/resubmit')
  @HttpCode(200)
  @ApiOperation({ summary: 'After a supplement request: add files (and correct the answers), back into the queue' })
  @ApiErrors({
    400: [
      'DOCUMENT_MISSING',
      'EFORM_FIELD_INVALID',
      'EFORM_FIELD_REQUIRED',
      'EFORM_FIELD_TOO_LONG',
      'EFORM_FIELD_UNKNOWN',
      'STAGED_FILE_INVALID',
      'VALIDATION_FAILED',
    ],
    404: ['SUBMISSION_NOT_FOUND', 'PROCEDURE_NOT_FOUND'],
    409: ['SUBMISSION_ALREADY_DECIDED'],
  })
  @ApiOkResponse({ type: SubmissionDto })
  async resubmit(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @Param('id') id: string,
    @Body() body: ResubmitOnlineDto,
  ): Promise<SubmissionDto> {
    return asWire(await this.submissions.resubmit(citizen, id, body));
  }
}
