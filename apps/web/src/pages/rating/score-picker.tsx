import { SCORE_LABELS } from './rating.api';

/** antd's default theme tokens this picker uses, as constants: the page needs nothing of antd. */
const token = {
  marginLG: 24,
  paddingXS: 8,
  borderRadiusLG: 8,
  colorPrimary: '#1677ff',
  colorError: '#ff4d4f',
  colorBorder: '#d9d9d9',
  colorBgContainer: '#ffffff',
  colorText: 'rgba(0,0,0,0.88)',
  colorTextHeading: 'rgba(0,0,0,0.88)',
  colorTextSecondary: 'rgba(0,0,0,0.45)',
} as const;

/**
 * Five buttons 1–5 for one criterion (a radio group to assistive technology), the chosen level named
 * under them. Plain buttons, not antd's Radio or Rate: the page stays within the public bundle budget.
 */
export function ScorePicker({
  id,
  label,
  value,
  onChange,
  size = 48,
  missing,
}: {
  id: string;
  label: string;
  value: number | undefined;
  onChange: (score: number) => void;
  size?: number;
  missing?: boolean;
}) {
  return (
    <div style={{ marginBottom: token.marginLG }} data-testid={`score-${id}`}>
      <div id={`${id}-label`} style={{ color: token.colorTextHeading, paddingBottom: token.paddingXS }}>
        {label}
      </div>
      <div role="radiogroup" aria-labelledby={`${id}-label`} style={{ display: 'flex', gap: 8 }}>
        {[1, 2, 3, 4, 5].map((score) => {
          const chosen = value === score;
          return (
            <button
              key={score}
              type="button"
              role="radio"
              aria-checked={chosen}
              aria-label={`${score} – ${SCORE_LABELS[score]}`}
              data-testid={`score-${id}-${score}`}
              onClick={() => onChange(score)}
              style={{
                width: size,
                height: size,
                fontSize: size / 2.4,
                fontWeight: 600,
                borderRadius: token.borderRadiusLG,
                border: `2px solid ${chosen ? token.colorPrimary : missing ? token.colorError : token.colorBorder}`,
                background: chosen ? token.colorPrimary : token.colorBgContainer,
                color: chosen ? '#fff' : token.colorText,
                cursor: 'pointer',
              }}
            >
              {score}
            </button>
          );
        })}
      </div>
      <div style={{ minHeight: 22, color: missing && !value ? token.colorError : token.colorTextSecondary }}>
        {value ? SCORE_LABELS[value] : missing ? 'Chọn một mức từ 1 đến 5' : '1: Rất không hài lòng … 5: Rất hài lòng'}
      </div>
    </div>
  );
}
