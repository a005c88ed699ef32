import type { DossierAction, DossierStatus } from './dossier-status.machine';

/** How a dossier can end: the closed statuses (DESIGN §5), also the values of `mc:outcome` (ADR 0011). */
export type ClosingStatus = Extract<DossierStatus, 'returned' | 'rejected' | 'withdrawn'>;

/**
 * One way to close a dossier, whether the desk acts (`refuse`, `withdraw`, `return`) or the
 * diagram reaches an end event with `mc:outcome`: the same status, the same dossier event (which
 * Form 03, the public timeline and the refusal SMS read) and the same reason on the public
 * projection. `event` is null for `returned`: the result's return is already on the record (the
 * desk's `return`, or the result step the citizen sees in the timeline).
 */
export interface Closure {
  status: ClosingStatus;
  event: Extract<DossierAction, 'refuse' | 'withdraw'> | null;
  /** Whether the reason is shown on public channels (lookup, kiosk, SMS): a refusal's only. */
  publicReason: boolean;
}

export const CLOSURES: Record<ClosingStatus, Closure> = {
  rejected: { status: 'rejected', event: 'refuse', publicReason: true },
  withdrawn: { status: 'withdrawn', event: 'withdraw', publicReason: false },
  returned: { status: 'returned', event: null, publicReason: false },
};

export function closureOf(outcome: string): Closure | undefined {
  return Object.hasOwn(CLOSURES, outcome) ? CLOSURES[outcome as ClosingStatus] : undefined;
}

/** Longest public reason kept on the projection (Form 03 prints the full one from the event). */
export const MAX_PUBLIC_REASON = 500;

/** The reason as shown to citizens, or null: trimmed, bounded. */
export function publicReasonOf(closure: Closure, reason: unknown): string | null {
  if (!closure.publicReason || typeof reason !== 'string' || reason.trim() === '') return null;
  return reason.trim().slice(0, MAX_PUBLIC_REASON);
}
