import type { CSSProperties } from 'react';

/**
 * Looks of native controls on the citizen pages (antd's default theme), for pages that would rather
 * not load antd's Select, Input or Button: a <select>, an <input> and a link or button styled alike.
 * 16 px text, so a phone does not zoom in when the field gets focus; 44 px tall, a thumb's target.
 */
export const publicInput: CSSProperties = {
  width: '100%',
  boxSizing: 'border-box',
  minHeight: 44,
  padding: '8px 11px',
  fontSize: 16,
  lineHeight: 1.5,
  color: 'rgba(0,0,0,0.88)',
  background: '#fff',
  border: '1px solid #d9d9d9',
  borderRadius: 8,
  fontFamily: 'inherit',
};

/** A primary action (`<button>` or `<a>`): antd's primary blue. */
export const publicPrimaryButton: CSSProperties = {
  display: 'inline-flex',
  alignItems: 'center',
  justifyContent: 'center',
  gap: 8,
  minHeight: 44,
  padding: '8px 20px',
  fontSize: 16,
  fontWeight: 500,
  color: '#fff',
  background: '#1677ff',
  border: '1px solid #1677ff',
  borderRadius: 8,
  textDecoration: 'none',
  cursor: 'pointer',
  fontFamily: 'inherit',
  boxSizing: 'border-box',
};

/** A secondary action: white with a border. */
export const publicDefaultButton: CSSProperties = {
  ...publicPrimaryButton,
  color: 'rgba(0,0,0,0.88)',
  background: '#fff',
  border: '1px solid #d9d9d9',
};

/** An action that reads as a link (antd's Button type="link"): blue text, no border, a thumb's height. */
export const publicLinkButton: CSSProperties = {
  display: 'inline-flex',
  alignItems: 'center',
  minHeight: 44,
  padding: '4px 8px',
  fontSize: 'inherit',
  color: '#1677ff',
  background: 'transparent',
  border: 'none',
  borderRadius: 6,
  cursor: 'pointer',
  fontFamily: 'inherit',
  textAlign: 'left',
};

/** How a control looks while it cannot be used (sending, nothing to send yet). */
export function disabledLook(style: CSSProperties, disabled: boolean | undefined): CSSProperties {
  return disabled ? { ...style, opacity: 0.6, cursor: 'not-allowed' } : style;
}
