import { Injectable } from '@nestjs/common';
import type { Sql } from '../persistence/sql';

/** Which deployed processes a message can start: the latest version of each key, by its message start events. */
@Injectable()
export class MessageStartRepository {
  async keysStartedBy(sql: Sql, messageName: string): Promise<string[]> {
    const rows = await sql.rows<{ key: string }>(
      `SELECT key FROM (SELECT DISTINCT ON (key) key, model FROM process_definitions ORDER BY key, version DESC) latest
       WHERE latest.model->'messageStarts' @> $1::jsonb ORDER BY key`,
      [JSON.stringify([{ messageName }])],
    );
    return rows.map((row) => row.key);
  }
}
