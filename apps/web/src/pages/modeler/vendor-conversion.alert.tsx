import { Alert, Button } from 'antd';
import type { VendorAssignment } from '../../modeler/camunda/vendor-assignments';

interface Props {
  assignments: VendorAssignment[];
  onConvert(): void;
  onDismiss(): void;
}

/**
 * A file from Camunda Modeler keeps its assignments (the engine reads them as fallbacks); this
 * offers to write the `mc:` equivalents so the panel shows and edits them.
 */
export function VendorConversionAlert({ assignments, onConvert, onDismiss }: Props) {
  if (assignments.length === 0) return null;
  const convertible = assignments.filter((a) => a.candidateGroups || a.duration);
  return (
    <Alert
      type="info"
      showIcon
      closable={{ onClose: onDismiss }}
      data-testid="vendor-alert"
      title={`Tệp có phân công theo Camunda ở ${assignments.length} bước xử lý`}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {assignments.slice(0, 5).map((a) => (
            <li key={a.elementId}>
              <b>{a.name}</b>: {a.found.join('; ')}
              {a.candidateGroups || a.duration
                ? ` → mc:${[a.candidateGroups && `candidateGroups="${a.candidateGroups}"`, a.duration && `duration="${a.duration}"`].filter(Boolean).join(' mc:')}`
                : ' (không chuyển được)'}
            </li>
          ))}
          {assignments.length > 5 && <li>… và {assignments.length - 5} bước khác</li>}
        </ul>
      }
      action={
        convertible.length > 0 && (
          <Button size="small" type="primary" onClick={onConvert} data-testid="vendor-convert">
            Chuyển sang thuộc tính mc:
          </Button>
        )
      }
    />
  );
}
