import { ApiProperty } from '@nestjs/swagger';
import type { PeriodicHalf } from '../domain/periodic.rules';

export const GROUP_BYS = ['field', 'procedure', 'unit'] as const;
const DAY = { format: 'date', example: '2026-01-01' } as const;

/** The II.06a counts of a line or of the totals (Biểu II.06a, TT 01/2018/TT-VPCP). */
export class SummaryCountsDto {
  @ApiProperty() received: number;
  @ApiProperty() receivedOnline: number;
  @ApiProperty() receivedDirect: number;
  @ApiProperty({ description: "Unfinished at the period's start" }) carriedOver: number;
  @ApiProperty() resolved: number;
  @ApiProperty() resolvedEarly: number;
  @ApiProperty() resolvedOnTime: number;
  @ApiProperty() resolvedLate: number;
  @ApiProperty() inProgress: number;
  @ApiProperty() inProgressWithinTime: number;
  @ApiProperty() inProgressOverdue: number;
}

export class SummaryLineDto extends SummaryCountsDto {
  @ApiProperty({ description: 'The field, procedure code or unit code' }) key: string;
  @ApiProperty() name: string;
}

/** `GET /api/reports/summary`: Biểu II.06a for a period and a unit subtree. */
export class SummaryReportDto {
  @ApiProperty(DAY) from: string;
  @ApiProperty(DAY) to: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ enum: GROUP_BYS, enumName: 'ReportGroupBy' }) groupBy: (typeof GROUP_BYS)[number];
  @ApiProperty({ type: [SummaryLineDto] }) lines: SummaryLineDto[];
  @ApiProperty({ type: SummaryCountsDto }) totals: SummaryCountsDto;
}

/** `GET /api/reports/breakdown`: the period's table by field, unit and procedure in one read. */
export class SummaryBreakdownDto {
  @ApiProperty(DAY) from: string;
  @ApiProperty(DAY) to: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ type: [SummaryLineDto] }) byField: SummaryLineDto[];
  @ApiProperty({ type: [SummaryLineDto] }) byUnit: SummaryLineDto[];
  @ApiProperty({ type: [SummaryLineDto] }) byProcedure: SummaryLineDto[];
  @ApiProperty({ type: SummaryCountsDto }) totals: SummaryCountsDto;
}

/** A periodic report's figures (per procedure, per unit, in total). */
export class PeriodicFiguresDto {
  @ApiProperty() carriedOver: number;
  @ApiProperty() received: number;
  @ApiProperty() receivedOnline: number;
  @ApiProperty() resolved: number;
  @ApiProperty() resolvedOnTime: number;
  @ApiProperty() resolvedLate: number;
  @ApiProperty() inProgress: number;
  @ApiProperty() inProgressOverdue: number;
  @ApiProperty({ description: 'Sum of the processing time of the resolved dossiers, in working days' })
  processingDays: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Percent, one decimal; null when nothing was resolved' })
  onTimeRate: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Percent, one decimal; null when nothing was received' })
  onlineShare: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Working days, one decimal; null when nothing was resolved',
  })
  averageProcessingDays: number | null;
  @ApiProperty({ description: 'Dossiers whose fee was paid online within the period (ADR 0029)' })
  feesPaidOnline: number;
  @ApiProperty({ description: 'Fees collected online within the period, VND' }) feesCollectedOnline: number;
}

export class PeriodicProcedureLineDto extends PeriodicFiguresDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class PeriodicUnitLineDto extends PeriodicFiguresDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [PeriodicProcedureLineDto] }) procedures: PeriodicProcedureLineDto[];
}

/** `GET /api/reports/periodic`: six-monthly or yearly report per receiving unit and procedure. */
export class PeriodicReportDto {
  @ApiProperty() year: number;
  @ApiProperty({
    enum: [1, 2],
    nullable: true,
    type: Number,
    description: '1 or 2 for a half-year, null for the whole year',
  })
  half: PeriodicHalf | null;
  @ApiProperty(DAY) from: string;
  @ApiProperty(DAY) to: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ enum: ['working_days'] }) timeBasis: 'working_days';
  @ApiProperty({ type: [PeriodicUnitLineDto] }) units: PeriodicUnitLineDto[];
  @ApiProperty({ type: PeriodicFiguresDto }) totals: PeriodicFiguresDto;
}

export class TrendWeekDto {
  @ApiProperty({ ...DAY, description: 'Monday of the week' }) week: string;
  @ApiProperty() received: number;
  @ApiProperty() resolved: number;
  @ApiProperty() resolvedLate: number;
}

/** `GET /api/reports/trend`: weekly received and resolved dossiers. */
export class TrendReportDto {
  @ApiProperty(DAY) from: string;
  @ApiProperty(DAY) to: string;
  @ApiProperty() unitCode: string;
  @ApiProperty({ type: [TrendWeekDto], description: 'Every week meeting the period, Monday first' })
  weeks: TrendWeekDto[];
}

/** A step past its due time, or a dossier past its appointment. */
export class OverdueItemDto {
  @ApiProperty({ enum: ['step', 'dossier'], enumName: 'OverdueKind' }) kind: 'step' | 'dossier';
  @ApiProperty({ nullable: true, type: String }) dossierCode: string | null;
  @ApiProperty({ nullable: true, type: String }) procedureCode: string | null;
  @ApiProperty({ nullable: true, type: String }) procedureName: string | null;
  @ApiProperty() unitCode: string;
  @ApiProperty({ nullable: true, type: String }) unitName: string | null;
  @ApiProperty({ nullable: true, type: String }) step: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) taskId: string | null;
  @ApiProperty({ nullable: true, type: String }) assignee: string | null;
  @ApiProperty({ type: [String] }) candidateGroups: string[];
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ description: 'Working time since the due time' }) lateWorkingMs: number;
  @ApiProperty() lateDays: number;
  @ApiProperty() lateHours: number;
}

/** `GET /api/reports/overdue`: what is late right now (a page of it; counts of the whole list). */
export class OverdueReportDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() unitCode: string;
  @ApiProperty({ type: [OverdueItemDto] }) items: OverdueItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() steps: number;
  @ApiProperty() dossiers: number;
  @ApiProperty({ nullable: true, type: Number }) limit: number | null;
  @ApiProperty() offset: number;
}

export class ReportUnitDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

/** `GET /api/reports/units`: the units the caller may pick (their subtree). */
export class ReportUnitListDto {
  @ApiProperty({ type: [ReportUnitDto] }) items: ReportUnitDto[];
}

/** One BPMN element of the heatmap: its steps completed in the period. */
export class HeatmapElementDto {
  @ApiProperty({ description: 'BPMN element id in the diagram' }) elementId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Steps of this element completed in the period' }) completed: number;
  @ApiProperty({ description: "Median working time from creation to completion, in working hours of each step's unit" })
  medianWorkingHours: number;
  @ApiProperty({ description: 'Completed after their due time' }) overdue: number;
  @ApiProperty({ description: 'overdue / completed (0–1)' }) overdueRate: number;
}

export class HeatmapTotalsDto {
  @ApiProperty() completed: number;
  @ApiProperty() overdue: number;
}

/** `GET /api/reports/heatmap`: a procedure's diagram with the figures of each step over a period. */
export class HeatmapReportDto {
  @ApiProperty() procedureCode: string;
  @ApiProperty() procedureName: string;
  @ApiProperty(DAY) from: string;
  @ApiProperty(DAY) to: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ description: "The procedure's process key" }) processKey: string;
  @ApiProperty({ description: "The diagram's version: the latest deployed" }) version: number;
  @ApiProperty({ description: 'The diagram (BPMN XML)' }) xml: string;
  @ApiProperty({ type: [HeatmapElementDto], description: 'Elements with at least one step completed in the period' })
  elements: HeatmapElementDto[];
  @ApiProperty({ type: HeatmapTotalsDto }) totals: HeatmapTotalsDto;
}

/** A criterion of the satisfaction report. */
export class RatingsReportCriterionDto {
  @ApiProperty() code: string;
  @ApiProperty() label: string;
  @ApiProperty({ description: 'Asked on new ratings now' }) active: boolean;
}

export class RatingsReportCriterionCellDto {
  @ApiProperty() code: string;
  @ApiProperty({ description: 'Ratings that scored this criterion' }) count: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean score, two decimals' }) average: number | null;
}

export class RatingsReportRowDto {
  @ApiProperty({ nullable: true, type: String, description: 'Unit or procedure code; null for the total' })
  key: string | null;
  @ApiProperty() name: string;
  @ApiProperty() count: number;
  @ApiProperty({ nullable: true, type: Number }) averageOverall: number | null;
  @ApiProperty({ description: 'Ratings with an overall score of 4 or more' }) satisfied: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Percent satisfied, one decimal' })
  satisfiedRate: number | null;
  @ApiProperty({ type: [RatingsReportCriterionCellDto], description: "In the order of the report's criteria" })
  criteria: RatingsReportCriterionCellDto[];
}

/** `GET /api/reports/ratings`: satisfaction ratings by unit or procedure over a period. */
export class RatingsReportDto {
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ enum: ['unit', 'procedure'], enumName: 'RatingsGroupBy' }) groupBy: 'unit' | 'procedure';
  @ApiProperty({ type: [RatingsReportCriterionDto] }) criteria: RatingsReportCriterionDto[];
  @ApiProperty({ type: [RatingsReportRowDto] }) rows: RatingsReportRowDto[];
  @ApiProperty({ type: RatingsReportRowDto }) total: RatingsReportRowDto;
}
