import { LOGIN_THROTTLE, loginThrottledError, pairDelayMs } from './login-throttle.policy';

describe('login throttle policy', () => {
  it('lets five failures through, then doubles the wait from 15 s up to 15 minutes', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 40].map((failures) => pairDelayMs(failures) / 1000);
    expect(delays).toEqual([0, 0, 0, 0, 15, 30, 60, 120, 240, 480, 900, 900, 900]);
  });

  it('allows 20 failed logins per address in 15 minutes', () => {
    expect(LOGIN_THROTTLE).toMatchObject({ addressLimit: 20, addressWindowMs: 900_000 });
  });

  it('answers 429 LOGIN_THROTTLED with the seconds to wait and when', () => {
    // given
    const now = new Date('2026-12-07T03:00:00Z');
    // when
    const error = loginThrottledError(14_200, now);
    // then
    expect(error).toMatchObject({ status: 429, code: 'LOGIN_THROTTLED' });
    expect(error.details).toEqual({ retryAfterSeconds: 15, retryAt: '2026-12-07T03:00:15.000Z' });
  });
});
