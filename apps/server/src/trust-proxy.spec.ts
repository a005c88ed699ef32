import { trustProxySetting } from './trust-proxy';

describe('trustProxySetting (TRUST_PROXY)', () => {
  it('is off unless set', () => {
    expect(trustProxySetting(undefined)).toBe(false);
    expect(trustProxySetting(' ')).toBe(false);
    expect(trustProxySetting('false')).toBe(false);
  });

  it('reads a hop count or a list of proxy addresses and ranges', () => {
    expect(trustProxySetting('1')).toBe(1);
    expect(trustProxySetting('127.0.0.1/32, 10.0.0.0/8,::1, fd00::/8 ,loopback')).toEqual([
      '127.0.0.1/32',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it.each(['true', 'yes', '10.0.0.0/33', '10.0.0/8', '1.2.3.4/8/1', 'proxy.internal', '99', '1,', '-1'])(
    'stops the start on %p with a message',
    (value) => {
      expect(() => trustProxySetting(value)).toThrow(/^TRUST_PROXY: /);
    },
  );
});
