import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { asWire, CurrentUser, Roles, type AuthUser } from '../../../common/src';
import { ApologyDto, NoteDto, ReasonDto, SupplementRequestDto } from '../dtos/dossier-action.dto';
import {
  AppointmentProposalsDto, DossierDetailDto, DossierListDto, ReceptionResultDto, SupplementDraftDto,
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
  @ApiCreatedResponse({ type: ReceptionResultDto })
  async receive(@CurrentUser() user: AuthUser, @Body() body: ReceiveDossierDto): Promise<ReceptionResultDto> {
    return asWire(await this.reception.receive(user, body));
  }

  @Get()
  @ApiOperation({ summary: 'The dossiers of the caller\'s units, newest first' })
  @ApiOkResponse({ type: DossierListDto })
  async list(@CurrentUser() user: AuthUser, @Query() query: DossierQueryDto): Promise<DossierListDto> {
    return asWire(await this.dossiers.list(user, query));
  }

  @Get(':code')
  @ApiOkResponse({ type: DossierDetailDto })
  async get(@CurrentUser() user: AuthUser, @Param('code') code: string): Promise<DossierDetailDto> {
    return asWire(await this.dossiers.get(code, user));
  }

  /** What the "Yêu cầu bổ sung" dialog offers: the procedure's documents, the opinion that asked for them (ADR 0012). */
  @Get(':code/supplement-draft')
  @Roles('reception', 'leader')
  @ApiOkResponse({ type: SupplementDraftDto })
  async supplementDraft(@CurrentUser() user: AuthUser, @Param('code') code: string): Promise<SupplementDraftDto> {
    return asWire(await this.drafts.supplementDraft(user, code));
  }

  /** Valid new appointments for an apology: the next working days of the unit's calendar (ADR 0012). */
  @Get(':code/appointment-proposals')
  @Roles('reception', 'leader')
  @ApiOkResponse({ type: AppointmentProposalsDto })
  async appointmentProposals(@CurrentUser() user: AuthUser, @Param('code') code: string): Promise<AppointmentProposalsDto> {
    return asWire(await this.drafts.appointmentProposals(user, code));
  }

  @Post(':code/supplement-request')
  @HttpCode(200)
  @Roles('reception', 'leader')
  @ApiOkResponse({ type: DossierDetailDto, description: 'The dossier after the action' })
  async supplementRequest(@CurrentUser() user: AuthUser, @Param('code') code: string, @Body() body: SupplementRequestDto): Promise<DossierDetailDto> {
    return asWire(await this.actions.act(user, code, 'supplement-request', body));
  }

  @Post(':code/supplement-received')
  @HttpCode(200)
  @Roles('reception', 'leader')
  @ApiOkResponse({ type: DossierDetailDto, description: 'The dossier after the action' })
  async supplementReceived(@CurrentUser() user: AuthUser, @Param('code') code: string, @Body() body: NoteDto): Promise<DossierDetailDto> {
    return asWire(await this.actions.act(user, code, 'supplement-received', body));
  }

  @Post(':code/refuse')
  @HttpCode(200)
  @Roles('reception', 'leader')
  @ApiOkResponse({ type: DossierDetailDto, description: 'The dossier after the action' })
  async refuse(@CurrentUser() user: AuthUser, @Param('code') code: string, @Body() body: ReasonDto): Promise<DossierDetailDto> {
    return asWire(await this.actions.act(user, code, 'refuse', body));
  }

  @Post(':code/withdraw')
  @HttpCode(200)
  @Roles('reception', 'leader')
  @ApiOkResponse({ type: DossierDetailDto, description: 'The dossier after the action' })
  async withdraw(@CurrentUser() user: AuthUser, @Param('code') code: string, @Body() body: ReasonDto): Promise<DossierDetailDto> {
    return asWire(await this.actions.act(user, code, 'withdraw', body));
  }

  /** The head of the unit signs the apology (DOMAIN, "A late dossier"): leaders only. */
  @Post(':code/apology')
  @HttpCode(200)
  @Roles('leader')
  @ApiOkResponse({ type: DossierDetailDto, description: 'The dossier after the action' })
  async apology(@CurrentUser() user: AuthUser, @Param('code') code: string, @Body() body: ApologyDto): Promise<DossierDetailDto> {
    return asWire(await this.actions.act(user, code, 'apology', body));
  }

  @Post(':code/return')
  @HttpCode(200)
  @Roles('reception')
  @ApiOkResponse({ type: DossierDetailDto, description: 'The dossier after the action' })
  async returnResult(@CurrentUser() user: AuthUser, @Param('code') code: string, @Body() body: NoteDto): Promise<DossierDetailDto> {
    return asWire(await this.actions.act(user, code, 'return', body));
  }
}
