import { describe, expect, it } from '@jest/globals';
import { secondsParamMs } from './seconds-param';

describe('secondsParamMs', () => {
  it('gives the fallback when the parameter is absent', () => {
    expect(secondsParamMs('', 'idle', 60_000)).toBe(60_000);
    expect(secondsParamMs('?refresh=5', 'idle', 60_000)).toBe(60_000);
  });

  it('reads whole seconds from 1 to 3600', () => {
    expect(secondsParamMs('?idle=2', 'idle', 60_000)).toBe(2_000);
    expect(secondsParamMs('?foo=1&idle=3600', 'idle', 60_000)).toBe(3_600_000);
  });

  it.each(['?idle=0', '?idle=3601', '?idle=-5', '?idle=1.5', '?idle=abc', '?idle=', '?idle=1e3'])(
    'ignores %s',
    (search) => {
      expect(secondsParamMs(search, 'idle', 60_000)).toBe(60_000);
    },
  );
});
