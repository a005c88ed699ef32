export * from './online.module';
export * from './domain/pre-registration-code';
export * from './domain/online-submission.machine';
export * from './services/online-submissions.service';
export * from './services/online-desk.service';
