import { Button } from 'antd';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '.', '0', '-'];
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ'.split('');

/** On-screen keys for a touch kiosk: digits and the code's punctuation, letters for unit codes and keys. */
export function KioskKeypad({ onKey, onBackspace, onClear, letters }: { onKey: (key: string) => void; onBackspace: () => void; onClear: () => void; letters: boolean }) {
  const key = (label: string, onClick: () => void, testId: string, wide = false) => (
    <Button key={testId} onClick={onClick} data-testid={testId} style={{ height: 84, fontSize: 34, gridColumn: wide ? 'span 2' : undefined }}>
      {label}
    </Button>
  );
  return (
    <div style={{ display: 'flex', gap: 24, flexWrap: 'wrap' }}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 110px)', gap: 12 }}>
        {DIGITS.map((d) => key(d, () => onKey(d), `key-${d}`))}
        {key('⌫', onBackspace, 'key-backspace')}
        {key('Xoá hết', onClear, 'key-clear', true)}
      </div>
      {letters && (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(6, 84px)', gap: 12, alignContent: 'start' }}>
          {LETTERS.map((l) => key(l, () => onKey(l), `key-${l}`))}
        </div>
      )}
    </div>
  );
}
