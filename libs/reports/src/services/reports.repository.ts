import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** An overdue open step or dossier as read from the tables (lateness is added by the service). */
export interface OverdueRecord {
  kind: 'step' | 'dossier';
  dossierCode: string | null;
  procedureCode: string | null;
  procedureName: string | null;
  unitCode: string;
  unitName: string | null;
  step: string | null;
  taskId: string | null;
  assignee: string | null;
  candidateGroups: string[];
  dueAt: Date;
}

/** Units and the overdue list; every query is limited to a list of unit codes. */
@Injectable()
export class ReportsRepository {
  constructor(private readonly db: DataSource) {}

  /** Code and name of the given units, by code. */
  units(codes: string[]): Promise<{ code: string; name: string }[]> {
    return this.db.query(`SELECT code, name FROM units WHERE code = ANY($1) AND active ORDER BY code`, [codes]);
  }

  /** Open steps past due (or flagged overdue) in `units`, and unresolved dossiers past their appointment. */
  async overdue(now: Date, units: string[], filter: { procedure?: string; assignee?: string }): Promise<OverdueRecord[]> {
    const steps: OverdueRecord[] = await this.db.query(
      `SELECT 'step' AS kind, d.code AS "dossierCode", i.procedure_code AS "procedureCode", p.name AS "procedureName",
         t.unit_code AS "unitCode", u.name AS "unitName", t.name AS step, t.id AS "taskId", t.assignee,
         t.candidate_groups AS "candidateGroups", t.due_at AS "dueAt"
       FROM tasks t
       JOIN process_instances i ON i.id = t.instance_id
       LEFT JOIN dossiers d ON d.instance_id = t.instance_id
       LEFT JOIN procedures p ON p.code = i.procedure_code
       LEFT JOIN units u ON u.code = t.unit_code
       WHERE t.status = 'open' AND t.due_at IS NOT NULL AND (t.due_at < $1 OR t.overdue_at IS NOT NULL)
         AND t.unit_code = ANY($2)
         AND ($3::text IS NULL OR i.procedure_code = $3) AND ($4::text IS NULL OR t.assignee = $4)`,
      [now, units, filter.procedure ?? null, filter.assignee ?? null],
    );
    // A dossier waiting for a supplement is paused: its appointment moves on receipt, so it is not late.
    const dossiers: OverdueRecord[] = await this.db.query(
      `SELECT 'dossier' AS kind, d.code AS "dossierCode", d.procedure_code AS "procedureCode", p.name AS "procedureName",
         d.unit_code AS "unitCode", u.name AS "unitName", s.current_step AS step, NULL AS "taskId",
         (SELECT string_agg(DISTINCT t.assignee, ', ') FROM tasks t WHERE t.instance_id = d.instance_id AND t.status = 'open') AS assignee,
         '{}'::text[] AS "candidateGroups", d.appointment_at AS "dueAt"
       FROM dossiers d
       JOIN procedures p ON p.code = d.procedure_code
       LEFT JOIN dossier_status s ON s.code = d.code
       LEFT JOIN units u ON u.code = d.unit_code
       WHERE d.resolved_at IS NULL AND d.returned_at IS NULL AND d.paused_at IS NULL
         AND d.status NOT IN ('returned', 'rejected', 'withdrawn', 'result_ready', 'supplement_required')
         AND d.appointment_at < $1 AND d.unit_code = ANY($2)
         AND ($3::text IS NULL OR d.procedure_code = $3)
         AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM tasks t WHERE t.instance_id = d.instance_id AND t.status = 'open' AND t.assignee = $4))`,
      [now, units, filter.procedure ?? null, filter.assignee ?? null],
    );
    return [...steps, ...dossiers];
  }
}
