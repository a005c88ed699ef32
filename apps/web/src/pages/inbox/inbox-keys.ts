import { useEffect, useRef } from 'react';

/** What a key does in the inbox (issue 19 item 1, "keyboard use"). */
export type InboxKeyAction = 'down' | 'up' | 'open' | 'claim' | 'complete' | 'select' | 'help';

/** The keys, as the "?" panel lists them. */
export const INBOX_KEYS: { keys: string[]; action: InboxKeyAction; label: string }[] = [
  { keys: ['j', '↓'], action: 'down', label: 'Xuống công việc tiếp theo' },
  { keys: ['k', '↑'], action: 'up', label: 'Lên công việc trước' },
  { keys: ['Enter'], action: 'open', label: 'Mở hồ sơ của công việc' },
  { keys: ['c'], action: 'claim', label: 'Nhận việc' },
  { keys: ['h'], action: 'complete', label: 'Hoàn thành (mở hộp thoại hoàn thành)' },
  { keys: ['x'], action: 'select', label: 'Chọn / bỏ chọn để xử lý hàng loạt' },
  { keys: ['?'], action: 'help', label: 'Hiện bảng phím tắt này' },
];

const BY_KEY: Record<string, InboxKeyAction> = {
  j: 'down',
  ArrowDown: 'down',
  k: 'up',
  ArrowUp: 'up',
  Enter: 'open',
  c: 'claim',
  h: 'complete',
  x: 'select',
  '?': 'help',
};

/** Inputs that take no typing: a key pressed on a ticked checkbox is still the inbox's. */
const NOT_TYPED = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

/** Where a key is the officer's typing, never a shortcut: text inputs, text areas, selects, editable text, open menus. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  if (element.tagName === 'INPUT' && NOT_TYPED.has((element as HTMLInputElement).type)) return false;
  return !!element.closest('input, textarea, select, [contenteditable="true"], [role="combobox"], [role="textbox"]');
}

/** The action of a key press, or null: modifier chords and typing are left alone. */
export function inboxKeyAction(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}): InboxKeyAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTypingTarget(event.target)) return null;
  return BY_KEY[event.key] ?? null;
}

/**
 * Listens on the document while `enabled` (no dialog open): a dialog's own keys (Enter in a form,
 * "c" typed in an opinion) never reach the inbox.
 */
export function useInboxKeys(enabled: boolean, onAction: (action: InboxKeyAction) => void): void {
  const handler = useRef(onAction);
  handler.current = onAction;
  useEffect(() => {
    if (!enabled) return;
    const listen = (event: KeyboardEvent) => {
      // A button or link keeps Enter for itself (it is clicked).
      if (event.key === 'Enter' && (event.target as Element | null)?.closest?.('button, a')) return;
      const action = inboxKeyAction(event);
      if (!action) return;
      event.preventDefault();
      handler.current(action);
    };
    document.addEventListener('keydown', listen);
    return () => document.removeEventListener('keydown', listen);
  }, [enabled]);
}
