import type { DossierAction, DossierDetail, DossierForm } from '../../api/dossiers.api';
import { ACTION_LABELS } from './dossier-labels';

/** Who may take each action (DESIGN §6): the desk, the leader; the apology is the leader's alone. */
const ACTION_ROLES: Record<DossierAction, readonly string[]> = {
  return: ['reception'],
  'supplement-request': ['reception', 'leader'],
  'supplement-received': ['reception', 'leader'],
  apology: ['leader'],
  refuse: ['reception', 'leader'],
  withdraw: ['reception', 'leader'],
};

const ORDER = Object.keys(ACTION_LABELS) as DossierAction[];

/** The actions the dossier's status allows and the caller's roles permit, in a fixed order. */
export function actionsFor(dossier: Pick<DossierDetail, 'allowedActions'>, roles: readonly string[]): DossierAction[] {
  return ORDER.filter(
    (action) => dossier.allowedActions.includes(action) && ACTION_ROLES[action].some((role) => roles.includes(role)),
  );
}

/**
 * The forms that exist for the dossier: 01 and 05 always; 02 and 04 once a supplement request or
 * an apology was recorded; 03 once the dossier is refused (at the desk or by the process).
 */
export function formsFor(dossier: Pick<DossierDetail, 'events' | 'status'>): { form: DossierForm; label: string }[] {
  const happened = (type: string) => dossier.events.some((e) => e.type === type);
  return [
    { form: 'receipt' as const, label: 'Giấy tiếp nhận (Mẫu 01)' },
    ...(happened('supplement-request') ? [{ form: '02' as const, label: 'Phiếu yêu cầu bổ sung (Mẫu 02)' }] : []),
    ...(dossier.status === 'rejected' ? [{ form: '03' as const, label: 'Phiếu từ chối (Mẫu 03)' }] : []),
    ...(happened('apology') ? [{ form: '04' as const, label: 'Phiếu xin lỗi, hẹn lại (Mẫu 04)' }] : []),
    { form: 'control-slip' as const, label: 'Phiếu kiểm soát (Mẫu 05)' },
  ];
}

/** The desk actions that complete a step drawn with `mc:action`, in the order they happen. */
const STEP_ACTIONS: Record<string, DossierAction[]> = {
  supplement: ['supplement-request', 'supplement-received'],
  apology: ['apology'],
};

/** The dialog to open for a step drawn as desk action `step`: the first of its actions the dossier and the roles allow now. */
export function actionFromStep(
  step: string,
  dossier: Pick<DossierDetail, 'allowedActions'>,
  roles: readonly string[],
): DossierAction | null {
  const allowed = actionsFor(dossier, roles);
  return (STEP_ACTIONS[step] ?? []).find((action) => allowed.includes(action)) ?? null;
}
