import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The admin-maintained working calendar (libs/worktime, DESIGN §4): one holiday table per
 * edited year (a year without a row uses `defaultHolidays(year)`), and province-wide settings
 * such as the default office hours. A unit's own hours live in `units.office_hours` (identity).
 */
export class Worktime1764300200000 implements MigrationInterface {
  name = 'Worktime1764300200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE holiday_tables (
        year         integer PRIMARY KEY CHECK (year BETWEEN 1900 AND 2199),
        holidays     jsonb NOT NULL DEFAULT '[]',
        working_days jsonb NOT NULL DEFAULT '[]',
        updated_by   text,
        updated_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE calendar_settings (
        key        text PRIMARY KEY,
        value      jsonb NOT NULL,
        updated_by text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE calendar_settings`);
    await db.query(`DROP TABLE holiday_tables`);
  }
}
