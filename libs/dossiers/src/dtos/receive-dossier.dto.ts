import { IsArray, IsIn, IsISO8601, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { CHANNELS, type Channel } from '../domain/procedure.types';

/**
 * `POST /api/dossiers` (DESIGN §6). The applicant and documents are checked by the domain rules
 * (`APPLICANT_INVALID`, `DOCUMENT_MISSING`), which name the field or document at fault.
 */
export class ReceiveDossierDto {
  @IsString() @MaxLength(100) procedureCode: string;
  @IsObject() applicant: Record<string, unknown>;
  @IsIn(CHANNELS) channel: Channel;
  /** Document codes, or `{code, copies?}`. */
  @IsOptional() @IsArray() documents?: unknown[];
  /** When the dossier reached the desk (postal, online), if earlier than now. */
  @IsOptional() @IsISO8601({ strict: true }) receivedAt?: string;
}
