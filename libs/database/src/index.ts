export * from './database.config';
export * from './migrate';
export * from './prepared';
export * from './redis-counters';
