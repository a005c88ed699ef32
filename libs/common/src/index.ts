export * from './app-error';
export * from './app-error.filter';
export * from './auth-user';
export * from './auth.decorators';
export * from './unit-directory';
export * from './clock';
export * from './clock.module';
export * from './paging.bounds';
