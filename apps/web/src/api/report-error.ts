import type { App } from 'antd';
import { ApiError } from './client';

type MessageInstance = ReturnType<typeof App.useApp>['message'];

/**
 * Shows an error's Vietnamese message (client.ts words every API error code) as an antd toast. A 401 is left
 * out: the session has ended and the login page already says so.
 */
export function reportError(message: MessageInstance, cause: unknown): void {
  if (cause instanceof ApiError && cause.statusCode === 401) return;
  message.error(cause instanceof Error ? cause.message : String(cause));
}
