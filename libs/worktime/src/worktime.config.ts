import { setting } from '../../config/src';

/** How long a process trusts its loaded calendar before reloading it (other processes' edits show up within this). */
export interface WorktimeConfig {
  refreshMs: number;
}

export const WORKTIME_CONFIG = Symbol('WORKTIME_CONFIG');

/** `CALENDAR_REFRESH_MS` (default 30 000; at least 1 000). */
export function worktimeConfig(env: NodeJS.ProcessEnv = process.env): WorktimeConfig {
  return { refreshMs: setting('CALENDAR_REFRESH_MS', env) };
}
