import type { App } from 'antd';
import { ApiError } from './client';

type MessageInstance = ReturnType<typeof App.useApp>['message'];

/**
 * Shows the server's message (e.g. 409 TASK_ALREADY_CLAIMED) as an antd toast. A 401 is left
 * out: the session has ended and the login page already says so.
 */
export function reportError(message: MessageInstance, cause: unknown): void {
  if (cause instanceof ApiError && cause.statusCode === 401) return;
  if (cause instanceof ApiError && TASK_MESSAGES[cause.code]) return void message.error(TASK_MESSAGES[cause.code]);
  message.error(cause instanceof Error ? cause.message : String(cause));
}

/** Vietnamese text for the task codes whose server message is not meant for the officer as it is. */
const TASK_MESSAGES: Record<string, string> = {
  TASK_DESK_ACTION: 'Bước này được hoàn thành bằng thao tác một cửa trên trang hồ sơ (Yêu cầu bổ sung / Đã nhận bổ sung, hoặc Xin lỗi, hẹn lại), không hoàn thành từ hộp công việc.',
};
