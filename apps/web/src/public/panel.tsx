import { theme } from 'antd';
import type { CSSProperties, HTMLAttributes, ReactNode } from 'react';

interface PanelProps extends Omit<HTMLAttributes<HTMLDivElement>, 'title'> {
  title?: ReactNode;
  /** Padding of the body (24 px, as antd's Card). */
  bodyPadding?: CSSProperties['padding'];
  'data-testid'?: string;
}

/**
 * A card for the public pages: looks like antd's Card but is a bordered box, because antd's Card
 * imports Tabs, and Tabs the menu and dropdown (≈ 35 KB gzipped) that a citizen on /tra-cuu never
 * uses (issue 18 item 8: first load ≤ 200 KB). Staff pages keep antd's Card.
 */
export function Panel({ title, bodyPadding = 24, style, children, ...rest }: PanelProps) {
  const { token } = theme.useToken();
  return (
    <div
      {...rest}
      style={{
        background: token.colorBgContainer,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
        color: token.colorText,
        ...style,
      }}
    >
      {title && (
        <div
          style={{
            padding: '0 24px',
            minHeight: 56,
            display: 'flex',
            alignItems: 'center',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            fontWeight: token.fontWeightStrong,
            fontSize: token.fontSizeLG,
          }}
        >
          {title}
        </div>
      )}
      <div style={{ padding: bodyPadding }}>{children}</div>
    </div>
  );
}

/** A page heading and its line of explanation, as antd's Typography.Title level 2 and Text type="secondary" look, without Typography's tooltip, editor and copy button. */
export function PageHeading({ title, children }: { title: ReactNode; children?: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <div>
      <h2
        style={{
          margin: 0,
          color: token.colorTextHeading,
          fontSize: token.fontSizeHeading2,
          lineHeight: token.lineHeightHeading2,
          fontWeight: token.fontWeightStrong,
        }}
      >
        {title}
      </h2>
      {children && <span style={{ color: token.colorTextSecondary }}>{children}</span>}
    </div>
  );
}

/** A labelled input of a public form, with its error under it (antd's Form.Item look, without rc-form and its validator). */
export function Field({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  error?: string;
  children: ReactNode;
}) {
  const { token } = theme.useToken();
  return (
    <div style={{ marginBottom: token.marginLG }}>
      <label htmlFor={id} style={{ display: 'block', paddingBottom: token.paddingXS, color: token.colorTextHeading }}>
        {label}
      </label>
      {children}
      {error && (
        <div role="alert" style={{ color: token.colorError }}>
          {error}
        </div>
      )}
    </div>
  );
}
