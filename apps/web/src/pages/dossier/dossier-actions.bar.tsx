import { App, Button, Space } from 'antd';
import { openDossierForm, type DossierAction, type DossierDetail, type DossierForm } from '../../api/dossiers.api';
import { actionsFor, formsFor } from './dossier-actions';
import { ACTION_LABELS, dossierErrorMessage } from './dossier-labels';

interface Props {
  dossier: DossierDetail;
  roles: readonly string[];
  onAction(action: DossierAction): void;
}

/** The allowed one-stop actions as buttons, and the print buttons of the forms. */
export function DossierActionsBar({ dossier, roles, onAction }: Props) {
  const { message } = App.useApp();
  const print = (form: DossierForm) =>
    openDossierForm(dossier.code, form).catch((e: unknown) => message.error(dossierErrorMessage(e)));
  const actions = actionsFor(dossier, roles);
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      {actions.length > 0 && (
        <Space wrap>
          {actions.map((action) => (
            <Button
              key={action}
              type={action === 'return' || action === 'supplement-received' ? 'primary' : 'default'}
              danger={action === 'refuse' || action === 'withdraw'}
              onClick={() => onAction(action)}
              data-testid={`action-${action}`}
            >
              {ACTION_LABELS[action]}
            </Button>
          ))}
        </Space>
      )}
      <Space wrap>
        {formsFor(dossier).map(({ form, label }) => (
          <Button key={form} size="small" onClick={() => void print(form)} data-testid={`print-${form}`}>
            In {label}
          </Button>
        ))}
      </Space>
    </Space>
  );
}
