import { Alert, Button, Space } from 'antd';
// The plain input, not antd's Input with its TextArea, Search, Password and OTP (≈ 11 KB gzipped).
import Input from 'antd/es/input/Input';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { lookupDossier, type PublicDossier } from './tracking.api';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';
import { Field, PageHeading, Panel } from '../../public/panel';

/**
 * The answer's parts (timeline, tags, file list) are downloaded with the first answer, in parallel
 * with it: the empty form shows without them, and the answer renders whole (so it can be scrolled to).
 */
const loadAnswerParts = () =>
  Promise.all([import('./dossier-status.card'), import('./result-downloads'), import('./pay-fee')]).then(
    ([card, downloads, pay]) => ({
      DossierStatusCard: card.DossierStatusCard,
      ResultDownloads: downloads.ResultDownloads,
      PayFee: pay.PayFee,
    }),
  );
type AnswerParts = Awaited<ReturnType<typeof loadAnswerParts>>;

/** The result exists (signed) from these statuses on: only then is the electronic result asked for. */
const RESULT_STATUSES = ['result_ready', 'returned'];
/** Refused or withdrawn: nothing left to pay. */
const CLOSED = ['rejected', 'withdrawn'];

/** Message for a failed lookup; a wrong key is never reported as such (no oracle, DESIGN §5). */
export function lookupErrorText(error: unknown): string {
  if (error instanceof ApiError && error.code === 'DOSSIER_NOT_FOUND')
    return 'Không tìm thấy hồ sơ với mã này. Vui lòng kiểm tra lại mã trên giấy hẹn.';
  if (error instanceof ApiError && error.statusCode === 429)
    return 'Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau một phút.';
  return 'Không tra cứu được lúc này. Vui lòng thử lại.';
}

/** `/tra-cuu`: the public lookup, no login; the receipt's QR opens it with `?code=&key=` and it looks up at once. */
export function LookupPage() {
  const [params, setParams] = useSearchParams();
  const [code, setCode] = useState('');
  const [key, setKey] = useState('');
  const [codeMissing, setCodeMissing] = useState(false);
  const [dossier, setDossier] = useState<PublicDossier>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const [parts, setParts] = useState<AnswerParts>();
  // The key the shown dossier was found with: the timeline proves it matched.
  const [foundKey, setFoundKey] = useState<string>();
  const result = useRef<HTMLDivElement>(null);

  const search = useCallback(async (code: string, key?: string) => {
    setLoading(true);
    setError(undefined);
    try {
      const [found, loaded] = await Promise.all([lookupDossier(code, key), loadAnswerParts()]);
      setParts(loaded);
      setDossier(found);
      setFoundKey(found.timeline && key ? key.trim() : undefined);
    } catch (e) {
      setDossier(undefined);
      setFoundKey(undefined);
      setError(lookupErrorText(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    const code = params.get('code');
    if (!code) return;
    const key = params.get('key') ?? undefined;
    setCode(code);
    setKey(key ?? '');
    void search(code, key);
  }, [params, search]);

  // On a phone the QR opens the page with the form filling the screen: bring the answer into view.
  useEffect(() => {
    const element = result.current;
    if (element && element.getBoundingClientRect().top > window.innerHeight / 2)
      element.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [dossier, error]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCodeMissing(!code.trim());
    if (!code.trim()) return;
    const next = new URLSearchParams({ code: code.trim() });
    if (key?.trim()) next.set('key', key.trim());
    setParams(next);
  };

  return (
    <div style={{ minHeight: '100vh', background: '#f0f5ff', padding: '32px 16px' }}>
      <Space
        direction="vertical"
        size="large"
        style={{ width: '100%', maxWidth: 760, margin: '0 auto', display: 'flex' }}
      >
        <PageHeading title="Tra cứu hồ sơ thủ tục hành chính">
          Nhập mã hồ sơ và mã tra cứu in trên giấy tiếp nhận và hẹn trả kết quả.
        </PageHeading>
        <Panel>
          <form onSubmit={submit} noValidate>
            <Field id="lookup-code" label="Mã hồ sơ" error={codeMissing ? 'Nhập mã hồ sơ' : undefined}>
              <Input
                id="lookup-code"
                size="large"
                placeholder="000.00.20.H15-261128-0001"
                maxLength={FIELD_LIMITS.code}
                data-testid="lookup-code"
                autoComplete="off"
                value={code}
                onChange={(e) => setCode(e.target.value)}
                status={codeMissing ? 'error' : undefined}
              />
            </Field>
            <Field id="lookup-key" label="Mã tra cứu (không bắt buộc)">
              <Input
                id="lookup-key"
                size="large"
                placeholder="6 ký tự, ví dụ K7M2QX"
                maxLength={FIELD_LIMITS.code}
                data-testid="lookup-key"
                autoComplete="off"
                style={{ textTransform: 'uppercase' }}
                value={key}
                onChange={(e) => setKey(e.target.value)}
              />
            </Field>
            <Button type="primary" size="large" htmlType="submit" loading={loading} data-testid="lookup-submit">
              Tra cứu
            </Button>
          </form>
        </Panel>
        <div ref={result} style={{ scrollMarginTop: 16 }}>
          {error && <Alert type="warning" showIcon message={error} data-testid="lookup-error" />}
          {dossier && parts && <parts.DossierStatusCard dossier={dossier} />}
          {dossier && parts && foundKey && dossier.payment?.status === 'unpaid' && !CLOSED.includes(dossier.status) && (
            <parts.PayFee code={dossier.code} lookupKey={foundKey} amount={dossier.payment.amount} />
          )}
          {dossier && parts && foundKey && RESULT_STATUSES.includes(dossier.status) && (
            <parts.ResultDownloads code={dossier.code} lookupKey={foundKey} />
          )}
          {dossier && parts && dossier.status === 'returned' && (
            <Panel style={{ marginTop: 16 }} data-testid="lookup-rate">
              Ông/bà đã nhận kết quả. Xin mời đánh giá mức độ hài lòng:{' '}
              <Link
                to={`/danh-gia?${new URLSearchParams({ ma: dossier.code, ...(foundKey ? { key: foundKey } : {}) })}`}
                data-testid="lookup-rate-link"
              >
                Đánh giá
              </Link>
            </Panel>
          )}
        </div>
        <Space>
          <Link to="/thong-ke">Thống kê tình hình giải quyết hồ sơ</Link>
          <Link to="/login">Cán bộ đăng nhập</Link>
        </Space>
      </Space>
    </div>
  );
}
