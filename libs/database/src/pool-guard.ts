import { DataSource, type DataSourceOptions } from 'typeorm';

interface ErrorEmitter {
  on(event: 'error', listener: (error: Error) => void): unknown;
}
interface GuardablePool {
  on(event: 'connect', listener: (client: ErrorEmitter) => void): unknown;
  _clients?: ErrorEmitter[];
}

const ignore = (): void => undefined;

/**
 * Initialises the data source and gives every pool connection an `error` listener of its own. A
 * connection that Postgres ends while it is checked out between two statements (`pg_ctl restart`,
 * a crash, an administrator's `pg_terminate_backend`) emits `error`; without a listener Node ends the
 * process (the chaos test saw it once). The failure still reaches the statement that uses the
 * connection next, and the pool drops the connection; the process lives on.
 */
export async function initializeGuarded(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = await new DataSource(options).initialize();
  const pool = (dataSource.driver as unknown as { master?: GuardablePool }).master;
  if (pool) {
    for (const client of pool._clients ?? []) client.on('error', ignore);
    pool.on('connect', (client) => client.on('error', ignore));
  }
  return dataSource;
}
