import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { moddleFor } from '../../../../../libs/engine/src/parse/moddle.factory';
import type { ModdleElement } from '../moddle.types';
import { mcIssues } from './mc.rules';

/** The engine's desk-action fixture, read as the modeler reads it (the same `mc` descriptor). */
async function issuesOfDeskActions() {
  const xml = readFileSync(join(__dirname, '../../../../../libs/engine/src/__fixtures__/desk-actions.bpmn'), 'utf8');
  const { rootElement } = await moddleFor('bpmn').fromXML(xml);
  return mcIssues(rootElement as unknown as ModdleElement, new Set());
}

describe('mc:action while drawing (the engine rule, in Vietnamese)', () => {
  it('names an unknown action, a loop, an action off a user task and a step the desk cannot take', async () => {
    // given / when
    const issues = await issuesOfDeskActions();
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
    expect(issues.find((i) => i.code === 'DESK_ACTION_GROUPS')?.message).toBe('Thao tác này do Lãnh đạo đơn vị thực hiện: hãy giao bước cho vai trò đó');
    // and the well-drawn steps pass
    expect(issues.filter((i) => i.elementId === 'Task_Supplement' || i.elementId === 'Task_Apology')).toEqual([]);
  });
});
