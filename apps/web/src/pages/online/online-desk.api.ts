import { ApiError, request, tokenStore } from '../../api/client';
import type { Schemas } from '../../api/schemas';

/** An online submission as the desk sees it (`GET /api/online-desk/submissions/:id`). */
export type Submission = Schemas['SubmissionDto'];
export type SubmissionStatus = Schemas['SubmissionStatus'];
export type Accepted = Schemas['AcceptedSubmissionDto'];
export type Procedure = Schemas['ProcedureDto'];

/** The statuses of a submission, in the citizen's and the officer's words. */
export const SUBMISSION_STATUS: Record<SubmissionStatus, { label: string; color: string }> = {
  waiting: { label: 'Chờ tiếp nhận', color: 'blue' },
  supplement_required: { label: 'Chờ công dân bổ sung', color: 'orange' },
  refused: { label: 'Không tiếp nhận', color: 'red' },
  accepted: { label: 'Đã tiếp nhận', color: 'green' },
};

const BASE = '/api/online-desk/submissions';

export function listSubmissions(query: { status: SubmissionStatus; limit: number; offset: number }) {
  return request<Schemas['SubmissionListDto']>(BASE, { query });
}

export const getSubmission = (id: string) => request<Submission>(`${BASE}/${id}`);
export const getProcedure = (code: string) => request<Procedure>(`/api/procedures/${encodeURIComponent(code)}`);

export const acceptSubmission = (id: string) => request<Accepted>(`${BASE}/${id}/accept`, { method: 'POST', body: {} });

export const requestSupplement = (id: string, reason: string) =>
  request<Submission>(`${BASE}/${id}/supplement-request`, { method: 'POST', body: { reason } });

export const refuseSubmission = (id: string, reason: string) =>
  request<Submission>(`${BASE}/${id}/refuse`, { method: 'POST', body: { reason } });

/** Opens a file of the submission in a new tab (fetched with the bearer token, shown as a blob). */
export async function viewSubmissionFile(id: string, fileId: string): Promise<void> {
  const tab = window.open('', '_blank');
  const response = await fetch(`${BASE}/${id}/files/${fileId}`, {
    headers: { Authorization: `Bearer ${tokenStore.get() ?? ''}` },
  });
  if (!response.ok) {
    tab?.close();
    throw new ApiError(response.status, `HTTP_${response.status}`, 'Không mở được tệp.');
  }
  const url = URL.createObjectURL(await response.blob());
  if (tab) tab.location.href = url;
  else window.location.assign(url);
}
