import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { FILE_KINDS, type FileKind } from '../domain/file-kind.rules';

/** `GET /api/dossiers/:code/files?kind=&taskId=`. */
export class FileListQueryDto {
  @ApiPropertyOptional({ enum: FILE_KINDS, enumName: 'FileKind' })
  @IsOptional()
  @IsIn(FILE_KINDS)
  kind?: FileKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'The step the files were attached to' })
  @IsOptional()
  @IsUUID()
  @MaxLength(36)
  taskId?: string;
}
