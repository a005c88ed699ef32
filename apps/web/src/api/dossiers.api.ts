import { ApiError, request, tokenStore } from './client';
import type { DossierStatus } from './dossier-status';
import type { operations } from './schema.gen';
import type { Schemas } from './schemas';

export type { DossierStatus };
/** The one-stop actions of the desk (`POST /api/dossiers/:code/<action>`). */
export type DossierAction = Schemas['DossierAction'];
/** A row of `GET /api/dossiers`. */
export type DossierListItem = Schemas['DossierListItemDto'];
export type DossierList = Schemas['DossierListDto'];
/** A party of a handover: unit and officer, with their names when the server knows them. */
export type HandoverParty = Schemas['HandoverPartyDto'];
/** One handover of the control slip (Form 05). */
export type HandoverRow = Schemas['HandoverRowDto'];
export type ReceivedDocument = Schemas['ReceivedDocumentDto'];
/** A one-stop action taken at the desk, with its reason. */
export type DossierEvent = Schemas['DossierEventDto'];
/** `GET /api/dossiers/:code` and the answer of every action (libs/dossiers README). */
export type DossierDetail = Schemas['DossierDetailDto'];
export type DossierQuery = NonNullable<operations['DossiersController_list']['parameters']['query']>;
/** What an action sends: a reason (refuse, withdraw, supplement, apology), a note, documents, a new date. */
export type DossierActionBody = Partial<Schemas['SupplementRequestDto'] & Schemas['NoteDto'] & Schemas['ApologyDto']>;
/** The open step drawn as a desk action (`mc:action`), if the dossier waits at one. */
export type DeskStep = Schemas['DeskStepDto'];
/** `GET /api/dossiers/:code/supplement-draft`: the procedure's documents and what to prefill. */
export type SupplementDraft = Schemas['SupplementDraftDto'];
/** `GET /api/dossiers/:code/appointment-proposals`: valid new appointments (working days of the unit). */
export type AppointmentProposals = Schemas['AppointmentProposalsDto'];

const path = (code: string) => `/api/dossiers/${encodeURIComponent(code)}`;

export function listDossiers(query: DossierQuery): Promise<DossierList> {
  return request<DossierList>('/api/dossiers', { query: { ...query } });
}

export function getDossier(code: string): Promise<DossierDetail> {
  return request<DossierDetail>(path(code));
}

/** Runs a one-stop action; the server answers the dossier as it is after it. */
export function actOnDossier(code: string, action: DossierAction, body: DossierActionBody): Promise<DossierDetail> {
  return request<DossierDetail>(`${path(code)}/${action}`, { method: 'POST', body });
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
    throw new ApiError(
      response.status,
      body.code ?? `HTTP_${response.status}`,
      body.message ?? 'Không in được biểu mẫu.',
    );
  }
  const url = URL.createObjectURL(await response.blob());
  if (tab) tab.location.href = url;
  else window.location.assign(url);
}
