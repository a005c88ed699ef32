import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the leaders' reports (libs/reports). Both are partial: they hold a small share of a
 * province's history.
 * - The appointment moves (supplements received, apologies): every period report reads them all
 *   to judge with the appointment of the period's end (`services/report.sql.ts`).
 * - Dossiers past their appointment, for the overdue report: unfinished and not waiting for a
 *   supplement, by unit and appointment. `IF NOT EXISTS`: the benchmark database was given the same
 *   index by hand (bench/out/size-plans.txt) and another change may add it first.
 */
export class ReportIndexes1764302900000 implements MigrationInterface {
  name = 'ReportIndexes1764302900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX dossier_events_moves_idx ON dossier_events (code) WHERE type IN ('supplement-received', 'apology')`,
    );
    await db.query(`CREATE INDEX IF NOT EXISTS dossiers_open_unit_appointment_idx ON dossiers (unit_code, appointment_at)
      WHERE resolved_at IS NULL AND returned_at IS NULL AND paused_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS dossiers_open_unit_appointment_idx`);
    await db.query(`DROP INDEX dossier_events_moves_idx`);
  }
}
