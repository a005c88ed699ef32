import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../../common/src';
import { reportPeriod } from '../domain/summary.rules';
import { ReportScopeService } from './report-scope.service';
import { checkPeriod } from './summary-report.service';

/** A score of 4 or 5 counts as satisfied (ADR 0030; libs/tracking rating.rules SATISFIED_FROM). */
const SATISFIED_FROM = 4;

export type RatingsGroupBy = 'unit' | 'procedure';

export interface RatingsReportCriterion {
  code: string;
  label: string;
  /** Asked on new ratings now; a retired criterion still shows while the period has scores for it. */
  active: boolean;
}

export interface RatingsReportRow {
  /** The unit or procedure code; null for the total. */
  key: string | null;
  name: string;
  count: number;
  averageOverall: number | null;
  satisfied: number;
  /** Percent of the ratings with an overall score of 4 or more, one decimal; null without ratings. */
  satisfiedRate: number | null;
  /** In the order of the report's `criteria`: ratings that scored it and their mean. */
  criteria: { code: string; count: number; average: number | null }[];
}

export interface RatingsReport {
  unitCode: string;
  unitName: string;
  from: string;
  to: string;
  groupBy: RatingsGroupBy;
  criteria: RatingsReportCriterion[];
  rows: RatingsReportRow[];
  total: RatingsReportRow;
}

type GroupRow = { key: string | null; name: string | null; count: number; average: string | null; satisfied: number };
type CriterionRow = { key: string | null; criterion: string; count: number; average: string | null };

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/**
 * The leaders' satisfaction report (issue 18 item 6): the ratings given in a period (Vietnam days) on
 * dossiers of the caller's unit subtree, by unit or by procedure, with the total: count, mean overall
 * score, share satisfied and each criterion's mean. Reads the views libs/tracking publishes.
 */
@Injectable()
export class RatingsReportService {
  constructor(
    private readonly db: DataSource,
    private readonly scope: ReportScopeService,
  ) {}

  async report(
    user: AuthUser,
    query: { from: string; to: string; unit?: string; groupBy?: RatingsGroupBy },
  ): Promise<RatingsReport> {
    checkPeriod(query.from, query.to);
    const { unitCode, unitName, unitCodes } = await this.scope.resolve(user, query.unit);
    const groupBy = query.groupBy ?? 'unit';
    const { start, end } = reportPeriod(query.from, query.to);
    const column = groupBy === 'unit' ? 'r.unit_code' : 'r.procedure_code';
    const name =
      groupBy === 'unit'
        ? `(SELECT u.name FROM unit_names u WHERE u.code = r.unit_code)`
        : `(SELECT p.name FROM report_procedures p WHERE p.code = r.procedure_code)`;
    const where = `r.unit_code = ANY($1) AND r.rated_at >= $2 AND r.rated_at < $3`;
    const params = [unitCodes, start, end];
    const groups: (GroupRow & { total: boolean })[] = await this.db.query(
      `SELECT ${column} AS key, min(${name}) AS name, count(*)::int AS count, avg(r.overall)::text AS average,
              count(*) FILTER (WHERE r.overall >= ${SATISFIED_FROM})::int AS satisfied, GROUPING(${column}) = 1 AS total
         FROM report_ratings r WHERE ${where}
        GROUP BY GROUPING SETS ((${column}), ()) ORDER BY 6, 1`,
      params,
    );
    const scores: (CriterionRow & { total: boolean })[] = await this.db.query(
      `SELECT ${column} AS key, s.criterion_code AS criterion, count(*)::int AS count, avg(s.score)::text AS average,
              GROUPING(${column}) = 1 AS total
         FROM report_ratings r JOIN report_rating_scores s ON s.dossier_code = r.dossier_code WHERE ${where}
        GROUP BY GROUPING SETS ((${column}, s.criterion_code), (s.criterion_code))`,
      params,
    );
    const criteria: RatingsReportCriterion[] = await this.db.query(
      `SELECT c.code, c.label, c.active FROM report_rating_criteria c
        WHERE c.active OR c.code = ANY($1) ORDER BY c.position, c.code`,
      [[...new Set(scores.map((s) => s.criterion))]],
    );
    // A score whose criterion was since deleted from the list keeps the label it was given with.
    for (const code of new Set(scores.map((s) => s.criterion)))
      if (!criteria.some((c) => c.code === code)) criteria.push({ code, label: code, active: false });
    const row = (group: GroupRow | undefined, key: string | null, total: boolean): RatingsReportRow => {
      const count = group?.count ?? 0;
      const satisfied = group?.satisfied ?? 0;
      return {
        key,
        name: total ? 'Tổng cộng' : (group?.name ?? key ?? 'Không rõ'),
        count,
        averageOverall: group?.average != null ? round(Number(group.average), 2) : null,
        satisfied,
        satisfiedRate: count ? round((satisfied / count) * 100, 1) : null,
        criteria: criteria.map((c) => {
          const s = scores.find((x) => x.total === total && x.criterion === c.code && (total || x.key === key));
          return {
            code: c.code,
            count: s?.count ?? 0,
            average: s?.average != null ? round(Number(s.average), 2) : null,
          };
        }),
      };
    };
    return {
      unitCode,
      unitName,
      from: query.from,
      to: query.to,
      groupBy,
      criteria,
      rows: groups.filter((g) => !g.total).map((g) => row(g, g.key, false)),
      total: row(
        groups.find((g) => g.total),
        null,
        true,
      ),
    };
  }
}
