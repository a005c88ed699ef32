import { Alert, Button, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { DossierStatusCard } from '../lookup/dossier-status.card';
import { lookupErrorText } from '../lookup/lookup.page';
import { lookupDossier, type PublicDossier } from '../lookup/tracking.api';
import { KioskKeypad } from './kiosk-keypad';

/** Back to the start screen after this long without a touch, so the next citizen sees nothing of the last. */
export const KIOSK_IDLE_MS = 60_000;

type Field = 'code' | 'key';

/** `/kiosk`: full-screen lookup for a touch terminal in the one-stop hall, no login. */
export function KioskPage() {
  const [code, setCode] = useState('');
  const [key, setKey] = useState('');
  const [field, setField] = useState<Field>('code');
  const [dossier, setDossier] = useState<PublicDossier>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const idle = useRef<number>(undefined);

  const reset = useCallback(() => {
    setCode('');
    setKey('');
    setField('code');
    setDossier(undefined);
    setError(undefined);
  }, []);

  const touched = useCallback(() => {
    window.clearTimeout(idle.current);
    idle.current = window.setTimeout(reset, KIOSK_IDLE_MS);
  }, [reset]);

  useEffect(() => {
    touched();
    const events = ['pointerdown', 'keydown'] as const;
    events.forEach((e) => window.addEventListener(e, touched));
    return () => {
      window.clearTimeout(idle.current);
      events.forEach((e) => window.removeEventListener(e, touched));
    };
  }, [touched]);

  const edit = (change: (value: string) => string) => (field === 'code' ? setCode(change) : setKey(change));

  const search = async () => {
    if (!code) return;
    setLoading(true);
    setError(undefined);
    try {
      setDossier(await lookupDossier(code, key || undefined));
    } catch (e) {
      setError(lookupErrorText(e));
    } finally {
      setLoading(false);
    }
  };

  const display = (which: Field, label: string, value: string, placeholder: string) => (
    <div
      role="button"
      data-testid={`kiosk-${which}`}
      onClick={() => setField(which)}
      style={{
        border: `4px solid ${field === which ? '#1677ff' : '#d9d9d9'}`,
        borderRadius: 12,
        padding: '12px 20px',
        background: '#fff',
        cursor: 'pointer',
        minWidth: which === 'code' ? 720 : 320,
      }}
    >
      <div style={{ fontSize: 20, color: '#595959' }}>{label}</div>
      <div style={{ fontSize: 40, fontFamily: 'monospace', minHeight: 52, color: value ? '#000' : '#bfbfbf' }}>{value || placeholder}</div>
    </div>
  );

  return (
    <div data-testid="kiosk" style={{ position: 'fixed', inset: 0, background: '#e6f4ff', padding: 32, overflow: 'auto', userSelect: 'none' }}>
      <Typography.Title style={{ fontSize: 44, margin: 0 }}>Tra cứu tình trạng hồ sơ</Typography.Title>
      <Typography.Paragraph style={{ fontSize: 24 }}>Chạm vào ô, nhập mã hồ sơ trên giấy hẹn, rồi nhấn «Tra cứu».</Typography.Paragraph>
      {dossier ? (
        <div style={{ maxWidth: 1100 }}>
          <DossierStatusCard dossier={dossier} large />
          <Button type="primary" onClick={reset} data-testid="kiosk-again" style={{ height: 84, fontSize: 30, marginTop: 24, padding: '0 48px' }}>
            Tra cứu hồ sơ khác
          </Button>
        </div>
      ) : (
        <>
          <div style={{ display: 'flex', gap: 24, marginBottom: 24, flexWrap: 'wrap' }}>
            {display('code', 'Mã hồ sơ', code, '000.00.20.H15-261128-0001')}
            {display('key', 'Mã tra cứu (nếu có)', key, 'K7M2QX')}
          </div>
          <KioskKeypad
            letters
            onKey={(k) => edit((v) => (v.length < 40 ? v + k : v))}
            onBackspace={() => edit((v) => v.slice(0, -1))}
            onClear={() => edit(() => '')}
          />
          {error && <Alert type="warning" showIcon message={<span style={{ fontSize: 24 }}>{error}</span>} style={{ marginTop: 24, maxWidth: 1100 }} data-testid="kiosk-error" />}
          <Button type="primary" disabled={!code} loading={loading} onClick={search} data-testid="kiosk-search" style={{ height: 96, fontSize: 36, marginTop: 24, padding: '0 64px' }}>
            Tra cứu
          </Button>
        </>
      )}
    </div>
  );
}
