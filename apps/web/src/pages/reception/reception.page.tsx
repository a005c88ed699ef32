import { App, Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, Result, Select, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../api/client';
import { reportError } from '../../api/report-error';
import { KIND_LABELS, listProcedures, openReceiptPdf, receiveDossier, receptionErrorMessage, type ApplicantInput, type Procedure, type Reception } from './reception.api';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';

/** `HH:mm ngày dd/MM/yyyy` in Vietnam time, as on the receipt. */
const vietnamTime = (iso: string) => {
  const d = new Date(new Date(iso).getTime() + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())} ngày ${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
};

/** Tiếp nhận hồ sơ: procedure → applicant → documents checklist → receive → print Form 01. */
export function ReceptionPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<ApplicantInput>();
  const [procedures, setProcedures] = useState<Procedure[]>([]);
  const [procedureCode, setProcedureCode] = useState<string>();
  const [copies, setCopies] = useState<Record<string, number>>({});
  const [busy, setBusy] = useState(false);
  const [received, setReceived] = useState<Reception | null>(null);

  useEffect(() => {
    listProcedures().then(setProcedures, (e: unknown) => reportError(message, e));
  }, [message]);

  const procedure = useMemo(() => procedures.find((p) => p.code === procedureCode), [procedures, procedureCode]);
  const choose = (code: string) => {
    setProcedureCode(code);
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

  const print = () => received && openReceiptPdf(received.code, received.lookupKey).catch((e: unknown) => reportError(message, e));
  const restart = () => {
    setReceived(null);
    setProcedureCode(undefined);
    setCopies({});
    form.resetFields();
  };

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
          <Button key="next" onClick={restart}>
            Tiếp nhận hồ sơ khác
          </Button>,
        ]}
      >
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label="Mã hồ sơ">
            <Typography.Text strong copyable data-testid="dossier-code">{received.code}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="Mã tra cứu">
            <Typography.Text strong data-testid="lookup-key">{received.lookupKey}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="Hẹn trả kết quả">
            <span data-testid="appointment">{vietnamTime(received.appointmentAt)}</span>
          </Descriptions.Item>
        </Descriptions>
      </Result>
    );
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title="1. Thủ tục hành chính">
        <Select
          showSearch
          optionFilterProp="label"
          placeholder="Chọn thủ tục"
          style={{ width: '100%' }}
          value={procedureCode}
          onChange={choose}
          options={procedures.map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }))}
          data-testid="procedure-select"
        />
      </Card>
      {procedure && (
        <Form form={form} layout="vertical" onFinish={submit}>
          <Card title="2. Người nộp hồ sơ" style={{ marginBottom: 16 }}>
            <Form.Item name="fullName" label="Họ và tên" rules={[{ required: true, message: 'Nhập họ và tên' }]}>
              <Input data-testid="applicant-fullName" autoComplete="off" maxLength={FIELD_LIMITS.personName} />
            </Form.Item>
            <Form.Item name="idNumber" label="Số định danh cá nhân / CMND" rules={[{ required: true, pattern: /^(\d{12}|\d{9})$/, message: '12 chữ số (CCCD) hoặc 9 chữ số (CMND)' }]}>
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
            <Table
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={procedure.requiredDocuments}
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
                { title: 'Tên giấy tờ', render: (_, d) => <>{d.name}{d.required && <Typography.Text type="danger"> *</Typography.Text>}</> },
                { title: 'Hình thức', width: 160, render: (_, d) => KIND_LABELS[d.kind] ?? d.kind },
                {
                  title: 'Số lượng',
                  width: 110,
                  render: (_, d) => (
                    <InputNumber min={1} max={99} disabled={!(d.code in copies)} value={copies[d.code] ?? 1} onChange={(n) => setCopies((c) => ({ ...c, [d.code]: n ?? 1 }))} />
                  ),
                },
              ]}
            />
          </Card>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="receive">
            Tiếp nhận
          </Button>
        </Form>
      )}
    </Space>
  );
}
