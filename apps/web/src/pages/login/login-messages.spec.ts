import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../../api/client';
import { credentialErrorMessage, waitText } from './login-messages';

describe('sign-in messages', () => {
  it.each([
    [15, '15 giây'],
    [59.2, '60 giây'],
    [60, '1 phút'],
    [61, '2 phút'],
    [900, '15 phút'],
    [3600, '1 giờ'],
    [3900, '1 giờ 5 phút'],
  ])('waits %p s → %p', (seconds, text) => {
    expect(waitText(seconds)).toBe(text);
  });

  it('says in Vietnamese how long a throttled login must wait', () => {
    const error = new ApiError(429, 'LOGIN_THROTTLED', 'Too many failed logins from this address; try again in 30 s', {
      retryAfterSeconds: 30,
      retryAt: '2026-12-07T03:00:30.000Z',
    });
    expect(credentialErrorMessage(error)).toBe(
      'Đã nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau 30 giây, hoặc liên hệ quản trị viên để được mở khóa.',
    );
  });

  it("never shows the server's English for wrong credentials", () => {
    expect(credentialErrorMessage(new ApiError(401, 'AUTH_INVALID_CREDENTIALS', 'Wrong username or password'))).toBe(
      'Tên đăng nhập hoặc mật khẩu không đúng.',
    );
  });
});
