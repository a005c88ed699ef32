import type { InstanceChange } from '../../../workflow/src';
import { projectStart } from './dossier-status.projection';

/** What reception writes once (issue 17 item 6): the row as the projection would have left a `received` dossier. */
const AT = new Date('2025-06-03T02:00:00Z');
const change = (effects: unknown[], status = 'running') =>
  ({ instanceId: 'i-1', status, effects, at: AT, actor: 'motcua' }) as unknown as InstanceChange;
const step = (name: string, status?: string) => ({
  type: 'task.created',
  task: { id: 't', name, spec: status ? { status } : {} },
});

describe('projectStart', () => {
  it('given a first step without mc:status, then the dossier stays received, at that step', () => {
    expect(projectStart(change([step('Tiếp nhận')]))).toEqual({
      status: 'received',
      currentStep: 'Tiếp nhận',
      resolvedAt: null,
      returnedAt: null,
      publicReason: null,
      event: null,
    });
  });

  it('given a first step drawn with mc:status, then the dossier starts at that status; result_ready is resolved now', () => {
    expect(projectStart(change([step('Thẩm định', 'processing')]))).toMatchObject({
      status: 'processing',
      currentStep: 'Thẩm định',
    });
    expect(projectStart(change([step('Trả kết quả', 'result_ready')]))).toMatchObject({
      status: 'result_ready',
      resolvedAt: AT,
    });
    expect(projectStart(change([step('A'), step('B', 'not-a-status')]))).toMatchObject({
      status: 'received',
      currentStep: 'B',
    });
  });

  it('given the start already reached a refusal outcome, then the dossier is closed as rejected with the public reason and the refuse event', () => {
    const outcome = {
      type: 'outcome.reached',
      elementId: 'End_Refused',
      outcome: 'rejected',
      reason: '  Thiếu giấy tờ  ',
    };
    expect(projectStart(change([outcome], 'completed'))).toEqual({
      status: 'rejected',
      currentStep: null,
      resolvedAt: AT,
      returnedAt: null,
      publicReason: 'Thiếu giấy tờ',
      event: {
        type: 'refuse',
        data: { reason: '  Thiếu giấy tờ  ', by: 'process', elementId: 'End_Refused', instanceId: 'i-1' },
      },
    });
  });
});
