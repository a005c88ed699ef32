import { vietnamDateSql } from '../../../calendar/src';
import { APPOINTMENT_MOVE_EVENTS } from '../domain/appointment-history';
import { countsAsResolvedSql } from '../domain/refusal.rule';

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
    FROM report_dossier_events e WHERE e.type IN (${MOVES}) GROUP BY e.code)`;

/** The appointment in force just before the moves' instant: the last move before it, else where the first move started, else the current one. */
const APPOINTMENT_AS_OF = `COALESCE(m.as_of, m.first_previous, d.appointment_at)`;

/**
 * The Vietnam calendar day of a timestamp column or expression: libs/calendar's one SQL spelling.
 * A fixed offset costs a third of a named zone, which looked its rules up twice per row (90 ms of
 * 170 ms over a province's 290,000 finished dossiers).
 */
export const vietnamDay = vietnamDateSql;

/** Unfinished, and finished: `dossiers_open_report_idx` and `dossiers_finished_report_idx` have these predicates. */
const OPEN = `d.resolved_at IS NULL AND d.returned_at IS NULL`;
/** An appointment never moved (most dossiers) is in force at any instant; moved ones are few (`dossiers_moved_idx`). */
const UNMOVED = `d.appointment_at = d.original_appointment_at`;
const MOVED = `d.appointment_at <> d.original_appointment_at`;

/** Outcome codes of `periodOutcomes` from `finished`, `status` and `appointment` (as of the end) of the rows `r`. */
const OUTCOME = `CASE WHEN r.finished < $2 THEN
             CASE WHEN NOT (${countsAsResolvedSql('r')}) THEN 0
                  WHEN ${vietnamDay('r.finished')} < ${vietnamDay('r.appointment')} THEN 1
                  WHEN r.finished <= r.appointment THEN 2 ELSE 3 END
           WHEN $2 <= r.appointment THEN 4 ELSE 5 END`;

/**
 * The kinds of an unfinished dossier whose appointment never moved: fresh or carried over, online
 * or not, in progress within time (4) or overdue (5) at the end. Counted per group with one filter
 * each and turned into rows after: a third faster than grouping the million rows by the kinds.
 */
const OPEN_KINDS = [true, false].flatMap((fresh) =>
  [true, false].flatMap((online) =>
    [4, 5].map((outcome) => ({
      fresh,
      online,
      outcome,
      where: [
        fresh ? `d.received_at >= $1` : `d.received_at < $1`,
        `d.channel ${online ? '=' : '<>'} 'online'`,
        outcome === 4 ? `$2 <= d.appointment_at` : `d.appointment_at < $2`,
      ].join(' AND '),
    })),
  ),
);

/**
 * The period's dossiers counted by group and kind, one row per `key` (the grouping expression, over
 * `d` and `p` = the dossier's procedure), `fresh` (received within the period, else carried over),
 * `online`, `outcome` (0 withdrawn during the period, 1 resolved early, 2 on time, 3 late, 4 in
 * progress within time, 5 overdue) with how many (`n`). The dossiers are those received before the
 * end and either within the period or carried over (unfinished at its start); $1 = period start,
 * $2 = period end, $3 = unit codes. Three disjoint parts, so that the million open dossiers of a
 * province are counted from an index alone:
 * - unfinished, appointment never moved: in progress at the end, within time or overdue by the
 *   appointment (index-only over `dossiers_open_report_idx`, counted by `OPEN_KINDS`);
 * - finished within or after the period, appointment never moved (index-only over
 *   `dossiers_finished_report_idx`; a dossier finishes after its receipt, so "received within the
 *   period or finished after its start" is "finished after its start");
 * - appointment moved: with the appointment in force at the period's end.
 */
export function periodOutcomes(key: string): string {
  const procedures = key.includes('p.') ? 'JOIN report_procedures p ON p.code = d.procedure_code' : '';
  const counted = `d.unit_code = ANY($3) AND d.received_at < $2`;
  return `SELECT o.key, v.fresh, v.online, v.outcome, v.n
    FROM (SELECT ${key} AS key, ${OPEN_KINDS.map((kind, i) => `count(*) FILTER (WHERE ${kind.where}) AS k${i}`).join(', ')}
      FROM report_dossiers d ${procedures}
      WHERE ${OPEN} AND ${UNMOVED} AND ${counted}
      GROUP BY 1) o
    CROSS JOIN LATERAL (VALUES ${OPEN_KINDS.map((kind, i) => `(${kind.fresh}, ${kind.online}, ${kind.outcome}, o.k${i})`).join(', ')}) v(fresh, online, outcome, n)
    WHERE v.n > 0
  UNION ALL
  SELECT r.key, r.received_at >= $1, r.channel = 'online', ${OUTCOME}, count(*)
    FROM (SELECT ${key} AS key, d.channel, d.status, d.received_at, ${FINISHED} AS finished, d.appointment_at AS appointment
        FROM report_dossiers d ${procedures}
        WHERE ${FINISHED} IS NOT NULL AND ${UNMOVED} AND ${FINISHED} >= $1 AND ${counted}
      UNION ALL
      SELECT ${key}, d.channel, d.status, d.received_at, ${FINISHED}, ${APPOINTMENT_AS_OF}
        FROM report_dossiers d ${procedures}
        LEFT JOIN ${movesAsOf('$2')} m ON m.code = d.code
        WHERE ${MOVED} AND ${counted} AND (d.received_at >= $1 OR ${FINISHED} IS NULL OR ${FINISHED} >= $1)) r
    GROUP BY 1, 2, 3, 4`;
}

/** The II.06a counts over the rows of `periodOutcomes` (alias `g`). */
export const SUMMARY_COUNTS = (() => {
  const count = (name: string, where?: string) =>
    `COALESCE(sum(g.n)${where ? ` FILTER (WHERE ${where})` : ''}, 0)::int AS "${name}"`;
  return [
    count('received'),
    count('receivedOnline', 'g.fresh AND g.online'),
    count('receivedDirect', 'g.fresh AND NOT g.online'),
    count('carriedOver', 'NOT g.fresh'),
    count('resolved', 'g.outcome BETWEEN 1 AND 3'),
    count('resolvedEarly', 'g.outcome = 1'),
    count('resolvedOnTime', 'g.outcome = 2'),
    count('resolvedLate', 'g.outcome = 3'),
    count('inProgress', 'g.outcome >= 4'),
    count('inProgressWithinTime', 'g.outcome = 4'),
    count('inProgressOverdue', 'g.outcome = 5'),
  ].join(',\n    ');
})();
