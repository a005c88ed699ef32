export * from './config';
export * from './kinds';
export * from './schema';
export * from './startup';
export * from './operations-table';
