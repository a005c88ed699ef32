import { Alert, App, Button, Checkbox, Drawer, Form, Input, InputNumber, Select, Space, Switch, Upload } from 'antd';
import { useConfirmDiscard, useUnsavedChanges } from '../../layout/use-unsaved-changes';
import { useEffect, useState } from 'react';
import { adminErrorMessage } from './admin-labels';
import { PartnersModal, type PartnersTarget } from './partners.modal';
import { deployedProcesses, type DeployedProcess } from './procedure-definitions';
import { ProcedureDocumentsField } from './procedure-documents.field';
import {
  CHANNELS,
  proceduresApi,
  type Channel,
  type LegalTime,
  type Procedure,
  type ProcedureInput,
  type RequiredDocument,
} from './procedures.api';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';
import { foldedLabelSearch } from '../../search/folded-search';

export const LEVEL_LABELS: Record<Procedure['level'], string> = {
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
};
const CHANNEL_LABELS: Record<Channel, string> = { direct: 'Trực tiếp', online: 'Trực tuyến', postal: 'Bưu chính' };
/** `processVersion` in the form: 0 stands for "the latest version" (null on the wire). */
const LATEST = 0;

interface ProcedureForm {
  code: string;
  name: string;
  field: string;
  level: Procedure['level'];
  timeUnit: 'days' | 'hours' | 'sameDay';
  timeAmount?: number;
  fee: number;
  feeRules?: string;
  channels: Channel[];
  processKey: string;
  processVersion: number;
  requiredDocuments: RequiredDocument[];
  published: boolean;
  electronicResult?: boolean;
}

function toForm(p: Procedure): ProcedureForm {
  const timeUnit = 'sameDay' in p.legalTime ? 'sameDay' : 'days' in p.legalTime ? 'days' : 'hours';
  const timeAmount = 'days' in p.legalTime ? p.legalTime.days : 'hours' in p.legalTime ? p.legalTime.hours : undefined;
  return { ...p, feeRules: p.feeRules ?? undefined, timeUnit, timeAmount, processVersion: p.processVersion ?? LATEST };
}

function toInput(values: ProcedureForm, formTemplates: Procedure['formTemplates']): ProcedureInput {
  const legalTime: LegalTime =
    values.timeUnit === 'sameDay'
      ? { sameDay: true }
      : values.timeUnit === 'days'
        ? { days: values.timeAmount ?? 0 }
        : { hours: values.timeAmount ?? 0 };
  const { timeUnit: _unit, timeAmount: _amount, ...rest } = values;
  return {
    ...rest,
    code: values.code?.trim(),
    legalTime,
    feeRules: values.feeRules?.trim() || null,
    processVersion: values.processVersion || null,
    formTemplates,
    requiredDocuments: values.requiredDocuments ?? [],
    electronicResult: values.electronicResult ?? false,
  };
}

/** Thêm / sửa thủ tục: the catalog entry, its documents, its process and its blank forms. */
export function ProcedureFormDrawer(props: {
  target: { procedure?: Procedure } | null;
  onClose(): void;
  onSaved(procedure: Procedure, created: boolean): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ProcedureForm>();
  const [processes, setProcesses] = useState<DeployedProcess[]>([]);
  const [templates, setTemplates] = useState<Procedure['formTemplates']>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Typed changes not yet saved: closing or leaving the page asks first (issue 19 item 6).
  const [touched, setTouched] = useState(false);
  const confirmDiscard = useConfirmDiscard();
  useUnsavedChanges(props.target !== null && touched, 'Thông tin thủ tục');
  const close = () => confirmDiscard(touched, 'Thông tin thủ tục', props.onClose);
  // Owner and inter-agency partners of the chosen process key (issue 15).
  const [partnersOf, setPartnersOf] = useState<PartnersTarget | null>(null);
  const editing = props.target?.procedure;
  const processKey = Form.useWatch('processKey', form);
  const timeUnit = Form.useWatch('timeUnit', form);

  useEffect(() => {
    if (!props.target) return;
    setError(null);
    form.resetFields();
    setTouched(false);
    setTemplates(editing?.formTemplates ?? []);
    form.setFieldsValue(
      editing
        ? toForm(editing)
        : {
            level: 'district',
            timeUnit: 'days',
            fee: 0,
            channels: ['direct'],
            processVersion: LATEST,
            requiredDocuments: [],
            published: false,
            electronicResult: false,
          },
    );
    deployedProcesses().then(setProcesses, (cause: unknown) => setError(adminErrorMessage(cause)));
  }, [props.target, editing, form]);

  const versions = processes.find((p) => p.key === processKey)?.versions ?? [];

  const submit = async (values: ProcedureForm) => {
    setSaving(true);
    setError(null);
    try {
      const input = toInput(values, templates);
      const saved = editing ? await proceduresApi.update(editing.code, input) : await proceduresApi.create(input);
      props.onSaved(saved, !editing);
    } catch (cause) {
      setError(adminErrorMessage(cause));
    } finally {
      setSaving(false);
    }
  };

  const uploadTemplate = async (file: File) => {
    if (!editing) return;
    try {
      setTemplates((await proceduresApi.uploadForm(editing.code, file)).formTemplates);
    } catch (cause) {
      setError(adminErrorMessage(cause));
    }
  };

  return (
    <Drawer
      open={props.target !== null}
      title={editing ? `Sửa thủ tục ${editing.code}` : 'Thêm thủ tục'}
      size="large"
      onClose={close}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={close}>Hủy</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="procedure-submit">
            {editing ? 'Lưu' : 'Thêm thủ tục'}
          </Button>
        </Space>
      }
    >
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="procedure-form-error" />
      )}
      <Form<ProcedureForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => setTouched(true)}
        requiredMark={false}
      >
        <Space wrap align="start">
          <Form.Item
            label="Mã thủ tục"
            name="code"
            rules={[
              { required: true, message: 'Nhập mã thủ tục' },
              { pattern: /^\s*[0-9A-Za-z][0-9A-Za-z._-]*\s*$/, message: 'Chữ không dấu, số, . _ -' },
            ]}
            extra="Ví dụ 1.001193; không đổi được sau khi tạo."
          >
            <Input
              disabled={Boolean(editing)}
              placeholder="1.001193"
              maxLength={FIELD_LIMITS.code}
              style={{ width: 220 }}
              data-testid="procedure-code"
            />
          </Form.Item>
          <Form.Item label="Cấp thực hiện" name="level">
            <Select
              options={Object.entries(LEVEL_LABELS).map(([value, label]) => ({ value, label }))}
              style={{ width: 160 }}
            />
          </Form.Item>
          <Form.Item label="Công bố" name="published" valuePropName="checked" extra="Tiếp nhận được ngay khi công bố">
            <Switch data-testid="procedure-published" />
          </Form.Item>
          <Form.Item
            label="Trả kết quả điện tử"
            name="electronicResult"
            valuePropName="checked"
            extra="Công dân tải tệp kết quả bằng mã hồ sơ và mã tra cứu"
          >
            <Switch data-testid="procedure-electronic-result" />
          </Form.Item>
        </Space>
        <Form.Item
          label="Tên thủ tục"
          name="name"
          rules={[{ required: true, whitespace: true, message: 'Nhập tên thủ tục' }]}
        >
          <Input placeholder="Thủ tục đăng ký khai sinh" maxLength={FIELD_LIMITS.title} data-testid="procedure-name" />
        </Form.Item>
        <Form.Item
          label="Lĩnh vực"
          name="field"
          rules={[{ required: true, whitespace: true, message: 'Nhập lĩnh vực' }]}
        >
          <Input placeholder="Hộ tịch" maxLength={FIELD_LIMITS.category} data-testid="procedure-field" />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item label="Thời hạn giải quyết" name="timeUnit">
            <Select
              style={{ width: 190 }}
              options={[
                { value: 'days', label: 'Ngày làm việc' },
                { value: 'hours', label: 'Giờ làm việc' },
                { value: 'sameDay', label: 'Trong ngày' },
              ]}
            />
          </Form.Item>
          {/* No `min` on the input: antd would turn a typed 0 into 1 on blur without a word (issue 19 item 6). */}
          {timeUnit !== 'sameDay' && (
            <Form.Item
              label="Số"
              name="timeAmount"
              rules={[
                { required: true, message: 'Nhập thời hạn' },
                {
                  type: 'integer',
                  min: 1,
                  message: 'Thời hạn phải là số nguyên từ 1 trở lên (hoặc chọn "Trong ngày")',
                },
              ]}
            >
              <InputNumber precision={0} style={{ width: 110 }} data-testid="procedure-time" />
            </Form.Item>
          )}
          <Form.Item
            label="Lệ phí (đồng)"
            name="fee"
            rules={[{ required: true, type: 'integer', min: 0, message: 'Số nguyên không âm' }]}
          >
            <InputNumber min={0} step={1000} style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Form.Item label="Quy định lệ phí" name="feeRules">
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={FIELD_LIMITS.reason} />
        </Form.Item>
        <Form.Item
          label="Kênh tiếp nhận"
          name="channels"
          rules={[{ required: true, type: 'array', min: 1, message: 'Chọn ít nhất một kênh' }]}
        >
          <Checkbox.Group options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item
            label="Quy trình"
            name="processKey"
            rules={[{ required: true, message: 'Chọn quy trình đã triển khai' }]}
          >
            <Select
              showSearch={foldedLabelSearch}
              style={{ width: 380 }}
              placeholder="Chọn quy trình đã triển khai"
              options={processes.map((p) => ({ value: p.key, label: `${p.name || p.key} (${p.key})` }))}
              onChange={() => form.setFieldValue('processVersion', LATEST)}
              data-testid="procedure-process"
            />
          </Form.Item>
          <Form.Item label="Phiên bản" name="processVersion">
            <Select
              style={{ width: 200 }}
              options={[
                { value: LATEST, label: versions.length ? `Mới nhất (v${versions[0]})` : 'Mới nhất' },
                ...versions.map((v) => ({ value: v, label: `Phiên bản ${v}` })),
              ]}
              data-testid="procedure-version"
            />
          </Form.Item>
          <Form.Item label=" " colon={false}>
            <Button
              disabled={!processKey}
              onClick={() => processKey && setPartnersOf({ key: processKey })}
              data-testid="procedure-partners"
            >
              Đơn vị phối hợp
            </Button>
          </Form.Item>
        </Space>
        <Form.Item label="Thành phần hồ sơ" required>
          <ProcedureDocumentsField />
        </Form.Item>
        <Form.Item
          label="Mẫu đơn, tờ khai"
          extra={editing ? 'PDF, Word, Excel, HTML; tối đa 5 MB.' : 'Thêm thủ tục trước, sau đó tải mẫu đơn lên.'}
        >
          {templates.map((t) => (
            <Space key={t.file} style={{ display: 'flex' }}>
              <a
                href={`/api/procedures/${encodeURIComponent(editing?.code ?? '')}/forms/${encodeURIComponent(t.file)}`}
                target="_blank"
                rel="noreferrer"
              >
                {t.name}
              </a>
              <span style={{ color: '#8c8c8c' }}>{t.file}</span>
              <Button
                type="link"
                danger
                size="small"
                onClick={() => setTemplates(templates.filter((x) => x.file !== t.file))}
              >
                Bỏ
              </Button>
            </Space>
          ))}
          {editing && (
            <Upload
              showUploadList={false}
              beforeUpload={(file) => {
                void uploadTemplate(file);
                return false;
              }}
            >
              <Button data-testid="procedure-upload">Tải mẫu đơn lên</Button>
            </Upload>
          )}
        </Form.Item>
      </Form>
      <PartnersModal
        target={partnersOf}
        onClose={() => setPartnersOf(null)}
        onSaved={(saved) => {
          setPartnersOf(null);
          message.success(`Đã lưu ${saved.partnerUnitCodes.length} đơn vị phối hợp của quy trình ${saved.key}.`);
        }}
      />
    </Drawer>
  );
}
