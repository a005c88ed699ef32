import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const nullableString = { type: 'string', nullable: true } as const;
const nullableDate = { type: 'string', format: 'date-time', nullable: true } as const;

/** A task as clients see it (TaskView, libs/workflow/src/views/task.view.ts). */
export class TaskDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The BPMN element id of the step' }) elementId: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) instanceId: string;
  @ApiProperty({ ...nullableString, description: 'The dossier code' }) businessKey: string | null;
  @ApiProperty() unitCode: string;
  @ApiProperty({ type: [String] }) candidateGroups: string[];
  @ApiProperty({ ...nullableString, description: 'Username of the officer who claimed it' }) assignee: string | null;
  @ApiProperty({ enum: ['open', 'completed', 'cancelled'] }) status: 'open' | 'completed' | 'cancelled';
  @ApiProperty({ type: 'string', format: 'date-time' }) createdAt: string;
  @ApiProperty(nullableDate) dueAt: string | null;
  @ApiProperty() definitionKey: string;
  @ApiProperty(nullableString) procedureCode: string | null;
  @ApiProperty(nullableDate) claimedAt: string | null;
  @ApiProperty(nullableDate) completedAt: string | null;
  @ApiProperty(nullableString) completedBy: string | null;
  @ApiProperty({ description: 'Open and past its due time' }) overdue: boolean;
  @ApiProperty({ ...nullableDate, description: 'When the overdue job flagged it' }) overdueAt: string | null;
  @ApiProperty({ ...nullableString, description: 'Citizen-facing status while the dossier waits here (mc:status)' })
  publicStatus: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'Completion form as drawn (mc:form), or null',
  })
  form: unknown;
  @ApiProperty({
    ...nullableString,
    description: 'mc:action: the desk action that completes this step (supplement, apology)',
  })
  deskAction: string | null;
  @ApiPropertyOptional({
    ...nullableString,
    description: "Inbox list only: the dossier's applicant (null for a step without a dossier)",
  })
  applicantName?: string | null;
  @ApiPropertyOptional({ ...nullableString, description: "Inbox list only: the dossier's procedure" }) procedureName?:
    string | null;
  @ApiPropertyOptional({ ...nullableDate, description: "Inbox list only: the dossier's appointment (hẹn trả)" })
  appointmentAt?: string | null;
}

/** One page of tasks. */
export class TaskPageDto {
  @ApiProperty({ type: [TaskDto] }) items: TaskDto[];
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiPropertyOptional({
    description:
      'Present (true) when a search matched more steps than are counted: `total` (200) is then a lower bound',
  })
  totalCapped?: boolean;
}

/** A file attached to an opinion, downloaded by id from the dossier's files. */
export class AttachmentRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() contentType: string;
  @ApiProperty({ type: 'integer' }) size: number;
}

/** The officer who wrote an opinion, as they were then. */
export class OpinionAuthorDto {
  @ApiProperty() username: string;
  @ApiProperty() fullName: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
}

/** An officer's opinion (ý kiến xử lý) on a completed step: staff only. */
export class OpinionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ format: 'uuid' }) instanceId: string;
  @ApiProperty({ ...nullableString, description: 'The dossier code' }) businessKey: string | null;
  @ApiProperty() elementId: string;
  @ApiProperty({ description: "The step's name as drawn when it was completed" }) step: string;
  @ApiProperty(nullableString) outcome: string | null;
  @ApiProperty({ type: OpinionAuthorDto }) author: OpinionAuthorDto;
  @ApiProperty() text: string;
  @ApiProperty({ type: [AttachmentRefDto] }) attachments: AttachmentRefDto[];
  @ApiProperty({ type: 'string', format: 'date-time' }) createdAt: string;
}

/** The opinions of a task's dossier, newest first. */
export class OpinionPageDto {
  @ApiProperty({ type: [OpinionDto] }) items: OpinionDto[];
  @ApiProperty({ type: 'integer' }) total: number;
}
