import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Result,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../api/client';
import { reportError } from '../../api/report-error';
import {
  KIND_LABELS,
  listProcedures,
  openReceiptPdf,
  receiveDossier,
  receptionErrorMessage,
  type ApplicantInput,
  type Procedure,
  type Reception,
} from './reception.api';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';
import { FileUploader } from '../../files';
import { useUnsavedChanges } from '../../layout/use-unsaved-changes';
import { ReceivedFilesSection, type QueueState } from './reception-files';
import { formatVietnamDate, vietnamWallClock } from '../../../../../libs/calendar/src/vietnam-time.js';
import { foldedLabelSearch } from '../../search/folded-search';

/** `HH:mm ngày dd/MM/yyyy` in Vietnam time, as on the receipt. */
const vietnamTime = (iso: string) => `${vietnamWallClock(iso).time} ngày ${formatVietnamDate(iso)}`;

/**
 * Tiếp nhận hồ sơ: procedure → applicant → documents checklist (with their scans) → receive →
 * print Form 01. Scans picked before "Tiếp nhận" wait in the browser (the dossier has no code
 * yet) and are sent right after it, on the success screen, with their progress.
 */
export function ReceptionPage() {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<ApplicantInput>();
  const [procedures, setProcedures] = useState<Procedure[]>([]);
  const [procedureCode, setProcedureCode] = useState<string>();
  const [copies, setCopies] = useState<Record<string, number>>({});
  const [busy, setBusy] = useState(false);
  const [received, setReceived] = useState<Reception | null>(null);
  // Scans picked per document code, sent once the dossier exists.
  const [picked, setPicked] = useState<Record<string, File[]>>({});
  const [uploads, setUploads] = useState<QueueState>({ busy: 0, failed: 0 });
  // Typed applicant details or picked scans not yet received: leaving the page asks first.
  const [touched, setTouched] = useState(false);
  useUnsavedChanges(
    !received && (touched || Object.values(picked).some((files) => files.length > 0)),
    'Thông tin hồ sơ đang nhập',
  );
  const onQueueChange = useCallback((state: QueueState) => setUploads(state), []);

  useEffect(() => {
    listProcedures().then(setProcedures, (e: unknown) => reportError(message, e));
  }, [message]);

  const procedure = useMemo(() => procedures.find((p) => p.code === procedureCode), [procedures, procedureCode]);
  const choose = (code: string) => {
    setProcedureCode(code);
    setPicked({});
    const chosen = procedures.find((p) => p.code === code);
    // Required documents start ticked: the desk receives only a complete dossier.
    setCopies(Object.fromEntries((chosen?.requiredDocuments ?? []).filter((d) => d.required).map((d) => [d.code, 1])));
  };

  const submit = async (applicant: ApplicantInput) => {
    if (!procedure) return;
    setBusy(true);
    try {
      const documents = Object.entries(copies).map(([code, n]) => ({ code, copies: n }));
      setReceived(await receiveDossier({ procedureCode: procedure.code, channel: 'direct', applicant, documents }));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'APPLICANT_INVALID') message.error(receptionErrorMessage(e));
      else reportError(message, e);
    } finally {
      setBusy(false);
    }
  };

  const print = () =>
    received && openReceiptPdf(received.code, received.lookupKey).catch((e: unknown) => reportError(message, e));
  const restart = () => {
    setReceived(null);
    setProcedureCode(undefined);
    setCopies({});
    setPicked({});
    setUploads({ busy: 0, failed: 0 });
    setTouched(false);
    form.resetFields();
  };
  const next = () => {
    if (uploads.busy === 0 && uploads.failed === 0) return restart();
    modal.confirm({
      title: uploads.busy > 0 ? 'Còn tệp bản quét đang tải lên' : 'Có tệp bản quét chưa lưu được',
      content:
        uploads.busy > 0
          ? `Còn ${uploads.busy} tệp chưa tải xong. Nếu chuyển sang hồ sơ khác, các tệp này sẽ không được lưu.`
          : 'Các tệp bị lỗi sẽ không được lưu vào hồ sơ.',
      okText: 'Vẫn tiếp nhận hồ sơ khác',
      cancelText: 'Ở lại',
      onOk: restart,
    });
  };
  const pick = (doc: string, files: File[]) => {
    setPicked((all) => ({ ...all, [doc]: files }));
    // A scan of a document means the desk has it: tick it.
    if (files.length > 0) setCopies((c) => (doc in c ? c : { ...c, [doc]: 1 }));
  };
  const pickedCount = Object.values(picked).reduce((n, files) => n + files.length, 0);

  if (received) {
    return (
      <Result
        status="success"
        title="Đã tiếp nhận hồ sơ"
        subTitle="Mã tra cứu chỉ hiển thị một lần: hãy in giấy tiếp nhận cho người nộp ngay."
        extra={[
          <Button type="primary" key="print" onClick={print} data-testid="print-receipt">
            In giấy tiếp nhận
          </Button>,
          <Button key="next" onClick={next} data-testid="receive-next">
            Tiếp nhận hồ sơ khác
          </Button>,
        ]}
      >
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label="Mã hồ sơ">
            <Typography.Text strong copyable data-testid="dossier-code">
              {received.code}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="Mã tra cứu">
            <Typography.Text strong data-testid="lookup-key">
              {received.lookupKey}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="Hẹn trả kết quả">
            <span data-testid="appointment">{vietnamTime(received.appointmentAt)}</span>
          </Descriptions.Item>
        </Descriptions>
        {procedure && (
          <ReceivedFilesSection
            code={received.code}
            documents={procedure.requiredDocuments}
            picked={picked}
            onQueueChange={onQueueChange}
          />
        )}
      </Result>
    );
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title="1. Thủ tục hành chính">
        <Select
          showSearch={foldedLabelSearch}
          placeholder="Chọn thủ tục"
          style={{ width: '100%' }}
          value={procedureCode}
          onChange={choose}
          options={procedures.map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }))}
          data-testid="procedure-select"
        />
      </Card>
      {procedure && (
        <Form form={form} layout="vertical" onFinish={submit} onValuesChange={() => setTouched(true)}>
          <Card title="2. Người nộp hồ sơ" style={{ marginBottom: 16 }}>
            <Form.Item name="fullName" label="Họ và tên" rules={[{ required: true, message: 'Nhập họ và tên' }]}>
              <Input data-testid="applicant-fullName" autoComplete="off" maxLength={FIELD_LIMITS.personName} />
            </Form.Item>
            <Form.Item
              name="idNumber"
              label="Số định danh cá nhân / CMND"
              rules={[
                { required: true, pattern: /^(\d{12}|\d{9})$/, message: '12 chữ số (CCCD) hoặc 9 chữ số (CMND)' },
              ]}
            >
              <Input data-testid="applicant-idNumber" autoComplete="off" inputMode="numeric" maxLength={12} />
            </Form.Item>
            <Form.Item name="phone" label="Số điện thoại" rules={[{ required: true, message: 'Nhập số điện thoại' }]}>
              <Input data-testid="applicant-phone" autoComplete="off" inputMode="tel" maxLength={FIELD_LIMITS.phone} />
            </Form.Item>
            <Form.Item name="email" label="Thư điện tử">
              <Input data-testid="applicant-email" autoComplete="off" maxLength={FIELD_LIMITS.email} />
            </Form.Item>
            <Form.Item name="address" label="Địa chỉ">
              <Input data-testid="applicant-address" autoComplete="off" maxLength={FIELD_LIMITS.address} />
            </Form.Item>
          </Card>
          <Card title="3. Thành phần hồ sơ" style={{ marginBottom: 16 }}>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title="Bản quét (PDF, JPEG, PNG) chọn ở đây được giữ trên máy và tải lên ngay sau khi bấm “Tiếp nhận”, khi hồ sơ đã có mã."
            />
            <Table
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={procedure.requiredDocuments}
              expandable={{
                expandedRowKeys: procedure.requiredDocuments.map((d) => d.code),
                showExpandColumn: false,
                expandedRowRender: (d) => (
                  <FileUploader
                    kind="document"
                    documentKey={d.code}
                    compact
                    hint="Bản quét: kéo thả hoặc bấm để chọn tệp"
                    onPendingChange={(files) => pick(d.code, files)}
                  />
                ),
              }}
              columns={[
                {
                  title: 'Đã nhận',
                  width: 80,
                  render: (_, d) => (
                    <Checkbox
                      checked={d.code in copies}
                      onChange={(e) =>
                        setCopies((c) => {
                          const next = { ...c };
                          if (e.target.checked) next[d.code] = 1;
                          else delete next[d.code];
                          return next;
                        })
                      }
                    />
                  ),
                },
                {
                  title: 'Tên giấy tờ',
                  render: (_, d) => (
                    <>
                      {d.name}
                      {d.required && <Typography.Text type="danger"> *</Typography.Text>}
                    </>
                  ),
                },
                { title: 'Hình thức', width: 160, responsive: ['sm'], render: (_, d) => KIND_LABELS[d.kind] ?? d.kind },
                {
                  title: 'Số lượng',
                  width: 110,
                  render: (_, d) => (
                    <InputNumber
                      min={1}
                      max={99}
                      disabled={!(d.code in copies)}
                      value={copies[d.code] ?? 1}
                      onChange={(n) => setCopies((c) => ({ ...c, [d.code]: n ?? 1 }))}
                    />
                  ),
                },
              ]}
            />
          </Card>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="receive">
            {pickedCount > 0 ? `Tiếp nhận và tải lên ${pickedCount} tệp` : 'Tiếp nhận'}
          </Button>
        </Form>
      )}
    </Space>
  );
}
