import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a report's read without JIT compilation. The report queries are costed high (the history
 * lookups are counted once per row though they run only for moved appointments), which trips
 * Postgres' JIT thresholds: on a province's million dossiers the compilation took longer than the
 * query itself (0.3–1.9 s of JIT against 1.1–3.6 s; bench/out/size-plans.txt).
 */
export function withoutJit<T>(db: DataSource, read: (db: EntityManager) => Promise<T>): Promise<T> {
  return db.transaction('READ COMMITTED', async (manager) => {
    await manager.query(`SET LOCAL jit = off`);
    return read(manager);
  });
}
