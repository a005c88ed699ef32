/** How long a process trusts its loaded calendar before reloading it (other processes' edits show up within this). */
export interface WorktimeConfig {
  refreshMs: number;
}

export const WORKTIME_CONFIG = Symbol('WORKTIME_CONFIG');

/** `CALENDAR_REFRESH_MS` (default 30 000; at least 1 000). */
export function worktimeConfig(env: NodeJS.ProcessEnv = process.env): WorktimeConfig {
  const refreshMs = Number(env.CALENDAR_REFRESH_MS ?? 30_000);
  return { refreshMs: Number.isFinite(refreshMs) ? Math.max(1_000, refreshMs) : 30_000 };
}
