import { DEADLINE_OVERDUE, DEADLINE_WARNING, deadlineJobId, deadlineJobIds } from './deadline-job.ids';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('deadlineJobId', () => {
  it('derives the same version-5 uuid from the same task and kind, and different ones otherwise', () => {
    // given
    const task = '7559176d-2e90-4dbd-9866-71dfd215d7ad';
    // when
    const warning = deadlineJobId(task, DEADLINE_WARNING);
    // then
    expect(warning).toMatch(UUID);
    expect(deadlineJobId(task, DEADLINE_WARNING)).toBe(warning);
    expect(deadlineJobId(task, DEADLINE_OVERDUE)).not.toBe(warning);
    expect(deadlineJobId('0f6b1b0e-3a43-4b59-9a3c-5d8f0e1c2b3a', DEADLINE_WARNING)).not.toBe(warning);
  });

  it('lists both jobs of each task', () => {
    expect(deadlineJobIds(['a', 'b'])).toEqual([
      deadlineJobId('a', DEADLINE_WARNING),
      deadlineJobId('a', DEADLINE_OVERDUE),
      deadlineJobId('b', DEADLINE_WARNING),
      deadlineJobId('b', DEADLINE_OVERDUE),
    ]);
  });
});
