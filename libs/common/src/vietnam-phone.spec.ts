import { normaliseVietnamMobile } from './vietnam-phone';

describe('Vietnamese mobile numbers (the citizens sign-in and the desk share one rule)', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['0912 345 678', '0912345678'],
    ['091.234.5678', '0912345678'],
    ['+84912345678', '0912345678'],
    ['+84 912-345-678', '0912345678'],
    ['84912345678', '0912345678'],
    ['0387654321', '0387654321'],
  ])('reads %s as %s', (typed, stored) => {
    expect(normaliseVietnamMobile(typed)).toBe(stored);
  });

  it.each([
    '',
    '0212345678',
    '091234567',
    '09123456789',
    '+1 415 555 0100',
    '0912345678x',
    12345,
    null,
    '0'.repeat(40),
  ])('refuses %p', (typed) => {
    expect(normaliseVietnamMobile(typed)).toBeUndefined();
  });
});
