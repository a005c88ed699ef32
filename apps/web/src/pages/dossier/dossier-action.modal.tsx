import { Alert, Form, Input, Modal, type ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import {
  actOnDossier,
  getAppointmentProposals,
  getSupplementDraft,
  type AppointmentProposals,
  type DossierAction,
  type DossierActionBody,
  type DossierDetail,
  type SupplementDraft,
} from '../../api/dossiers.api';
import { AppointmentProposalsField, OTHER_DATE } from './appointment-proposals.field';
import { ACTION_LABELS, dossierErrorMessage } from './dossier-labels';
import { SupplementDocumentsField } from './supplement-documents.field';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';

interface ActionFields {
  reason?: string;
  note?: string;
  /** Names of the procedure's listed documents, checked. */
  documents?: string[];
  /** Other papers, typed in. */
  otherDocuments?: string[];
  /** A proposed appointment (ISO), or `OTHER_DATE` with `newAppointmentAt`. */
  proposal?: string;
  newAppointmentAt?: Dayjs;
}

/** What each action asks for, and what the confirmation says it will do. */
const ACTION_FORMS: Record<
  DossierAction,
  { reason?: string; note?: boolean; documents?: boolean; newDate?: boolean; hint: string; danger?: boolean }
> = {
  'supplement-request': {
    reason: 'Nội dung cần bổ sung, hoàn thiện',
    documents: true,
    hint: 'Hồ sơ chuyển sang "Chờ bổ sung hồ sơ" và thời gian giải quyết tạm dừng cho đến khi nhận đủ bổ sung (Mẫu 02).',
  },
  'supplement-received': {
    note: true,
    hint: 'Thời gian giải quyết được tính tiếp; ngày hẹn trả lùi thêm đúng số giờ làm việc đã chờ bổ sung.',
  },
  refuse: {
    reason: 'Lý do từ chối giải quyết',
    hint: 'Quy trình xử lý dừng lại và hồ sơ được trả cho người nộp (Mẫu 03).',
    danger: true,
  },
  withdraw: {
    reason: 'Lý do người nộp rút hồ sơ',
    hint: 'Quy trình xử lý dừng lại; hồ sơ được trả lại cho người nộp.',
    danger: true,
  },
  apology: {
    reason: 'Lý do chậm trễ',
    newDate: true,
    hint: 'Lãnh đạo đơn vị ký phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04). Ngày hẹn mới phải là ngày làm việc của đơn vị, sau ngày hẹn hiện tại.',
  },
  return: { note: true, hint: 'Xác nhận đã trao kết quả cho người nộp; hồ sơ chuyển sang "Đã trả kết quả".' },
};

interface Props {
  dossier: DossierDetail;
  action: DossierAction | null;
  onClose(): void;
  onDone(updated: DossierDetail): void;
  /** The dossier changed under the page (409): reload it so the buttons match its status. */
  onStale(): void;
}

/** A one-stop action with its form (reason, documents to add, new date, note); errors shown in Vietnamese. */
export function DossierActionModal({ dossier, action, onClose, onDone, onStale }: Props) {
  const [form] = Form.useForm<ActionFields>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const spec = action ? ACTION_FORMS[action] : null;

  const [draft, setDraft] = useState<SupplementDraft | null>(null);
  const [proposals, setProposals] = useState<AppointmentProposals | null>(null);

  useEffect(() => {
    form.resetFields();
    setError(null);
    setDraft(null);
    setProposals(null);
    let current = true;
    // Prefill from the server: the procedure's documents and the opinion that asked for them; the valid new dates.
    if (action === 'supplement-request') {
      getSupplementDraft(dossier.code)
        .then((d) => {
          if (!current) return;
          setDraft(d);
          const missing = d.documents.filter((doc) => d.missing.includes(doc.code)).map((doc) => doc.name);
          form.setFieldsValue({
            documents: missing,
            ...(d.reason && !form.getFieldValue('reason') ? { reason: d.reason } : {}),
          });
        })
        .catch((cause: unknown) => current && setError(dossierErrorMessage(cause)));
    }
    if (action === 'apology') {
      getAppointmentProposals(dossier.code)
        .then((p) => {
          if (!current) return;
          setProposals(p);
          if (p.proposals.length) form.setFieldsValue({ proposal: p.proposals[0].at });
        })
        .catch((cause: unknown) => current && setError(dossierErrorMessage(cause)));
    }
    return () => {
      current = false;
    };
  }, [action, form, dossier.code]);

  const submit = async () => {
    if (!action) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await actOnDossier(dossier.code, action, toBody(values)));
    } catch (cause) {
      setError(dossierErrorMessage(cause));
      if (cause instanceof ApiError && cause.statusCode === 409) onStale();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={action !== null}
      title={action ? `${ACTION_LABELS[action]} — ${dossier.code}` : ''}
      okText="Xác nhận"
      cancelText="Hủy"
      okButtonProps={{ danger: spec?.danger, loading: busy, 'data-testid': 'action-confirm' } as ButtonProps}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={!busy}
    >
      {spec && <Alert type="info" showIcon title={spec.hint} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="action-error" />}
      <Form<ActionFields> form={form} layout="vertical" requiredMark={false}>
        {spec?.reason && (
          <Form.Item
            name="reason"
            label={spec.reason}
            rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập nội dung' }]}
          >
            <Input.TextArea rows={3} maxLength={FIELD_LIMITS.reason} showCount data-testid="action-reason" />
          </Form.Item>
        )}
        {spec?.documents && <SupplementDocumentsField draft={draft} />}
        {spec?.newDate && <AppointmentProposalsField proposals={proposals} />}
        {spec?.note && (
          <Form.Item name="note" label="Ghi chú">
            <Input.TextArea rows={2} maxLength={FIELD_LIMITS.reason} data-testid="action-note" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function toBody(values: ActionFields): DossierActionBody {
  const body: DossierActionBody = {};
  if (values.reason?.trim()) body.reason = values.reason.trim();
  if (values.note?.trim()) body.note = values.note.trim();
  const documents = [
    ...(values.documents ?? []),
    ...(values.otherDocuments ?? []).map((d) => d.trim()).filter(Boolean),
  ];
  if (documents.length) body.documents = documents;
  if (values.proposal && values.proposal !== OTHER_DATE) body.newAppointmentAt = values.proposal;
  else if (values.newAppointmentAt) body.newAppointmentAt = values.newAppointmentAt.toISOString();
  return body;
}
