import { heatmapElement, median } from './heatmap.rules';

describe('heatmap rules', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    // given / when / then
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 4])).toBe(4);
    expect(median([10, 2, 4, 8])).toBe(6);
  });

  it('gives the median in working hours and the overdue rate of an element', () => {
    // given three steps of 1 h, 2 h and 4 h of working time, one of them late
    const hour = 3_600_000;
    // when
    const element = heatmapElement('Task_A', 'Thẩm định', [4 * hour, hour, 2 * hour], 1);
    // then
    expect(element).toEqual({
      elementId: 'Task_A',
      name: 'Thẩm định',
      completed: 3,
      medianWorkingHours: 2,
      overdue: 1,
      overdueRate: 0.3333,
    });
  });
});
