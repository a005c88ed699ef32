/**
 * A duration from the page URL in whole seconds (`?idle=20`, `?refresh=5`), 1 s to 1 hour:
 * lets a hall screen set its own pace and lets tests run without waiting. Anything else,
 * or nothing, gives `fallbackMs`.
 */
export function secondsParamMs(search: string, name: string, fallbackMs: number): number {
  const raw = new URLSearchParams(search).get(name);
  if (raw === null || !/^\d+$/.test(raw)) return fallbackMs;
  const seconds = Number(raw);
  return seconds >= 1 && seconds <= 3600 ? seconds * 1000 : fallbackMs;
}
