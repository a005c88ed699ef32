import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InboxSubjects, type InboxSubjectSql } from '../../../workflow/src';

/**
 * The dossier behind an inbox step (issue 19 item 1): applicant, procedure and appointment as columns,
 * and the search by dossier code, applicant name or ID number, accents ignored, on dossiers_search_idx.
 * Given to libs/workflow's inbox through its `InboxSubjects` port, so workflow's SQL names no dossier table.
 */
export const DOSSIER_INBOX_SUBJECT: InboxSubjectSql = {
  join: `LEFT JOIN LATERAL (
      SELECT d.applicant->>'fullName' AS applicant_name, s.procedure_name, d.appointment_at
      FROM dossiers d JOIN dossier_status s ON s.code = d.code WHERE d.code = i.business_key) subj ON true`,
  matchingKeys: (pattern) => `SELECT d.code FROM dossiers d WHERE d.search_text LIKE ${pattern}`,
};

/** Fills workflow's inbox port with the dossier SQL at start-up. */
@Injectable()
export class DossierInboxSubject implements OnModuleInit {
  constructor(private readonly subjects: InboxSubjects) {}

  onModuleInit(): void {
    this.subjects.provide(DOSSIER_INBOX_SUBJECT);
  }
}
