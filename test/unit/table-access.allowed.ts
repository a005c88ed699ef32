/**
 * Cross-lib table access that remains (issue 17 item 4), as `file: read|write table`. This list may
 * only SHRINK: test/unit/table-ownership.spec.ts fails on any access not listed here and on any entry
 * that no longer happens. To remove an entry, move the query behind a view or query function that the
 * table's owner (libs/database/src/table-owners.ts) exports. Before issue 17: 28 entries, 21 lib→table
 * pairs, in 12 files (31, 24 and 13 counting libs/observability's engine metrics, moved to their owners).
 * After: none. Reports read the views the owners publish (migration 1764600900000-PublishedReadViews),
 * files and dossiers run the queries libs/dossiers and libs/workflow export, the SMS operations page
 * moved to libs/tracking with its table, and libs/worktime sets a unit's hours through identity's
 * `UNIT_OFFICE_HOURS` port. Keep it empty: publish a view or a query instead of adding an entry.
 */
export const ALLOWED_CROSS_LIB_ACCESS: readonly string[] = [];
