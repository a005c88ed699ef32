import { AppError } from '../../../common/src';

/** Public statuses (DESIGN §5), stable keys. */
export const DOSSIER_STATUSES = [
  'received',
  'processing',
  'supplement_required',
  'financial_obligation',
  'result_ready',
  'returned',
  'rejected',
  'withdrawn',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** Vietnamese labels shown to citizens (lookup page, kiosk, SMS without diacritics elsewhere). */
export const STATUS_LABELS: Record<DossierStatus, string> = {
  received: 'Đã tiếp nhận',
  processing: 'Đang giải quyết',
  supplement_required: 'Chờ bổ sung hồ sơ',
  financial_obligation: 'Chờ thực hiện nghĩa vụ tài chính',
  result_ready: 'Đã có kết quả, chờ trả',
  returned: 'Đã trả kết quả',
  rejected: 'Từ chối giải quyết',
  withdrawn: 'Đã rút hồ sơ',
};

/** The one-stop actions of the desk (`POST /api/dossiers/:code/<action>`). */
export const DOSSIER_ACTIONS = [
  'supplement-request',
  'supplement-received',
  'refuse',
  'withdraw',
  'apology',
  'return',
] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

const IN_PROGRESS: DossierStatus[] = ['received', 'processing', 'financial_obligation'];

/** Which one-stop action may run from which status (DESIGN §6; NĐ 61/2018 Art. 15–19). */
const ALLOWED: Record<DossierAction, readonly DossierStatus[]> = {
  'supplement-request': IN_PROGRESS,
  'supplement-received': ['supplement_required'],
  refuse: [...IN_PROGRESS, 'supplement_required'],
  withdraw: [...IN_PROGRESS, 'supplement_required'],
  apology: [...IN_PROGRESS, 'supplement_required'],
  return: ['result_ready'],
};

/** Where each action leads; `undefined` keeps the status (an apology only moves the date). */
const TARGET: Record<DossierAction, DossierStatus | 'resume' | undefined> = {
  'supplement-request': 'supplement_required',
  'supplement-received': 'resume',
  refuse: 'rejected',
  withdraw: 'withdrawn',
  apology: undefined,
  return: 'returned',
};

/** Statuses the engine's projection must not overwrite: the desk owns them until it acts again. */
export const DESK_HELD_STATUSES: readonly DossierStatus[] = [
  'supplement_required',
  'rejected',
  'withdrawn',
  'returned',
];

export function isDossierStatus(value: unknown): value is DossierStatus {
  return typeof value === 'string' && (DOSSIER_STATUSES as readonly string[]).includes(value);
}

/** The actions the desk may take on a dossier in `status`. */
export function allowedActions(status: DossierStatus): DossierAction[] {
  return (Object.keys(ALLOWED) as DossierAction[]).filter((action) => ALLOWED[action].includes(status));
}

/**
 * The status after `action`, or 409 `DOSSIER_ACTION_NOT_ALLOWED`. `resume` means "back to the
 * status of the step the dossier waits at" (the caller knows it).
 */
export function transition(status: DossierStatus, action: DossierAction): DossierStatus | 'resume' | undefined {
  if (!ALLOWED[action].includes(status)) {
    throw AppError.conflict(
      'DOSSIER_ACTION_NOT_ALLOWED',
      `Action ${action} is not allowed while the dossier is ${status}`,
      {
        status,
        action,
        allowedActions: allowedActions(status),
      },
    );
  }
  return TARGET[action];
}
