import { Body, Controller, Get, HttpCode, Inject, Optional, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, AppError, AUDIT_LOG, CurrentUser, Roles, type AuditLog, type AuthUser } from '../../../common/src';
import { IncidentService } from '../services/incident.service';
import { RuntimeService } from '../services/runtime.service';
import {
  BULK_LIMIT,
  BulkCancelInstancesDto,
  BulkRetryIncidentsDto,
  IncidentsQueryDto,
  LiveInstancesQueryDto,
  JobsQueryDto,
  RetryIncidentDto,
} from './dtos/operations-query.dto';
import { OperationsReader } from './operations.reader';
import { IncidentDto } from './dtos/instance.response';
import {
  BulkIncidentRetryDto,
  BulkInstanceCancelDto,
  BulkInstancePageDto,
  OperationsIncidentPageDto,
  OperationsJobPageDto,
  OperationsSummaryDto,
} from './dtos/operations.response';
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
    private readonly runtime: RuntimeService,
    @Optional() @Inject(AUDIT_LOG) private readonly audit?: AuditLog,
  ) {}

  @Get('summary')
  @ApiOperation({ summary: 'Counts: jobs waiting, overdue, running, failed; open incidents' })
  @ApiOkResponse({ type: OperationsSummaryDto })
  summary() {
    return this.reader.summary();
  }

  @Get('jobs')
  @ApiOperation({ summary: 'Jobs by state (overdue: pending or running past due), kind, business or process key' })
  @ApiOkResponse({ type: OperationsJobPageDto })
  @ApiErrors({ 400: ['VALIDATION_FAILED'] })
  async jobs(@Query() query: JobsQueryDto, @CurrentUser() user: AuthUser) {
    const reach = await this.ownership.reach(user);
    return this.reader.jobs({ ...query, ownerCodes: reach.root ? undefined : reach.unitCodes });
  }

  @Get('incidents')
  @ApiOperation({
    summary: 'Incidents with their job kind, business key and process; by status, code, job kind (family), key',
  })
  @ApiOkResponse({ type: OperationsIncidentPageDto })
  @ApiErrors({ 400: ['VALIDATION_FAILED'] })
  async listIncidents(@Query() query: IncidentsQueryDto, @CurrentUser() user: AuthUser) {
    const reach = await this.ownership.reach(user);
    return this.reader.incidents({ ...query, ownerCodes: reach.root ? undefined : reach.unitCodes });
  }

  @Post('incidents/:id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'POST /api/incidents/:id/retry with a reason, audited as incident.retried' })
  @ApiOkResponse({ type: IncidentDto })
  @ApiErrors({
    400: ['VALIDATION_FAILED'],
    404: ['INCIDENT_NOT_FOUND'],
    409: ['INCIDENT_NOT_OPEN', 'INCIDENT_NOT_RETRYABLE'],
  })
  async retry(@Param('id') id: string, @Body() body: RetryIncidentDto, @CurrentUser() user: AuthUser) {
    await this.ownership.assertIncident(await this.ownership.reach(user), id);
    const incident = await this.incidents.retry(id, user);
    await this.audit?.record({
      actor: user.username,
      action: 'incident.retried',
      subject: `incident:${id}`,
      data: { reason: body.reason, code: incident.code, instanceId: incident.instanceId },
    });
    return incident;
  }

  @Post('incidents/bulk-retry')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Retry the open incidents a filter finds (at most 200); dryRun answers them and changes nothing. Each retry is audited as incident.retried',
  })
  @ApiOkResponse({ type: BulkIncidentRetryDto })
  @ApiErrors({ 400: ['VALIDATION_FAILED'] })
  async bulkRetry(@Body() body: BulkRetryIncidentsDto, @CurrentUser() user: AuthUser) {
    const reach = await this.ownership.reach(user);
    const { items, total } = await this.reader.incidents({
      status: 'open',
      code: body.code,
      kind: body.kind,
      q: body.q,
      limit: BULK_LIMIT,
      offset: 0,
      ownerCodes: reach.root ? undefined : reach.unitCodes,
    });
    if (body.dryRun) return { dryRun: true, total, items, retried: 0, failed: [] };
    const failed: { id: string; code: string }[] = [];
    for (const item of items) {
      try {
        const incident = await this.incidents.retry(item.id, user);
        await this.audit?.record({
          actor: user.username,
          action: 'incident.retried',
          subject: `incident:${item.id}`,
          data: { reason: body.reason, code: incident.code, instanceId: incident.instanceId, bulk: true },
        });
      } catch (error) {
        // Resolved by someone else meanwhile, or no job to retry: reported, the others go on.
        if (!(error instanceof AppError)) throw error;
        failed.push({ id: item.id, code: error.code });
      }
    }
    return { dryRun: false, total, items, retried: items.length - failed.length, failed };
  }

  @Get('instances')
  @ApiOperation({
    summary:
      'Running instances (or in incident) of one process, oldest first, with where their tokens stand (at most 200)',
  })
  @ApiOkResponse({ type: BulkInstancePageDto })
  @ApiErrors({ 400: ['VALIDATION_FAILED'] })
  async liveInstances(@Query() query: LiveInstancesQueryDto, @CurrentUser() user: AuthUser) {
    const reach = await this.ownership.reach(user);
    return this.reader.liveInstances({
      ...query,
      limit: BULK_LIMIT,
      ownerCodes: reach.root ? undefined : reach.unitCodes,
    });
  }

  @Post('instances/bulk-cancel')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Cancel the running instances of one process a filter finds (at most 200); dryRun answers them and changes nothing. Audited as instances.cancelled',
  })
  @ApiOkResponse({ type: BulkInstanceCancelDto })
  @ApiErrors({ 400: ['VALIDATION_FAILED'] })
  async bulkCancel(@Body() body: BulkCancelInstancesDto, @CurrentUser() user: AuthUser) {
    const reach = await this.ownership.reach(user);
    const { items, total } = await this.reader.liveInstances({
      definitionKey: body.definitionKey,
      version: body.version,
      elementId: body.elementId,
      q: body.q,
      limit: BULK_LIMIT,
      ownerCodes: reach.root ? undefined : reach.unitCodes,
    });
    if (body.dryRun) return { dryRun: true, total, items, cancelled: 0, failed: [] };
    const failed: { id: string; code: string }[] = [];
    for (const item of items) {
      try {
        await this.runtime.cancel(item.id, body.reason, user);
      } catch (error) {
        // Ended meanwhile (INSTANCE_NOT_RUNNING) or changed under us: reported, the others go on.
        if (!(error instanceof AppError)) throw error;
        failed.push({ id: item.id, code: error.code });
      }
    }
    const filter = { definitionKey: body.definitionKey, version: body.version, elementId: body.elementId, q: body.q };
    await this.audit?.record({
      actor: user.username,
      action: 'instances.cancelled',
      subject: `process:${body.definitionKey}`,
      data: { reason: body.reason, filter, cancelled: items.length - failed.length, failed: failed.length },
    });
    return { dryRun: false, total, items, cancelled: items.length - failed.length, failed };
  }
}
