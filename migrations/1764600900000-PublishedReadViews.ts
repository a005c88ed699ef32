import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The views the owners of tables publish for other libs to read (issue 17 item 4; libs/database/src/table-owners.ts
 * marks them `published`). Reports, and the few reads of files and dossiers beyond their own tables, select from
 * these instead of naming another lib's table. Each is a plain projection of one table (no join, no filter, no
 * expression), so PostgreSQL inlines it into the reader's query: the plans, index-only scans over the partial
 * report indexes included, are those of the table itself. A column a view names cannot be dropped or retyped
 * without replacing the view first: the owner's next migration does that, and the readers see what it publishes.
 */
/** Each view as its CREATE statement (spelled out: test/unit/table-ownership.spec.ts reads the names), with its owner. */
const VIEWS: { name: string; owner: string; create: string }[] = [
  // libs/identity: a unit's name, active or not (a past period may count a unit since closed).
  { name: 'unit_names', owner: 'identity', create: `CREATE VIEW unit_names AS SELECT code, name, active FROM units` },
  // libs/workflow: the steps and instances as reports read them (the overdue list).
  {
    name: 'report_steps',
    owner: 'workflow',
    create: `CREATE VIEW report_steps AS
      SELECT id, instance_id, name, status, unit_code, assignee, candidate_groups, due_at, overdue_at FROM tasks`,
  },
  {
    name: 'report_instances',
    owner: 'workflow',
    create: `CREATE VIEW report_instances AS SELECT id, procedure_code FROM process_instances`,
  },
  // libs/dossiers: dossiers, their events, current step and procedures as the period reports and the overdue list read them.
  {
    name: 'report_dossiers',
    owner: 'dossiers',
    create: `CREATE VIEW report_dossiers AS
      SELECT code, instance_id, procedure_code, unit_code, channel, status, received_at, appointment_at,
        original_appointment_at, resolved_at, returned_at, paused_at, paused_ms FROM dossiers`,
  },
  {
    name: 'report_dossier_events',
    owner: 'dossiers',
    create: `CREATE VIEW report_dossier_events AS SELECT id, code, type, at, data FROM dossier_events`,
  },
  {
    name: 'report_dossier_steps',
    owner: 'dossiers',
    create: `CREATE VIEW report_dossier_steps AS SELECT code, current_step FROM dossier_status`,
  },
  {
    name: 'report_procedures',
    owner: 'dossiers',
    create: `CREATE VIEW report_procedures AS SELECT code, name, field FROM procedures`,
  },
];

export class PublishedReadViews1764600900000 implements MigrationInterface {
  name = 'PublishedReadViews1764600900000';

  async up(db: QueryRunner): Promise<void> {
    for (const view of VIEWS) {
      await db.query(view.create);
      await db.query(
        `COMMENT ON VIEW ${view.name} IS 'Published by libs/${view.owner} for other libs to read (issue 17 item 4)'`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const view of [...VIEWS].reverse()) await db.query(`DROP VIEW IF EXISTS ${view.name}`);
  }
}
