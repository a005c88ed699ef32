import { errorMessage } from '../../api/error-messages';
import { INCIDENT_CODE_LABELS } from '../admin/admin-labels';
import { RUNTIME_INCIDENT_LABELS } from './instance-labels';

/** The Vietnamese sentence for an incident's code; the server's own message is never shown. */
export function incidentMessage(code: string): string {
  return (
    INCIDENT_CODE_LABELS[code] ?? RUNTIME_INCIDENT_LABELS[code] ?? errorMessage(code) ?? 'Bước này gặp sự cố khi chạy'
  );
}
