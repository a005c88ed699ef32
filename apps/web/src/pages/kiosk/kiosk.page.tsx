import { Alert, Button, Grid, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { DossierStatusCard } from '../lookup/dossier-status.card';
import { lookupErrorText } from '../lookup/lookup.page';
import { lookupDossier, type PublicDossier } from '../lookup/tracking.api';
import { useHardwareKeys, useIdleReset } from './kiosk-hooks';
import { KioskKeypad } from './kiosk-keypad';
import { KioskRating } from './kiosk-rating';
import { QrScanner, useHasCamera } from './qr-scanner';
import { NOT_A_RECEIPT, parseScannedLookup } from './scanned-lookup';

type Field = 'code' | 'key';

const BIG = { height: 96, fontSize: 34, padding: '0 48px' };

/** `/kiosk`: full-screen lookup for a touch terminal in the one-stop hall, no login; `?idle=<s>` sets the idle reset. */
export function KioskPage() {
  const [code, setCode] = useState('');
  const [key, setKey] = useState('');
  const [field, setField] = useState<Field>('code');
  const [dossier, setDossier] = useState<PublicDossier>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const [scanning, setScanning] = useState(false);
  const hasCamera = useHasCamera();
  const wide = Grid.useBreakpoint().lg ?? true;

  const reset = useCallback(() => {
    setCode('');
    setKey('');
    setField('code');
    setDossier(undefined);
    setError(undefined);
    setScanning(false);
  }, []);
  useIdleReset(reset);

  const edit = (change: (value: string) => string) => (field === 'code' ? setCode(change) : setKey(change));

  const search = async (searchCode: string, searchKey: string) => {
    if (!searchCode) return;
    setLoading(true);
    setError(undefined);
    try {
      setDossier(await lookupDossier(searchCode, searchKey || undefined));
    } catch (e) {
      setError(lookupErrorText(e));
    } finally {
      setLoading(false);
    }
  };

  /** Back to the keypad with the code kept, to add the key the result card asks for. */
  const addKey = () => {
    setDossier(undefined);
    setField('key');
  };

  const scanned = (text: string): boolean => {
    const found = parseScannedLookup(text);
    if (!found) return false;
    setScanning(false);
    setCode(found.code);
    setKey(found.key ?? '');
    void search(found.code, found.key ?? '');
    return true;
  };

  // Keys type into the fields only on the entry screen, as the on-screen keypad does.
  const typing = !dossier && !scanning;
  const typed = (change: (value: string) => string) => {
    if (typing) edit(change);
  };
  useHardwareKeys({
    onChar: (char) => typed((v) => (v.length < 40 ? v + char : v)),
    onBackspace: () => typed((v) => v.slice(0, -1)),
    onEnter: (text) => {
      if (!/^\s*https?:\/\//i.test(text)) {
        if (typing) void search(code, key);
      } else if (!scanned(text)) {
        // A USB scanner typed some other QR into the fields: clear them and say why.
        setCode('');
        setKey('');
        setError(NOT_A_RECEIPT);
      }
    },
  });

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
        flex: which === 'code' ? '1 1 640px' : '0 1 320px',
        maxWidth: which === 'code' ? 720 : 360,
        minWidth: 0,
      }}
    >
      <div style={{ fontSize: 20, color: '#595959' }}>{label}</div>
      {value ? (
        <div
          style={{
            fontSize: 'clamp(24px, 4vw, 40px)',
            fontFamily: 'monospace',
            minHeight: 52,
            overflowWrap: 'anywhere',
          }}
        >
          {value}
        </div>
      ) : (
        <div style={{ fontSize: 22, minHeight: 52, lineHeight: '52px', color: '#8c8c8c', overflowWrap: 'anywhere' }}>
          {placeholder}
        </div>
      )}
    </div>
  );

  const actions = (
    <div
      style={{
        display: 'flex',
        flexDirection: wide ? 'column' : 'row',
        gap: 24,
        flexWrap: 'wrap',
        alignItems: 'flex-start',
        flexShrink: 0,
        maxWidth: wide ? 520 : undefined,
      }}
    >
      <Button
        type="primary"
        disabled={!code}
        loading={loading}
        onClick={() => search(code, key)}
        data-testid="kiosk-search"
        style={BIG}
      >
        Tra cứu
      </Button>
      {hasCamera && (
        <Button onClick={() => setScanning(true)} data-testid="kiosk-scan" style={BIG}>
          Quét mã QR
        </Button>
      )}
      {error && (
        <Alert
          type="warning"
          showIcon
          message={<span style={{ fontSize: 24 }}>{error}</span>}
          data-testid="kiosk-error"
        />
      )}
    </div>
  );
  const keypad = (
    <KioskKeypad
      letters
      onKey={(k) => edit((v) => (v.length < 40 ? v + k : v))}
      onBackspace={() => edit((v) => v.slice(0, -1))}
      onClear={() => edit(() => '')}
    />
  );
  // Beside the keypad on a landscape screen; above it on a narrow one, so «Tra cứu» never needs scrolling to.
  const entry = scanning ? (
    <QrScanner onScan={scanned} onClose={() => setScanning(false)} />
  ) : (
    <div
      style={{
        display: 'flex',
        flexDirection: wide ? 'row' : 'column-reverse',
        gap: wide ? 48 : 24,
        alignItems: wide ? 'flex-start' : 'stretch',
      }}
    >
      {keypad}
      {actions}
    </div>
  );

  return (
    <div
      data-testid="kiosk"
      style={{
        position: 'fixed',
        inset: 0,
        background: '#e6f4ff',
        padding: 'clamp(16px, 3vw, 32px)',
        overflow: 'auto',
        userSelect: 'none',
      }}
    >
      <Typography.Title style={{ fontSize: 'clamp(30px, 5vw, 44px)', margin: '0 0 16px' }}>
        Tra cứu tình trạng hồ sơ
      </Typography.Title>
      <Typography.Paragraph style={{ fontSize: 24 }} hidden={!!dossier}>
        {hasCamera
          ? 'Nhấn «Quét mã QR» và đưa giấy hẹn vào trước camera, hoặc chạm vào ô, nhập mã hồ sơ rồi nhấn «Tra cứu».'
          : 'Chạm vào ô, nhập mã hồ sơ trên giấy hẹn, rồi nhấn «Tra cứu».'}
      </Typography.Paragraph>
      {dossier ? (
        <div style={{ maxWidth: 1100 }}>
          <DossierStatusCard dossier={dossier} large />
          {dossier.status === 'returned' && dossier.timeline && key && (
            <KioskRating code={dossier.code} lookupKey={key} />
          )}
          <div style={{ display: 'flex', gap: 24, marginTop: 24, flexWrap: 'wrap' }}>
            <Button
              type="primary"
              onClick={reset}
              data-testid="kiosk-again"
              style={{ ...BIG, height: 84, fontSize: 30 }}
            >
              Tra cứu hồ sơ khác
            </Button>
            {!dossier.timeline && (
              <Button onClick={addKey} data-testid="kiosk-add-key" style={{ ...BIG, height: 84, fontSize: 30 }}>
                Nhập mã tra cứu
              </Button>
            )}
          </div>
        </div>
      ) : (
        <>
          <div style={{ display: 'flex', gap: 24, marginBottom: 24, flexWrap: 'wrap' }}>
            {display('code', 'Mã hồ sơ', code, 'Ví dụ: 000.00.20.H15-261128-0001')}
            {display('key', 'Mã tra cứu (nếu có)', key, 'Ví dụ: K7M2QX')}
          </div>
          {entry}
        </>
      )}
    </div>
  );
}
