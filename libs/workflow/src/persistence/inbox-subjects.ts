import { Injectable } from '@nestjs/common';

/**
 * What the inbox shows and searches of the case behind a step (issue 19 item 1), as SQL on `i`
 * (process_instances). The owner of the cases fills it at start-up (libs/dossiers, a layer above): the
 * SQL naming its tables stays in its own lib (docs/architecture.md, table ownership).
 */
export interface InboxSubjectSql {
  /** A join on `i` giving alias `subj` with `applicant_name`, `procedure_name`, `appointment_at` (one row or none). */
  join: string;
  /**
   * A query of the business keys whose case contains `pattern`, a `$n` bound to a folded LIKE pattern
   * (`foldedContains` of libs/common); the inbox adds the keys that contain it themselves.
   */
  matchingKeys(pattern: string): string;
}

/** Without an owner of cases: no subject columns; the business key alone is searched. */
const NO_SUBJECT: InboxSubjectSql = {
  join: `LEFT JOIN LATERAL (SELECT NULL::text AS applicant_name, NULL::text AS procedure_name, NULL::timestamptz AS appointment_at) subj ON true`,
  matchingKeys: () => `SELECT NULL::text WHERE false`,
};

/** The port: libs/dossiers provides its SQL here; TasksRepository reads it for each inbox page. */
@Injectable()
export class InboxSubjects {
  private current: InboxSubjectSql = NO_SUBJECT;

  provide(sql: InboxSubjectSql): void {
    this.current = sql;
  }

  get sql(): InboxSubjectSql {
    return this.current;
  }

  /**
   * The inbox's search, on `t` (tasks): its instance's case or business key contains `pattern`. One
   * semi-join of two indexed sets, no OR and nothing folded per step: a full name or ID number (a few
   * matches) goes from the trigram indexes to its steps. A common prefix ("nguyen van") reads its whole
   * match set, since the page's total counts them all (bench/search/README.md).
   */
  searchSql(pattern: string): string {
    return `t.instance_id IN (
      SELECT si.id FROM process_instances si WHERE si.business_key IN (${this.current.matchingKeys(pattern)})
      UNION ALL SELECT si.id FROM process_instances si WHERE lower(si.business_key) LIKE ${pattern} AND si.business_key IS NOT NULL)`;
  }
}
