import { Global, Module } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/server/src/app.module';
import { CLOCK, type Clock } from '../../libs/common/src';
import { IdentitySeeder } from '../../libs/identity/src';
import { DeploymentService, JobRunner, RuntimeService } from '../../libs/workflow/src';
import { useTestEnvironment } from '../support/test-env';
import { CITY, fixture, withKey } from './workflow.helpers';

class FakeClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date): void {
    this.current = at;
  }
}

const HOUR = 3_600_000;
const T0 = new Date('2025-06-02T01:00:00.000Z');
const clock = new FakeClock(T0);

@Global()
@Module({ providers: [{ provide: CLOCK, useValue: clock }], exports: [CLOCK] })
class FakeClockModule {}

const reception = { username: 'reception', unitCode: CITY };

jest.setTimeout(60_000);

/** Feature: BPMN timers on the persistence layer — boundary, event-based gateway, timer start; jobs run by hand with a fake clock. */
describe('BPMN timers (e2e, fake clock)', () => {
  let moduleRef: TestingModule;
  let deployments: DeploymentService;
  let runtime: RuntimeService;
  let jobs: JobRunner;

  beforeAll(async () => {
    useTestEnvironment();
    process.env.RUN_WORKERS = 'false';
    process.env.QUEUE_PREFIX = 'test-timers-bpmn';
    moduleRef = await Test.createTestingModule({ imports: [AppModule, FakeClockModule] })
      .overrideProvider(CLOCK)
      .useValue(clock)
      .compile();
    await moduleRef.init();
    await moduleRef.get(IdentitySeeder).seedDemo(process.env.DEMO_PASSWORD ?? 'motcua-demo');
    deployments = moduleRef.get(DeploymentService);
    runtime = moduleRef.get(RuntimeService);
    jobs = moduleRef.get(JobRunner);
    await deployments.deploy(withKey(fixture('timer-boundary.bpmn'), 'timer-boundary', 'tm-boundary'), 'admin');
    await deployments.deploy(withKey(fixture('event-based-gateway.bpmn'), 'event-based-gateway', 'tm-race'), 'admin');
  });
  afterAll(() => moduleRef?.close());

  const start = async (key: string) => {
    clock.set(T0);
    return (await runtime.start(key, { businessKey: key }, reception)).instanceId;
  };
  const jobAt = async (instanceId: string, elementId: string, status = 'pending') => {
    const job = (await runtime.get(instanceId)).jobs.find((j) => j.elementId === elementId && j.status === status);
    if (!job) throw new Error(`no ${status} job at ${elementId}`);
    return job;
  };
  const tasksOf = async (instanceId: string) =>
    (await runtime.get(instanceId)).tasks.map((t) => [t.elementId, t.status]);

  describe('a timer boundary event on a user task', () => {
    it('interrupting: fires at its time, cancels the step and runs the escalation path', async () => {
      // given a step with an eight-hour interrupting deadline and an hourly reminder
      const id = await start('tm-boundary');
      const deadline = await jobAt(id, 'Boundary_Deadline');
      expect(deadline.dueAt).toEqual(new Date(T0.getTime() + 8 * HOUR));
      // when the deadline fires
      clock.set(new Date(T0.getTime() + 8 * HOUR));
      expect(await jobs.run(deadline.id)).toEqual({ kind: 'done' });
      // then the step is cancelled, the head has the escalation, and the reminder timer is gone
      expect(await tasksOf(id)).toEqual([
        ['Task_Step', 'cancelled'],
        ['Task_Escalate', 'open'],
      ]);
      const view = await runtime.get(id);
      expect(view.jobs.filter((j) => j.elementId === 'Boundary_Remind').map((j) => j.status)).toEqual(['cancelled']);
      expect(view.history).toContainEqual(
        expect.objectContaining({ type: 'timer.fired', elementId: 'Boundary_Deadline' }),
      );
    });

    it('non-interrupting: leaves the step open, adds a parallel path, and schedules the next repetition', async () => {
      // given
      const id = await start('tm-boundary');
      const remind = await jobAt(id, 'Boundary_Remind');
      expect(remind.dueAt).toEqual(new Date(T0.getTime() + HOUR));
      // when the hourly reminder fires
      clock.set(new Date(T0.getTime() + HOUR));
      expect(await jobs.run(remind.id)).toEqual({ kind: 'done' });
      // then the step is still open, the reminder's service task is queued alongside, and the second repetition is set
      expect(await tasksOf(id)).toEqual([['Task_Step', 'open']]);
      const view = await runtime.get(id);
      expect(view.jobs).toContainEqual(
        expect.objectContaining({
          kind: 'service',
          elementId: 'Service_Remind',
          topic: 'send-reminder',
          status: 'pending',
        }),
      );
      expect(view.jobs).toContainEqual(
        expect.objectContaining({
          elementId: 'Boundary_Remind',
          status: 'pending',
          dueAt: new Date(T0.getTime() + 2 * HOUR),
        }),
      );
      expect(view.jobs).toContainEqual(expect.objectContaining({ elementId: 'Boundary_Deadline', status: 'pending' }));
    });
  });

  describe('an event-based gateway racing a message against a timer', () => {
    it('takes the message when the citizen brings the supplement first; the timer is cancelled', async () => {
      // given
      const id = await start('tm-race');
      const timeout = await jobAt(id, 'Catch_Timeout');
      // when
      await runtime.correlateMessage({ instanceId: id }, 'supplement', { supplied: true }, reception);
      // then
      expect(await tasksOf(id)).toEqual([['Task_Process', 'open']]);
      expect((await runtime.get(id)).jobs).toEqual([expect.objectContaining({ id: timeout.id, status: 'cancelled' })]);
      expect(await jobs.run(timeout.id)).toEqual({ kind: 'skipped' });
    });

    it('takes the timer when the request lapses; a late message finds nothing waiting', async () => {
      // given
      const id = await start('tm-race');
      const timeout = await jobAt(id, 'Catch_Timeout');
      // when
      clock.set(new Date(T0.getTime() + 48 * HOUR));
      expect(await jobs.run(timeout.id)).toEqual({ kind: 'done' });
      // then
      const view = await runtime.get(id);
      expect(view.status).toBe('completed');
      expect(view.tasks).toEqual([]);
      expect(view.history).toContainEqual(expect.objectContaining({ type: 'flow.taken', elementId: 'Flow_Timer' }));
      expect(view.history).not.toContainEqual(expect.objectContaining({ type: 'flow.taken', elementId: 'Flow_Msg' }));
      await expect(runtime.correlateMessage({ instanceId: id }, 'supplement', {}, reception)).rejects.toMatchObject({
        code: 'INSTANCE_NOT_RUNNING',
      });
    });
  });

  describe('a timer start event with a cycle', () => {
    const timerStartJobs = async (key: string) =>
      (await moduleRef.get(DataSource).query(
        `SELECT j.id, j.status, j.due_at, j.payload, d.version FROM jobs j JOIN process_definitions d ON d.id = j.definition_id
         WHERE j.kind = 'timer.start' AND d.key = $1 ORDER BY j.created_at, j.due_at`,
        [key],
      )) as {
        id: string;
        status: string;
        due_at: Date;
        payload: { remaining: number | null; unitCode: string };
        version: number;
      }[];
    const instancesOf = async (key: string) =>
      (await moduleRef
        .get(DataSource)
        .query(`SELECT id, unit_code, version FROM process_instances WHERE definition_key = $1`, [key])) as {
        unit_code: string;
        version: number;
      }[];

    it("is scheduled at deploy, starts an instance in the deployer's unit when it fires, and schedules the next occurrence", async () => {
      // given a daily process deployed by an administrator of the city
      clock.set(T0);
      await deployments.deploy(withKey(fixture('timer-start.bpmn'), 'timer-start', 'tm-daily'), 'admin', {
        unitCode: CITY,
      });
      const [first] = await timerStartJobs('tm-daily');
      expect(first).toMatchObject({
        status: 'pending',
        due_at: new Date(T0.getTime() + 24 * HOUR),
        payload: { remaining: null, unitCode: CITY },
      });
      // when the day has come and the job runs (twice: a redelivery)
      clock.set(first.due_at);
      expect(await jobs.run(first.id)).toEqual({ kind: 'done' });
      expect(await jobs.run(first.id)).toEqual({ kind: 'skipped' });
      // then one instance started, in the city, and the next day is scheduled
      expect(await instancesOf('tm-daily')).toEqual([expect.objectContaining({ unit_code: CITY, version: 1 })]);
      const [, second] = await timerStartJobs('tm-daily');
      expect(second).toMatchObject({ status: 'pending', due_at: new Date(T0.getTime() + 48 * HOUR), version: 1 });
    });

    it('is replaced by the schedule of a new version', async () => {
      // given a pending occurrence of version 1
      clock.set(T0);
      await deployments.deploy(withKey(fixture('timer-start.bpmn'), 'timer-start', 'tm-weekly'), 'admin', {
        unitCode: CITY,
      });
      const [old] = await timerStartJobs('tm-weekly');
      // when version 2 is deployed
      await deployments.deploy(
        withKey(fixture('timer-start.bpmn'), 'timer-start', 'tm-weekly').replace('R/P1D', 'R3/PT12H'),
        'admin',
        { unitCode: CITY },
      );
      // then version 1's occurrence is cancelled and does nothing if delivered; version 2's is pending
      const after = await timerStartJobs('tm-weekly');
      expect(after.map((job) => [job.version, job.status])).toEqual([
        [1, 'cancelled'],
        [2, 'pending'],
      ]);
      expect(after[1]).toMatchObject({ due_at: new Date(T0.getTime() + 12 * HOUR), payload: { remaining: 2 } });
      expect(await jobs.run(old.id)).toEqual({ kind: 'skipped' });
      expect(await instancesOf('tm-weekly')).toEqual([]);
    });
  });

  describe('bad input', () => {
    const withTimer = (definition: string) =>
      withKey(fixture('event-based-gateway.bpmn'), 'event-based-gateway', 'tm-bad').replace(
        /<bpmn:timeDuration[^>]*>PT48H<\/bpmn:timeDuration>/,
        definition,
      );

    it.each([
      ['an invalid ISO duration', '<bpmn:timeDuration>PT5X</bpmn:timeDuration>'],
      ['an unparseable cycle', '<bpmn:timeCycle>every day at 8</bpmn:timeCycle>'],
    ])('refuses %s at deploy, naming the element (400 BPMN_INVALID)', async (_, definition) => {
      // when
      const refused = await deployments.deploy(withTimer(definition), 'admin').catch((error: unknown) => error);
      // then
      expect(refused).toMatchObject({ status: 400, code: 'BPMN_INVALID' });
      expect((refused as { details: unknown[] }).details).toContainEqual(
        expect.objectContaining({ elementId: 'Catch_Timeout' }),
      );
    });
  });
});
