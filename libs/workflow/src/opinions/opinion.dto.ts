import { ApiProperty } from '@nestjs/swagger';

/** A file attached to an opinion (issue 16), downloaded by id from the dossier's files. */
export class OpinionAttachmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'bien-ban-xac-minh.pdf' }) name: string;
  @ApiProperty({ example: 'application/pdf' }) contentType: string;
  @ApiProperty({ description: 'Bytes' }) size: number;
}

/** Who wrote an opinion, as they were named when they wrote it. */
export class OpinionAuthorDto {
  @ApiProperty() username: string;
  @ApiProperty() fullName: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
}

/** An officer's opinion (ý kiến xử lý) on a completed step: staff only, never on a public channel. */
export class OpinionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ format: 'uuid' }) instanceId: string;
  @ApiProperty({ nullable: true, type: String, description: 'The dossier code (the instance\'s business key)' }) businessKey: string | null;
  @ApiProperty() elementId: string;
  @ApiProperty({ description: 'The step\'s name as drawn when it was completed' }) step: string;
  @ApiProperty({ nullable: true, type: String, description: 'The outcome chosen, if the form had outcomes' }) outcome: string | null;
  @ApiProperty({ type: OpinionAuthorDto }) author: OpinionAuthorDto;
  @ApiProperty() text: string;
  @ApiProperty({ type: [OpinionAttachmentDto] }) attachments: OpinionAttachmentDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
