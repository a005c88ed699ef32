import { ApiProperty } from '@nestjs/swagger';

const nullableString = { type: 'string', nullable: true } as const;
const integer = { type: 'integer' } as const;

/** Job counts by state (JOB_STATES). */
export class JobCountsDto {
  @ApiProperty({ ...integer, description: 'Pending, due later (or within the grace)' }) waiting: number;
  @ApiProperty({ ...integer, description: 'Pending or running past due' }) overdue: number;
  @ApiProperty(integer) running: number;
  @ApiProperty({ ...integer, description: 'Out of attempts' }) failed: number;
}

export class IncidentCountsDto {
  @ApiProperty(integer) open: number;
}

/** `GET /api/admin/operations/summary`. */
export class OperationsSummaryDto {
  @ApiProperty({ type: JobCountsDto }) jobs: JobCountsDto;
  @ApiProperty({ type: IncidentCountsDto }) incidents: IncidentCountsDto;
}

/** A job as the operations page lists it, with its instance's dossier and process. */
export class OperationsJobDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'timer' }) kind: string;
  @ApiProperty() elementId: string;
  @ApiProperty(nullableString) topic: string | null;
  @ApiProperty({ example: 'pending' }) status: string;
  @ApiProperty({ type: 'string', format: 'date-time' }) dueAt: string;
  @ApiProperty(integer) attempts: number;
  @ApiProperty(integer) maxAttempts: number;
  @ApiProperty(nullableString) lastError: string | null;
  @ApiProperty({ ...nullableString, format: 'uuid' }) instanceId: string | null;
  @ApiProperty({ ...nullableString, description: 'The dossier code' }) businessKey: string | null;
  @ApiProperty(nullableString) definitionKey: string | null;
}

export class OperationsJobPageDto {
  @ApiProperty({ type: [OperationsJobDto] }) items: OperationsJobDto[];
  @ApiProperty(integer) total: number;
}

/** An incident with its job kind, dossier and process. */
export class OperationsIncidentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) instanceId: string;
  @ApiProperty({ ...nullableString, format: 'uuid' }) jobId: string | null;
  @ApiProperty(nullableString) jobKind: string | null;
  @ApiProperty(nullableString) elementId: string | null;
  @ApiProperty({ example: 'JOB_FAILED' }) code: string;
  @ApiProperty() message: string;
  @ApiProperty({ enum: ['open', 'resolved'] }) status: string;
  @ApiProperty({ type: 'string', format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) resolvedAt: string | null;
  @ApiProperty(nullableString) resolvedBy: string | null;
  @ApiProperty({ ...nullableString, description: 'The dossier code' }) businessKey: string | null;
  @ApiProperty(nullableString) definitionKey: string | null;
}

export class OperationsIncidentPageDto {
  @ApiProperty({ type: [OperationsIncidentDto] }) items: OperationsIncidentDto[];
  @ApiProperty(integer) total: number;
}

/** An item a bulk action could not change, with the stable code of why (e.g. INCIDENT_NOT_OPEN after a race). */
export class BulkFailureDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'INSTANCE_NOT_RUNNING' }) code: string;
}

/** The answer of a bulk retry: with `dryRun` what would be retried, otherwise what was. */
export class BulkIncidentRetryDto {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ ...integer, description: 'Open incidents the filter matches (the first 200 are acted on)' })
  total: number;
  @ApiProperty({
    type: [OperationsIncidentDto],
    description: 'The incidents acted on (or that would be), newest first',
  })
  items: OperationsIncidentDto[];
  @ApiProperty({ ...integer, description: 'Retried now (0 on a dry run)' }) retried: number;
  @ApiProperty({ type: [BulkFailureDto] }) failed: BulkFailureDto[];
}

/** An instance a bulk cancel matches. */
export class BulkInstanceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ ...nullableString, description: 'The dossier code' }) businessKey: string | null;
  @ApiProperty() definitionKey: string;
  @ApiProperty(integer) version: number;
  @ApiProperty({ enum: ['running', 'incident'] }) status: string;
  @ApiProperty({ type: 'string', format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: [String], description: 'Diagram elements where its tokens stand (GET /api/instances/:id)' })
  activeElementIds: string[];
}

/** `GET /api/admin/operations/instances`: live instances of one process (for the migration screen). */
export class BulkInstancePageDto {
  @ApiProperty({ type: [BulkInstanceDto], description: 'Oldest first, at most 200' }) items: BulkInstanceDto[];
  @ApiProperty(integer) total: number;
}

/** The answer of a bulk cancel: with `dryRun` what would be cancelled, otherwise what was. */
export class BulkInstanceCancelDto {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ ...integer, description: 'Instances the filter matches (the first 200 are acted on)' }) total: number;
  @ApiProperty({ type: [BulkInstanceDto], description: 'The instances acted on (or that would be), oldest first' })
  items: BulkInstanceDto[];
  @ApiProperty({ ...integer, description: 'Cancelled now (0 on a dry run)' }) cancelled: number;
  @ApiProperty({ type: [BulkFailureDto] }) failed: BulkFailureDto[];
}
