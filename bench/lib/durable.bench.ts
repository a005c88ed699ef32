import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../libs/common/src';
import { UsersService } from '../../libs/identity/src';
import { DeploymentService, RuntimeService, TaskService } from '../../libs/workflow/src';
import { rate, runConcurrently, type Rate } from './phases';

/** The demo user who may complete a task of each candidate group (four-steps.bpmn). */
const USER_FOR_GROUP: Record<string, string> = {
  reception: 'reception',
  specialist: 'specialist',
  head: 'head',
  leader: 'leader',
};

interface OpenTask {
  id: string;
  group: string;
}

async function openTasks(dataSource: DataSource, instanceIds: string[]): Promise<OpenTask[]> {
  const rows: { id: string; candidate_groups: string[] }[] = await dataSource.query(
    `SELECT id, candidate_groups FROM tasks WHERE instance_id = ANY($1::uuid[]) AND status = 'open'`,
    [instanceIds],
  );
  return rows.map((row) => ({ id: row.id, group: row.candidate_groups[0] }));
}

/**
 * Durable completions: every completion is one engine command committed to Postgres (state,
 * task rows, history). Instances are started first (not timed), then each of the four steps is
 * completed for all instances at once, `concurrency` in flight; only the completions are timed.
 */
export async function durableRate(
  app: INestApplication,
  xml: string,
  options: { instances: number; concurrency: number; via: 'in-process' | 'http'; url?: string },
): Promise<{ completions: Rate; starts: Rate }> {
  const dataSource = app.get(DataSource);
  const deployed = await app.get(DeploymentService).deploy(xml, 'bench', { skipUnchanged: true });
  const usersService = app.get(UsersService);
  const users: Record<string, AuthUser> = {};
  for (const [group, username] of Object.entries(USER_FOR_GROUP)) {
    const user = await usersService.findByUsername(username);
    if (!user) throw new Error(`Demo user ${username} is missing: seed the demo data first`);
    users[group] = user;
  }
  const tokens = options.via === 'http' ? await loginAll(options.url!, Object.values(USER_FOR_GROUP)) : {};
  const admin = options.via === 'http' ? (await loginAll(options.url!, ['admin'])).admin : '';

  const instanceIds: string[] = [];
  const runtime = app.get(RuntimeService);
  const indexes = Array.from({ length: options.instances }, (_, i) => i);
  const startSeconds = await runConcurrently(indexes, options.concurrency, async (i) => {
    if (options.via === 'http') {
      const body = await post(options.url!, '/api/instances', admin, {
        definitionKey: deployed.key,
        businessKey: `BENCH-${i}`,
      });
      instanceIds.push(body.id as string);
    } else {
      const change = await runtime.start(
        deployed.key,
        { businessKey: `BENCH-${i}` },
        { username: 'admin', unitCode: users.reception.unitCode },
      );
      instanceIds.push(change.instanceId);
    }
  });

  const tasks = app.get(TaskService);
  let completions = 0;
  let seconds = 0;
  for (;;) {
    const open = await openTasks(dataSource, instanceIds);
    if (open.length === 0) break;
    seconds += await runConcurrently(open, options.concurrency, async (task) => {
      if (options.via === 'http') {
        await post(options.url!, `/api/tasks/${task.id}/complete`, tokens[USER_FOR_GROUP[task.group]], {
          variables: {},
        });
      } else {
        await tasks.complete(users[task.group], task.id, {});
      }
      completions++;
    });
  }
  return { completions: rate(completions, seconds), starts: rate(instanceIds.length, startSeconds) };
}

async function loginAll(url: string, usernames: string[]): Promise<Record<string, string>> {
  const password = process.env.DEMO_PASSWORD ?? 'motcua-demo';
  const tokens: Record<string, string> = {};
  for (const username of usernames) {
    const body = await post(url, '/api/auth/login', '', { username, password });
    tokens[username] = body.accessToken as string;
  }
  return tokens;
}

async function post(url: string, path: string, token: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${path} → ${response.status} ${JSON.stringify(json)}`);
  return json;
}
