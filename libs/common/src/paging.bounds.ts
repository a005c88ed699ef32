/**
 * Upper bounds on numbers the edge accepts (issue 15 item 12). Postgres refuses larger values
 * (OFFSET is a bigint, versions are int4), and the error filter treats such a refusal as a server
 * bug (500), so every DTO bounds them first and answers 400 `VALIDATION_FAILED`.
 */

/** Deepest `?offset=` of any list: past a million rows, narrow the list with its filters instead. */
export const MAX_OFFSET = 1_000_000;

/** Largest process version number: the `version` columns are Postgres `integer` (int4). */
export const MAX_VERSION = 2_147_483_647;

/** Earliest and latest instants a date-time filter accepts: Postgres cannot store JavaScript's ±270,000 years. */
export const EARLIEST_FILTER_DATE = new Date('1970-01-01T00:00:00Z');
export const LATEST_FILTER_DATE = new Date('9999-12-31T23:59:59.999Z');
