import { Button } from 'antd';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '.', '0', '-'];
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ'.split('');

/**
 * On-screen keys for a touch kiosk: digits and the code's punctuation, letters for unit codes and keys.
 * Keys grow to 110 px (digits) / 84 px (letters) and shrink with the screen, so a portrait tablet
 * keeps digits and letters side by side; below that the letters wrap under the digits.
 */
export function KioskKeypad({
  onKey,
  onBackspace,
  onClear,
  letters,
}: {
  onKey: (key: string) => void;
  onBackspace: () => void;
  onClear: () => void;
  letters: boolean;
}) {
  const key = (label: string, onClick: () => void, testId: string, wide = false) => (
    <Button
      key={testId}
      onClick={onClick}
      data-testid={testId}
      style={{ height: 84, fontSize: 34, padding: 0, gridColumn: wide ? 'span 2' : undefined }}
    >
      {label}
    </Button>
  );
  return (
    <div style={{ display: 'flex', gap: 24, flexWrap: 'wrap', width: '100%', maxWidth: 942 }}>
      <div
        style={{
          flex: '3 1 0',
          minWidth: 200,
          maxWidth: 354,
          display: 'grid',
          gridTemplateColumns: 'repeat(3, minmax(0, 1fr))',
          gap: 12,
          alignContent: 'start',
        }}
      >
        {DIGITS.map((d) => key(d, () => onKey(d), `key-${d}`))}
        {key('⌫', onBackspace, 'key-backspace')}
        {key('Xoá hết', onClear, 'key-clear', true)}
      </div>
      {letters && (
        <div
          style={{
            flex: '6 1 0',
            minWidth: 300,
            maxWidth: 564,
            display: 'grid',
            gridTemplateColumns: 'repeat(6, minmax(0, 1fr))',
            gap: 12,
            alignContent: 'start',
          }}
        >
          {LETTERS.map((l) => key(l, () => onKey(l), `key-${l}`))}
        </div>
      )}
    </div>
  );
}
