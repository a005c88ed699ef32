/** A table's or view's owner; a view other libs may read is `{ owner, published: true }`. */
export type TableOwner = string | { owner: string; published: true };

/**
 * Each table has one owning lib (issue 17 item 4): only the owner's SQL names the table; other libs
 * read it through the views or query functions the owner exports. Tables are listed by the migration
 * that creates them; test/unit/table-ownership.spec.ts checks that every table created in migrations/
 * is listed here and that no lib touches another's table beyond its shrinking allow-list. A view its
 * owner publishes (`published: true`, only views may be) is read by any lib; no other lib writes it.
 */
export const TABLE_OWNERS = {
  // 1764300000000-identity
  units: 'identity',
  users: 'identity',
  audit_log: 'identity',
  // 1764300001000-workflow, -deadlines, -TaskCounts, -ProcedureOwnership, -IdempotencyKeys, -TaskOpinions
  process_definitions: 'workflow',
  process_instances: 'workflow',
  tasks: 'workflow',
  jobs: 'workflow',
  history_events: 'workflow',
  incidents: 'workflow',
  notifications: 'workflow',
  task_counts: 'workflow',
  task_count_changes: 'workflow',
  process_keys: 'workflow',
  idempotency_keys: 'workflow',
  task_opinions: 'workflow',
  // 1764601600000-InboxSavedFilters
  inbox_filters: 'workflow',
  // 1764300200000-worktime
  holiday_tables: 'worktime',
  calendar_settings: 'worktime',
  // 1764300400000-dossiers, -ProcedureCatalogAdmin (dossier_status is the public projection channels read)
  procedures: 'dossiers',
  procedure_forms: 'dossiers',
  dossier_counters: 'dossiers',
  dossiers: 'dossiers',
  dossier_status: 'dossiers',
  dossier_events: 'dossiers',
  // 1764500100000-DossierFiles
  dossier_files: 'files',
  file_uploads: 'files',
  // 1764601200000-OnlineSubmissions (issue 18 item 3): files a citizen uploads before submitting; the submissions
  staged_files: 'files',
  online_submissions: 'online',
  // 1764300800000-Tracking
  sms_outbox: 'tracking',
  // 1764601100000-CitizenAccounts (issue 18, ADR 0027)
  citizen_accounts: 'citizens',
  citizen_codes: 'citizens',
  // 1764600900000-PublishedReadViews: what the owners publish for other libs to read (reports, files, dossiers)
  unit_names: { owner: 'identity', published: true },
  report_steps: { owner: 'workflow', published: true },
  report_instances: { owner: 'workflow', published: true },
  report_dossiers: { owner: 'dossiers', published: true },
  report_dossier_events: { owner: 'dossiers', published: true },
  report_dossier_steps: { owner: 'dossiers', published: true },
  report_procedures: { owner: 'dossiers', published: true },
  // 1764601300000-Payments (issue 18 item 5): fee payments; reports read the paid ones through report_payments
  payments: 'payments',
  report_payments: { owner: 'payments', published: true },
  // 1764601400000-Ratings: satisfaction ratings (issue 18 item 6, ADR 0030) and what libs/reports reads of them
  rating_criteria: 'tracking',
  dossier_ratings: 'tracking',
  dossier_rating_scores: 'tracking',
  report_ratings: { owner: 'tracking', published: true },
  report_rating_scores: { owner: 'tracking', published: true },
  report_rating_criteria: { owner: 'tracking', published: true },
} as const satisfies Record<string, TableOwner>;

export type OwnedTable = keyof typeof TABLE_OWNERS;

/** The lib that owns a table or view. */
export const ownerOf = (entry: TableOwner): string => (typeof entry === 'string' ? entry : entry.owner);

/** True for a view its owner publishes for other libs to read. */
export const isPublished = (entry: TableOwner): boolean => typeof entry !== 'string' && entry.published;
