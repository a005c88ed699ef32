import type { Client } from 'pg';
import { lookupKeyFor } from './data/applicants';
import { accountName } from './data/template.compiler';
import { hammer, timed, type HttpRate } from './size-http';
import { login } from './size-server';

/** Lookup paths of 5,000 sampled dossiers: ⅔ with the receipt's key (masked name + timeline), ⅓ by code alone. */
export async function lookupPaths(db: Client): Promise<string[]> {
  const { rows } = await db.query<{ code: string }>(`SELECT code FROM dossiers TABLESAMPLE SYSTEM (0.5) LIMIT 5000`);
  return rows.map(({ code }, i) =>
    i % 3 === 2 ? `/api/public/dossiers/${code}` : `/api/public/dossiers/${code}?key=${lookupKeyFor(code)}`,
  );
}

/** Public lookup against /health: same server, same run, autocannon with `connections` for `seconds` each. */
export async function measureLookup(
  url: string,
  db: Client,
  options: { seconds: number; connections: number },
): Promise<{ health: HttpRate; lookup: HttpRate }> {
  const lookups = await lookupPaths(db);
  const check = await fetch(`${url}${lookups[0]}`).then(
    (r) => r.json() as Promise<{ applicantName?: string; status?: string }>,
  );
  if (!check.status || (lookups[0].includes('key=') && !check.applicantName))
    throw new Error(`lookup does not answer with the generated key: ${JSON.stringify(check)}`);
  await hammer(url, lookups, { seconds: 3, connections: options.connections }); // warm-up
  const health = await hammer(url, ['/health'], options);
  const lookup = await hammer(url, lookups, options);
  return { health, lookup };
}

export const INBOX_PATHS = [
  '/api/tasks?limit=20',
  '/api/tasks?limit=20&overdue=true',
  '/api/tasks?limit=20&assignee=me',
];

/** The units holding the most open steps, and a token for each of their reception, specialist and head officers. */
export async function busiestInboxes(
  url: string,
  db: Client,
): Promise<{ busiest: { unit_code: string; n: number }[]; tokens: string[] }> {
  const { rows: busiest } = await db.query<{ unit_code: string; n: number }>(
    `SELECT unit_code, count(*)::int AS n FROM tasks WHERE status = 'open' GROUP BY 1 ORDER BY 2 DESC LIMIT 4`,
  );
  const tokens: string[] = [];
  for (const { unit_code: unit } of busiest)
    for (const role of ['reception', 'specialist', 'head']) tokens.push(await login(url, accountName(role, unit)));
  return { busiest, tokens };
}

/** Inbox latency: 600 requests, 4 in flight, the officers of the busiest units on their first page and two filters. */
export async function measureInbox(url: string, db: Client) {
  const { busiest, tokens } = await busiestInboxes(url, db);
  const requests = tokens.flatMap((token) => INBOX_PATHS.map((path) => ({ path, token })));
  await timed(url, requests, { count: 60, concurrency: 2 }); // warm-up
  const inbox = await timed(url, requests, { count: 600, concurrency: 4 });
  return { busiest, inbox };
}
