import { describe, expect, it } from '@jest/globals';
import { inboxKeyAction } from './inbox-keys';

const press = (
  key: string,
  target: unknown = null,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {},
) =>
  inboxKeyAction({ key, ctrlKey: false, metaKey: false, altKey: false, target: target as EventTarget | null, ...mods });

/** A stand-in for a DOM element: `closest` answers whether it sits inside one of the typing selectors. */
const element = (typing: boolean, editable = false) => ({
  isContentEditable: editable,
  closest: () => (typing ? {} : null),
});

describe('inbox keys', () => {
  it('maps j/k and the arrows, Enter, c, h, x and ? to their actions', () => {
    expect(['j', 'ArrowDown', 'k', 'ArrowUp', 'Enter', 'c', 'h', 'x', '?'].map((key) => press(key))).toEqual([
      'down',
      'down',
      'up',
      'up',
      'open',
      'claim',
      'complete',
      'select',
      'help',
    ]);
    expect(press('a')).toBeNull();
    expect(press('C')).toBeNull();
  });

  it('leaves typing and modifier chords alone', () => {
    expect(press('j', element(true))).toBeNull();
    expect(press('c', element(false, true))).toBeNull();
    expect(press('j', element(false))).toBe('down');
    // a checkbox ticked with the mouse keeps the focus: its keys are still the inbox's
    expect(press('j', { ...element(true), tagName: 'INPUT', type: 'checkbox' })).toBe('down');
    expect(press('j', { ...element(true), tagName: 'INPUT', type: 'text' })).toBeNull();
    expect(press('c', null, { ctrlKey: true })).toBeNull();
    expect(press('x', null, { metaKey: true })).toBeNull();
    expect(press('k', null, { altKey: true })).toBeNull();
  });
});
