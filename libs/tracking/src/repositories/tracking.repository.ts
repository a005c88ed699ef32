import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PreparedStatements } from '../../../database/src';
import {
  CITIZEN_DOSSIER_SQL,
  CITIZEN_DOSSIERS_SQL,
  PUBLIC_STATUS_SQL,
  type DossierStatus,
} from '../../../dossiers/src';

export interface StatusRow {
  code: string;
  status: DossierStatus;
  statusLabel: string;
  procedureName: string;
  unitName: string;
  appointmentAt: Date;
  overdue: boolean;
  /** A refused dossier's citizen-facing reason (ADR 0011); null otherwise. */
  reason: string | null;
}

export interface TimelineRow {
  at: Date;
  step: string;
  statusLabel: string | null;
  /** The step is open now (started at `at`, not finished): the citizen's dossier waits there. */
  current: boolean;
}

/**
 * Reads the public projection `dossier_status` through the statement libs/dossiers publishes (DESIGN §5,
 * issue 17 item 4: a channel names no table); the only personal datum read is the name, for masking.
 */
@Injectable()
export class TrackingRepository {
  /** The lookup's statement is prepared once per connection: it is the public endpoint's only statement. */
  private readonly prepared: PreparedStatements;

  constructor(db: DataSource) {
    this.prepared = new PreparedStatements(db);
  }

  /**
   * The status row of `code` in one statement; the applicant's name and the public timeline only
   * when the stored key hash equals `keyHash` (the hash of the key the caller gave, or null): the
   * name is never read for a caller without the key, and one round trip serves either view.
   */
  async findStatus(code: string, now: Date, keyHash: string | null = null): Promise<StatusWithKeyed | undefined> {
    const rows = await this.prepared.rows<StatusWithKeyed & { timeline: RawTimelineRow[] | null }>(PUBLIC_STATUS_SQL, [
      code,
      now,
      keyHash,
    ]);
    const row = rows[0];
    if (!row) return undefined;
    const timeline = row.timeline?.map((step) => ({ ...step, at: new Date(step.at) }));
    return { ...row, timeline: timeline ?? null };
  }

  /** The dossiers whose applicant's phone is `phone` (normalised), newest first. */
  ownDossiers(phone: string, now: Date): Promise<OwnDossierRow[]> {
    return this.prepared.rows<OwnDossierRow>(CITIZEN_DOSSIERS_SQL, [phone, now]);
  }

  /** The dossier `code` if its applicant's phone is `phone`, with the public timeline and the desk's messages. */
  async ownDossier(code: string, phone: string, now: Date): Promise<OwnDossierDetail | undefined> {
    type Raw = Omit<OwnDossierDetail, 'timeline' | 'messages'> & {
      timeline: RawTimelineRow[] | null;
      messages: (Omit<DeskMessage, 'at' | 'appointmentAt'> & { at: string; appointmentAt: string | null })[] | null;
    };
    const [row] = await this.prepared.rows<Raw>(CITIZEN_DOSSIER_SQL, [code, now, phone]);
    if (!row) return undefined;
    return {
      ...row,
      timeline: (row.timeline ?? []).map((step) => ({ ...step, at: new Date(step.at) })),
      messages: (row.messages ?? []).map(({ at, appointmentAt, documents, ...message }) => ({
        ...message,
        at: new Date(at),
        ...(documents ? { documents } : {}),
        ...(appointmentAt ? { appointmentAt: new Date(appointmentAt) } : {}),
      })),
    };
  }
}

/** One of a citizen's dossiers in the list of "my dossiers". */
export type OwnDossierRow = Omit<StatusRow, 'reason'> & { receivedAt: Date };

/** A citizen-facing message of the desk: a supplement request, an apology, a refusal (issue 18 item 4). */
export interface DeskMessage {
  at: Date;
  kind: 'supplement_request' | 'apology' | 'refusal';
  text: string | null;
  /** A supplement request's documents to bring. */
  documents?: string[];
  /** An apology's new appointment. */
  appointmentAt?: Date;
}

/** One of a citizen's dossiers in full: the lookup's row with the timeline, the desk's messages, results allowed. */
export type OwnDossierDetail = StatusRow & {
  receivedAt: Date;
  applicantName: string | null;
  timeline: TimelineRow[];
  messages: DeskMessage[];
  electronicResult: boolean;
};

/** A status row with the stored key hash and, when the given key hash matched, the name and timeline. */
export type StatusWithKeyed = StatusRow & {
  lookupKeyHash: string;
  applicantName: string | null;
  timeline: TimelineRow[] | null;
};

type RawTimelineRow = Omit<TimelineRow, 'at'> & { at: string };
