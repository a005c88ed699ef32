import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { FILE_KINDS, type FileKind } from '../domain/file-kind.rules';

/** `GET /api/dossiers/:code/files?kind=&taskId=`. */
export class FileListQueryDto {
  @IsOptional()
  @IsIn(FILE_KINDS)
  kind?: FileKind;

  @IsOptional()
  @IsUUID()
  taskId?: string;
}
