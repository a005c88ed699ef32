import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { Notice } from '../../public/notice';
import { Field, PageHeading, Panel } from '../../public/panel';
import { disabledLook, publicInput, publicLinkButton, publicPrimaryButton } from '../../public/public-controls';
import { askCode, verifyCode } from './citizen.api';

/** A Vietnamese mobile number as typed: 10 digits from 0, or +84 / 84 and 9 digits; spaces, dots and dashes allowed. */
export function looksLikeMobile(text: string): boolean {
  return /^(0|\+?84)[35789]\d{8}$/.test(text.replace(/[\s.-]/g, ''));
}

/** The page's sentence for a failed step: the server's code in Vietnamese (error-messages.ts), else a generic one. */
function failure(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Không kết nối được máy chủ. Vui lòng thử lại.';
}

/** Where to go after signing in: a path of this site only (never another origin). */
function nextPath(params: URLSearchParams): string {
  const next = params.get('next') ?? '';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/ho-so-cua-toi';
}

/**
 * `/cong-dan/dang-nhap`: a citizen signs in with the phone number, then the 6-digit code sent by SMS
 * (ADR 0027). No password, no account to create: the first right code makes it. The citizen's
 * token lives in this tab only (sessionStorage), apart from an officer's session.
 */
export function CitizenSignInPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<'phone' | 'code'>('phone');
  const [problem, setProblem] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);

  const send = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      const { expiresInSeconds } = await askCode(phone);
      setStep('code');
      setCode('');
      setNotice(
        `Mã xác thực gồm 6 chữ số đã được gửi qua tin nhắn đến số ${phone.trim()}. Mã có hiệu lực ${Math.round(expiresInSeconds / 60)} phút.`,
      );
    } catch (error) {
      setProblem(failure(error));
    } finally {
      setBusy(false);
    }
  };

  const submitPhone = (event: FormEvent) => {
    event.preventDefault();
    if (!looksLikeMobile(phone)) {
      setProblem('Số điện thoại di động không hợp lệ. Vui lòng nhập số gồm 10 chữ số, ví dụ 0912 345 678.');
      return;
    }
    void send();
  };

  const submitCode = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.replace(/\s/g, ''))) {
      setProblem('Vui lòng nhập đủ 6 chữ số của mã xác thực.');
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      await verifyCode(phone, code.replace(/\s/g, ''));
      navigate(nextPath(params), { replace: true });
    } catch (error) {
      setProblem(failure(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', background: '#f0f5ff', padding: '24px 16px' }}>
      {/* Plain controls, no antd Button, Input or Alert: the first load stays ≤ 200 KB (issue 18 item 8). */}
      <div
        style={{ width: '100%', maxWidth: 480, margin: '0 auto', display: 'flex', flexDirection: 'column', gap: 24 }}
      >
        <PageHeading title="Đăng nhập dành cho công dân">
          Dùng số điện thoại di động đã khai khi nộp hồ sơ để xem các hồ sơ của mình. Không cần mật khẩu.
        </PageHeading>
        <Panel bodyPadding={16}>
          {step === 'phone' ? (
            <form onSubmit={submitPhone} noValidate>
              <Field id="citizen-phone" label="Số điện thoại di động">
                <input
                  id="citizen-phone"
                  style={publicInput}
                  type="tel"
                  inputMode="tel"
                  autoComplete="tel"
                  placeholder="Ví dụ 0912 345 678"
                  maxLength={20}
                  data-testid="citizen-phone"
                  value={phone}
                  onChange={(e) => setPhone(e.target.value)}
                />
              </Field>
              <button
                type="submit"
                disabled={busy}
                aria-busy={busy}
                data-testid="citizen-send-code"
                style={disabledLook({ ...publicPrimaryButton, width: '100%' }, busy)}
              >
                Nhận mã qua tin nhắn
              </button>
            </form>
          ) : (
            <form onSubmit={submitCode} noValidate>
              {notice && (
                <div style={{ marginBottom: 16 }}>
                  <Notice type="info" data-testid="citizen-code-sent">
                    {notice}
                  </Notice>
                </div>
              )}
              <Field id="citizen-code" label="Mã xác thực (6 chữ số)">
                <input
                  id="citizen-code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  placeholder="••••••"
                  maxLength={8}
                  data-testid="citizen-code"
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                  style={{ ...publicInput, letterSpacing: 6, fontSize: 22 }}
                />
              </Field>
              <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
                <button
                  type="submit"
                  disabled={busy}
                  aria-busy={busy}
                  data-testid="citizen-verify"
                  style={disabledLook({ ...publicPrimaryButton, width: '100%' }, busy)}
                >
                  Đăng nhập
                </button>
                <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
                  <button
                    type="button"
                    onClick={() => void send()}
                    disabled={busy}
                    data-testid="citizen-resend"
                    style={disabledLook(publicLinkButton, busy)}
                  >
                    Gửi lại mã
                  </button>
                  <button
                    type="button"
                    style={publicLinkButton}
                    onClick={() => {
                      setStep('phone');
                      setProblem(undefined);
                    }}
                  >
                    Đổi số điện thoại
                  </button>
                </div>
              </div>
            </form>
          )}
          {problem && (
            <div style={{ marginTop: 16 }}>
              <Notice type="warning" data-testid="citizen-sign-in-error">
                {problem}
              </Notice>
            </div>
          )}
        </Panel>
        <div style={{ color: '#595959' }}>
          Không nhận được tin nhắn? Kiểm tra số điện thoại, chờ một phút rồi bấm «Gửi lại mã». Không cung cấp mã cho bất
          kỳ ai, kể cả người tự xưng là cán bộ.
        </div>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16 }}>
          <Link to="/tra-cuu">Tra cứu bằng mã hồ sơ</Link>
          <Link to="/login">Cán bộ đăng nhập</Link>
        </div>
      </div>
    </div>
  );
}
