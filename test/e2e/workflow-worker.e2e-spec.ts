import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { ServiceTaskRegistry } from '../../libs/workflow/src';
import { startTestServer, type TestServer } from '../support/test-app';
import { eventually, fixture, signIn, withKey, type Api, type TaskJson } from './workflow.helpers';

// Project-level testTimeout is not applied by jest 30 here; servers need more than 5 s.
jest.setTimeout(60_000);

/** Feature: apps/worker runs the jobs of an HTTP server that runs none (scale-out, DESIGN §1). */
describe('apps/worker (e2e)', () => {
  let server: TestServer;
  let worker: INestApplicationContext | undefined;
  let admin: Api;

  beforeAll(async () => {
    server = await startTestServer({ runWorkers: false });
    admin = await signIn(server, 'admin');
  });
  afterAll(async () => {
    await worker?.close();
    await server?.close();
  });

  it('leaves jobs pending without workers, and the worker process runs them', async () => {
    // given a server without workers and a service task of the built-in topic "notify"
    await admin
      .deployXml(
        withKey(withKey(fixture('workflow-service-task.bpmn'), 'service-task', 'svc-worker'), 'svc-topic', 'notify'),
      )
      .expect(201);
    const id = (await admin.post('/api/instances', { definitionKey: 'svc-worker' }).expect(201)).body.id as string;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await admin.get(`/api/instances/${id}`)).body.jobs).toEqual([
      expect.objectContaining({ status: 'pending' }),
    ]);

    // when a worker process starts on the same queue (as apps/worker/src/main.ts does)
    process.env.RUN_WORKERS = 'true';
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();

    // then the job runs there, once
    const done = await eventually(async () => {
      const view = (await admin.get(`/api/instances/${id}`)).body;
      return view.tasks.some((t: TaskJson) => t.elementId === 'Task_After') && view;
    });
    expect(done.jobs).toEqual([expect.objectContaining({ status: 'done', attempts: 1 })]);
    expect(done.variables.lastNotification).toMatchObject({ elementId: 'Task_Call' });
    expect(worker.get(ServiceTaskRegistry).topics()).toEqual(expect.arrayContaining(['log', 'noop', 'notify']));
  });
});
