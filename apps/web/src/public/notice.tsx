import type { ReactNode } from 'react';

const TONES = {
  warning: { color: '#ad6800', background: '#fffbe6', border: '#ffe58f', icon: '!' },
  error: { color: '#a8071a', background: '#fff2f0', border: '#ffccc7', icon: '×' },
  info: { color: '#0958d9', background: '#e6f4ff', border: '#91caff', icon: 'i' },
  success: { color: '#389e0d', background: '#f6ffed', border: '#b7eb8f', icon: '✓' },
} as const;

/**
 * A message box of the citizen pages, as antd's Alert with showIcon looks, in plain markup: the
 * pages that load nothing else of antd do not download Alert and its icons (issue 18 item 8).
 */
export function Notice({
  type = 'warning',
  children,
  'data-testid': testId,
}: {
  type?: keyof typeof TONES;
  children: ReactNode;
  'data-testid'?: string;
}) {
  const tone = TONES[type];
  return (
    <div
      role="alert"
      data-testid={testId}
      style={{
        display: 'flex',
        gap: 8,
        alignItems: 'flex-start',
        padding: '8px 12px',
        background: tone.background,
        border: `1px solid ${tone.border}`,
        borderRadius: 8,
        color: 'rgba(0,0,0,0.88)',
        lineHeight: 1.5715,
      }}
    >
      <span
        aria-hidden
        style={{
          flex: 'none',
          width: 16,
          height: 16,
          marginTop: 3,
          borderRadius: '50%',
          background: tone.color,
          color: '#fff',
          fontSize: 11,
          fontWeight: 700,
          lineHeight: '16px',
          textAlign: 'center',
        }}
      >
        {tone.icon}
      </span>
      <span>{children}</span>
    </div>
  );
}
