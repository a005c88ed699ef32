import { useEffect, useMemo, useRef } from 'react';
import { secondsParamMs } from '../lookup/seconds-param';

/** Back to the start screen after this long without a touch, so the next citizen sees nothing of the last. */
const KIOSK_IDLE_MS = 60_000;

/** Calls `reset` after the idle timeout (`?idle=<s>`, default 60 s) with no touch or key, whatever is on screen. */
export function useIdleReset(reset: () => void): void {
  const idleMs = useMemo(() => secondsParamMs(window.location.search, 'idle', KIOSK_IDLE_MS), []);
  const idle = useRef<number>(undefined);
  useEffect(() => {
    const touched = () => {
      window.clearTimeout(idle.current);
      idle.current = window.setTimeout(reset, idleMs);
    };
    touched();
    const events = ['pointerdown', 'keydown'] as const;
    events.forEach((e) => window.addEventListener(e, touched));
    return () => {
      window.clearTimeout(idle.current);
      events.forEach((e) => window.removeEventListener(e, touched));
    };
  }, [reset, idleMs]);
}

export interface HardwareKeys {
  /** A character the keypad has (digit, letter, `.`, `-`), upper-cased. */
  onChar(char: string): void;
  onBackspace(): void;
  /** Enter, with everything typed since the last Enter: a USB QR scanner types the QR's text, then Enter. */
  onEnter(typed: string): void;
}

/** A hardware keyboard or a USB QR scanner (it types like a keyboard) on the kiosk. */
export function useHardwareKeys(keys: HardwareKeys): void {
  const latest = useRef(keys);
  useEffect(() => {
    latest.current = keys;
  }, [keys]);
  useEffect(() => {
    let typed = '';
    const pressed = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'Enter') {
        e.preventDefault(); // not also a click on the on-screen key that has the focus
        latest.current.onEnter(typed);
        typed = '';
      } else if (e.key === 'Backspace') {
        typed = typed.slice(0, -1);
        latest.current.onBackspace();
      } else if (e.key.length === 1) {
        typed = (typed + e.key).slice(-500);
        const char = e.key.toUpperCase();
        if (/^[0-9A-Z.-]$/.test(char)) latest.current.onChar(char);
      }
    };
    window.addEventListener('keydown', pressed);
    return () => window.removeEventListener('keydown', pressed);
  }, []);
}
