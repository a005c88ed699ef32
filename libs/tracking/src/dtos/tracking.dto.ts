import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DossierPaymentDto, STATUS_PROPERTY, type DossierStatus } from '../../../dossiers/src';

/** One step of the citizen's timeline (shown only with the right lookup key). */
export class TimelineEntryDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() step: string;
  @ApiProperty({ nullable: true, type: String }) statusLabel: string | null;
  @ApiProperty({ description: 'The step is open now: the dossier waits there' }) current: boolean;
}

/**
 * `GET /api/public/dossiers/:code?key=` (DESIGN §5): by code alone the status; with the right key
 * also the masked name and the timeline. A wrong key answers exactly as no key.
 */
export class PublicDossierDto {
  @ApiProperty() code: string;
  @ApiProperty(STATUS_PROPERTY) status: DossierStatus;
  @ApiProperty({ example: 'Đang giải quyết' }) statusLabel: string;
  @ApiProperty() procedureName: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ format: 'date-time' }) appointmentAt: string;
  @ApiProperty() overdue: boolean;
  @ApiPropertyOptional({ description: "A refused dossier's reason for the citizen (ADR 0011)" }) reason?: string;
  @ApiPropertyOptional({ example: 'N*** V** A', description: "With the right key: the applicant's masked name" })
  applicantName?: string;
  @ApiPropertyOptional({ type: [TimelineEntryDto], description: 'With the right key' }) timeline?: TimelineEntryDto[];
  @ApiPropertyOptional({ type: DossierPaymentDto, description: 'With the right key: the fee and whether it is paid' })
  payment?: DossierPaymentDto;
}

/** One unit's figures (or the province's total) in the public statistics. */
export class UnitStatsDto {
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty() received: number;
  @ApiProperty() resolvedEarly: number;
  @ApiProperty() resolvedOnTime: number;
  @ApiProperty() resolvedLate: number;
  @ApiProperty() inProgressOnTime: number;
  @ApiProperty() inProgressOverdue: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Percent resolved early or on time; null when nothing was resolved',
  })
  onTimeRate: number | null;
}

/** `GET /api/public/stats?from=&to=`: the provincial aggregate, per unit and in total. */
export class PublicStatsDto {
  @ApiProperty({ nullable: true, type: String, format: 'date' }) from: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) to: string | null;
  @ApiProperty({ type: [UnitStatsDto] }) units: UnitStatsDto[];
  @ApiProperty({ type: UnitStatsDto }) total: UnitStatsDto;
  @ApiProperty({ format: 'date-time', description: 'When the figures were computed (kept for STATS_CACHE_SECONDS)' })
  asOf: string;
}

/** The SMS gateway's webhook body: JSON `{from, text}` or a form with `From`/`Body`. */
export class SmsInboundDto {
  @ApiPropertyOptional({ example: '0912345678' }) from?: string;
  @ApiPropertyOptional({ example: 'TC 000.00.20.H15-261207-0001' }) text?: string;
  @ApiPropertyOptional({ description: 'Form field alternative to `from`' }) From?: string;
  @ApiPropertyOptional({ description: 'Form field alternative to `text`' }) Body?: string;
}

/** The reply the gateway sends back to the citizen (no diacritics). */
export class SmsReplyDto {
  @ApiProperty({ example: 'Ho so 000.00.20.H15-261207-0001: Dang giai quyet' }) reply: string;
}

/** One of the signed-in citizen's dossiers (`GET /api/citizen/dossiers`, issue 18 item 4). */
export class CitizenDossierSummaryDto {
  @ApiProperty() code: string;
  @ApiProperty(STATUS_PROPERTY) status: DossierStatus;
  @ApiProperty({ example: 'Đang giải quyết' }) statusLabel: string;
  @ApiProperty() procedureName: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({ format: 'date-time' }) appointmentAt: string;
  @ApiProperty() overdue: boolean;
}

export class CitizenDossierListDto {
  @ApiProperty({ type: [CitizenDossierSummaryDto], description: 'Newest first, at most 200' })
  items: CitizenDossierSummaryDto[];
  @ApiProperty() total: number;
}

/** A citizen-facing message of the desk: never an officer's opinion or note. */
export class DeskMessageDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: ['supplement_request', 'apology', 'refusal'] }) kind:
    'supplement_request' | 'apology' | 'refusal';
  @ApiProperty({ nullable: true, type: String, description: "The desk's reason, as written for the citizen" })
  text: string | null;
  @ApiPropertyOptional({ type: [String], description: 'A supplement request: the documents to bring' })
  documents?: string[];
  @ApiPropertyOptional({ format: 'date-time', description: 'An apology: the new appointment' }) appointmentAt?: string;
}

/**
 * `GET /api/citizen/dossiers/:code`: what the public lookup shows with the lookup key (status, appointment, masked
 * name, the public timeline), the desk's messages, and whether the result may be downloaded.
 */
export class CitizenDossierDto extends PublicDossierDto {
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({ type: [DeskMessageDto] }) messages: DeskMessageDto[];
  @ApiProperty({ description: 'The procedure returns its result electronically: see /results once ready' })
  electronicResult: boolean;
}
