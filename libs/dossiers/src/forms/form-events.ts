import type { DossierDetail } from '../services/dossiers.service';

type DossierEvent = DossierDetail['events'][number];

/** The supplement request printed on Form 02, and what became of it. */
export interface SupplementRequestFacts {
  at: Date;
  actor: string | null;
  reason: string;
  documentCodes: string[];
  /** When the citizen brought the supplement, if they have, and the appointment it moved to. */
  received?: { at: Date; appointmentAt: Date; waitedWorkingMs: number };
}

/** The refusal printed on Form 03: by the desk (`refuse`), or the process ending in `rejected`. */
export interface RefusalFacts {
  at: Date;
  actor: string | null;
  reason: string | null;
}

/** The apology printed on Form 04. */
export interface ApologyFacts {
  at: Date;
  actor: string | null;
  reason: string;
  previousAppointmentAt: Date;
  appointmentAt: Date;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const last = (events: readonly DossierEvent[], type: string) => [...events].reverse().find((e) => e.type === type);

/** The latest supplement request, with the receipt that ended it (the next `supplement-received`); undefined when none was made. */
export function supplementRequestFacts(events: readonly DossierEvent[]): SupplementRequestFacts | undefined {
  const index = events.findLastIndex((e) => e.type === 'supplement-request');
  if (index < 0) return undefined;
  const request = events[index];
  const received = events.slice(index + 1).find((e) => e.type === 'supplement-received');
  const documents = Array.isArray(request.data.documents)
    ? request.data.documents.filter((c): c is string => typeof c === 'string')
    : [];
  return {
    at: new Date(request.at),
    actor: request.actor,
    reason: text(request.data.reason),
    documentCodes: documents,
    received: received && {
      at: new Date(received.at),
      appointmentAt: new Date(String(received.data.appointmentAt)),
      waitedWorkingMs: Number(received.data.waitedWorkingMs ?? 0),
    },
  };
}

/**
 * The refusal of a `rejected` dossier: the desk's `refuse` with its reason; else the process
 * took its refusal path, dated by the handover to its last step, with the reason its
 * approver gave (`rejectionReason`), if any.
 */
export function refusalFacts(
  d: Pick<DossierDetail, 'status' | 'events' | 'history' | 'receivedAt'>,
  processReason?: unknown,
): RefusalFacts | undefined {
  if (d.status !== 'rejected') return undefined;
  const refused = last(d.events, 'refuse');
  if (refused) return { at: new Date(refused.at), actor: refused.actor, reason: text(refused.data.reason) || null };
  const lastStep = d.history.at(-1);
  return {
    at: new Date(lastStep?.at ?? d.receivedAt),
    actor: lastStep?.to.user ?? null,
    reason: text(processReason) || null,
  };
}

/** The latest apology with its new date; undefined when the leader has sent none. */
export function apologyFacts(events: readonly DossierEvent[]): ApologyFacts | undefined {
  const apology = last(events, 'apology');
  if (!apology) return undefined;
  return {
    at: new Date(apology.at),
    actor: apology.actor,
    reason: text(apology.data.reason),
    previousAppointmentAt: new Date(String(apology.data.previousAppointmentAt)),
    appointmentAt: new Date(String(apology.data.appointmentAt)),
  };
}
