import type { LoginResponse } from './api.types';
import { request } from './client';

/** `POST /api/auth/login`. */
export function login(username: string, password: string): Promise<LoginResponse> {
  return request<LoginResponse>('/api/auth/login', { method: 'POST', body: { username, password } });
}
