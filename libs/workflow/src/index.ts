export * from './workflow.module';
