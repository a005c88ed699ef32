import { accountLockedError, isLockedOut, LOCKOUT_POLICY } from './lockout.policy';

describe('lockout policy', () => {
  const now = new Date('2025-06-02T03:00:00Z');

  it('locks after 5 failures for 15 minutes', () => {
    expect(LOCKOUT_POLICY).toEqual({ maxFailedLogins: 5, lockSeconds: 900 });
  });

  it.each([
    [null, false],
    [new Date('2025-06-02T02:59:59Z'), false],
    [new Date('2025-06-02T03:00:00Z'), false],
    [new Date('2025-06-02T03:00:01Z'), true],
  ])('locked_until %p → locked %p', (lockedUntil, locked) => {
    expect(isLockedOut(lockedUntil, now)).toBe(locked);
  });

  it('answers 423 AUTH_LOCKED saying when to retry, in Vietnam time and ISO', () => {
    // given a lock until 10:15 in Hà Nội (03:15 UTC)
    const until = new Date('2025-06-02T03:15:00Z');
    // when
    const error = accountLockedError(until, now);
    // then
    expect(error.status).toBe(423);
    expect(error.code).toBe('AUTH_LOCKED');
    expect(error.message).toContain('10:15');
    expect(error.message).toContain('2025-06-02T03:15:00.000Z');
    expect(error.details).toEqual({ retryAt: '2025-06-02T03:15:00.000Z', retryAfterSeconds: 900 });
  });
});
