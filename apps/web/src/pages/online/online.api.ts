import { ApiError, citizenTokenStore, request } from '../../api/client';
import type { Schemas } from '../../api/schemas';

/** The citizen's side of online submission (issue 18 item 3): every call carries the citizen's token. */
export type Procedure = Schemas['ProcedureDto'];
export type Submission = Schemas['SubmissionDto'];
export type StagedFile = Schemas['StagedFileDto'];
export interface OnlineApplicant {
  fullName: string;
  idNumber: string;
  address: string;
  email: string;
}

export const publicProcedure = (code: string) => request<Procedure>(`/api/procedures/${encodeURIComponent(code)}`);

export const mySubmissions = () => request<Schemas['SubmissionListDto']>('/api/online/submissions', { as: 'citizen' });

export const mySubmission = (id: string) =>
  request<Submission>(`/api/online/submissions/${encodeURIComponent(id)}`, { as: 'citizen' });

/**
 * Uploads one file for a document before submitting: the raw body (no multipart to build), its name
 * in `X-File-Name`; the server decides the type from the content. Errors are the case file's codes.
 */
export async function stageFile(procedureCode: string, documentKey: string, file: File): Promise<StagedFile> {
  const type = ['application/pdf', 'image/jpeg', 'image/png'].includes(file.type)
    ? file.type
    : 'application/octet-stream';
  const path = `/api/online/procedures/${encodeURIComponent(procedureCode)}/files?documentKey=${encodeURIComponent(documentKey)}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${citizenTokenStore.get() ?? ''}`,
        'Content-Type': type,
        'X-File-Name': encodeURIComponent(file.name),
      },
      body: file,
    });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK_ERROR', 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.', cause);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { code?: string; details?: unknown };
    const { errorMessage } = await import('../../api/error-messages');
    const code = body.code ?? `HTTP_${response.status}`;
    throw new ApiError(
      response.status,
      code,
      errorMessage(code, body.details) ?? 'Không tải được tệp lên.',
      body.details,
    );
  }
  return ((await response.json()) as Schemas['StagedFilesDto']).items[0];
}

export function submitOnline(
  procedureCode: string,
  body: { applicant: Partial<OnlineApplicant>; answers: Record<string, unknown>; files: string[] },
  idempotencyKey: string,
): Promise<Submission> {
  return request<Submission>(`/api/online/procedures/${encodeURIComponent(procedureCode)}/submissions`, {
    method: 'POST',
    body,
    as: 'citizen',
    idempotencyKey,
  });
}

export const resubmitOnline = (id: string, files: string[]) =>
  request<Submission>(`/api/online/submissions/${encodeURIComponent(id)}/resubmit`, {
    method: 'POST',
    body: { files },
    as: 'citizen',
  });

/** A submission's status in the citizen's words. */
export const CITIZEN_STATUS: Record<Submission['status'], string> = {
  waiting: 'Chờ tiếp nhận',
  supplement_required: 'Cần bổ sung',
  refused: 'Không được tiếp nhận',
  accepted: 'Đã tiếp nhận',
};

/** The gateway's pay page for the submission's fee (VNPay, ADR 0029); the browser goes there and comes back to /thanh-toan/ket-qua. */
export const payOnline = (id: string) =>
  request<Schemas['PaymentStartDto']>(`/api/online/submissions/${encodeURIComponent(id)}/payments`, {
    method: 'POST',
    as: 'citizen',
  });
