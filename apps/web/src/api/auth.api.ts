import type { LoginResponse } from './api.types';
import { request } from './client';
import type { Schemas } from './schemas';

/** `POST /api/auth/login`. */
export function login(username: string, password: string): Promise<LoginResponse> {
  return request<LoginResponse>('/api/auth/login', { method: 'POST', body: { username, password } });
}

/**
 * `POST /api/auth/password`: answers the new token (every older one has ended); 400
 * `CURRENT_PASSWORD_WRONG`, `PASSWORD_WEAK` (message says what to fix), `PASSWORD_UNCHANGED`;
 * 429 `LOGIN_THROTTLED`.
 */
export function changePassword(currentPassword: string, newPassword: string): Promise<Schemas['PasswordChangedDto']> {
  return request<Schemas['PasswordChangedDto']>('/api/auth/password', {
    method: 'POST',
    body: { currentPassword, newPassword },
  });
}
