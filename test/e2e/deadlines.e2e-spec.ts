import { Global, Module, type INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { configureApp } from '../../apps/server/src/app.factory';
import { AppModule } from '../../apps/server/src/app.module';
import { seedDemo } from '../../apps/server/src/seed/demo.seed';
import { CLOCK, type Clock } from '../../libs/common/src';
import {
  APPOINTMENT_REMINDER,
  DeploymentService,
  JobKindRegistry,
  JobRunner,
  JobScheduler,
  NotificationService,
  RuntimeService,
} from '../../libs/workflow/src';
import type { TestServer } from '../support/test-app';
import { useTestEnvironment } from '../support/test-env';
import { CITY, db, fixture, signIn, type Api } from './workflow.helpers';

/** A clock the test moves by hand (Temporal-style time skipping). */
class FakeClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date): void {
    this.current = at;
  }
}

// Monday 2 June 2025, 08:00 in Vietnam: a working day, office open.
const T0 = new Date('2025-06-02T01:00:00.000Z');
const WARN_AT = new Date('2025-06-02T09:00:00.000Z'); // 16:00: a quarter of the day (2 working hours) before due
const DUE_AT = new Date('2025-06-03T01:00:00.000Z'); // Tuesday 08:00: one working day later
const clock = new FakeClock(T0);

@Global()
@Module({ providers: [{ provide: CLOCK, useValue: clock }], exports: [CLOCK] })
class FakeClockModule {}

interface DeadlineJson {
  id: string;
  kind: string;
  status: string;
  dueAt: string;
  taskId: string;
}

jest.setTimeout(60_000);

/** Feature: step deadlines — the assignee is warned before, the head is told at due time, and the inbox shows it. */
describe('step deadlines (e2e, fake clock, jobs run by hand)', () => {
  let app: INestApplication;
  let server: TestServer;
  let runtime: RuntimeService;
  let jobs: JobRunner;
  let specialist: Api;
  let head: Api;

  beforeAll(async () => {
    useTestEnvironment();
    process.env.RUN_WORKERS = 'false';
    process.env.QUEUE_PREFIX = 'test-deadlines';
    const moduleRef = await Test.createTestingModule({ imports: [AppModule, FakeClockModule] })
      .overrideProvider(CLOCK)
      .useValue(clock)
      .compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
    configureApp(app as NestExpressApplication);
    await app.init();
    await seedDemo(app);
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    server = { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
    await app.get(DeploymentService).deploy(fixture('deadline-step.bpmn'), 'admin', { skipUnchanged: true });
    runtime = app.get(RuntimeService);
    jobs = app.get(JobRunner);
    specialist = await signIn(server, 'specialist');
    head = await signIn(server, 'head');
  });
  afterAll(() => app?.close());

  const startStep = async (businessKey: string) => {
    clock.set(T0);
    const { instanceId } = await runtime.start(
      'deadline-step',
      { businessKey },
      { username: 'reception', unitCode: CITY },
    );
    const view = await runtime.get(instanceId);
    const deadlines = (view.deadlines as unknown as DeadlineJson[]).sort(
      (a, b) => new Date(a.dueAt).getTime() - new Date(b.dueAt).getTime(),
    );
    return { instanceId, task: view.tasks[0], deadlines };
  };
  type NotificationJson = {
    id: string;
    kind: string;
    title: string;
    body: string;
    businessKey: string;
    readAt: string | null;
  };
  /** This scenario's notifications, read page by page: other suites notify the same demo users (newest first). */
  const notificationsOf = async (api: Api, businessKey: string, query = '') => {
    const found: NotificationJson[] = [];
    for (let offset = 0; ; offset += 200) {
      const separator = query ? '&' : '?';
      const page = (await api.get(`/api/notifications${query}${separator}limit=200&offset=${offset}`).expect(200)).body;
      found.push(...(page.items as NotificationJson[]).filter((n) => n.businessKey === businessKey));
      if (offset + 200 >= page.total) return found;
    }
  };

  it('schedules a warning a quarter of the working time before due and the overdue job at due, with the task', async () => {
    // when
    const { task, deadlines } = await startStep('DL-PLAN');
    // then
    expect(task.dueAt).toEqual(DUE_AT);
    expect(deadlines).toEqual([
      expect.objectContaining({ kind: 'deadline.warning', status: 'pending', dueAt: WARN_AT, taskId: task.id }),
      expect.objectContaining({ kind: 'deadline.overdue', status: 'pending', dueAt: DUE_AT, taskId: task.id }),
    ]);
  });

  it('warns the assignee once, then flags the task overdue and tells the head of the unit', async () => {
    // given a claimed step
    const { instanceId, task, deadlines } = await startStep('DL-RUN');
    await specialist.post(`/api/tasks/${task.id}/claim`).expect(200);
    const [warning, overdue] = deadlines;

    // when the warning falls due and its job runs (twice: a redelivery)
    clock.set(WARN_AT);
    expect(await jobs.run(warning.id)).toEqual({ kind: 'done' });
    expect(await jobs.run(warning.id)).toEqual({ kind: 'skipped' });
    // then the assignee has one warning, in Vietnamese, and the head none yet
    expect(await notificationsOf(specialist, 'DL-RUN')).toEqual([
      expect.objectContaining({
        kind: 'deadline.warning',
        title: 'Sắp đến hạn: Thẩm định',
        body: expect.stringContaining('08:00 03/06/2025'),
        readAt: null,
      }),
    ]);
    expect(await notificationsOf(head, 'DL-RUN')).toEqual([]);
    expect((await specialist.get(`/api/tasks/${task.id}`).expect(200)).body).toMatchObject({
      overdue: false,
      overdueAt: null,
    });

    // when the step falls due and the overdue job runs
    clock.set(new Date(DUE_AT.getTime() + 1000));
    expect(await jobs.run(overdue.id)).toEqual({ kind: 'done' });
    // then the task is flagged, the inbox filter finds it, and the head is told
    const inbox = (await specialist.get('/api/tasks?overdue=true&procedure=deadline-step').expect(200)).body;
    expect(inbox.items).toContainEqual(
      expect.objectContaining({
        id: task.id,
        overdue: true,
        overdueAt: new Date(DUE_AT.getTime() + 1000).toISOString(),
      }),
    );
    const [notice] = await notificationsOf(head, 'DL-RUN');
    expect(notice).toMatchObject({
      kind: 'deadline.overdue',
      title: 'Quá hạn: Thẩm định',
      body: expect.stringContaining('do specialist xử lý'),
    });
    expect((await runtime.get(instanceId)).history).toContainEqual(
      expect.objectContaining({ type: 'task.overdue', taskId: task.id }),
    );

    // when the head reads it
    const read = (await head.post(`/api/notifications/${notice.id}/read`).expect(200)).body;
    // then it is read, gone from the unread list, and nobody else may mark it
    expect(read.readAt).not.toBeNull();
    expect(await notificationsOf(head, 'DL-RUN', '?unread=true')).toEqual([]);
    expect((await specialist.post(`/api/notifications/${notice.id}/read`).expect(404)).body.code).toBe(
      'NOTIFICATION_NOT_FOUND',
    );
    expect((await specialist.post('/api/notifications/not-a-uuid/read').expect(404)).body.code).toBe(
      'NOTIFICATION_NOT_FOUND',
    );
  });

  it('warns the officers of the groups while nobody has claimed the step', async () => {
    // given
    const { deadlines } = await startStep('DL-UNCLAIMED');
    // when
    clock.set(WARN_AT);
    await jobs.run(deadlines[0].id);
    // then
    expect(await notificationsOf(specialist, 'DL-UNCLAIMED')).toEqual([
      expect.objectContaining({ kind: 'deadline.warning' }),
    ]);
  });

  it('cancels the deadline jobs when the step is done, so their late delivery does nothing', async () => {
    // given
    const { instanceId, task, deadlines } = await startStep('DL-DONE');
    // when the step is completed in time
    clock.set(new Date(T0.getTime() + 3_600_000));
    await specialist.post(`/api/tasks/${task.id}/complete`, { variables: {} }).expect(200);
    // then its deadline jobs are cancelled, and delivering them anyway changes nothing
    const after = (await runtime.get(instanceId)).deadlines;
    expect(after.map((job) => [job.kind, job.status]).sort()).toEqual([
      ['deadline.overdue', 'cancelled'],
      ['deadline.warning', 'cancelled'],
    ]);
    clock.set(new Date(DUE_AT.getTime() + 1000));
    for (const job of deadlines) expect(await jobs.run(job.id)).toEqual({ kind: 'skipped' });
    expect(await notificationsOf(head, 'DL-DONE')).toEqual([]);
    const [row] = await db(server).query(`SELECT overdue_at FROM tasks WHERE id = $1`, [task.id]);
    expect(row.overdue_at).toBeNull();
  });

  it('runs a dossier-level appointment reminder through the job-kind registry, once', async () => {
    // given a handler for the kind (as libs/dossiers registers it) and a reminder scheduled with a dossier's instance
    const scheduler = app.get(JobScheduler);
    const notifications = app.get(NotificationService);
    let calls = 0;
    app.get(JobKindRegistry).register(APPOINTMENT_REMINDER, (job, workerId) =>
      runtime.transaction(async (tx) => {
        if (!(await scheduler.finish(tx, job.id, workerId))) return { kind: 'skipped' };
        calls++;
        await notifications.send(tx, [
          {
            recipient: 'leader',
            kind: job.kind,
            jobId: job.id,
            instanceId: job.instance_id,
            businessKey: 'DL-APPT',
            title: 'Cần thư xin lỗi và hẹn lại ngày trả',
          },
        ]);
        return { kind: 'done' };
      }),
    );
    const { instanceId } = await startStep('DL-APPT');
    const jobId = await runtime.transaction((tx) =>
      scheduler.schedule(tx, {
        kind: APPOINTMENT_REMINDER,
        instanceId,
        elementId: 'appointment',
        dueAt: new Date(DUE_AT.getTime() - 8 * 3_600_000),
      }),
    );
    // when it runs, and is delivered again
    expect(await jobs.run(jobId!)).toEqual({ kind: 'done' });
    expect(await jobs.run(jobId!)).toEqual({ kind: 'skipped' });
    // then the leader was asked once
    expect(calls).toBe(1);
    const leader = await signIn(server, 'leader');
    expect(await notificationsOf(leader, 'DL-APPT')).toEqual([
      expect.objectContaining({ kind: APPOINTMENT_REMINDER, title: 'Cần thư xin lỗi và hẹn lại ngày trả' }),
    ]);
  });

  it('needs a signed-in user and validates the query', async () => {
    await specialist.get('/api/notifications?unread=maybe').expect(400);
    await specialist.get('/api/notifications?limit=0').expect(400);
  });
});
