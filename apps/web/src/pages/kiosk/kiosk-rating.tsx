import { Alert } from 'antd';
import { useState } from 'react';
import { rateDossier, ratingErrorText, SCORE_LABELS } from '../rating/rating.api';

const COLORS = ['#cf1322', '#fa541c', '#faad14', '#52c41a', '#237804'];

/**
 * At the kiosk, after a lookup with the key of a dossier whose result was returned: one overall
 * score on five big buttons (ADR 0030). The answer replaces the buttons; the idle reset clears it.
 */
export function KioskRating({ code, lookupKey }: { code: string; lookupKey: string }) {
  const [sending, setSending] = useState(false);
  const [thanks, setThanks] = useState<string>();
  const [error, setError] = useState<string>();

  const rate = async (overall: number) => {
    setSending(true);
    setError(undefined);
    try {
      await rateDossier(code, { key: lookupKey, channel: 'kiosk', overall });
      setThanks(`Cảm ơn ông/bà đã đánh giá: ${SCORE_LABELS[overall]}.`);
    } catch (e) {
      setError(ratingErrorText(e));
    } finally {
      setSending(false);
    }
  };

  if (thanks)
    return (
      <Alert
        type="success"
        showIcon
        data-testid="kiosk-rating-done"
        message={<span style={{ fontSize: 28 }}>{thanks}</span>}
        style={{ marginTop: 24 }}
      />
    );
  return (
    <div style={{ marginTop: 24 }} data-testid="kiosk-rating">
      <div style={{ fontSize: 28, fontWeight: 600, marginBottom: 16 }}>
        Ông/bà hài lòng thế nào với việc giải quyết hồ sơ này?
      </div>
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
        {[1, 2, 3, 4, 5].map((score) => (
          <button
            key={score}
            type="button"
            disabled={sending}
            data-testid={`kiosk-rate-${score}`}
            onClick={() => rate(score)}
            style={{
              width: 180,
              height: 140,
              borderRadius: 16,
              border: 'none',
              background: COLORS[score - 1],
              color: '#fff',
              cursor: 'pointer',
              display: 'flex',
              flexDirection: 'column',
              alignItems: 'center',
              justifyContent: 'center',
              gap: 4,
            }}
          >
            <span style={{ fontSize: 52, fontWeight: 700, lineHeight: 1 }}>{score}</span>
            <span style={{ fontSize: 20 }}>{SCORE_LABELS[score]}</span>
          </button>
        ))}
      </div>
      {error && (
        <Alert
          type="warning"
          showIcon
          data-testid="kiosk-rating-error"
          message={<span style={{ fontSize: 24 }}>{error}</span>}
          style={{ marginTop: 16 }}
        />
      )}
    </div>
  );
}
