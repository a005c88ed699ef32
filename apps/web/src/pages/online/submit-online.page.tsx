import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, Navigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { checkFieldValues, readFormFields, type FieldFault } from '../../../../../libs/common/src/form-fields';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';
import { Notice } from '../../public/notice';
import { Field, PageHeading, Panel } from '../../public/panel';
import { disabledLook, publicDefaultButton, publicInput, publicPrimaryButton } from '../../public/public-controls';
import { signedIn } from '../citizen/citizen.api';
import { OnlineFormField, FIELD_PROBLEM } from './online-form-field';
import {
  mySubmission,
  payOnline,
  publicProcedure,
  resubmitOnline,
  stageFile,
  submitOnline,
  type OnlineApplicant,
  type Procedure,
  type StagedFile,
  type Submission,
} from './online.api';

type Step = 'form' | 'files' | 'review' | 'done';
const STEPS: { key: Exclude<Step, 'done'>; label: string }[] = [
  { key: 'form', label: '1. Tờ khai' },
  { key: 'files', label: '2. Giấy tờ' },
  { key: 'review', label: '3. Xem lại và nộp' },
];
const KB = 1024;
const size = (bytes: number) =>
  bytes < KB * KB ? `${Math.ceil(bytes / KB)} KB` : `${(bytes / KB / KB).toFixed(1)} MB`;
const message = (cause: unknown) =>
  cause instanceof ApiError ? cause.message : 'Không thực hiện được lúc này. Vui lòng thử lại.';

/** Numbers as people type them ("50.000.000"): the dots and spaces of thousands go. */
const asNumber = (value: unknown) =>
  typeof value === 'string' ? value.replace(/[.\s]/g, '').replace(',', '.') : value;

/**
 * `/nop-ho-so/:procedureCode` (issue 18 item 3): a signed-in citizen fills the procedure's e-form,
 * uploads a file for each document, reviews and submits; the answer is the pre-registration code
 * (also sent by SMS). With `?bo-sung=<id>` the same page takes the files the desk asked for and
 * sends the submission back. Phone first (390 px), Vietnamese only.
 */
export function SubmitOnlinePage() {
  const { procedureCode = '' } = useParams();
  const [params] = useSearchParams();
  const supplementOf = params.get('bo-sung');
  const [procedure, setProcedure] = useState<Procedure>();
  const [earlier, setEarlier] = useState<Submission>();
  const [step, setStep] = useState<Step>(supplementOf ? 'files' : 'form');
  const [applicant, setApplicant] = useState<OnlineApplicant>({ fullName: '', idNumber: '', address: '', email: '' });
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [faults, setFaults] = useState<FieldFault[]>([]);
  const [files, setFiles] = useState<Record<string, StagedFile[]>>({});
  const [uploading, setUploading] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<Submission>();
  const [paying, setPaying] = useState(false);
  // One key per submission: a retry after a lost answer repeats it, the server answers the first result.
  const key = useRef(crypto.randomUUID());

  useEffect(() => {
    publicProcedure(procedureCode).then(setProcedure, (cause) => setProblem(message(cause)));
    if (supplementOf && signedIn()) mySubmission(supplementOf).then(setEarlier, (cause) => setProblem(message(cause)));
  }, [procedureCode, supplementOf]);

  const fields = useMemo(() => readFormFields(procedure?.eForm?.fields ?? []), [procedure]);
  const answers = () =>
    Object.fromEntries(
      Object.entries(values).map(([k, v]) => [k, fields.find((f) => f.key === k)?.type === 'number' ? asNumber(v) : v]),
    );

  if (!signedIn())
    return (
      <Navigate
        to={`/cong-dan/dang-nhap?next=${encodeURIComponent(`/nop-ho-so/${procedureCode}${supplementOf ? `?bo-sung=${supplementOf}` : ''}`)}`}
        replace
      />
    );

  const documents = procedure?.requiredDocuments ?? [];
  const faultOf = (key: string) => {
    const fault = faults.find((f) => f.key === key);
    return fault ? FIELD_PROBLEM[fault.problem] : undefined;
  };
  const applicantFaults = {
    fullName: applicant.fullName.trim() ? undefined : 'Vui lòng nhập họ và tên.',
    idNumber: /^(\d{12}|\d{9})$/.test(applicant.idNumber.trim()) ? undefined : 'Số định danh gồm 12 chữ số (CCCD).',
  };
  const showApplicantFaults = faults.length > 0;

  const toFiles = () => {
    const checked = checkFieldValues(fields, answers());
    const applicantOk = !applicantFaults.fullName && !applicantFaults.idNumber;
    setFaults(checked.ok ? (applicantOk ? [] : [{ key: '_applicant', problem: 'required' }]) : checked.faults);
    if (checked.ok && applicantOk) setStep('files');
  };
  const upload = async (documentKey: string, list: FileList | null) => {
    if (!list?.length || !procedure) return;
    setProblem(undefined);
    setUploading(documentKey);
    try {
      for (const file of Array.from(list)) {
        const staged = await stageFile(procedure.code, documentKey, file);
        setFiles((all) => ({ ...all, [documentKey]: [...(all[documentKey] ?? []), staged] }));
      }
    } catch (cause) {
      setProblem(message(cause));
    } finally {
      setUploading(undefined);
    }
  };
  const missing = documents.filter(
    (d) => d.required && !(files[d.code]?.length || earlier?.files.some((f) => f.documentKey === d.code)),
  );
  const pay = async (id: string) => {
    setPaying(true);
    setProblem(undefined);
    try {
      window.location.assign((await payOnline(id)).payUrl);
    } catch (cause) {
      setProblem(message(cause));
      setPaying(false);
    }
  };
  // A supplement adds at least one file: sending back what the desk already refused to accept helps no one.
  const nothingAdded = Object.values(files).every((list) => list.length === 0);
  const cannotGoOn = missing.length > 0 || uploading !== undefined || (earlier !== undefined && nothingAdded);
  const send = async () => {
    setSending(true);
    setProblem(undefined);
    try {
      const ids = Object.values(files)
        .flat()
        .map((f) => f.id);
      const answer = earlier
        ? await resubmitOnline(earlier.id, ids)
        : await submitOnline(
            procedureCode,
            {
              applicant: {
                fullName: applicant.fullName,
                idNumber: applicant.idNumber,
                ...(applicant.address.trim() ? { address: applicant.address } : {}),
                ...(applicant.email.trim() ? { email: applicant.email } : {}),
              },
              answers: answers(),
              files: ids,
            },
            key.current,
          );
      setDone(answer);
      setStep('done');
    } catch (cause) {
      setProblem(message(cause));
    } finally {
      setSending(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', background: '#f0f5ff', padding: '24px 12px' }}>
      {/* Plain controls, no antd Button, Input, Space or Alert: the first load stays ≤ 200 KB (issue 18 item 8). */}
      <div
        style={{ width: '100%', maxWidth: 640, margin: '0 auto', display: 'flex', flexDirection: 'column', gap: 24 }}
      >
        <PageHeading title={earlier ? 'Bổ sung hồ sơ trực tuyến' : 'Nộp hồ sơ trực tuyến'}>
          {procedure?.name ?? ''}
        </PageHeading>
        {step !== 'done' && (
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }} data-testid="online-steps">
            {STEPS.filter((s) => !earlier || s.key !== 'form').map((s) => (
              <span
                key={s.key}
                style={{
                  padding: '2px 10px',
                  borderRadius: 12,
                  fontSize: 13,
                  background: s.key === step ? '#1677ff' : '#e6f4ff',
                  color: s.key === step ? '#fff' : '#0958d9',
                }}
              >
                {s.label}
              </span>
            ))}
          </div>
        )}
        {problem && (
          <Notice type="error" data-testid="online-error">
            {problem}
          </Notice>
        )}
        {earlier?.reason && (
          <Notice type="warning">
            <div style={{ fontWeight: 600 }}>Bộ phận Một cửa đề nghị bổ sung</div>
            <div style={{ overflowWrap: 'anywhere' }}>{earlier.reason}</div>
          </Notice>
        )}

        {step === 'form' && procedure && (
          <Panel title="Người nộp hồ sơ" bodyPadding={16}>
            <Field
              id="ap-name"
              label="Họ, chữ đệm, tên *"
              error={showApplicantFaults ? applicantFaults.fullName : undefined}
            >
              <input
                id="ap-name"
                style={publicInput}
                maxLength={FIELD_LIMITS.personName}
                value={applicant.fullName}
                onChange={(e) => setApplicant({ ...applicant, fullName: e.target.value })}
                data-testid="ap-fullName"
              />
            </Field>
            <Field
              id="ap-id"
              label="Số định danh cá nhân (CCCD) *"
              error={showApplicantFaults ? applicantFaults.idNumber : undefined}
            >
              <input
                id="ap-id"
                style={publicInput}
                inputMode="numeric"
                maxLength={12}
                value={applicant.idNumber}
                onChange={(e) => setApplicant({ ...applicant, idNumber: e.target.value })}
                data-testid="ap-idNumber"
              />
            </Field>
            <Field id="ap-address" label="Nơi cư trú">
              <input
                id="ap-address"
                style={publicInput}
                maxLength={FIELD_LIMITS.address}
                value={applicant.address}
                onChange={(e) => setApplicant({ ...applicant, address: e.target.value })}
                data-testid="ap-address"
              />
            </Field>
            <Field id="ap-email" label="Thư điện tử">
              <input
                id="ap-email"
                style={publicInput}
                type="email"
                maxLength={FIELD_LIMITS.email}
                value={applicant.email}
                onChange={(e) => setApplicant({ ...applicant, email: e.target.value })}
                data-testid="ap-email"
              />
            </Field>
            <div style={{ fontWeight: 600, margin: '8px 0 16px' }}>Tờ khai</div>
            {fields.map((field) => (
              <OnlineFormField
                key={field.key}
                field={field}
                value={values[field.key]}
                error={faultOf(field.key)}
                onChange={(value) => setValues({ ...values, [field.key]: value })}
              />
            ))}
            <button
              type="button"
              onClick={toFiles}
              data-testid="online-next"
              style={{ ...publicPrimaryButton, width: '100%' }}
            >
              Tiếp tục
            </button>
          </Panel>
        )}

        {step === 'files' && procedure && (
          <Panel title="Thành phần hồ sơ" bodyPadding={16}>
            <div style={{ color: '#595959', marginBottom: 16 }}>Tệp PDF, JPG hoặc PNG. Chụp rõ nét, đủ các trang.</div>
            {documents.map((d) => (
              <div key={d.code} style={{ marginBottom: 20 }} data-testid={`doc-${d.code}`}>
                <div style={{ fontWeight: 500 }}>
                  {d.name}
                  {d.required && <span style={{ color: '#cf1322' }}> *</span>}
                </div>
                {earlier?.files
                  .filter((f) => f.documentKey === d.code)
                  .map((f) => (
                    <div key={f.id} style={{ color: '#8c8c8c', fontSize: 13 }}>
                      Đã nộp: {f.fileName} ({size(f.size)})
                    </div>
                  ))}
                {(files[d.code] ?? []).map((f) => (
                  <div
                    key={f.id}
                    style={{ color: '#389e0d', fontSize: 13, overflowWrap: 'anywhere' }}
                    data-testid="staged-file"
                  >
                    ✓ {f.fileName} ({size(f.size)})
                  </div>
                ))}
                <label
                  style={{
                    display: 'inline-block',
                    marginTop: 6,
                    padding: '8px 14px',
                    border: '1px dashed #1677ff',
                    borderRadius: 6,
                    color: '#1677ff',
                    cursor: 'pointer',
                  }}
                >
                  {uploading === d.code ? 'Đang tải lên…' : 'Chọn tệp hoặc chụp ảnh'}
                  <input
                    type="file"
                    accept="application/pdf,image/jpeg,image/png"
                    multiple
                    hidden
                    disabled={uploading !== undefined}
                    onChange={(e) => {
                      void upload(d.code, e.target.files);
                      e.target.value = '';
                    }}
                    data-testid={`upload-${d.code}`}
                  />
                </label>
              </div>
            ))}
            {missing.length > 0 && (
              <div style={{ color: '#d46b08', marginBottom: 12 }}>
                Còn thiếu: {missing.map((d) => d.name).join('; ')}.
              </div>
            )}
            {earlier && nothingAdded && (
              <div style={{ color: '#d46b08', marginBottom: 12 }}>Tải lên giấy tờ Bộ phận Một cửa đề nghị bổ sung.</div>
            )}
            <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
              <button
                type="button"
                disabled={cannotGoOn}
                onClick={() => setStep('review')}
                data-testid="online-next"
                style={disabledLook({ ...publicPrimaryButton, width: '100%' }, cannotGoOn)}
              >
                Tiếp tục
              </button>
              {!earlier && (
                <button type="button" onClick={() => setStep('form')} style={{ ...publicDefaultButton, width: '100%' }}>
                  Quay lại tờ khai
                </button>
              )}
            </div>
          </Panel>
        )}

        {step === 'review' && procedure && (
          <Panel title="Xem lại trước khi nộp" bodyPadding={16} data-testid="online-review">
            {!earlier && (
              <>
                <Row label="Người nộp" value={`${applicant.fullName} — ${applicant.idNumber}`} />
                {fields
                  .filter((f) => values[f.key] !== undefined && values[f.key] !== '' && f.type !== 'checkbox')
                  .map((f) => (
                    <Row
                      key={f.key}
                      label={f.label}
                      value={
                        f.type === 'select'
                          ? (f.options.find((o) => o.value === values[f.key])?.label ?? '')
                          : String(values[f.key])
                      }
                    />
                  ))}
              </>
            )}
            {documents.map((d) => (
              <Row
                key={d.code}
                label={d.name}
                value={(files[d.code] ?? []).map((f) => f.fileName).join(', ') || (earlier ? 'đã nộp trước' : '—')}
              />
            ))}
            <div style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 16 }}>
              <button
                type="button"
                disabled={sending}
                aria-busy={sending}
                onClick={() => void send()}
                data-testid="online-submit"
                style={disabledLook({ ...publicPrimaryButton, width: '100%' }, sending)}
              >
                {earlier ? 'Gửi bổ sung' : 'Nộp hồ sơ'}
              </button>
              <button
                type="button"
                onClick={() => setStep('files')}
                disabled={sending}
                style={disabledLook({ ...publicDefaultButton, width: '100%' }, sending)}
              >
                Quay lại
              </button>
            </div>
          </Panel>
        )}

        {step === 'done' && done && (
          <Panel bodyPadding={16} data-testid="online-done">
            <div style={{ fontSize: 16, fontWeight: 600, marginBottom: 8 }}>
              {earlier ? 'Đã gửi hồ sơ bổ sung.' : 'Đã nộp hồ sơ trực tuyến.'}
            </div>
            <div>Mã tiếp nhận trực tuyến:</div>
            <div
              style={{ fontSize: 22, fontWeight: 700, letterSpacing: 1, margin: '4px 0 12px' }}
              data-testid="online-code"
            >
              {done.code}
            </div>
            <div style={{ color: '#595959' }}>
              Mã đã được gửi qua tin nhắn tới số điện thoại của bạn. Bộ phận Một cửa sẽ kiểm tra và nhắn tin báo kết quả
              tiếp nhận, kèm giấy tiếp nhận và ngày hẹn trả.
            </div>
            {!earlier && procedure && procedure.fee > 0 && (
              <div style={{ marginTop: 16 }}>
                <div>
                  Lệ phí: <strong>{procedure.fee.toLocaleString('vi-VN')} đồng</strong>
                </div>
                <button
                  type="button"
                  disabled={paying}
                  aria-busy={paying}
                  onClick={() => void pay(done.id)}
                  data-testid="online-pay"
                  style={disabledLook({ ...publicPrimaryButton, width: '100%', marginTop: 8 }, paying)}
                >
                  Thanh toán trực tuyến
                </button>
              </div>
            )}
            <Link to="/ho-so-cua-toi" style={{ display: 'inline-block', marginTop: 16 }} data-testid="to-my-dossiers">
              Xem hồ sơ của tôi
            </Link>
          </Panel>
        )}
      </div>
    </div>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
      <div style={{ color: '#8c8c8c', fontSize: 13 }}>{label}</div>
      <div style={{ overflowWrap: 'anywhere' }}>{value}</div>
    </div>
  );
}
