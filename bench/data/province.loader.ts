import type { Client } from 'pg';
import {
  APPOINTMENT_REMINDER,
  DEADLINE_OVERDUE,
  DEADLINE_WARNING,
} from '../../libs/workflow/src/deadlines/deadline-job.ids';
import { rebuildTaskCounts } from '../../libs/workflow/src/persistence/task-counts';
import type { GeneratedProcedure } from './procedures';
import type { Province } from './province';
import { accountName } from './template.compiler';

/** Every account of a generated unit: one per role; the specialist holds every field's specialism. */
const ROLES: Record<string, string[]> = {
  reception: ['reception'],
  specialist: ['specialist:land', 'specialist:construction', 'specialist:business', 'specialist:civil'],
  head: ['head'],
  leader: ['leader'],
};

/**
 * Units beyond the demo tree (parents first), the 45 extra procedures, and four accounts per unit
 * (`reception.2021`, `specialist.2021`, … with the demo password: they reuse the demo admin's hash).
 */
export async function insertProvince(db: Client, province: Province, procedures: GeneratedProcedure[]): Promise<void> {
  for (const unit of province.units) {
    await db.query(
      `INSERT INTO units (code, name, kind, parent_id) SELECT $1, $2, $3, (SELECT id FROM units WHERE code = $4) ON CONFLICT (code) DO NOTHING`,
      [unit.code, unit.name, unit.kind, unit.parentCode],
    );
  }
  for (const p of procedures) {
    await db.query(
      `INSERT INTO procedures (code, name, field, level, legal_time, fee, fee_rules, required_documents, form_templates, process_key, channels, published)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8::jsonb, $9::jsonb, $10, $11, true) ON CONFLICT (code) DO NOTHING`,
      [
        p.code,
        p.name,
        p.field,
        p.level,
        JSON.stringify(p.legalTime),
        p.fee,
        p.feeRules ?? null,
        JSON.stringify(p.requiredDocuments),
        JSON.stringify(p.formTemplates ?? []),
        p.processKey,
        p.channels,
      ],
    );
  }
  const accounts = province.units.flatMap((unit) =>
    Object.entries(ROLES).map(([role, roles]) => ({ username: accountName(role, unit.code), unit: unit.code, roles })),
  );
  await db.query(
    `INSERT INTO users (username, full_name, password_hash, unit_id, roles)
     SELECT a.username, 'Cán bộ ' || a.username, (SELECT password_hash FROM users WHERE username = 'admin'), u.id, a.roles
     FROM jsonb_to_recordset($1::jsonb) AS a(username text, unit text, roles text[]) JOIN units u ON u.code = a.unit
     ON CONFLICT (username) DO NOTHING`,
    [JSON.stringify(accounts)],
  );
}

/**
 * After the COPY: what the deadline workers would have done by now (steps past due flagged
 * overdue with their history row, their deadline and reminder jobs done; their notifications are not made), the indexes rebuilt, the daily counters set
 * to the highest number used, the inbox's kept counts recounted, and VACUUM ANALYZE (visibility map and statistics, as autovacuum would).
 */
export async function finishLoad(db: Client, rebuild: string[], phase: (label: string) => void): Promise<void> {
  await db.query(
    `UPDATE jobs SET status = 'done', updated_at = due_at WHERE status = 'pending' AND due_at < now() AND kind = ANY($1)`,
    [[DEADLINE_WARNING, DEADLINE_OVERDUE, APPOINTMENT_REMINDER]],
  );
  await db.query(`
    WITH t AS (UPDATE tasks SET overdue_at = due_at WHERE status = 'open' AND due_at < now() AND overdue_at IS NULL
               RETURNING id, instance_id, element_id, due_at, unit_code)
    INSERT INTO history_events (instance_id, at, type, element_id, task_id, actor, data)
    SELECT instance_id, due_at, 'task.overdue', element_id, id, NULL,
           jsonb_build_object('dueAt', due_at, 'notified', jsonb_build_array('head.' || substr(unit_code, 5, 2) || substr(unit_code, 8, 2)))
    FROM t ORDER BY due_at`);
  phase('steps past due flagged overdue, as the deadline jobs would have');
  for (const statement of rebuild) await db.query(statement);
  phase(`${rebuild.length} indexes rebuilt`);
  await db.query(`
    INSERT INTO dossier_counters (unit_code, day, n)
    SELECT unit_code, to_date(split_part(code, '-', 2), 'YYMMDD'), max(split_part(code, '-', 3)::int) FROM dossiers GROUP BY 1, 2
    ON CONFLICT (unit_code, day) DO UPDATE SET n = GREATEST(dossier_counters.n, EXCLUDED.n)`);
  // COPY skipped the trigger that keeps the inbox's counts (session_replication_role = replica): count once.
  await rebuildTaskCounts(db);
  await db.query(`VACUUM (ANALYZE)`);
  phase('daily counters and inbox counts set, VACUUM ANALYZE');
}
