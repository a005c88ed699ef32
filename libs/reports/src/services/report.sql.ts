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
 * Per dossier whose appointment moved (domain/appointment-history.ts in SQL), the appointment in
 * force just before `at` (`as_of`, null when every move came later) and the one the first move
 * started from (`first_previous`). Read once for all moves (`dossier_events_moves_idx`) and joined,
 * rather than looked up per dossier: a correlated lookup is costed once per row, and on a
 * province's million dossiers that estimate led the planner to index scans and JIT (15 s).
 */
const movesAsOf = (at: string) => `(SELECT e.code,
      (array_agg((e.data->>'appointmentAt')::timestamptz ORDER BY e.at DESC, e.id DESC) FILTER (WHERE e.at < ${at}))[1] AS as_of,
      (array_agg((e.data->>'previousAppointmentAt')::timestamptz ORDER BY e.at, e.id))[1] AS first_previous
    FROM dossier_events e WHERE e.type IN (${MOVES}) GROUP BY e.code)`;

/** The appointment in force just before the moves' instant: the last move before it, else where the first move started, else the current one. */
const APPOINTMENT_AS_OF = `(CASE WHEN d.appointment_at = d.original_appointment_at THEN d.appointment_at
    ELSE COALESCE(m.as_of, m.first_previous, d.appointment_at) END)`;

/** The Vietnam calendar day of a timestamp column or expression. */
export const vietnamDay = (column: string) => `(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

/**
 * The dossiers a period's table counts, one row each with `key` (the grouping expression, over `d`
 * and `p` = the dossier's procedure), `channel`, `status`, `received_at`, `finished`, `appointment`
 * (as of the period's end): received before the end and either within the period or carried over
 * (unfinished at its start). Parameters: $1 = period start, $2 = period end, $3 = unit codes.
 */
export function periodDossiers(key: string): string {
  return `SELECT ${key} AS key, d.channel, d.status, d.received_at, ${FINISHED} AS finished, ${APPOINTMENT_AS_OF} AS appointment
    FROM dossiers d
    ${key.includes('p.') ? 'JOIN procedures p ON p.code = d.procedure_code' : ''}
    LEFT JOIN ${movesAsOf('$2')} m ON m.code = d.code
    WHERE d.unit_code = ANY($3) AND d.received_at < $2
      AND (d.received_at >= $1 OR ${FINISHED} IS NULL OR ${FINISHED} >= $1)`;
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
