import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OpinionDto, TaskDto } from './task.response';

const nullableString = { type: 'string', nullable: true } as const;
const nullableDate = { type: 'string', format: 'date-time', nullable: true } as const;
const date = { type: 'string', format: 'date-time' } as const;
const variables = { type: 'object', additionalProperties: true } as const;

/** A job of an instance (JobView, libs/workflow/src/views/instance.view.ts). */
export class JobDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'timer' }) kind: string;
  @ApiProperty() elementId: string;
  @ApiProperty(nullableString) topic: string | null;
  @ApiProperty(date) dueAt: string;
  @ApiProperty({ example: 'pending' }) status: string;
  @ApiProperty({ type: 'integer' }) attempts: number;
  @ApiProperty({ type: 'integer' }) maxAttempts: number;
  @ApiProperty(nullableString) lastError: string | null;
}

/** A deadline job of one of the instance's tasks (`deadline.warning`, `deadline.overdue`). */
export class DeadlineJobDto extends JobDto {
  @ApiProperty({ ...nullableString, format: 'uuid' }) taskId: string | null;
}

/** An incident: a job out of attempts (IncidentView). */
export class IncidentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) instanceId: string;
  @ApiProperty({ ...nullableString, format: 'uuid' }) jobId: string | null;
  @ApiProperty(nullableString) elementId: string | null;
  @ApiProperty({ example: 'JOB_FAILED' }) code: string;
  @ApiProperty() message: string;
  @ApiProperty({ enum: ['open', 'resolved'] }) status: 'open' | 'resolved';
  @ApiProperty(date) createdAt: string;
  @ApiProperty(nullableDate) resolvedAt: string | null;
  @ApiProperty(nullableString) resolvedBy: string | null;
}

/** One page of incidents. */
export class IncidentPageDto {
  @ApiProperty({ type: [IncidentDto] }) items: IncidentDto[];
  @ApiProperty({ type: 'integer' }) total: number;
}

/** A file attached to the opinion shown in the history. */
export class HistoryAttachmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

/** The opinion written with a task's completion, as the history shows it. */
export class HistoryOpinionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: [HistoryAttachmentDto] }) attachments: HistoryAttachmentDto[];
}

/** A history entry (DESIGN §6): `actor` is the username, absent for the engine's own moves. */
export class HistoryEntryDto {
  @ApiProperty(date) at: string;
  @ApiProperty({ example: 'task.completed' }) type: string;
  @ApiProperty(nullableString) elementId: string | null;
  @ApiPropertyOptional({ format: 'uuid' }) taskId?: string;
  @ApiPropertyOptional() actor?: string;
  @ApiPropertyOptional(variables) data?: Record<string, unknown>;
  @ApiPropertyOptional({ type: HistoryOpinionDto }) opinion?: HistoryOpinionDto;
}

/** An instance with its tasks, jobs, incidents and history (InstanceView, DESIGN §6). */
export class InstanceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() definitionKey: string;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ ...nullableString, description: 'The dossier code' }) businessKey: string | null;
  @ApiProperty(nullableString) procedureCode: string | null;
  @ApiProperty() unitCode: string;
  @ApiProperty({ enum: ['running', 'completed', 'terminated', 'incident'] }) status:
    'running' | 'completed' | 'terminated' | 'incident';
  @ApiProperty(variables) variables: Record<string, unknown>;
  @ApiProperty(nullableString) startedBy: string | null;
  @ApiProperty(date) startedAt: string;
  @ApiProperty(nullableDate) endedAt: string | null;
  @ApiProperty({
    type: [String],
    description: 'Diagram elements where the tokens stand (listener tokens left out); empty once ended',
  })
  activeElementIds: string[];
  @ApiProperty({
    type: [String],
    description: 'The path taken: elements completed and sequence flows followed, in first-taken order',
  })
  completedElementIds: string[];
  @ApiProperty({ type: [TaskDto] }) tasks: TaskDto[];
  @ApiProperty({ type: [JobDto] }) jobs: JobDto[];
  @ApiProperty({ type: [DeadlineJobDto] }) deadlines: DeadlineJobDto[];
  @ApiProperty({ type: [IncidentDto] }) incidents: IncidentDto[];
  @ApiProperty({ type: [HistoryEntryDto] }) history: HistoryEntryDto[];
  @ApiProperty({ type: [OpinionDto], description: 'Newest first' }) opinions: OpinionDto[];
}
