import { Body, Controller, Get, HttpCode, Inject, Optional, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AUDIT_LOG, CurrentUser, Roles, type AuditLog, type AuthUser } from '../../../common/src';
import { IncidentService } from '../services/incident.service';
import { IncidentsQueryDto, JobsQueryDto, RetryIncidentDto } from './dtos/operations-query.dto';
import { OperationsReader } from './operations.reader';
import { OwnershipService } from '../ownership/ownership.service';

/** Vận hành (issue 10 item 4): jobs waiting and overdue, incidents, and a retry that records why. */
@ApiTags('admin')
@Roles('admin')
@Controller('api/admin/operations')
export class OperationsController {
  constructor(
    private readonly reader: OperationsReader,
    private readonly incidents: IncidentService,
    private readonly ownership: OwnershipService,
    @Optional() @Inject(AUDIT_LOG) private readonly audit?: AuditLog,
  ) {}

  @Get('summary')
  @ApiOperation({ summary: 'Counts: jobs waiting, overdue, running, failed; open incidents' })
  summary() {
    return this.reader.summary();
  }

  @Get('jobs')
  @ApiOperation({ summary: 'Jobs by state (overdue: pending or running past due), kind, business or process key' })
  async jobs(@Query() query: JobsQueryDto, @CurrentUser() user: AuthUser) {
    const reach = await this.ownership.reach(user);
    return this.reader.jobs({ ...query, ownerCodes: reach.root ? undefined : reach.unitCodes });
  }

  @Get('incidents')
  @ApiOperation({ summary: 'Incidents with their job kind, business key and process; by status, code, job kind (family), key' })
  async listIncidents(@Query() query: IncidentsQueryDto, @CurrentUser() user: AuthUser) {
    const reach = await this.ownership.reach(user);
    return this.reader.incidents({ ...query, ownerCodes: reach.root ? undefined : reach.unitCodes });
  }

  @Post('incidents/:id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'POST /api/incidents/:id/retry with a reason, audited as incident.retried' })
  async retry(@Param('id') id: string, @Body() body: RetryIncidentDto, @CurrentUser() user: AuthUser) {
    await this.ownership.assertIncident(await this.ownership.reach(user), id);
    const incident = await this.incidents.retry(id, user);
    await this.audit?.record({ actor: user.username, action: 'incident.retried', subject: `incident:${id}`, data: { reason: body.reason, code: incident.code, instanceId: incident.instanceId } });
    return incident;
  }
}
