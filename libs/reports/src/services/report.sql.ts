import { APPOINTMENT_MOVE_EVENTS } from '../domain/appointment-history';

/**
 * SQL fragments shared by the period reports (Biểu II.06a, the periodic report, the weekly
 * trend). They are the rules of `domain/summary.rules.ts` and `domain/appointment-history.ts`
 * written over the alias `d` of `dossiers`.
 */

/** When a dossier finished: result ready, refused or withdrawn (`resolved_at`), else returned. */
export const FINISHED = `COALESCE(d.resolved_at, d.returned_at)`;

const MOVES = APPOINTMENT_MOVE_EVENTS.map((type) => `'${type}'`).join(', ');

/**
 * The appointment in force just before `at` (a SQL expression): the last move recorded before
 * it, else the appointment the first move started from, else the current one. The subqueries
 * run only for dossiers whose appointment moved (`dossier_events_code_idx` serves them).
 */
export const appointmentAsOf = (at: string) => `(CASE WHEN d.appointment_at = d.original_appointment_at THEN d.appointment_at ELSE COALESCE(
    (SELECT (e.data->>'appointmentAt')::timestamptz FROM dossier_events e
      WHERE e.code = d.code AND e.type IN (${MOVES}) AND e.at < ${at} ORDER BY e.at DESC, e.id DESC LIMIT 1),
    (SELECT (e.data->>'previousAppointmentAt')::timestamptz FROM dossier_events e
      WHERE e.code = d.code AND e.type IN (${MOVES}) ORDER BY e.at, e.id LIMIT 1),
    d.appointment_at) END)`;

/** The Vietnam calendar day of a timestamp column or expression. */
export const vietnamDay = (column: string) => `(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

/**
 * The dossiers a period's table counts, one row each with `key`, `name`, `channel`, `status`,
 * `received_at`, `finished`, `appointment` (as of the period's end): received before the end
 * and either within the period or carried over (unfinished at its start).
 * Parameters: $1 = period start, $2 = period end, $3 = unit codes. `OFFSET 0` keeps the planner
 * from inlining `appointment` into each count that reads it (the history lookup would run once per count).
 */
export function periodDossiers(group: { key: string; name: string }): string {
  return `SELECT ${group.key} AS key, ${group.name} AS name, d.channel, d.status, d.received_at,
      ${FINISHED} AS finished, ${appointmentAsOf('$2')} AS appointment
    FROM dossiers d
    JOIN procedures p ON p.code = d.procedure_code
    LEFT JOIN units u ON u.code = d.unit_code
    WHERE d.unit_code = ANY($3) AND d.received_at < $2
      AND (d.received_at >= $1 OR ${FINISHED} IS NULL OR ${FINISHED} >= $1)
    OFFSET 0`;
}

/** The II.06a counts over the rows of `periodDossiers` (alias `r`); $1, $2 as there. */
export const SUMMARY_COUNTS = (() => {
  const carried = `r.received_at < $1`;
  const fresh = `r.received_at >= $1`;
  const resolved = `(r.finished < $2 AND r.status <> 'withdrawn')`;
  const inProgress = `(r.finished IS NULL OR r.finished >= $2)`;
  return `count(*)::int AS received,
    count(*) FILTER (WHERE ${fresh} AND r.channel = 'online')::int AS "receivedOnline",
    count(*) FILTER (WHERE ${fresh} AND r.channel <> 'online')::int AS "receivedDirect",
    count(*) FILTER (WHERE ${carried})::int AS "carriedOver",
    count(*) FILTER (WHERE ${resolved})::int AS resolved,
    count(*) FILTER (WHERE ${resolved} AND ${vietnamDay('r.finished')} < ${vietnamDay('r.appointment')})::int AS "resolvedEarly",
    count(*) FILTER (WHERE ${resolved} AND ${vietnamDay('r.finished')} >= ${vietnamDay('r.appointment')} AND r.finished <= r.appointment)::int AS "resolvedOnTime",
    count(*) FILTER (WHERE ${resolved} AND r.finished > r.appointment)::int AS "resolvedLate",
    count(*) FILTER (WHERE ${inProgress})::int AS "inProgress",
    count(*) FILTER (WHERE ${inProgress} AND $2 <= r.appointment)::int AS "inProgressWithinTime",
    count(*) FILTER (WHERE ${inProgress} AND $2 > r.appointment)::int AS "inProgressOverdue"`;
})();
