import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { FIELD_LIMITS } from '../../../../common/src/field-limits';
import { TaskDto } from './task.response';

/** At most this many steps in one bulk action (a page of the inbox). */
export const MAX_BULK_TASKS = 100;

/** `POST /api/tasks/bulk-claim`: the steps to claim. */
export class BulkClaimDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: MAX_BULK_TASKS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_TASKS)
  @IsUUID('4', { each: true })
  taskIds: string[];
}

/** `POST /api/tasks/bulk-assign`: the steps, and the officer of the unit who takes them. */
export class BulkAssignDto extends BulkClaimDto {
  @ApiProperty({ description: 'Id (or username) of an officer of the same unit whose roles fit the steps' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.code)
  userId: string;
}

export class BulkRefusalDto {
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ description: 'The stable code the single action would have answered, e.g. TASK_ALREADY_CLAIMED' })
  code: string;
}

/** Each step is done or refused on its own: one refusal holds back none of the others. */
export class BulkTaskResultDto {
  @ApiProperty({ type: [TaskDto] }) done: TaskDto[];
  @ApiProperty({ type: [BulkRefusalDto] }) refused: BulkRefusalDto[];
}

export class AssignableOfficerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ type: [String] }) roles: string[];
  @ApiProperty({ description: 'How many of the chosen steps this officer may take' }) fits: number;
}

/** The head's officer picker: who of the unit may take the chosen steps. */
export class AssignableOfficersDto {
  @ApiProperty({ description: "The chosen steps that are open steps of the head's unit" }) steps: number;
  @ApiProperty({ type: [AssignableOfficerDto] }) items: AssignableOfficerDto[];
}
