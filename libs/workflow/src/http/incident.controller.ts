import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../../../common/src';
import { IncidentService } from '../services/incident.service';
import { IncidentQueryDto } from './dtos/incident-query.dto';

@ApiTags('incidents')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/incidents')
export class IncidentController {
  constructor(private readonly incidents: IncidentService) {}

  @Get()
  list(@Query() query: IncidentQueryDto) {
    return this.incidents.list(query.status, query.limit, query.offset);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give the failed job new attempts; the incident is resolved at once' })
  retry(@Param('id') id: string, @CurrentUser() user: AuthUser) {
    return this.incidents.retry(id, user);
  }
}
