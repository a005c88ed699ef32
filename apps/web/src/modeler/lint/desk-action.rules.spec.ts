import { describe, expect, it } from '@jest/globals';
import type { ModdleElement } from '../moddle.types';
import { mcIssues } from './mc.rules';

/** A business object as moddle gives it, enough for the checks: type, mc: attributes, a loop marker. */
function element(
  id: string,
  type: string,
  mc: Record<string, string>,
  extra: Partial<ModdleElement> = {},
): ModdleElement {
  const known = type === 'bpmn:UserTask';
  return {
    $type: type,
    id,
    // moddle keeps an mc: attribute its descriptor does not define for the type in $attrs
    $attrs: known ? {} : Object.fromEntries(Object.entries(mc).map(([k, v]) => [`mc:${k}`, v])),
    $instanceOf: (t: string) => t === type,
    get: (name: string) => (known ? mc[name.replace(/^mc:/, '')] : undefined),
    ...extra,
  } as ModdleElement;
}

/** The steps of libs/engine's desk-actions.bpmn fixture, as the modeler holds them. */
const definitions = {
  rootElements: [
    {
      $instanceOf: (t: string) => t === 'bpmn:Process',
      flowElements: [
        element('Task_Supplement', 'bpmn:UserTask', { candidateGroups: 'reception', action: 'supplement' }),
        element('Task_Apology', 'bpmn:UserTask', { candidateGroups: 'leader', action: 'apology' }),
        element('Task_Typo', 'bpmn:UserTask', { candidateGroups: 'reception', action: 'bosung' }),
        element('Task_WrongRole', 'bpmn:UserTask', { candidateGroups: 'specialist', action: 'apology' }),
        element(
          'Task_Many',
          'bpmn:UserTask',
          { candidateGroups: 'reception', action: 'supplement' },
          { loopCharacteristics: { $type: 'bpmn:MultiInstanceLoopCharacteristics' } },
        ),
        element('Service_Action', 'bpmn:ServiceTask', { action: 'supplement' }),
      ],
    },
  ],
} as unknown as ModdleElement;

describe('mc:action while drawing (the engine rule, in Vietnamese)', () => {
  it('names an unknown action, a loop, an action off a user task and a step the desk cannot take', () => {
    // given / when
    const issues = mcIssues(definitions, new Set());
    const byCode = (code: string) => issues.filter((i) => i.code === code).map((i) => `${i.severity} ${i.elementId}`);

    // then the same verdicts as libs/engine's validator
    expect(byCode('DESK_ACTION_UNKNOWN')).toEqual(['error Task_Typo']);
    expect(byCode('DESK_ACTION_MULTI_INSTANCE')).toEqual(['error Task_Many']);
    expect(byCode('DESK_ACTION_NOT_USER_TASK')).toEqual(['error Service_Action']);
    expect(byCode('DESK_ACTION_GROUPS')).toEqual(['warning Task_WrongRole']);
    // in words the administrator reads
    expect(issues.find((i) => i.code === 'DESK_ACTION_UNKNOWN')?.message).toBe(
      'Thao tác một cửa "bosung" không tồn tại: chọn "Yêu cầu bổ sung hồ sơ (Mẫu 02)" hoặc "Xin lỗi, hẹn lại ngày trả (Mẫu 04)"',
    );
    expect(issues.find((i) => i.code === 'DESK_ACTION_GROUPS')?.message).toBe(
      'Thao tác này do Lãnh đạo đơn vị thực hiện: hãy giao bước cho vai trò đó',
    );
    // and the well-drawn steps pass
    expect(issues.filter((i) => i.elementId === 'Task_Supplement' || i.elementId === 'Task_Apology')).toEqual([]);
  });
});
