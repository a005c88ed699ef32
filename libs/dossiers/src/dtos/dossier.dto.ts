import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OpinionDto } from '../../../workflow/src';
import {
  DOSSIER_ACTIONS,
  DOSSIER_STATUSES,
  type DossierAction,
  type DossierStatus,
} from '../domain/dossier-status.machine';
import { CHANNELS, DOCUMENT_KINDS, type Channel, type DocumentKind, type Procedure } from '../domain/procedure.types';
import { LEGAL_TIME_SCHEMA } from './procedure.dto';
import type { PaymentState } from '../services/dossier-payments.port';

/** The status enum every dossier answer names (DESIGN §5); the web app's labels are keyed by it. */
export const STATUS_PROPERTY = { enum: DOSSIER_STATUSES, enumName: 'DossierStatus' } as const;
const CHANNEL_PROPERTY = { enum: CHANNELS, enumName: 'Channel' } as const;
const nullableDate = (description?: string) => ({
  nullable: true,
  type: String,
  format: 'date-time',
  ...(description && { description }),
});

/** A row of `GET /api/dossiers`. */
export const PAYMENT_STATE_PROPERTY = {
  enum: ['paid', 'unpaid', 'not_required'],
  enumName: 'PaymentState',
  description: 'Fee paid online, still to pay, or no fee (ADR 0029)',
} as const;

export class DossierPaymentDto {
  @ApiProperty(PAYMENT_STATE_PROPERTY) status: PaymentState;
  @ApiProperty({ description: "VND: the procedure's fee, or the amount paid" }) amount: number;
  @ApiProperty({ nullable: true, type: String, description: "The gateway's transaction number" })
  transactionNo: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) paidAt: string | null;
}

export class DossierListItemDto {
  @ApiProperty({ example: '000.00.20.H15-261207-0001' }) code: string;
  @ApiProperty() procedureCode: string;
  @ApiProperty() procedureName: string;
  @ApiProperty(STATUS_PROPERTY) status: DossierStatus;
  @ApiProperty({ example: 'Đang giải quyết' }) statusLabel: string;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({ format: 'date-time' }) appointmentAt: string;
  @ApiProperty() unitCode: string;
  @ApiProperty(CHANNEL_PROPERTY) channel: Channel;
  @ApiProperty() applicantName: string;
  @ApiProperty({ nullable: true, type: String }) currentStep: string | null;
  @ApiProperty({
    description: 'Open and past the appointment (never for closed, result-ready or supplement-waiting dossiers)',
  })
  overdue: boolean;
  @ApiProperty(PAYMENT_STATE_PROPERTY) payment: PaymentState;
}

export class DossierListDto {
  @ApiProperty({ type: [DossierListItemDto] }) items: DossierListItemDto[];
  @ApiProperty() total: number;
}

/** `POST /api/dossiers`: the lookup key is shown only in this answer (print it now). */
export class ReceptionResultDto {
  @ApiProperty() code: string;
  @ApiProperty({ example: 'K7P2QX', description: 'Shown once: only its hash is kept' }) lookupKey: string;
  @ApiProperty({ format: 'date-time' }) appointmentAt: string;
  @ApiProperty(STATUS_PROPERTY) status: DossierStatus;
}

export class ApplicantViewDto {
  @ApiProperty() fullName: string;
  @ApiProperty({ description: 'CCCD (12 digits) or CMND (9 digits)' }) idNumber: string;
  @ApiProperty() phone: string;
  @ApiPropertyOptional() email?: string;
  @ApiPropertyOptional() address?: string;
}

export class ReceivedDocumentDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: DOCUMENT_KINDS, enumName: 'DocumentKind' }) kind: DocumentKind;
  @ApiProperty() required: boolean;
  @ApiProperty({ description: 'Sets handed in' }) copies: number;
}

/** The procedure as the dossier page shows it. */
export class DossierProcedureDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() field: string;
  @ApiProperty() level: string;
  @ApiProperty(LEGAL_TIME_SCHEMA) legalTime: Procedure['legalTime'];
  @ApiProperty({ description: 'VND' }) fee: number;
  @ApiProperty({ nullable: true, type: String }) feeRules: string | null;
}

export class PauseDto {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({ description: 'Working time the pause held back' }) workingMs: number;
}

/** A party of a handover: unit and officer, with their names when the server knows them. */
export class HandoverPartyDto {
  @ApiProperty() unitCode: string;
  @ApiPropertyOptional({ nullable: true, type: String }) unitName?: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Username' }) user: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) fullName?: string | null;
}

/** What the control slip prints of a step's opinion. */
export class SlipOpinionDto {
  @ApiProperty() text: string;
  @ApiProperty({ type: [String], description: 'File names' }) attachments: string[];
}

/** One handover of the control slip (Form 05). */
export class HandoverRowDto {
  @ApiProperty() step: string;
  @ApiProperty({ type: HandoverPartyDto }) from: HandoverPartyDto;
  @ApiProperty({ type: HandoverPartyDto }) to: HandoverPartyDto;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty(nullableDate()) due: string | null;
  @ApiProperty(nullableDate()) completedAt: string | null;
  @ApiProperty({
    type: String,
    enum: ['early', 'on_time', 'late'],
    nullable: true,
    description: 'Early, on time or late against the due time; null while open or cancelled',
  })
  result: 'early' | 'on_time' | 'late' | null;
  @ApiPropertyOptional({ type: SlipOpinionDto, nullable: true }) opinion?: SlipOpinionDto | null;
}

/** A one-stop action taken at the desk, with its reason. */
export class DossierEventDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ example: 'supplement_requested' }) type: string;
  @ApiProperty({ nullable: true, type: String }) actor: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
}

/** `GET /api/dossiers/:code`, and the answer of every one-stop action. */
export class DossierDetailDto {
  @ApiProperty() code: string;
  @ApiProperty() procedureCode: string;
  @ApiProperty() procedureName: string;
  @ApiProperty({ type: DossierProcedureDto }) procedure: DossierProcedureDto;
  @ApiProperty(STATUS_PROPERTY) status: DossierStatus;
  @ApiProperty() statusLabel: string;
  @ApiProperty(CHANNEL_PROPERTY) channel: Channel;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({ description: 'Username of the receiving officer' }) receivedBy: string;
  @ApiProperty({ format: 'date-time' }) appointmentAt: string;
  @ApiProperty({ format: 'date-time' }) originalAppointmentAt: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ type: ApplicantViewDto }) applicant: ApplicantViewDto;
  @ApiProperty({ type: [ReceivedDocumentDto] }) documents: ReceivedDocumentDto[];
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The workflow instance (`GET /api/instances/:id` for admins)',
  })
  instanceId: string | null;
  @ApiProperty({ nullable: true, type: String }) currentStep: string | null;
  @ApiProperty() overdue: boolean;
  @ApiProperty(nullableDate("Set while waiting for the citizen's supplement")) pausedAt: string | null;
  @ApiProperty({ type: [PauseDto] }) pauses: PauseDto[];
  @ApiProperty(nullableDate()) resolvedAt: string | null;
  @ApiProperty(nullableDate()) returnedAt: string | null;
  @ApiProperty({ type: [HandoverRowDto], description: 'The control slip (Form 05)' }) history: HandoverRowDto[];
  @ApiProperty({ type: [DossierEventDto] }) events: DossierEventDto[];
  @ApiProperty({ enum: DOSSIER_ACTIONS, enumName: 'DossierAction', isArray: true }) allowedActions: DossierAction[];
  @ApiProperty({ type: [OpinionDto], description: "Officers' opinions on the steps, newest first (staff only)" })
  opinions: OpinionDto[];
  @ApiProperty({ type: DossierPaymentDto, description: 'The fee and whether it is paid online (issue 18 item 5)' })
  payment: DossierPaymentDto;
}

/** The open step drawn as a desk action (`mc:action`), if the dossier waits at one. */
export class DeskStepDto {
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'supplement' }) action: string;
}

export class SupplementDraftDocumentDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: DOCUMENT_KINDS, enumName: 'DocumentKind' }) kind: string;
  @ApiProperty() required: boolean;
  @ApiProperty({ description: 'Handed in at reception' }) received: boolean;
}

/** `GET /api/dossiers/:code/supplement-draft`: what the "Yêu cầu bổ sung" dialog offers and prefills. */
export class SupplementDraftDto {
  @ApiProperty({ type: [SupplementDraftDocumentDto] }) documents: SupplementDraftDocumentDto[];
  @ApiProperty({
    type: [String],
    description: 'Codes to check at once: the missing documents an earlier step recorded',
  })
  missing: string[];
  @ApiProperty({ nullable: true, type: String, description: 'The opinion of the step that sent the dossier here' })
  reason: string | null;
  @ApiProperty({ type: DeskStepDto, nullable: true }) step: DeskStepDto | null;
}

export class AppointmentProposalDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() workingDays: number;
}

/** `GET /api/dossiers/:code/appointment-proposals`: the dates the apology dialog offers. */
export class AppointmentProposalsDto {
  @ApiProperty({ format: 'date-time' }) appointmentAt: string;
  @ApiProperty({ type: [AppointmentProposalDto] }) proposals: AppointmentProposalDto[];
  @ApiProperty({ type: DeskStepDto, nullable: true }) step: DeskStepDto | null;
}
