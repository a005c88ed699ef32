import { StatementNames } from './prepared';

describe('StatementNames', () => {
  it('gives one stable name per statement text, different for different texts', () => {
    const names = new StatementNames();
    const a = names.nameOf('SELECT 1');
    expect(a).toMatch(/^ps_[\w-]{20}$/);
    expect(names.nameOf('SELECT 1')).toBe(a);
    expect(new StatementNames().nameOf('SELECT 1')).toBe(a);
    expect(names.nameOf('SELECT 2')).not.toBe(a);
  });

  it('names no new text past its bound, so no connection prepares statements without end', () => {
    // given as many texts as the bound
    const names = new StatementNames();
    for (let i = 0; i < StatementNames.MAX_NAMED; i++) names.nameOf(`SELECT ${i}`);
    // then a known text keeps its name and a new one runs unnamed
    expect(names.nameOf('SELECT 0')).toBeDefined();
    expect(names.nameOf('SELECT -1')).toBeUndefined();
  });
});
