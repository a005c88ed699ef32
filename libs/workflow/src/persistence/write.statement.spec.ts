import { WriteStatement } from './write.statement';

describe('WriteStatement', () => {
  it('folds parts into one statement of CTEs around a main query', () => {
    // given
    const st = new WriteStatement();
    const id = () => st.shared('id', 'abc', '::uuid');
    st.add(`INSERT INTO a SELECT ${id()}`);
    st.add(`UPDATE b SET x = ${st.param(1)} WHERE id = ${id()}`);
    // then
    expect(st.toSql('SELECT 1')).toBe(
      'WITH w0 AS (INSERT INTO a SELECT $1::uuid),\nw1 AS (UPDATE b SET x = $2 WHERE id = $1::uuid)\nSELECT 1',
    );
  });

  it('adds a shared parameter only once it is used (Postgres refuses unreferenced parameters)', () => {
    const st = new WriteStatement();
    const name = st.add(`SELECT ${st.json([1, 2])}`, 'named');
    expect(name).toBe('named');
    expect(st.toSql('SELECT 2')).toBe('WITH named AS (SELECT $1::jsonb)\nSELECT 2');
    expect(st.isEmpty).toBe(false);
  });
});
