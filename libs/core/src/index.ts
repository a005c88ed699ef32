export * from './core.modules';
