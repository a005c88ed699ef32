import { IsIn, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { FILE_KINDS, type FileKind } from '../domain/file-kind.rules';

/** `GET /api/dossiers/:code/files?kind=&taskId=`. */
export class FileListQueryDto {
  @IsOptional()
  @IsIn(FILE_KINDS)
  kind?: FileKind;

  @IsOptional()
  @IsUUID()
  @MaxLength(36)
  taskId?: string;
}
