import { describe, expect, it } from '@jest/globals';
import { dueState, formatDateTime } from './due-state';

describe('dueState', () => {
  const now = new Date('2025-03-10T08:00:00+07:00');

  it('is overdue once the due time has passed', () => {
    // given a task due one minute ago
    const dueAt = '2025-03-10T07:59:00+07:00';
    // when / then
    expect(dueState(dueAt, now)).toBe('overdue');
  });

  it("follows the server's overdue flag even when the browser's clock is behind", () => {
    // given a task the server flagged overdue, due in two hours by this browser's clock
    const dueAt = '2025-03-10T10:00:00+07:00';
    // when / then
    expect(dueState(dueAt, now, true)).toBe('overdue');
    expect(dueState(dueAt, now, false)).toBe('due_soon');
  });

  it('is due soon within 24 hours', () => {
    // given a task due in 23 hours
    const dueAt = '2025-03-11T07:00:00+07:00';
    // when / then
    expect(dueState(dueAt, now)).toBe('due_soon');
  });

  it('is on time beyond 24 hours', () => {
    // given a task due in two days
    const dueAt = '2025-03-12T08:00:00+07:00';
    // when / then
    expect(dueState(dueAt, now)).toBe('on_time');
  });

  it('has no state without a due time', () => {
    // given / when / then
    expect(dueState(null, now)).toBe('none');
  });
});

describe('formatDateTime', () => {
  it('formats dd/MM/yyyy HH:mm in Vietnam time, whatever the device time zone', () => {
    // given an instant due at 11:00 on Monday in Hà Nội (04:00 UTC)
    const iso = '2026-11-30T04:00:00.000Z';
    // when
    const text = formatDateTime(iso);
    // then
    expect(text).toBe('30/11/2026 11:00');
  });

  it('crosses midnight into the Vietnamese day', () => {
    expect(formatDateTime('2025-01-04T17:30:00Z')).toBe('05/01/2025 00:30');
  });

  it('prints nothing for a missing or invalid date', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('not a date')).toBe('');
  });
});
