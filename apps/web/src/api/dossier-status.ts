// `.js`: test/unit/dossier-status-labels.spec.ts compiles this file under the server's nodenext resolution too.
import type { components } from './schema.gen.js';

/** Statuses of a dossier (DESIGN §5): the server's `DossierStatus` enum, from the OpenAPI document. */
export type DossierStatus = components['schemas']['DossierStatus'];

/**
 * The one place the web app names and colours a status. Keyed by the generated enum, so a status
 * the server adds fails the typecheck until it has its words here. The labels are the server's
 * (`STATUS_LABELS` of libs/dossiers, which answers `statusLabel`); dossier-status.spec.ts keeps
 * them equal. `tag` colours the staff pages' tags, `badge` the citizen's lookup card.
 */
export const DOSSIER_STATUS: Record<DossierStatus, { label: string; tag: string; badge: string }> = {
  received: { label: 'Đã tiếp nhận', tag: 'blue', badge: 'blue' },
  processing: { label: 'Đang giải quyết', tag: 'geekblue', badge: 'processing' },
  supplement_required: { label: 'Chờ bổ sung hồ sơ', tag: 'orange', badge: 'warning' },
  financial_obligation: { label: 'Chờ thực hiện nghĩa vụ tài chính', tag: 'gold', badge: 'gold' },
  result_ready: { label: 'Đã có kết quả, chờ trả', tag: 'cyan', badge: 'success' },
  returned: { label: 'Đã trả kết quả', tag: 'green', badge: 'green' },
  rejected: { label: 'Từ chối giải quyết', tag: 'red', badge: 'error' },
  withdrawn: { label: 'Đã rút hồ sơ', tag: 'default', badge: 'default' },
};

/** Every status, in the order of the lifecycle (filters, the modeler's `mc:status` picker). */
export const DOSSIER_STATUSES = Object.keys(DOSSIER_STATUS) as DossierStatus[];

/** `{value, label}` for a select of statuses. */
export const STATUS_OPTIONS: { value: DossierStatus; label: string }[] = DOSSIER_STATUSES.map((value) => ({
  value,
  label: DOSSIER_STATUS[value].label,
}));

/** Narrows a status string from a place the server types loosely; unknown strings are not statuses. */
export function isDossierStatus(value: string): value is DossierStatus {
  return value in DOSSIER_STATUS;
}
