import { Test, type TestingModule } from '@nestjs/testing';
import { AppModule } from '../../apps/server/src/app.module';
import { CLOCK, type AuthUser, type Clock } from '../../libs/common/src';
import { IdentitySeeder } from '../../libs/identity/src';
import { DeploymentService, JobRunner, RuntimeService, TaskService } from '../../libs/workflow/src';
import { useTestEnvironment } from '../support/test-env';
import { CITY, fixture } from './workflow.helpers';

/** A clock the test moves by hand (Temporal-style time skipping). */
class FakeClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

const HOUR = 3_600_000;
const T0 = new Date('2025-06-02T01:00:00.000Z');
const clock = new FakeClock(T0);

const specialist: AuthUser = {
  id: 's',
  username: 'specialist',
  fullName: 'Lê Văn Minh',
  unitId: 'u',
  unitCode: CITY,
  roles: ['specialist'],
};

// Project-level testTimeout is not applied by jest 30 here; servers and fifty-user scenarios need more than 5 s.
jest.setTimeout(60_000);

/** Feature: deadlines and timers follow the injected clock (facades on real Postgres, no HTTP, no workers). */
describe('workflow with a fake clock (service level)', () => {
  let moduleRef: TestingModule;
  let runtime: RuntimeService;
  let tasks: TaskService;
  let jobs: JobRunner;

  beforeAll(async () => {
    useTestEnvironment();
    process.env.RUN_WORKERS = 'false';
    process.env.QUEUE_PREFIX = 'test-clock';
    moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(CLOCK)
      .useValue(clock)
      .compile();
    await moduleRef.init();
    await moduleRef.get(IdentitySeeder).seedDemo(process.env.DEMO_PASSWORD ?? 'motcua-demo');
    await moduleRef.get(DeploymentService).deploy(fixture('workflow-deadline.bpmn'), 'admin', { skipUnchanged: true });
    runtime = moduleRef.get(RuntimeService);
    tasks = moduleRef.get(TaskService);
    jobs = moduleRef.get(JobRunner);
  });
  afterAll(() => moduleRef?.close());

  it('dates the task and its timer from the clock, and the timer escalates when time has come', async () => {
    // given an instance started at T0
    const { instanceId } = await runtime.start(
      'review-deadline',
      { businessKey: 'CLOCK-1' },
      { username: 'admin', unitCode: CITY },
    );
    const started = await runtime.get(instanceId);
    // then the review is due two days later and the timer is set 48 hours later
    expect(started.tasks).toEqual([
      expect.objectContaining({
        elementId: 'Task_Review',
        createdAt: T0,
        dueAt: new Date(T0.getTime() + 48 * HOUR),
        overdue: false,
      }),
    ]);
    expect(started.jobs).toEqual([
      expect.objectContaining({ kind: 'timer', status: 'pending', dueAt: new Date(T0.getTime() + 48 * HOUR) }),
    ]);

    // when 49 hours pass, the task shows overdue in the inbox
    clock.advance(49 * HOUR);
    const inbox = await tasks.inbox(specialist, { overdue: true, procedure: 'review-deadline', limit: 50, offset: 0 });
    expect(inbox.items.map((t) => t.instanceId)).toContain(instanceId);

    // and when the timer job runs
    expect(await jobs.run(started.jobs[0].id)).toEqual({ kind: 'done' });
    // then the review is cancelled and the head has a task created at the fired time
    const escalated = await runtime.get(instanceId);
    const now = new Date(T0.getTime() + 49 * HOUR);
    expect(escalated.tasks).toEqual([
      expect.objectContaining({ elementId: 'Task_Review', status: 'cancelled' }),
      // 4 working hours from Wednesday 09:00 (Vietnam) skip the lunch break: due at 15:00
      expect.objectContaining({
        elementId: 'Task_Escalated',
        status: 'open',
        createdAt: now,
        dueAt: new Date(now.getTime() + 6 * HOUR),
      }),
    ]);
    expect(escalated.history).toContainEqual(
      expect.objectContaining({ type: 'timer.fired', at: now, elementId: 'Timer_Overdue' }),
    );
    // and a second delivery of the same job does nothing
    expect(await jobs.run(started.jobs[0].id)).toEqual({ kind: 'skipped' });
  });

  it('cancels the timer when the task is done in time, so its late delivery does nothing', async () => {
    // given
    const { instanceId } = await runtime.start('review-deadline', {}, { username: 'admin', unitCode: CITY });
    const [task] = (await runtime.get(instanceId)).tasks;
    // when the specialist completes it within the deadline
    clock.advance(2 * HOUR);
    const done = await tasks.complete(specialist, task.id, { approved: true });
    // then
    expect(done).toMatchObject({ status: 'completed', completedBy: 'specialist', assignee: 'specialist' });
    const finished = await runtime.get(instanceId);
    expect(finished.status).toBe('completed');
    expect(finished.jobs).toEqual([expect.objectContaining({ kind: 'timer', status: 'cancelled' })]);
    clock.advance(48 * HOUR);
    expect(await jobs.run(finished.jobs[0].id)).toEqual({ kind: 'skipped' });
    expect((await runtime.get(instanceId)).history.filter((h) => h.type === 'timer.fired')).toEqual([]);
  });

  it("starts an instance inside a caller's transaction, all or nothing", async () => {
    // given a caller writing its own row and starting an instance in one transaction, then failing
    const failing = runtime.transaction(async (tx) => {
      const started = await runtime.start(
        'review-deadline',
        { businessKey: 'TX-ROLLBACK' },
        { username: 'admin', unitCode: CITY },
        { tx },
      );
      await tx.rows('SELECT 1');
      throw Object.assign(new Error('dossier code taken'), { instanceId: started.instanceId });
    });
    // then nothing of the command remains
    const error = await failing.catch((e: { instanceId: string }) => e);
    await expect(runtime.get(error.instanceId)).rejects.toMatchObject({ code: 'INSTANCE_NOT_FOUND' });

    // when the transaction commits, the instance and its timer are there
    const { instanceId } = await runtime.transaction((tx) =>
      runtime.start('review-deadline', { businessKey: 'TX-COMMIT' }, { username: 'admin', unitCode: CITY }, { tx }),
    );
    const view = await runtime.get(instanceId);
    expect(view).toMatchObject({ businessKey: 'TX-COMMIT', status: 'running' });
    expect(view.jobs).toEqual([expect.objectContaining({ kind: 'timer', status: 'pending' })]);
  });
});
