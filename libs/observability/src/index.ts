export * from './logger';
export * from './redaction';
export * from './request-id';
export * from './http-metrics';
export * from './metrics.registry';
export * from './metrics.module';
export * from './observability.module';
