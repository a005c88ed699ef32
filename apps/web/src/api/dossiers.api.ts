import type { Opinion } from './api.types';
import type { Page } from './api.types';
import { ApiError, request, tokenStore } from './client';

/** Statuses of a dossier (DESIGN §5), stable keys. */
export type DossierStatus =
  | 'received'
  | 'processing'
  | 'supplement_required'
  | 'financial_obligation'
  | 'result_ready'
  | 'returned'
  | 'rejected'
  | 'withdrawn';

/** The one-stop actions of the desk (`POST /api/dossiers/:code/<action>`). */
export type DossierAction = 'supplement-request' | 'supplement-received' | 'refuse' | 'withdraw' | 'apology' | 'return';

/** A row of `GET /api/dossiers`. */
export interface DossierListItem {
  code: string;
  procedureCode: string;
  procedureName: string;
  status: DossierStatus;
  statusLabel: string;
  receivedAt: string;
  appointmentAt: string;
  unitCode: string;
  channel: string;
  applicantName: string;
  currentStep: string | null;
  overdue: boolean;
}

/** A party of a handover: unit and officer, with their names when the server knows them. */
export interface HandoverParty {
  unitCode: string;
  unitName?: string | null;
  user: string | null;
  fullName?: string | null;
}

/** One handover of the control slip (Form 05). */
export interface HandoverRow {
  step: string;
  from: HandoverParty;
  to: HandoverParty;
  at: string;
  due: string | null;
  completedAt: string | null;
  result: 'early' | 'on_time' | 'late' | null;
}

export interface ReceivedDocument {
  code: string;
  name: string;
  kind: 'original' | 'certified_copy' | 'copy';
  required: boolean;
  copies: number;
}

/** A one-stop action taken at the desk, with its reason. */
export interface DossierEvent {
  at: string;
  type: string;
  actor: string | null;
  data: Record<string, unknown>;
}

/** `GET /api/dossiers/:code` (libs/dossiers README). */
export interface DossierDetail {
  code: string;
  procedureCode: string;
  procedureName: string;
  status: DossierStatus;
  statusLabel: string;
  channel: string;
  receivedAt: string;
  receivedBy: string;
  appointmentAt: string;
  originalAppointmentAt: string;
  unitCode: string;
  unitName: string;
  applicant: { fullName: string; idNumber: string; phone: string; email?: string; address?: string };
  documents: ReceivedDocument[];
  currentStep: string | null;
  overdue: boolean;
  pausedAt: string | null;
  returnedAt: string | null;
  history: HandoverRow[];
  events: DossierEvent[];
  allowedActions: DossierAction[];
  /** Officers' opinions on the steps, newest first (staff only). */
  opinions?: Opinion[];
}

export interface DossierQuery {
  q?: string;
  status?: DossierStatus;
  limit: number;
  offset: number;
}

/** What an action sends: a reason (refuse, withdraw, supplement, apology), a note, documents, a new date. */
export interface DossierActionBody {
  reason?: string;
  note?: string;
  documents?: string[];
  newAppointmentAt?: string;
}

const path = (code: string) => `/api/dossiers/${encodeURIComponent(code)}`;

export function listDossiers(query: DossierQuery): Promise<Page<DossierListItem>> {
  return request<Page<DossierListItem>>('/api/dossiers', { query: { ...query } });
}

export function getDossier(code: string): Promise<DossierDetail> {
  return request<DossierDetail>(path(code));
}

/** Runs a one-stop action; the server answers the dossier as it is after it. */
export function actOnDossier(code: string, action: DossierAction, body: DossierActionBody): Promise<DossierDetail> {
  return request<DossierDetail>(`${path(code)}/${action}`, { method: 'POST', body });
}

/** The open step drawn as a desk action (`mc:action`), if the dossier waits at one. */
export interface DeskStep {
  taskId: string;
  name: string;
  action: string;
}

/** `GET /api/dossiers/:code/supplement-draft`: the procedure's documents and what to prefill. */
export interface SupplementDraft {
  documents: { code: string; name: string; kind: string; required: boolean; received: boolean }[];
  missing: string[];
  reason: string | null;
  step: DeskStep | null;
}

/** `GET /api/dossiers/:code/appointment-proposals`: valid new appointments (working days of the unit). */
export interface AppointmentProposals {
  appointmentAt: string;
  proposals: { at: string; workingDays: number }[];
  step: DeskStep | null;
}

export function getSupplementDraft(code: string): Promise<SupplementDraft> {
  return request<SupplementDraft>(`${path(code)}/supplement-draft`);
}

export function getAppointmentProposals(code: string): Promise<AppointmentProposals> {
  return request<AppointmentProposals>(`${path(code)}/appointment-proposals`);
}

/** The printed forms of a dossier: 01 and 05 always, 02–04 once their action was taken. */
export type DossierForm = 'receipt' | 'control-slip' | '02' | '03' | '04';

const FORM_PATHS: Record<DossierForm, string> = {
  receipt: 'receipt.pdf',
  'control-slip': 'control-slip.pdf',
  '02': 'forms/02',
  '03': 'forms/03',
  '04': 'forms/04',
};

/**
 * Opens a printed form in a new tab. The PDF needs the bearer token, so it is fetched and shown
 * as a blob; the tab is opened first, inside the click, so that popup blockers let it through.
 */
export async function openDossierForm(code: string, form: DossierForm): Promise<void> {
  const tab = window.open('', '_blank');
  const response = await fetch(`${path(code)}/${FORM_PATHS[form]}`, {
    headers: { Authorization: `Bearer ${tokenStore.get() ?? ''}`, Accept: 'application/pdf' },
  });
  if (!response.ok) {
    tab?.close();
    const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(response.status, body.code ?? `HTTP_${response.status}`, body.message ?? 'Không in được biểu mẫu.');
  }
  const url = URL.createObjectURL(await response.blob());
  if (tab) tab.location.href = url;
  else window.location.assign(url);
}
