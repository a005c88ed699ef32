import { ApiError } from '../../api/client';

/** "15 giây", "3 phút", "1 giờ 5 phút": the wait a throttled login must sit out. */
export function waitText(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} giây`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} phút`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} giờ ${minutes % 60} phút` : `${hours} giờ`;
}

/** Vietnamese for the codes a sign-in or a password change can meet (the server words them in English). */
export function credentialErrorMessage(cause: unknown): string {
  if (!(cause instanceof ApiError)) return 'Đăng nhập không thành công.';
  switch (cause.code) {
    case 'AUTH_INVALID_CREDENTIALS':
      return 'Tên đăng nhập hoặc mật khẩu không đúng.';
    case 'CURRENT_PASSWORD_WRONG':
      return 'Mật khẩu hiện tại không đúng.';
    case 'LOGIN_THROTTLED': {
      const seconds = (cause.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 60;
      return `Đã nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau ${waitText(seconds)}, hoặc liên hệ quản trị viên để được mở khóa.`;
    }
    default:
      return cause.message;
  }
}
