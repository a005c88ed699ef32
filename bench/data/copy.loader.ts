import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Writable } from 'node:stream';

/** The tables a dossier's rows go to, parents first (the order COPY streams are opened and indexes rebuilt). */
export const LOADED_TABLES = [
  'process_instances',
  'dossiers',
  'dossier_status',
  'dossier_events',
  'tasks',
  'jobs',
  'history_events',
] as const;
export type LoadedTable = (typeof LOADED_TABLES)[number];

/** Columns of `table` in order, without serial ids (the database numbers those, in COPY order). */
export async function copyColumns(db: Client, table: string): Promise<string[]> {
  const { rows } = await db.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = $1 AND COALESCE(column_default, '') NOT LIKE 'nextval(%'
     ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((r) => r.column_name);
}

/**
 * Drops the secondary indexes of the loaded tables (primary keys and unique constraints stay) and
 * returns the statements that rebuild them exactly as the migrations made them: a bulk load
 * then builds each index once instead of updating it per row.
 */
export async function dropSecondaryIndexes(db: Client): Promise<string[]> {
  const { rows } = await db.query<{ name: string; def: string }>(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [LOADED_TABLES],
  );
  for (const row of rows) await db.query(`DROP INDEX ${row.name}`);
  return rows.map((r) => r.def);
}

/** One `COPY … FROM STDIN` per table on its own connection, written in ~1 MB chunks with backpressure. */
export class CopyWriters {
  private readonly buffers = new Map<LoadedTable, string[]>();
  private readonly sizes = new Map<LoadedTable, number>();
  private readonly streams = new Map<LoadedTable, Writable>();
  private readonly done: Promise<void>[] = [];
  readonly rows = new Map<LoadedTable, number>();

  private constructor(private readonly clients: Client[]) {}

  static async open(url: string, columns: Record<LoadedTable, string[]>): Promise<CopyWriters> {
    const clients: Client[] = [];
    const writers = new CopyWriters(clients);
    for (const table of LOADED_TABLES) {
      const client = new Client({ connectionString: url });
      await client.connect();
      // Skips FK checks and triggers (the SMS outbox) for the load: the rows are consistent by construction.
      await client.query(`SET session_replication_role = replica`);
      clients.push(client);
      const stream = client.query(copyFrom(`COPY ${table} (${columns[table].join(', ')}) FROM STDIN`));
      writers.streams.set(table, stream);
      writers.done.push(
        new Promise((resolve, reject) => {
          stream.on('finish', () => resolve());
          stream.on('error', reject);
        }),
      );
      writers.buffers.set(table, []);
      writers.sizes.set(table, 0);
      writers.rows.set(table, 0);
    }
    return writers;
  }

  /** Adds COPY text (whole lines, each ending in a newline) for `table`. */
  async write(table: LoadedTable, text: string, lines: number): Promise<void> {
    if (!text) return;
    this.buffers.get(table)!.push(text);
    this.rows.set(table, this.rows.get(table)! + lines);
    const size = this.sizes.get(table)! + text.length;
    if (size < 1 << 20) {
      this.sizes.set(table, size);
      return;
    }
    await this.flush(table);
  }

  private async flush(table: LoadedTable): Promise<void> {
    const chunk = this.buffers.get(table)!.join('');
    this.buffers.set(table, []);
    this.sizes.set(table, 0);
    const stream = this.streams.get(table)!;
    if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  }

  async close(): Promise<void> {
    for (const table of LOADED_TABLES) {
      await this.flush(table);
      this.streams.get(table)!.end();
    }
    await Promise.all(this.done);
    await Promise.all(this.clients.map((c) => c.end()));
  }
}
