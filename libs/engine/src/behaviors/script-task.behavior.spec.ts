import { parseBpmn } from '../index';
import { InstanceDriver } from '../__tests__/engine.harness';

const javascriptTask = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="urn:t">
  <bpmn:process id="js" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:scriptTask id="Script_Js" scriptFormat="javascript" camunda:resultVariable="x"><bpmn:script>process.exit(1)</bpmn:script></bpmn:scriptTask>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Script_Js" />
  </bpmn:process>
</bpmn:definitions>`;

describe('script task (FEEL)', () => {
  it('stores the value of its FEEL in the result variable (mc: and Zeebe forms)', async () => {
    // given / when
    const instance = await InstanceDriver.start('script-task.bpmn', { variables: { area: 120 } });

    // then
    expect(instance.state.variables).toMatchObject({ fee: 170000, label: 'Fee: 170000' });
    expect(instance.openTaskElements()).toEqual(['Task_Pay']);
  });

  it('follows FEEL semantics on bad input: a type mismatch gives null, not a crash', async () => {
    // given / when
    const instance = await InstanceDriver.start('script-task.bpmn', { variables: { area: 'large' } });

    // then
    expect(instance.state.variables.fee).toBeNull();
    expect(instance.incidents()).toEqual([]);
    expect(instance.openTaskElements()).toEqual(['Task_Pay']);
  });

  it('refuses JavaScript at deploy: it is never evaluated', async () => {
    // given / when
    const { issues } = await parseBpmn(javascriptTask);

    // then
    expect(issues).toContainEqual(
      expect.objectContaining({ elementId: 'Script_Js', code: 'SCRIPT_LANGUAGE_UNSUPPORTED', severity: 'error' }),
    );
  });
});
