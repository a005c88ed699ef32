import { ApiProperty } from '@nestjs/swagger';
import { FILE_KINDS, type FileKind } from '../domain/file-kind.rules';

/** A stored file's descriptor (libs/files README): the bytes are fetched by id. */
export class DossierFileDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() dossierCode: string;
  @ApiProperty({ enum: FILE_KINDS, enumName: 'FileKind' }) kind: FileKind;
  @ApiProperty({ nullable: true, type: String, description: "kind=document: the procedure's document code" })
  documentKey: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'kind=attachment (and a result uploaded at a step): the task',
  })
  taskId: string | null;
  @ApiProperty({ example: 'giay-chung-sinh.pdf' }) fileName: string;
  @ApiProperty({ example: 'application/pdf', description: 'Sniffed from the bytes, not taken from the client' })
  contentType: string;
  @ApiProperty({ description: 'Bytes' }) size: number;
  @ApiProperty({ description: 'Hex SHA-256 of the bytes (also the ETag of the download)' }) sha256: string;
  @ApiProperty() uploadedBy: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
}

/** `POST /api/dossiers/:code/files`: every file of the request, all stored or none. */
export class UploadedFilesDto {
  @ApiProperty({ type: [DossierFileDto] }) items: DossierFileDto[];
}

export class DossierFileListDto extends UploadedFilesDto {
  @ApiProperty() total: number;
}

/** A result file as the citizen sees it (no uploader, no step). */
export class PublicResultFileDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fileName: string;
  @ApiProperty() contentType: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
}

/** `GET /api/public/dossiers/:code/results?key=`: no files until the result is `ready`. */
export class PublicResultListDto {
  @ApiProperty({ type: [PublicResultFileDto] }) items: PublicResultFileDto[];
  @ApiProperty() total: number;
  @ApiProperty({ description: 'The decision is signed (result ready or returned)' }) ready: boolean;
}

/** The schema of a file download: the bytes in the file's sniffed type. */
export const FILE_DOWNLOAD = {
  description: 'The bytes, with the sniffed Content-Type, Content-Disposition (UTF-8 name) and ETag (sha256)',
  content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
} as const;
