import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CurrentUser, Roles, type AuthUser } from '../../../common/src';
import { ApologyDto, NoteDto, ReasonDto, SupplementRequestDto } from '../dtos/dossier-action.dto';
import { DossierQueryDto } from '../dtos/dossier-query.dto';
import { ReceiveDossierDto } from '../dtos/receive-dossier.dto';
import { DeskActionDraftsService } from '../services/desk-action-drafts.service';
import { DossierActionsService } from '../services/dossier-actions.service';
import { DossierReceptionService } from '../services/dossier-reception.service';
import { DossiersService } from '../services/dossiers.service';

/** The one-stop desk (DESIGN §6): reception, staff reads, one-stop actions. */
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
  receive(@CurrentUser() user: AuthUser, @Body() body: ReceiveDossierDto) {
    return this.reception.receive(user, body);
  }

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: DossierQueryDto) {
    return this.dossiers.list(user, query);
  }

  @Get(':code')
  get(@CurrentUser() user: AuthUser, @Param('code') code: string) {
    return this.dossiers.get(code, user);
  }

  /** What the "Yêu cầu bổ sung" dialog offers: the procedure's documents, the opinion that asked for them (ADR 0012). */
  @Get(':code/supplement-draft')
  @Roles('reception', 'leader')
  supplementDraft(@CurrentUser() user: AuthUser, @Param('code') code: string) {
    return this.drafts.supplementDraft(user, code);
  }

  /** Valid new appointments for an apology: the next working days of the unit's calendar (ADR 0012). */
  @Get(':code/appointment-proposals')
  @Roles('reception', 'leader')
  appointmentProposals(@CurrentUser() user: AuthUser, @Param('code') code: string) {
    return this.drafts.appointmentProposals(user, code);
  }

  @Post(':code/supplement-request')
  @HttpCode(200)
  @Roles('reception', 'leader')
  supplementRequest(@CurrentUser() user: AuthUser, @Param('code') code: string, @Body() body: SupplementRequestDto) {
    return this.actions.act(user, code, 'supplement-request', body);
  }

  @Post(':code/supplement-received')
  @HttpCode(200)
  @Roles('reception', 'leader')
  supplementReceived(@CurrentUser() user: AuthUser, @Param('code') code: string, @Body() body: NoteDto) {
    return this.actions.act(user, code, 'supplement-received', body);
  }

  @Post(':code/refuse')
  @HttpCode(200)
  @Roles('reception', 'leader')
  refuse(@CurrentUser() user: AuthUser, @Param('code') code: string, @Body() body: ReasonDto) {
    return this.actions.act(user, code, 'refuse', body);
  }

  @Post(':code/withdraw')
  @HttpCode(200)
  @Roles('reception', 'leader')
  withdraw(@CurrentUser() user: AuthUser, @Param('code') code: string, @Body() body: ReasonDto) {
    return this.actions.act(user, code, 'withdraw', body);
  }

  /** The head of the unit signs the apology (DOMAIN, "A late dossier"): leaders only. */
  @Post(':code/apology')
  @HttpCode(200)
  @Roles('leader')
  apology(@CurrentUser() user: AuthUser, @Param('code') code: string, @Body() body: ApologyDto) {
    return this.actions.act(user, code, 'apology', body);
  }

  @Post(':code/return')
  @HttpCode(200)
  @Roles('reception')
  returnResult(@CurrentUser() user: AuthUser, @Param('code') code: string, @Body() body: NoteDto) {
    return this.actions.act(user, code, 'return', body);
  }
}
