import { ApiProperty } from '@nestjs/swagger';

const nullableString = { type: 'string', nullable: true } as const;

/** A validation finding (`details` of 400 `BPMN_INVALID`, `warnings` of a deploy, IssueView). */
export class BpmnIssueDto {
  @ApiProperty({ example: 'Task_Review' }) elementId: string;
  @ApiProperty({ example: 'TASK_NO_CANDIDATES' }) code: string;
  @ApiProperty({ description: 'English, for developers; the modeler words the code in Vietnamese' }) message: string;
}

/** `POST /api/definitions/validate`: the diagram checked, nothing deployed. */
export class BpmnValidationDto {
  @ApiProperty({ description: 'No error (warnings allowed)' }) valid: boolean;
  @ApiProperty({ type: [BpmnIssueDto] }) errors: BpmnIssueDto[];
  @ApiProperty({ type: [BpmnIssueDto] }) warnings: BpmnIssueDto[];
}

/** A process as deployed: version n of its key. */
export class DeployedProcessDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'cap-giay-phep' }) key: string;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty() name: string;
  @ApiProperty(nullableString) procedureCode: string | null;
}

/** `POST /api/definitions`: the first executable process of the file, and every process deployed. */
export class DeployResultDto extends DeployedProcessDto {
  @ApiProperty({ type: [BpmnIssueDto] }) warnings: BpmnIssueDto[];
  @ApiProperty({ type: [DeployedProcessDto], description: 'Every process of the file (collaborations)' })
  processes: DeployedProcessDto[];
  @ApiProperty({ description: 'The same XML was already deployed (nothing written)' }) unchanged: boolean;
  @ApiProperty({ ...nullableString, description: 'Owning unit of the key (null: the province)' }) ownerUnitCode:
    string | null;
}

/** A deployed version in the list of definitions. */
export class DefinitionSummaryDto extends DeployedProcessDto {
  @ApiProperty(nullableString) deployedBy: string | null;
  @ApiProperty({ type: 'string', format: 'date-time' }) deployedAt: string;
  @ApiProperty({ ...nullableString, description: 'Owning unit of the key (null: the province)' }) ownerUnitCode:
    string | null;
}

/** One page of deployed versions, by key then newest version first. */
export class DefinitionPageDto {
  @ApiProperty({ type: [DefinitionSummaryDto] }) items: DefinitionSummaryDto[];
  @ApiProperty({ type: 'integer' }) total: number;
}

/** A key's owner and the partner units its steps may be drawn on (issue 15). */
export class KeyOwnershipDto {
  @ApiProperty() key: string;
  @ApiProperty({ ...nullableString, description: 'Null: the province' }) ownerUnitCode: string | null;
  @ApiProperty({ type: [String] }) partnerUnitCodes: string[];
}
