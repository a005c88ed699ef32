import { App, Button, Card, Descriptions, Result, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { getDossier, type DossierAction, type DossierDetail, type DossierEvent } from '../../api/dossiers.api';
import { useAuth } from '../../auth/auth.context';
import { formatDateTime } from '../inbox/due-state';
import { DossierActionModal } from './dossier-action.modal';
import { DossierActionsBar } from './dossier-actions.bar';
import { actionFromStep } from './dossier-actions';
import { DOSSIER_STATUS } from '../../api/dossier-status';
import { CHANNEL_LABELS, dossierErrorMessage, EVENT_LABELS, KIND_LABELS, PAYMENT_LABELS } from './dossier-labels';
import { HandoverTable } from './handover-table';
import { OpinionList } from '../../opinions/opinion-list';
import { groupDossierFiles, type NamedStep } from './dossier-files';
import { FileList } from '../../files';
import { DocumentFiles, FilesError, ResultFilesCard, StepFilesCard, useDossierFiles } from './dossier-files.cards';

const CLOSED = ['returned', 'rejected', 'withdrawn'];

/** Hồ sơ `/ho-so/:code`: header, the control slip, the documents, the desk's log, the allowed actions and the printed forms. */
export function DossierPage() {
  const { code = '' } = useParams();
  const { user } = useAuth();
  const { message } = App.useApp();
  const [dossier, setDossier] = useState<DossierDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadedAt, setLoadedAt] = useState(() => new Date());
  const [action, setAction] = useState<DossierAction | null>(null);
  const files = useDossierFiles(code);

  const load = useCallback(async () => {
    try {
      setDossier(await getDossier(code));
      setLoadedAt(new Date());
      setError(null);
    } catch (cause) {
      setError(dossierErrorMessage(cause));
    }
  }, [code]);

  useEffect(() => {
    setDossier(null);
    void load();
  }, [load]);

  // Opened from the inbox's desk-action step (`?thao-tac=supplement|apology`): its dialog opens once the dossier is here.
  const [search, setSearch] = useSearchParams();
  const stepAction = search.get('thao-tac');
  useEffect(() => {
    if (!dossier || !stepAction) return;
    setAction(actionFromStep(stepAction, dossier, user?.roles ?? []));
    setSearch({}, { replace: true });
  }, [dossier, stepAction, user, setSearch]);

  if (error) {
    return (
      <Result
        status="404"
        title="Không mở được hồ sơ"
        subTitle={error}
        extra={<Link to="/ho-so">Về danh sách hồ sơ</Link>}
      />
    );
  }
  if (!dossier) return <Spin style={{ display: 'block', margin: '48px auto' }} />;

  const done = (updated: DossierDetail) => {
    setAction(null);
    setDossier(updated);
    message.success(`Đã cập nhật hồ sơ: ${updated.statusLabel}.`);
  };
  // Opinions (issue 16, item 1) name the step of each task; read only if the server sends them.
  const opinions = (dossier as { opinions?: NamedStep[] }).opinions ?? [];
  const grouped = groupDossierFiles(
    files.files,
    dossier.documents.map((d) => d.code),
    dossier.history,
    opinions,
  );
  const names = (username: string) => nameOf(dossier, username);
  const roles = user?.roles ?? [];
  const open = !CLOSED.includes(dossier.status);
  // The result is uploaded once the process reached it (or the desk is about to hand it over).
  const resultStage = dossier.status === 'result_ready' || dossier.allowedActions.includes('return');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Typography.Text
              strong
              copyable={{ text: dossier.code, tooltips: ['Sao chép', 'Đã sao chép'] }}
              data-testid="dossier-code"
            >
              {dossier.code}
            </Typography.Text>
            <Tag color={DOSSIER_STATUS[dossier.status].tag} data-testid="dossier-status">
              {dossier.statusLabel}
            </Tag>
            {dossier.overdue && (
              <Tag color="red" data-testid="dossier-overdue">
                Quá hạn
              </Tag>
            )}
          </Space>
        }
        extra={
          <Space>
            {roles.includes('admin') && dossier.instanceId && (
              <Link to={`/admin/phien/${dossier.instanceId}`} data-testid="dossier-instance">
                Xem phiên xử lý
              </Link>
            )}
            <Button
              onClick={() => {
                void load();
                files.reload();
              }}
            >
              Làm mới
            </Button>
          </Space>
        }
      >
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
          <Descriptions.Item label="Thủ tục" span={2}>
            {dossier.procedureName} <Typography.Text type="secondary">({dossier.procedureCode})</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="Người nộp">
            <strong data-testid="dossier-applicant">{dossier.applicant.fullName}</strong>
            <div>Số định danh: {dossier.applicant.idNumber}</div>
          </Descriptions.Item>
          <Descriptions.Item label="Liên hệ">
            <div>{dossier.applicant.phone}</div>
            {dossier.applicant.email && <div>{dossier.applicant.email}</div>}
            {dossier.applicant.address && <div>{dossier.applicant.address}</div>}
          </Descriptions.Item>
          <Descriptions.Item label="Tiếp nhận">
            {formatDateTime(dossier.receivedAt)} — {nameOf(dossier, dossier.receivedBy)}
            <div>
              <Typography.Text type="secondary">
                {dossier.unitName} · {CHANNEL_LABELS[dossier.channel] ?? dossier.channel}
              </Typography.Text>
            </div>
          </Descriptions.Item>
          <Descriptions.Item label="Hẹn trả kết quả">
            <span data-testid="dossier-appointment">{formatDateTime(dossier.appointmentAt)}</span>
            {formatDateTime(dossier.originalAppointmentAt) !== formatDateTime(dossier.appointmentAt) && (
              <div>
                <Typography.Text type="secondary">
                  Hẹn ban đầu: {formatDateTime(dossier.originalAppointmentAt)}
                </Typography.Text>
              </div>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="Bước hiện tại" span={2}>
            {currentStepText(dossier)}
          </Descriptions.Item>
          {dossier.payment.status !== 'not_required' && (
            <Descriptions.Item label="Phí, lệ phí" span={2}>
              <span data-testid="dossier-payment">
                <Tag color={dossier.payment.status === 'paid' ? 'green' : 'orange'}>
                  {PAYMENT_LABELS[dossier.payment.status]}
                </Tag>
                {dossier.payment.amount.toLocaleString('vi-VN')} đồng
                {dossier.payment.status === 'paid' && (
                  <Typography.Text type="secondary">
                    {' '}
                    — VNPAY, mã giao dịch {dossier.payment.transactionNo ?? '—'}
                    {dossier.payment.paidAt && `, lúc ${formatDateTime(dossier.payment.paidAt)}`}
                  </Typography.Text>
                )}
              </span>
            </Descriptions.Item>
          )}
        </Descriptions>
        <DossierActionsBar dossier={dossier} roles={user?.roles ?? []} onAction={setAction} />
      </Card>
      <Card title="Quá trình giải quyết (phiếu kiểm soát)">
        <HandoverTable rows={dossier.history} now={loadedAt} closed={CLOSED.includes(dossier.status)} />
      </Card>
      <Card title="Ý kiến xử lý" data-testid="dossier-opinions">
        <OpinionList opinions={dossier.opinions ?? []} />
      </Card>
      <FilesError error={files.error} />
      <Card title="Thành phần hồ sơ">
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={dossier.documents}
          locale={{ emptyText: 'Không có giấy tờ' }}
          expandable={{
            expandedRowKeys: dossier.documents.map((d) => d.code),
            showExpandColumn: false,
            expandedRowRender: (d) => (
              <DocumentFiles
                code={dossier.code}
                documentKey={d.code}
                files={grouped.byDocument.get(d.code) ?? []}
                canAdd={open && roles.includes('reception')}
                names={names}
                onUploaded={files.reload}
              />
            ),
          }}
          columns={[
            { title: 'Tên giấy tờ', dataIndex: 'name' },
            { title: 'Hình thức', dataIndex: 'kind', width: 130, render: (kind: string) => KIND_LABELS[kind] ?? kind },
            { title: 'Số bản', dataIndex: 'copies', width: 72 },
          ]}
        />
        {grouped.otherDocuments.length > 0 && (
          <div style={{ marginTop: 12 }}>
            <Typography.Text strong>Bản quét khác</Typography.Text>
            <FileList dossierCode={dossier.code} files={grouped.otherDocuments} names={names} />
          </div>
        )}
      </Card>
      <StepFilesCard code={dossier.code} steps={grouped.steps} names={names} />
      <ResultFilesCard
        code={dossier.code}
        files={grouped.results}
        canUpload={open && resultStage}
        names={names}
        onUploaded={files.reload}
      />
      <Card title="Nhật ký một cửa">
        <Timeline
          items={dossier.events.map((event) => ({
            content: <EventLine event={event} actor={event.actor && nameOf(dossier, event.actor)} />,
          }))}
        />
      </Card>
      <DossierActionModal
        dossier={dossier}
        action={action}
        onClose={() => setAction(null)}
        onDone={done}
        onStale={() => void load()}
      />
    </Space>
  );
}

/** An officer's full name as the control slip knows it, else the username. */
function nameOf(dossier: DossierDetail, username: string): string {
  const party = dossier.history.flatMap((row) => [row.from, row.to]).find((p) => p.user === username && p.fullName);
  return party?.fullName ?? username;
}

function currentStepText(dossier: DossierDetail): string {
  if (dossier.status === 'supplement_required')
    return `Chờ công dân bổ sung (từ ${formatDateTime(dossier.pausedAt)}); thời gian giải quyết tạm dừng`;
  if (CLOSED.includes(dossier.status)) return 'Đã kết thúc';
  return dossier.currentStep ?? '—';
}

/** One event of the desk: what, when, who, and the reason or new date it carried. */
function EventLine({ event, actor }: { event: DossierEvent; actor: string | null }) {
  const reason =
    typeof event.data.reason === 'string'
      ? event.data.reason
      : typeof event.data.note === 'string'
        ? event.data.note
        : null;
  // Receiving a supplement and the apology both move the appointment (`data.appointmentAt`).
  const newDate =
    event.type !== 'received' && typeof event.data.appointmentAt === 'string' ? event.data.appointmentAt : null;
  const documents = Array.isArray(event.data.documents) ? (event.data.documents as string[]) : [];
  return (
    <div data-testid="dossier-event">
      <strong>{EVENT_LABELS[event.type] ?? event.type}</strong>
      {/* Closed by the diagram's end event (mc:outcome, ADR 0011) rather than by a desk button. */}
      {event.data.by === 'process' && <Typography.Text type="secondary"> theo quy trình</Typography.Text>}{' '}
      <Typography.Text type="secondary">
        {formatDateTime(event.at)}
        {actor ? ` — ${actor}` : ''}
      </Typography.Text>
      {reason && <div>{reason}</div>}
      {documents.length > 0 && <div>Cần bổ sung: {documents.join('; ')}</div>}
      {newDate && <div>Hẹn trả mới: {formatDateTime(newDate)}</div>}
    </div>
  );
}
