import { jwtSettings } from './jwt.config';

describe('jwtSettings', () => {
  it('reads JWT_SECRET and defaults the lifetime to 8h', () => {
    const warn = jest.fn();
    expect(jwtSettings({ JWT_SECRET: 's3cret' }, warn)).toEqual({ secret: 's3cret', ttl: '8h' });
    expect(warn).not.toHaveBeenCalled();
  });

  it.each([
    ['3600', 3600],
    ['30m', '30m'],
    [' 12 h ', '12h'],
  ])('reads JWT_TTL %p as %p', (JWT_TTL, ttl) => {
    expect(jwtSettings({ JWT_SECRET: 'x', JWT_TTL }, jest.fn()).ttl).toEqual(ttl);
  });

  it('refuses a JWT_TTL that is not a duration', () => {
    expect(() => jwtSettings({ JWT_SECRET: 'x', JWT_TTL: 'eight hours' }, jest.fn())).toThrow(/JWT_TTL/);
  });

  it('outside production, generates a random secret per start and warns', () => {
    // given no secret
    const warn = jest.fn();
    // when
    const first = jwtSettings({ NODE_ENV: 'development' }, warn);
    const second = jwtSettings({}, warn);
    // then
    expect(first.secret).toHaveLength(43);
    expect(first.secret).not.toBe(second.secret);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('in production, refuses to start without a secret', () => {
    expect(() => jwtSettings({ NODE_ENV: 'production' }, jest.fn())).toThrow('JWT_SECRET must be set in production');
  });
});
