import { JobReconciler, JobRunner, ServiceTaskRegistry, BpmnError } from '../../libs/workflow/src';
import { JobQueue } from '../../libs/workflow/src/jobs/job.queue';
import { startTestServer, type TestServer } from '../support/test-app';
import { db, eventually, fixture, signIn, withKey, type Api, type TaskJson } from './workflow.helpers';

interface InstanceJson {
  id: string;
  status: string;
  variables: Record<string, unknown>;
  tasks: TaskJson[];
  jobs: { id: string; status: string; attempts: number; maxAttempts: number; lastError: string | null }[];
  incidents: { id: string; code: string; status: string; jobId: string | null; resolvedBy: string | null }[];
  history: { type: string; actor?: string; elementId: string | null }[];
}

// Project-level testTimeout is not applied by jest 30 here; servers and fifty-user scenarios need more than 5 s.
jest.setTimeout(60_000);

/** Feature: timers and service tasks run on BullMQ from the jobs table — retried, reconciled, never lost or doubled. */
describe('workflow jobs (e2e)', () => {
  let server: TestServer;
  let admin: Api;
  let registry: ServiceTaskRegistry;
  const savedBackoff = process.env.JOB_BACKOFF_MS;

  /** Deploys the service-task fixture under its own key and topic. */
  const deployService = async (key: string) => {
    await admin
      .deployXml(withKey(withKey(fixture('workflow-service-task.bpmn'), 'service-task', key), 'svc-topic', key))
      .expect(201);
  };
  const start = async (key: string, variables: Record<string, unknown> = {}) =>
    (await admin.post('/api/instances', { definitionKey: key, variables }).expect(201)).body.id as string;
  const instance = async (id: string) => (await admin.get(`/api/instances/${id}`).expect(200)).body as InstanceJson;
  const openAt = (view: InstanceJson, elementId: string) =>
    view.tasks.find((t) => t.elementId === elementId && t.status === 'open');

  beforeAll(async () => {
    process.env.JOB_BACKOFF_MS = '20';
    server = await startTestServer();
    admin = await signIn(server, 'admin');
    registry = server.app.get(ServiceTaskRegistry);
  });
  afterAll(async () => {
    await server?.close();
    if (savedBackoff === undefined) delete process.env.JOB_BACKOFF_MS;
    else process.env.JOB_BACKOFF_MS = savedBackoff;
  });

  it('runs a service task once and moves on with the variables it returned', async () => {
    // given
    const calls: unknown[] = [];
    registry.register('svc-ok', async (ctx) => {
      calls.push(ctx);
      return { registered: true };
    });
    await deployService('svc-ok');
    // when
    const id = await start('svc-ok', { applicant: 'Nguyễn Văn A' });
    // then
    const view = await eventually(async () => {
      const current = await instance(id);
      return openAt(current, 'Task_After') && current;
    });
    expect(view.variables).toMatchObject({ applicant: 'Nguyễn Văn A', registered: true });
    expect(view.jobs).toEqual([expect.objectContaining({ status: 'done', attempts: 1 })]);
    expect(calls).toEqual([
      expect.objectContaining({
        instanceId: id,
        elementId: 'Task_Call',
        attempt: 1,
        variables: { applicant: 'Nguyễn Văn A' },
      }),
    ]);
  });

  it('retries a failing handler, opens an incident after the last attempt, and an admin retry completes it with nothing lost', async () => {
    // given a handler that fails until told otherwise
    let healthy = false;
    let calls = 0;
    registry.register('svc-flaky', async () => {
      calls++;
      if (!healthy) throw new Error('registry unavailable');
      return { certificateNo: 'HKD-0001' };
    });
    await deployService('svc-flaky');
    // when
    const id = await start('svc-flaky');
    // then after three attempts the instance shows an incident
    const failed = await eventually(async () => {
      const current = await instance(id);
      return current.status === 'incident' && current;
    });
    expect(calls).toBe(3);
    expect(failed.incidents).toEqual([
      expect.objectContaining({ code: 'JOB_FAILED', status: 'open', jobId: failed.jobs[0].id }),
    ]);
    expect(failed.jobs).toEqual([
      expect.objectContaining({ status: 'failed', attempts: 3, maxAttempts: 3, lastError: 'registry unavailable' }),
    ]);
    expect(failed.history.filter((h) => h.type === 'job.failed')).toHaveLength(2);
    expect(failed.history.filter((h) => h.type === 'incident.created')).toHaveLength(1);
    const listed = await admin.get('/api/incidents').expect(200);
    expect(listed.body.items).toContainEqual(expect.objectContaining({ id: failed.incidents[0].id, instanceId: id }));
    const reception = await signIn(server, 'reception');
    expect((await reception.get('/api/incidents')).status).toBe(403);

    // when the service is back and an admin retries
    healthy = true;
    const retried = await admin.post(`/api/incidents/${failed.incidents[0].id}/retry`).expect(200);
    expect(retried.body).toMatchObject({ status: 'resolved', resolvedBy: 'admin' });
    // then the instance moves on with the handler's result, after exactly one more call
    const done = await eventually(async () => {
      const current = await instance(id);
      return openAt(current, 'Task_After') && current;
    });
    expect(calls).toBe(4);
    expect(done.status).toBe('running');
    expect(done.variables.certificateNo).toBe('HKD-0001');
    expect(done.jobs).toEqual([expect.objectContaining({ status: 'done', attempts: 1 })]);
    expect(done.history).toContainEqual(expect.objectContaining({ type: 'incident.resolved', actor: 'admin' }));
    // and retrying a resolved incident is refused
    const again = await admin.post(`/api/incidents/${failed.incidents[0].id}/retry`).expect(409);
    expect(again.body.code).toBe('INCIDENT_NOT_OPEN');
    expect((await admin.post('/api/incidents/not-a-uuid/retry').expect(404)).body.code).toBe('INCIDENT_NOT_FOUND');
  });

  it('opens HANDLER_NOT_FOUND for a topic nobody handles, without crashing; registering a handler and retrying completes it', async () => {
    // given
    await deployService('svc-missing');
    const id = await start('svc-missing');
    // when
    const failed = await eventually(async () => {
      const current = await instance(id);
      return current.status === 'incident' && current;
    });
    // then
    expect(failed.incidents).toEqual([expect.objectContaining({ code: 'HANDLER_NOT_FOUND', status: 'open' })]);
    registry.register('svc-missing', async () => undefined);
    await admin.post(`/api/incidents/${failed.incidents[0].id}/retry`).expect(200);
    await eventually(async () => openAt(await instance(id), 'Task_After'));
  });

  it('follows the error boundary when the handler throws a BpmnError', async () => {
    // given
    registry.register('svc-reject', async () => {
      throw new BpmnError('REJECTED', 'Tên hộ kinh doanh trùng');
    });
    await deployService('svc-reject');
    // when
    const id = await start('svc-reject');
    // then
    const view = await eventually(async () => {
      const current = await instance(id);
      return openAt(current, 'Task_Rejected') && current;
    });
    expect(view.status).toBe('running');
    expect(view.jobs).toEqual([expect.objectContaining({ status: 'done' })]);
    expect(view.history).toContainEqual(
      expect.objectContaining({ type: 'error.caught', elementId: 'Boundary_Rejected' }),
    );
  });

  it('opens a retryable incident for a BPMN error no boundary catches', async () => {
    // given a handler raising an error code the diagram does not catch, once
    let raise = true;
    registry.register('svc-uncaught', async () => {
      if (raise) throw new BpmnError('NOT_IN_DIAGRAM');
      return { ok: true };
    });
    await deployService('svc-uncaught');
    const id = await start('svc-uncaught');
    // when
    const failed = await eventually(async () => {
      const current = await instance(id);
      return current.status === 'incident' && current;
    });
    // then the incident points at the job, which stays retryable
    expect(failed.incidents).toEqual([expect.objectContaining({ code: 'ERROR_UNCAUGHT', jobId: failed.jobs[0].id })]);
    expect(failed.jobs).toEqual([expect.objectContaining({ status: 'failed' })]);
    raise = false;
    await admin.post(`/api/incidents/${failed.incidents[0].id}/retry`).expect(200);
    const done = await eventually(async () => {
      const current = await instance(id);
      return openAt(current, 'Task_After') && current;
    });
    expect(done.status).toBe('running');
  });

  it('fires a timer from BullMQ when it falls due', async () => {
    // given
    await admin.deployXml(fixture('workflow-timer.bpmn')).expect(201);
    // when
    const id = await start('timer-wait');
    const waiting = await instance(id);
    expect(waiting.jobs).toEqual([expect.objectContaining({ status: 'pending' })]);
    // then
    const fired = await eventually(async () => {
      const current = await instance(id);
      return openAt(current, 'Task_After') && current;
    }, 10_000);
    expect(fired.jobs).toEqual([expect.objectContaining({ status: 'done' })]);
    expect(fired.history).toContainEqual(expect.objectContaining({ type: 'timer.fired', elementId: 'Timer_Wait' }));
  });

  it('runs exactly once a job that was committed but never reached Redis, when the reconciler finds it', async () => {
    // given a job row whose BullMQ entry is lost (queue paused, then drained, as after a Redis flush)
    let calls = 0;
    registry.register('svc-lost', async () => {
      calls++;
      return undefined;
    });
    await deployService('svc-lost');
    const queue = server.app.get(JobQueue).bullQueue;
    await queue.pause();
    const id = await start('svc-lost');
    await queue.drain(true);
    await queue.resume();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls).toBe(0);
    expect((await instance(id)).jobs).toEqual([expect.objectContaining({ status: 'pending' })]);
    // when the reconciler runs (several times, as several processes would)
    const reconciler = server.app.get(JobReconciler);
    expect(await reconciler.reconcileNow()).toBeGreaterThanOrEqual(1);
    await eventually(async () => openAt(await instance(id), 'Task_After'));
    await Promise.all([reconciler.reconcileNow(), reconciler.reconcileNow()]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // then the handler ran exactly once and a late duplicate delivery does nothing
    expect(calls).toBe(1);
    const jobId = (await instance(id)).jobs[0].id;
    expect(await server.app.get(JobRunner).run(jobId)).toEqual({ kind: 'skipped' });
    expect(calls).toBe(1);
  });

  it('takes over a job whose worker died (lock expired) on the next reconcile', async () => {
    // given a job left running by a worker that vanished
    let calls = 0;
    registry.register('svc-orphan', async () => {
      calls++;
      return undefined;
    });
    await deployService('svc-orphan');
    const queue = server.app.get(JobQueue).bullQueue;
    await queue.pause();
    const id = await start('svc-orphan');
    await queue.drain(true);
    await queue.resume();
    const jobId = (await instance(id)).jobs[0].id;
    await db(server).query(
      `UPDATE jobs SET status = 'running', locked_by = 'dead-worker', locked_until = now() - interval '1 second', attempts = 1 WHERE id = $1`,
      [jobId],
    );
    // when
    await server.app.get(JobReconciler).reconcileNow();
    // then
    const view = await eventually(async () => {
      const current = await instance(id);
      return openAt(current, 'Task_After') && current;
    });
    expect(calls).toBe(1);
    expect(view.jobs).toEqual([expect.objectContaining({ status: 'done', attempts: 2 })]);
  });

  it('shares the work between two processes on one queue: every job runs once', async () => {
    // given a second server on the same queue prefix, with the same handler
    const second = await startTestServer({ queuePrefix: process.env.QUEUE_PREFIX });
    try {
      const calls = new Map<string, number>();
      const handler = async (ctx: { jobId: string }) => {
        calls.set(ctx.jobId, (calls.get(ctx.jobId) ?? 0) + 1);
        return undefined;
      };
      registry.register('svc-shared', handler);
      second.app.get(ServiceTaskRegistry).register('svc-shared', handler);
      await deployService('svc-shared');
      // when twenty instances start
      const ids = await Promise.all(Array.from({ length: 20 }, () => start('svc-shared')));
      // then every instance moved on, each job handled exactly once
      for (const id of ids) await eventually(async () => openAt(await instance(id), 'Task_After'));
      expect(calls.size).toBe(20);
      expect([...calls.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await second.close();
    }
  });
});
