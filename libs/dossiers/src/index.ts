export * from './dossiers.module';
export * from './domain/dossier-status.machine';
export * from './domain/procedure.types';
export type { Applicant } from './domain/applicant.rules';
export type { HandoverRow } from './domain/control-slip.rows';
export type { ReceivedDocument } from './domain/documents.rules';
export * from './services/dossiers.service';
export * from './services/procedures.service';
export * from './services/lookup-key.service';
