import { EngineError } from '../engine.types';
import type { ProcessModel } from '../model/process-model.types';
import { Engine } from '../engine';
import { InstanceDriver, loadModel } from '../__tests__/engine.harness';
import type { EngineState } from '../runtime/instance-state.types';
import { migrateState, type ElementMapping } from './migrate-state';

/** Migrates the driver's instance and returns a driver of the new version that knows the same open tasks and jobs. */
function migrate(driver: InstanceDriver, toModel: ProcessModel, mapping: ElementMapping): InstanceDriver {
  const { state } = migrateState(driver.model, toModel, driver.state, mapping);
  const migrated = new InstanceDriver(toModel, driver.ctx);
  migrated.effects.push(...driver.effects);
  migrated.state = JSON.parse(JSON.stringify(state));
  return migrated;
}

/** The model with one element id renamed everywhere it is referred to. */
function renamed(model: ProcessModel, from: string, to: string): ProcessModel {
  const json = JSON.stringify(model).split(`"${from}"`).join(`"${to}"`);
  return JSON.parse(json) as ProcessModel;
}

function refusal(run: () => unknown): EngineError {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected an EngineError');
}

describe('migrateState', () => {
  let v1: ProcessModel;
  let v2: ProcessModel;
  beforeAll(async () => {
    v1 = await loadModel('migration-v1.bpmn');
    v2 = await loadModel('migration-v2.bpmn');
  });

  it('moves a waiting task by mapping and finishes on the new version', async () => {
    // given an instance waiting at Task_Receive and for the fee-paid message
    const driver = await InstanceDriver.start('migration-v1.bpmn');

    // when it moves to v2 with Task_Receive → Task_Intake
    const frozen = JSON.stringify(driver.state);
    const migrated = migrate(driver, v2, { Task_Receive: 'Task_Intake' });

    // then the input state is untouched, the task now stands on Task_Intake and the message wait has v2's name
    expect(JSON.stringify(driver.state)).toBe(frozen);
    expect(Engine.waitingMessages(migrated.state)).toEqual(['fee-paid-v2']);
    migrated.completeTask('Task_Receive');
    expect(migrated.openTaskElements()).toEqual(['Task_Check']);
    migrated.completeTask('Task_Check').correlate('fee-paid-v2');
    migrated.completeTask('Task_Review');
    expect(migrated.status).toBe('completed');
  });

  it('reports every element it rewrote, implicit ones included', async () => {
    const driver = await InstanceDriver.start('migration-v1.bpmn');
    const { elements } = migrateState(v1, v2, driver.state, { Task_Receive: 'Task_Intake' });
    expect(elements).toEqual({ Task_Receive: 'Task_Intake', Catch_Paid: 'Catch_Paid' });
  });

  it('carries a join arrival whose flow enters the mapped gateway', async () => {
    // given the message branch has already reached the join
    const driver = await InstanceDriver.start('migration-v1.bpmn');
    driver.correlate('fee-paid');

    // when the instance moves, then completing the remaining branch fires the join on v2
    const migrated = migrate(driver, v2, { Task_Receive: 'Task_Intake' });
    migrated.completeTask('Task_Receive').completeTask('Task_Check');
    expect(migrated.openTaskElements()).toEqual(['Task_Review']);
  });

  it('refuses a waiting element with no counterpart, naming it', async () => {
    const driver = await InstanceDriver.start('migration-v1.bpmn');
    const error = refusal(() => migrateState(v1, v2, driver.state, {}));
    expect(error.code).toBe('MIGRATION_UNMAPPED_ELEMENT');
    expect(error.message).toContain('Task_Receive');
  });

  it('refuses a mapping to an element that does not exist', async () => {
    const driver = await InstanceDriver.start('migration-v1.bpmn');
    const error = refusal(() => migrateState(v1, v2, driver.state, { Task_Receive: 'Nowhere' }));
    expect(error.code).toBe('MIGRATION_UNMAPPED_ELEMENT');
  });

  it('refuses a user task mapped to a timer', async () => {
    const driver = await InstanceDriver.start('migration-v1.bpmn');
    const error = refusal(() => migrateState(v1, v2, driver.state, { Task_Receive: 'Timer_Wait' }));
    expect(error.code).toBe('MIGRATION_INCOMPATIBLE');
    expect(error.message).toContain('userTask');
  });

  it('refuses a join arrival whose flow does not enter the mapped join', async () => {
    // given an arrival at Join by Flow_5, and a mapping of Join onto a gateway Flow_5 does not enter
    const driver = await InstanceDriver.start('migration-v1.bpmn');
    driver.correlate('fee-paid');
    const toModel: ProcessModel = JSON.parse(JSON.stringify(v2));
    toModel.flows.Flow_5.targetId = 'Task_Review';

    const error = refusal(() => migrateState(v1, toModel, driver.state, { Task_Receive: 'Task_Intake' }));
    expect(error.code).toBe('MIGRATION_INCOMPATIBLE');
    expect(error.message).toContain('Flow_5');
  });

  it('refuses an instance with a token on an incident', async () => {
    const driver = await InstanceDriver.start('migration-v1.bpmn');
    const state = JSON.parse(JSON.stringify(driver.state)) as EngineState;
    state.tokens[0].wait = { kind: 'incident' };
    expect(refusal(() => migrateState(v1, v2, state, { Task_Receive: 'Task_Intake' })).code).toBe(
      'MIGRATION_NOT_WAITING',
    );
  });

  it('refuses a finished instance', async () => {
    const driver = await InstanceDriver.start('migration-v1.bpmn');
    driver.completeTask('Task_Receive').correlate('fee-paid').completeTask('Task_Review');
    expect(refusal(() => migrateState(v1, v2, driver.state, {})).code).toBe('MIGRATION_NOT_RUNNING');
  });

  it('re-points an event-gateway listener at the new flow to its event, which then takes it', async () => {
    // given an instance at the event-based gateway, and a new version where the message branch's flow is renamed
    const driver = await InstanceDriver.start('event-based-gateway.bpmn');
    const toModel: ProcessModel = JSON.parse(JSON.stringify(driver.model));
    toModel.flows.Flow_Msg_v2 = { ...toModel.flows.Flow_Msg, id: 'Flow_Msg_v2' };
    delete toModel.flows.Flow_Msg;
    toModel.elements.Gateway_Wait.outgoing = toModel.elements.Gateway_Wait.outgoing.map((id) =>
      id === 'Flow_Msg' ? 'Flow_Msg_v2' : id,
    );
    toModel.elements.Catch_Supplement.incoming = ['Flow_Msg_v2'];

    // when migrated, then the listener follows Flow_Msg_v2 and the message leads on
    const migrated = migrate(driver, toModel, {});
    expect(
      (migrated.state as EngineState).tokens
        .map((token) => token.via)
        .filter(Boolean)
        .sort(),
    ).toEqual(['Flow_Msg_v2', 'Flow_Signal', 'Flow_Timer']);
    migrated.correlate('supplement');
    expect(migrated.openTaskElements()).toEqual(['Task_Process']);
    expect(migrated.history('flow.taken').map((record) => record.elementId)).toContain('Flow_Msg_v2');
  });

  it('refuses an event-gateway branch the new gateway no longer has', async () => {
    const driver = await InstanceDriver.start('event-based-gateway.bpmn');
    const toModel: ProcessModel = JSON.parse(JSON.stringify(driver.model));
    toModel.elements.Gateway_Wait.outgoing = toModel.elements.Gateway_Wait.outgoing.filter((id) => id !== 'Flow_Timer');
    const error = refusal(() => migrateState(driver.model, toModel, driver.state, {}));
    expect(error).toMatchObject({ code: 'MIGRATION_INCOMPATIBLE', message: expect.stringContaining('Catch_Timeout') });
  });

  it('refuses a boundary event that sits on another activity in the new version', async () => {
    const driver = await InstanceDriver.start('timer-boundary.bpmn');
    const toModel: ProcessModel = JSON.parse(JSON.stringify(driver.model));
    toModel.elements.Boundary_Deadline.attachedTo = 'Task_Escalate';
    const error = refusal(() => migrateState(driver.model, toModel, driver.state, {}));
    expect(error).toMatchObject({
      code: 'MIGRATION_INCOMPATIBLE',
      message: expect.stringContaining('Boundary_Deadline'),
    });
  });

  it('renames the scopes of embedded subprocesses and refuses a task moved out of its subprocess', async () => {
    // given an instance waiting at Task_Inner inside Sub_Inner inside Sub_Outer, and a version where Sub_Inner is Sub_Check
    const driver = await InstanceDriver.start('sub-process.bpmn');
    const toModel = renamed(driver.model, 'Sub_Inner', 'Sub_Check');

    // when migrated with Sub_Inner → Sub_Check, then the subprocess instance is Sub_Check's and the instance completes on it
    const migrated = migrate(driver, toModel, { Sub_Inner: 'Sub_Check' });
    expect((migrated.state as EngineState).scopes.map((scope) => scope.elementId)).toContain('Sub_Check');
    migrated.completeTask('Task_Inner');
    expect(migrated.openTaskElements()).toEqual(['Task_Middle']);

    // when Task_Inner sits directly in Sub_Outer in the new version, then it is refused
    const moved: ProcessModel = JSON.parse(JSON.stringify(driver.model));
    moved.elements.Task_Inner.scopeId = 'Sub_Outer';
    expect(refusal(() => migrateState(driver.model, moved, driver.state, {})).code).toBe('MIGRATION_INCOMPATIBLE');
  });

  it('keeps event-gateway listeners and boundary listeners on their branches', async () => {
    // given instances waiting at an event-based gateway and on a task with a timer boundary
    for (const fixture of ['event-based-gateway.bpmn', 'timer-boundary.bpmn']) {
      const driver = await InstanceDriver.start(fixture);
      const model = driver.model;

      // when migrated onto the same model, then the state is unchanged
      expect(migrateState(model, model, driver.state, {}).state).toEqual(driver.state);
    }
  });
});
