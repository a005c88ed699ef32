import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DEADLINE_OVERDUE, DEADLINE_WARNING, deadlineJobId } from '../../libs/workflow/src/deadlines/deadline-job.ids';
import { lookupKeyHash } from './applicants';
import { LOADED_TABLES, type LoadedTable } from './copy.loader';
import { compileTable, type CompiledTable } from './template.compiler';
import { TEMPLATE_APPLICANT, type TemplateDossier } from './templates.builder';

/** A template ready to copy: its tables cut into parts and slots, and its row counts. */
export interface CompiledTemplate {
  dossier: TemplateDossier;
  unitName: string;
  tables: Record<LoadedTable, CompiledTable>;
  lines: Record<LoadedTable, number>;
}

/** How each table's rows of one dossier are found (alias `x`; `$1` = codes, `$2` = instance ids). */
const OWNED_BY: Record<LoadedTable, { key: string; where: string }> = {
  process_instances: { key: 'x.id::text', where: 'x.id = ANY($2::uuid[])' },
  dossiers: { key: 'x.instance_id::text', where: 'x.code = ANY($1)' },
  dossier_status: {
    key: '(SELECT d.instance_id::text FROM dossiers d WHERE d.code = x.code)',
    where: 'x.code = ANY($1)',
  },
  dossier_events: {
    key: '(SELECT d.instance_id::text FROM dossiers d WHERE d.code = x.code)',
    where: 'x.code = ANY($1)',
  },
  tasks: { key: 'x.instance_id::text', where: 'x.instance_id = ANY($2::uuid[])' },
  jobs: { key: 'x.instance_id::text', where: 'x.instance_id = ANY($2::uuid[])' },
  history_events: { key: 'x.instance_id::text', where: 'x.instance_id = ANY($2::uuid[])' },
};

function literal(values: string[]): string {
  return `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`;
}

/** Reads every row of the templates as COPY text (`key \t row`), in the order the app wrote them. */
async function readTable(
  db: Client,
  table: LoadedTable,
  columns: string[],
  codes: string[],
  instances: string[],
): Promise<Map<string, string[]>> {
  const owned = OWNED_BY[table];
  const where = owned.where.replace('$1', literal(codes)).replace('$2', literal(instances));
  const order =
    table === 'history_events' || table === 'dossier_events'
      ? 'x.id'
      : columns.includes('created_at')
        ? 'x.created_at'
        : '1';
  const sql = `COPY (SELECT ${owned.key}, ${columns.map((c) => `x.${c}`).join(', ')} FROM ${table} x WHERE ${where} ORDER BY ${order}) TO STDOUT`;
  const stream = db.query(copyTo(sql));
  let text = '';
  for await (const chunk of stream) text += chunk.toString('utf8');
  const byInstance = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    const tab = line.indexOf('\t');
    const key = line.slice(0, tab);
    if (!byInstance.has(key)) byInstance.set(key, []);
    byInstance.get(key)!.push(line.slice(tab + 1));
  }
  return byInstance;
}

/** Reads the templates' rows and compiles them; deadline job ids are recognised so copies derive theirs. */
export async function compileTemplates(
  db: Client,
  templates: TemplateDossier[],
  columns: Record<LoadedTable, string[]>,
): Promise<CompiledTemplate[]> {
  await db.query(`SET TimeZone = 'UTC'`);
  const codes = templates.map((t) => t.code);
  const instances = templates.map((t) => t.instanceId);
  const tables = {} as Record<LoadedTable, Map<string, string[]>>;
  for (const table of LOADED_TABLES) tables[table] = await readTable(db, table, columns[table], codes, instances);
  const { rows: definitions } = await db.query<{ id: string }>(`SELECT id::text FROM process_definitions`);
  const sharedIds = new Set(definitions.map((d) => d.id));
  const { rows: units } = await db.query<{ code: string; name: string }>(`SELECT code, name FROM units`);
  const unitNames = new Map(units.map((u) => [u.code, u.name]));
  const { rows: tasks } = await db.query<{ id: string; instance_id: string }>(
    `SELECT id::text, instance_id::text FROM tasks WHERE instance_id = ANY($1::uuid[])`,
    [instances],
  );

  return templates.map((dossier) => {
    const derivedIds = new Map<string, { taskId: string; kind: typeof DEADLINE_WARNING | typeof DEADLINE_OVERDUE }>();
    for (const task of tasks.filter((t) => t.instance_id === dossier.instanceId)) {
      for (const kind of [DEADLINE_WARNING, DEADLINE_OVERDUE] as const)
        derivedIds.set(deadlineJobId(task.id, kind), { taskId: task.id, kind });
    }
    const unitName = unitNames.get(dossier.unitCode)!;
    const lit = {
      code: dossier.code,
      lookupKeyHash: lookupKeyHash(dossier.code, dossier.lookupKey),
      unitName,
      applicant: TEMPLATE_APPLICANT,
      sharedIds,
      derivedIds,
    };
    const compiled = {} as Record<LoadedTable, CompiledTable>;
    const lines = {} as Record<LoadedTable, number>;
    for (const table of LOADED_TABLES) {
      const rows = tables[table].get(dossier.instanceId) ?? [];
      compiled[table] = compileTable(rows.map((r) => `${r}\n`).join(''), lit);
      lines[table] = rows.length;
    }
    return { dossier, unitName, tables: compiled, lines };
  });
}

/** Removes the templates themselves (history is append-only: its trigger is skipped for this cleanup only). */
export async function deleteTemplates(db: Client, templates: TemplateDossier[]): Promise<void> {
  const codes = templates.map((t) => t.code);
  const instances = templates.map((t) => t.instanceId);
  await db.query('BEGIN');
  await db.query(`SET LOCAL session_replication_role = replica`);
  await db.query(`DELETE FROM sms_outbox WHERE code = ANY($1)`, [codes]);
  await db.query(`DELETE FROM dossier_events WHERE code = ANY($1)`, [codes]);
  await db.query(`DELETE FROM dossier_status WHERE code = ANY($1)`, [codes]);
  await db.query(`DELETE FROM dossiers WHERE code = ANY($1)`, [codes]);
  for (const table of ['history_events', 'notifications', 'incidents', 'jobs', 'tasks']) {
    await db.query(`DELETE FROM ${table} WHERE instance_id = ANY($1::uuid[])`, [instances]);
  }
  await db.query(`DELETE FROM process_instances WHERE id = ANY($1::uuid[])`, [instances]);
  await db.query(`DELETE FROM dossier_counters`);
  await db.query(`DELETE FROM audit_log WHERE subject = ANY($1)`, [codes.map((c) => `dossier:${c}`)]);
  await db.query('COMMIT');
}
