import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isPublished, ownerOf, TABLE_OWNERS } from '../../libs/database/src/table-owners';
import { ALLOWED_CROSS_LIB_ACCESS } from './table-access.allowed';
import { accessKey, crossLibAccess, tablesIn } from './table-access';

// Issue 17 item 4: each table has one owning lib (libs/database/src/table-owners.ts); other libs read it
// only through the views or query functions the owner publishes. The access that remains is listed in
// table-access.allowed.ts, which may only shrink: a new cross-lib access fails, and so does a stale entry.
const root = resolve(__dirname, '..', '..');

describe('table ownership', () => {
  it('every table created in migrations/ has one owning lib that exists', () => {
    // given the tables the migrations create
    const created = readdirSync(join(root, 'migrations'))
      .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
      .flatMap((name) => [
        ...readFileSync(join(root, 'migrations', name), 'utf8').matchAll(
          /CREATE\s+(?:UNLOGGED\s+)?(?:TABLE|VIEW|MATERIALIZED\s+VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?"?([a-z_][a-z0-9_]*)/gi,
        ),
      ])
      .map((match) => match[1].toLowerCase());
    // then each is in the ownership map, whose owners are libs
    expect(created.length).toBeGreaterThan(20);
    expect([...new Set(created)].filter((table) => !(table in TABLE_OWNERS))).toEqual([]);
    const libs = readdirSync(join(root, 'libs'));
    expect(
      Object.values(TABLE_OWNERS)
        .map(ownerOf)
        .filter((lib) => !libs.includes(lib)),
    ).toEqual([]);
  });

  it('only views are published (a table is never opened to other libs by a flag)', () => {
    // given the views the migrations create
    const views = new Set(
      readdirSync(join(root, 'migrations'))
        .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
        .flatMap((name) => [
          ...readFileSync(join(root, 'migrations', name), 'utf8').matchAll(
            /CREATE\s+(?:MATERIALIZED\s+)?VIEW\s+(?:IF\s+NOT\s+EXISTS\s+)?"?([a-z_][a-z0-9_]*)/gi,
          ),
        ])
        .map((match) => match[1].toLowerCase()),
    );
    // then every published entry of the map is one of them
    const published = Object.entries(TABLE_OWNERS)
      .filter(([, entry]) => isPublished(entry))
      .map(([name]) => name);
    expect(published.length).toBeGreaterThan(0);
    expect(published.filter((name) => !views.has(name))).toEqual([]);
  });

  it("no lib touches another lib's table beyond the allow-list, and the allow-list has no stale entry", () => {
    // given every lib's SQL text (string and template literals of its non-spec sources)
    const found = crossLibAccess(root, TABLE_OWNERS).map(accessKey);
    // then each cross-lib access is allowed, and each allowed access still happens
    expect(found.filter((key) => !ALLOWED_CROSS_LIB_ACCESS.includes(key))).toEqual([]);
    expect(ALLOWED_CROSS_LIB_ACCESS.filter((key) => !found.includes(key))).toEqual([]);
  });

  it('channels (libs/tracking) name no table of another lib: they read the projections the owners publish', () => {
    expect(ALLOWED_CROSS_LIB_ACCESS.filter((key) => key.startsWith('libs/tracking/'))).toEqual([]);
    expect(crossLibAccess(root, TABLE_OWNERS).filter((a) => a.lib === 'tracking')).toEqual([]);
  });
});

describe('the table scanner itself (a planted cross-lib access is found)', () => {
  const owned = new Set(Object.keys(TABLE_OWNERS));

  it('finds reads and writes in string and template literals, with JOINs, EXISTS and FROM lists', () => {
    const planted = `
      const a = 'SELECT * FROM tasks t JOIN dossiers d ON d.instance_id = t.instance_id';
      const b = \`UPDATE units SET name = $1 WHERE EXISTS (SELECT 1 FROM jobs WHERE id = \${id})\`;
      const c = "INSERT INTO sms_outbox (phone) VALUES ($1)";
      const e = \`DELETE FROM audit_log WHERE at < $1\`;
      const f = 'SELECT 1 FROM holiday_tables h, calendar_settings c';`;
    expect(tablesIn(planted, owned).sort((x, y) => x.table.localeCompare(y.table))).toEqual([
      { table: 'audit_log', access: 'write' },
      { table: 'calendar_settings', access: 'read' },
      { table: 'dossiers', access: 'read' },
      { table: 'holiday_tables', access: 'read' },
      { table: 'jobs', access: 'read' },
      { table: 'sms_outbox', access: 'write' },
      { table: 'tasks', access: 'read' },
      { table: 'units', access: 'write' },
    ]);
  });

  it('ignores comments, code and names that are not owned tables', () => {
    const planted = `
      // SELECT * FROM tasks
      /* UPDATE units SET x = 1 */
      import { tasks } from './tasks';
      const q = 'SELECT * FROM released JOIN my_cte ON true';`;
    expect(tablesIn(planted, owned)).toEqual([]);
  });

  it('reading a view its owner publishes is allowed, writing it or reading an unpublished one is not', () => {
    // given a tree where reports reads dossiers' published view, writes it, and reads a view dossiers did not publish
    const tree = mkdtempSync(join(tmpdir(), 'motcua-owners-'));
    try {
      mkdirSync(join(tree, 'libs', 'reports', 'src'), { recursive: true });
      writeFileSync(
        join(tree, 'libs', 'reports', 'src', 'read.ts'),
        `export const A = 'SELECT count(*) FROM report_dossiers d';\n`,
      );
      writeFileSync(
        join(tree, 'libs', 'reports', 'src', 'write.ts'),
        `export const B = 'UPDATE report_dossiers SET status = $1';\n`,
      );
      writeFileSync(
        join(tree, 'libs', 'reports', 'src', 'private.ts'),
        `export const C = 'SELECT 1 FROM private_dossiers p';\n`,
      );
      const owners = { report_dossiers: { owner: 'dossiers', published: true }, private_dossiers: 'dossiers' } as const;
      // then only the write and the unpublished read are cross-lib access
      expect(crossLibAccess(tree, owners).map(accessKey).sort()).toEqual([
        'libs/reports/src/private.ts: read private_dossiers',
        'libs/reports/src/write.ts: write report_dossiers',
      ]);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });

  it('a planted cross-lib read in a lib fails the allow-list check', () => {
    // given tracking's public lookup reading workflow's tasks again
    const planted = `export const SQL = 'SELECT t.name FROM tasks t WHERE t.instance_id = $1';`;
    const access = tablesIn(planted, owned).map(({ table, access: kind }) => ({
      lib: 'tracking',
      file: 'libs/tracking/src/services/public-lookup.service.ts',
      table,
      access: kind,
    }));
    const foreign = access
      .filter((a) => ownerOf(TABLE_OWNERS[a.table as keyof typeof TABLE_OWNERS]) !== a.lib)
      .map(accessKey);
    // then it is reported and not allowed
    expect(foreign).toEqual(['libs/tracking/src/services/public-lookup.service.ts: read tasks']);
    expect(foreign.filter((key) => !ALLOWED_CROSS_LIB_ACCESS.includes(key))).toEqual(foreign);
  });
});
