import { describe, expect, it } from '@jest/globals';
import { longestPath } from './longest-path';

const node = (id: string, hours = 0) => ({ id, hours });

describe('longestPath (time budget)', () => {
  it('takes the heavier branch of a split', () => {
    // given start → a(4) → split → b(16) | c(2) → join → end
    const graph = {
      nodes: [node('start'), node('a', 4), node('split'), node('b', 16), node('c', 2), node('join'), node('end')],
      edges: [
        ['start', 'a'],
        ['a', 'split'],
        ['split', 'b'],
        ['split', 'c'],
        ['b', 'join'],
        ['c', 'join'],
        ['join', 'end'],
      ] as [string, string][],
    };

    // when
    const result = longestPath(graph);

    // then
    expect(result).toEqual({ hours: 20, path: ['start', 'a', 'split', 'b', 'join', 'end'] });
  });

  it('counts a rework loop once', () => {
    // given reception(4) → review(8) → back to reception, or on to end
    const graph = {
      nodes: [node('start'), node('reception', 4), node('review', 8), node('end')],
      edges: [
        ['start', 'reception'],
        ['reception', 'review'],
        ['review', 'reception'],
        ['review', 'end'],
      ] as [string, string][],
    };

    // when / then
    expect(longestPath(graph).hours).toBe(12);
  });

  it('is zero for an empty process', () => {
    expect(longestPath({ nodes: [], edges: [] })).toEqual({ hours: 0, path: [] });
  });
});
