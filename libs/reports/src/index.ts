export * from './reports.module';
export * from './domain/summary.rules';
export * from './services/summary-report.service';
export * from './services/overdue-report.service';
export * from './export/summary.export';
