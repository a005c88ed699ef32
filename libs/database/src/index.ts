export * from './database.config';
export * from './migrate';
export * from './prepared';
export * from './redis-counters';
export * from './redis.config';
export * from './startup-checks';
export * from './pool-guard';
