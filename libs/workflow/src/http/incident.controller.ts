import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../../../common/src';
import { IncidentService } from '../services/incident.service';
import { IncidentQueryDto } from './dtos/incident-query.dto';
import { OwnershipService } from '../ownership/ownership.service';

@ApiTags('incidents')
@Roles('admin')
@Controller('api/incidents')
export class IncidentController {
  constructor(
    private readonly incidents: IncidentService,
    private readonly ownership: OwnershipService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Open incidents (failed jobs) of my reach' })
  async list(@Query() query: IncidentQueryDto, @CurrentUser() user: AuthUser) {
    const reach = await this.ownership.reach(user);
    return this.incidents.list(query.status, query.limit, query.offset, reach.root ? undefined : reach.unitCodes);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give the failed job new attempts; the incident is resolved at once' })
  async retry(@Param('id') id: string, @CurrentUser() user: AuthUser) {
    await this.ownership.assertIncident(await this.ownership.reach(user), id);
    return this.incidents.retry(id, user);
  }
}
