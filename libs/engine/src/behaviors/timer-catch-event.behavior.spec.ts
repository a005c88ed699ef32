import { Engine } from '../index';
import { InstanceDriver, loadModel, testContext } from '../__tests__/engine.harness';

describe('timer intermediate catch event', () => {
  it('schedules a timer job due after its ISO duration', async () => {
    // given / when
    const instance = await InstanceDriver.start('timer-catch.bpmn');

    // then
    expect(instance.openJobs()).toEqual([
      { id: expect.any(String), kind: 'timer', elementId: 'Timer_Wall', dueAt: '2025-03-03T03:00:00.000Z' },
    ]);
  });

  it('counts mc:workingTime durations with ctx.workingTime, and dates as they are', async () => {
    // given
    const model = await loadModel('timer-catch.bpmn');
    const ctx = { ...testContext(), workingTime: { add: jest.fn(() => new Date('2025-03-04T02:00:00.000Z')) } };
    const started = Engine.start(model, {}, ctx);
    const wall = started.effects.flatMap((e) => (e.type === 'job.scheduled' ? [e.job] : []))[0];

    // when
    const afterWall = Engine.fireTimer(model, started.state, { jobId: wall.id }, ctx);
    const working = afterWall.effects.flatMap((e) => (e.type === 'job.scheduled' ? [e.job] : []))[0];
    const afterWorking = Engine.fireTimer(model, afterWall.state, { jobId: working.id }, ctx);
    const date = afterWorking.effects.flatMap((e) => (e.type === 'job.scheduled' ? [e.job] : []))[0];

    // then
    expect(ctx.workingTime.add).toHaveBeenCalledWith(new Date('2025-03-03T01:00:00.000Z'), 'P1D');
    expect(working).toMatchObject({ elementId: 'Timer_Working', dueAt: '2025-03-04T02:00:00.000Z' });
    expect(date).toMatchObject({ elementId: 'Timer_Date', dueAt: '2025-03-10T01:00:00.000Z' });
  });

  it('without ctx.workingTime a working-time duration falls back to wall-clock time', async () => {
    // given
    const instance = await InstanceDriver.start('timer-catch.bpmn');

    // when
    instance.fireTimer('Timer_Wall');

    // then
    expect(instance.job('Timer_Working').dueAt).toBe('2025-03-04T01:00:00.000Z');
    instance.fireTimer('Timer_Working').fireTimer('Timer_Date');
    expect(instance.status).toBe('completed');
  });
});

describe('timer start event', () => {
  it('is metadata for the process starter; start passes through it', async () => {
    // given
    const model = await loadModel('timer-start.bpmn');

    // when
    const { state, effects } = Engine.start(model, {}, testContext());

    // then
    expect(model.timerStart).toEqual({ elementId: 'Start_Daily', type: 'cycle', value: 'R/P1D', workingTime: false });
    expect(
      effects.filter((e) => e.type === 'job.scheduled').map((e) => e.type === 'job.scheduled' && e.job.kind),
    ).toEqual(['service']);
    expect(state.status).toBe('running');
  });
});
