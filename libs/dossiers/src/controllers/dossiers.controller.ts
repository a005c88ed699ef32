import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, asWire, CurrentUser, Roles, type AuthUser } from '../../../common/src';
import { ApologyDto, NoteDto, ReasonDto, SupplementRequestDto } from '../dtos/dossier-action.dto';
import {
  AppointmentProposalsDto,
  DossierDetailDto,
  DossierListDto,
  ReceptionResultDto,
  SupplementDraftDto,
} from '../dtos/dossier.dto';
import { DossierQueryDto } from '../dtos/dossier-query.dto';
import { DocumentCountDto, ReceiveDossierDto } from '../dtos/receive-dossier.dto';
import { DeskActionDraftsService } from '../services/desk-action-drafts.service';
import { DossierActionsService } from '../services/dossier-actions.service';
import { DossierReceptionService } from '../services/dossier-reception.service';
import { DossiersService } from '../services/dossiers.service';

/** The one-stop desk (DESIGN §6): reception, staff reads, one-stop actions. */
@ApiTags('dossiers')
@ApiExtraModels(DocumentCountDto)
@Controller('api/dossiers')
export class DossiersController {
  constructor(
    private readonly reception: DossierReceptionService,
    private readonly dossiers: DossiersService,
    private readonly actions: DossierActionsService,
    private readonly drafts: DeskActionDraftsService,
  ) {}

  @Post()
  @Roles('reception')
  @ApiOperation({ summary: 'Receive a dossier: code, lookup key (shown once), appointment; the process starts' })
  @ApiErrors({
    400: [
      'APPLICANT_INVALID',
      'CHANNEL_NOT_ALLOWED',
      'DOCUMENT_MISSING',
      'DOCUMENT_UNKNOWN',
      'RECEIVED_AT_INVALID',
      'VALIDATION_FAILED',
    ],
    404: ['DEFINITION_NOT_FOUND', 'PROCEDURE_NOT_FOUND'],
  })
  @ApiCreatedResponse({ type: ReceptionResultDto })
  async receive(@CurrentUser() user: AuthUser, @Body() body: ReceiveDossierDto): Promise<ReceptionResultDto> {
    return asWire(await this.reception.receive(user, body));
  }

  @Get()
  @ApiOperation({ summary: "The dossiers of the caller's units, newest first" })
  @ApiErrors({ 400: ['VALIDATION_FAILED'] })
  @ApiOkResponse({ type: DossierListDto })
  async list(@CurrentUser() user: AuthUser, @Query() query: DossierQueryDto): Promise<DossierListDto> {
    return asWire(await this.dossiers.list(user, query));
  }

  @Get(':code')
  @ApiOperation({ summary: 'A dossier with its control slip, desk events, opinions and allowed actions' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['DOSSIER_NOT_FOUND'] })
  @ApiOkResponse({ type: DossierDetailDto })
  async get(@CurrentUser() user: AuthUser, @Param('code') code: string): Promise<DossierDetailDto> {
    return asWire(await this.dossiers.get(code, user));
  }

  /** What the "Yêu cầu bổ sung" dialog offers: the procedure's documents, the opinion that asked for them (ADR 0012). */
  @Get(':code/supplement-draft')
  @Roles('reception', 'leader')
  @ApiOperation({
    summary: "What the supplement-request dialog offers: the procedure's documents and the reason to prefill",
  })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['DOSSIER_NOT_FOUND'] })
  @ApiOkResponse({ type: SupplementDraftDto })
  async supplementDraft(@CurrentUser() user: AuthUser, @Param('code') code: string): Promise<SupplementDraftDto> {
    return asWire(await this.drafts.supplementDraft(user, code));
  }

  /** Valid new appointments for an apology: the next working days of the unit's calendar (ADR 0012). */
  @Get(':code/appointment-proposals')
  @Roles('reception', 'leader')
  @ApiOperation({ summary: 'Valid new appointments for an apology: the next working days of the unit' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['DOSSIER_NOT_FOUND'] })
  @ApiOkResponse({ type: AppointmentProposalsDto })
  async appointmentProposals(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
  ): Promise<AppointmentProposalsDto> {
    return asWire(await this.drafts.appointmentProposals(user, code));
  }

  @Post(':code/supplement-request')
  @HttpCode(200)
  @Roles('reception', 'leader')
  @ApiOperation({ summary: 'Ask the citizen for more documents (Form 02): the deadline stops' })
  @ApiErrors({
    400: ['VALIDATION_FAILED'],
    404: ['DOSSIER_NOT_FOUND'],
    409: ['DOSSIER_ACTION_NOT_ALLOWED', 'CONCURRENT_UPDATE'],
  })
  @ApiOkResponse({ type: DossierDetailDto, description: 'The dossier after the action' })
  async supplementRequest(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
    @Body() body: SupplementRequestDto,
  ): Promise<DossierDetailDto> {
    return asWire(await this.actions.act(user, code, 'supplement-request', body));
  }

  @Post(':code/supplement-received')
  @HttpCode(200)
  @Roles('reception', 'leader')
  @ApiOperation({
    summary: 'The documents arrived: the deadline moves by the working time waited and processing resumes',
  })
  @ApiErrors({
    400: ['VALIDATION_FAILED'],
    404: ['DOSSIER_NOT_FOUND'],
    409: ['DOSSIER_ACTION_NOT_ALLOWED', 'CONCURRENT_UPDATE'],
  })
  @ApiOkResponse({ type: DossierDetailDto, description: 'The dossier after the action' })
  async supplementReceived(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
    @Body() body: NoteDto,
  ): Promise<DossierDetailDto> {
    return asWire(await this.actions.act(user, code, 'supplement-received', body));
  }

  @Post(':code/refuse')
  @HttpCode(200)
  @Roles('reception', 'leader')
  @ApiOperation({ summary: 'Refuse the dossier (Form 03): the process is cancelled' })
  @ApiErrors({
    400: ['VALIDATION_FAILED'],
    404: ['DOSSIER_NOT_FOUND'],
    409: ['DOSSIER_ACTION_NOT_ALLOWED', 'CONCURRENT_UPDATE'],
  })
  @ApiOkResponse({ type: DossierDetailDto, description: 'The dossier after the action' })
  async refuse(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
    @Body() body: ReasonDto,
  ): Promise<DossierDetailDto> {
    return asWire(await this.actions.act(user, code, 'refuse', body));
  }

  @Post(':code/withdraw')
  @HttpCode(200)
  @Roles('reception', 'leader')
  @ApiOperation({ summary: 'The citizen withdraws the dossier: the process is cancelled' })
  @ApiErrors({
    400: ['VALIDATION_FAILED'],
    404: ['DOSSIER_NOT_FOUND'],
    409: ['DOSSIER_ACTION_NOT_ALLOWED', 'CONCURRENT_UPDATE'],
  })
  @ApiOkResponse({ type: DossierDetailDto, description: 'The dossier after the action' })
  async withdraw(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
    @Body() body: ReasonDto,
  ): Promise<DossierDetailDto> {
    return asWire(await this.actions.act(user, code, 'withdraw', body));
  }

  /** The head of the unit signs the apology (DOMAIN, "A late dossier"): leaders only. */
  @Post(':code/apology')
  @HttpCode(200)
  @Roles('leader')
  @ApiOperation({ summary: 'Apologise for lateness with a new appointment (Form 04): leaders only' })
  @ApiErrors({
    400: [
      'APPOINTMENT_INVALID',
      'APPOINTMENT_IN_PAST',
      'APPOINTMENT_NOT_WORKING_DAY',
      'APPOINTMENT_OUTSIDE_OFFICE_HOURS',
      'VALIDATION_FAILED',
    ],
    404: ['DOSSIER_NOT_FOUND'],
    409: ['DOSSIER_ACTION_NOT_ALLOWED', 'CONCURRENT_UPDATE'],
  })
  @ApiOkResponse({ type: DossierDetailDto, description: 'The dossier after the action' })
  async apology(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
    @Body() body: ApologyDto,
  ): Promise<DossierDetailDto> {
    return asWire(await this.actions.act(user, code, 'apology', body));
  }

  @Post(':code/return')
  @HttpCode(200)
  @Roles('reception')
  @ApiOperation({ summary: 'Hand the result to the citizen: the process gets its result_returned message' })
  @ApiErrors({
    400: ['VALIDATION_FAILED'],
    404: ['DOSSIER_NOT_FOUND'],
    409: ['DOSSIER_ACTION_NOT_ALLOWED', 'CONCURRENT_UPDATE', 'MESSAGE_NOT_CORRELATED'],
  })
  @ApiOkResponse({ type: DossierDetailDto, description: 'The dossier after the action' })
  async returnResult(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
    @Body() body: NoteDto,
  ): Promise<DossierDetailDto> {
    return asWire(await this.actions.act(user, code, 'return', body));
  }
}
