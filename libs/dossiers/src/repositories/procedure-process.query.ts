/**
 * A procedure's code, name and the key of the process that handles it (`$1`: the procedure code);
 * no row when there is no such procedure. Published by libs/dossiers, which owns `procedures`, for
 * the reports' process heatmap (issue 17 item 4).
 */
export const PROCEDURE_PROCESS_SQL = `SELECT code, name, process_key AS "processKey" FROM procedures WHERE code = $1`;
