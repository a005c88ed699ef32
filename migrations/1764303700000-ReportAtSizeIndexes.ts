import type { MigrationInterface, QueryRunner } from 'typeorm';

const LATE_DOSSIER = `resolved_at IS NULL AND returned_at IS NULL AND paused_at IS NULL
  AND status NOT IN ('returned', 'rejected', 'withdrawn', 'result_ready', 'supplement_required')`;

/**
 * The leaders' reports at province size (libs/reports README, "At province scale"; bench database:
 * 1.2 M dossiers, 1 M open steps). Every index is partial and read index-only.
 *
 * Biểu II.06a counts a period in three disjoint parts (`services/report.sql.ts` `periodOutcomes`),
 * so the million open dossiers are read from 12 MB of index instead of the 1 GB table (a year,
 * province-wide: 0.86 s → 0.30 s of SQL):
 * - unfinished dossiers whose appointment never moved, with what their classification reads;
 * - finished dossiers whose appointment never moved, by when they finished, covering the same and the status;
 * - dossiers whose appointment moved (supplements, apologies): few, judged with the appointment of the period's end.
 *
 * The overdue report (`services/reports.repository.ts`) counts its three parts by unit and reads
 * the first page of each in due order (province: 1.05 s → 0.08 s):
 * - late dossiers by unit and appointment (in place of `dossiers_open_unit_appointment_idx`, which
 *   left the status to the table: 93,000 pages read to count a province; the previous release's
 *   code reads that one, so it is dropped in a later release: docs/operations.md "Upgrades"), and
 *   by appointment then code for the page;
 * - open steps by due time for the page (counted by `tasks_unit_code_status_due_at_idx`);
 * - open steps flagged overdue, by unit and due time (the few flagged before their due time).
 *
 * `IF NOT EXISTS`: on a live province create them first with `CREATE INDEX CONCURRENTLY` under the
 * same names (docs/operations.md, "Upgrades"); the migration then does nothing.
 */
export class ReportAtSizeIndexes1764303700000 implements MigrationInterface {
  name = 'ReportAtSizeIndexes1764303700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX IF NOT EXISTS dossiers_open_report_idx ON dossiers (unit_code, procedure_code, received_at, appointment_at, channel)
      WHERE resolved_at IS NULL AND returned_at IS NULL AND appointment_at = original_appointment_at`);
    await db.query(`CREATE INDEX IF NOT EXISTS dossiers_finished_report_idx ON dossiers ((COALESCE(resolved_at, returned_at)))
      INCLUDE (resolved_at, returned_at, unit_code, procedure_code, channel, status, received_at, appointment_at)
      WHERE COALESCE(resolved_at, returned_at) IS NOT NULL AND appointment_at = original_appointment_at`);
    await db.query(
      `CREATE INDEX IF NOT EXISTS dossiers_moved_idx ON dossiers (unit_code) WHERE appointment_at <> original_appointment_at`,
    );
    await db.query(
      `CREATE INDEX IF NOT EXISTS dossiers_overdue_idx ON dossiers (unit_code, appointment_at) WHERE ${LATE_DOSSIER}`,
    );
    await db.query(`CREATE INDEX IF NOT EXISTS dossiers_overdue_due_idx ON dossiers (appointment_at, code COLLATE "C")
      INCLUDE (unit_code, procedure_code, instance_id) WHERE ${LATE_DOSSIER}`);
    await db.query(`CREATE INDEX IF NOT EXISTS tasks_open_due_idx ON tasks (due_at, id) INCLUDE (unit_code, assignee, instance_id)
      WHERE status = 'open' AND due_at IS NOT NULL`);
    await db.query(`CREATE INDEX IF NOT EXISTS tasks_overdue_flagged_idx ON tasks (unit_code, due_at) INCLUDE (id, assignee, instance_id)
      WHERE status = 'open' AND overdue_at IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS tasks_overdue_flagged_idx`);
    await db.query(`DROP INDEX IF EXISTS tasks_open_due_idx`);
    await db.query(`DROP INDEX IF EXISTS dossiers_overdue_due_idx`);
    await db.query(`DROP INDEX IF EXISTS dossiers_overdue_idx`);
    await db.query(`DROP INDEX IF EXISTS dossiers_moved_idx`);
    await db.query(`DROP INDEX IF EXISTS dossiers_finished_report_idx`);
    await db.query(`DROP INDEX IF EXISTS dossiers_open_report_idx`);
  }
}
