const DAY_MS = 86_400_000;

/** The Mondays (YYYY-MM-DD) of the weeks that meet the days `from`..`to` (weeks run Monday to Sunday). */
export function weeksOf(from: string, to: string): string[] {
  const first = new Date(`${from}T00:00:00Z`);
  const monday = new Date(first.getTime() - ((first.getUTCDay() + 6) % 7) * DAY_MS);
  const last = new Date(`${to}T00:00:00Z`).getTime();
  const weeks: string[] = [];
  for (let at = monday.getTime(); at <= last; at += 7 * DAY_MS) weeks.push(new Date(at).toISOString().slice(0, 10));
  return weeks;
}

/** Days from `from` to `to`, both counted. */
export const daysIn = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
