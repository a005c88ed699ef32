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
   * A condition on `i`: its case contains `pattern`, a `$n` bound to a folded LIKE pattern
   * (`foldedContains` of libs/common), or the business key does.
   */
  matches(pattern: string): string;
}

/** Without an owner of cases: no subject columns; the folded business key alone is searched. */
const NO_SUBJECT: InboxSubjectSql = {
  join: `LEFT JOIN LATERAL (SELECT NULL::text AS applicant_name, NULL::text AS procedure_name, NULL::timestamptz AS appointment_at) subj ON true`,
  matches: (pattern) => `vn_fold(i.business_key) LIKE ${pattern}`,
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
}
