import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError } from '../../../common/src';
import { MAX_SAVED_FILTERS, type InboxFilterDto, type SavedFilterDto } from './saved-filter.dto';

const COLUMNS = `id, name, filter, created_at AS "createdAt"`;

type Row = Omit<SavedFilterDto, 'createdAt'> & { createdAt: Date };
const toDto = (row: Row): SavedFilterDto => ({ ...row, createdAt: row.createdAt.toISOString() });

/** `inbox_filters`: each officer's named inbox filters (issue 19 item 1). */
@Injectable()
export class SavedFiltersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(accountId: string): Promise<SavedFilterDto[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM inbox_filters WHERE account_id = $1 ORDER BY lower(name), id`,
      [accountId],
    )) as Row[];
    return rows.map(toDto);
  }

  /**
   * Adds one, refusing a 21st (409 SAVED_FILTER_LIMIT) and a name the account already uses, whatever
   * its case (409 SAVED_FILTER_NAME_TAKEN). The account's rows are locked first, so two saves at once
   * cannot both pass the count.
   */
  async create(accountId: string, name: string, filter: InboxFilterDto): Promise<SavedFilterDto> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('inbox_filters:' || $1, 0))`, [accountId]);
      const [{ n, taken }] = (await tx.query(
        `SELECT count(*)::int AS n, bool_or(lower(name) = lower($2)) AS taken FROM inbox_filters WHERE account_id = $1`,
        [accountId, name],
      )) as { n: number; taken: boolean | null }[];
      if (taken) throw AppError.conflict('SAVED_FILTER_NAME_TAKEN', `A filter named "${name}" exists`);
      if (n >= MAX_SAVED_FILTERS) {
        throw AppError.conflict('SAVED_FILTER_LIMIT', `At most ${MAX_SAVED_FILTERS} saved filters per account`, {
          limit: MAX_SAVED_FILTERS,
        });
      }
      const [row] = (await tx.query(
        `INSERT INTO inbox_filters (account_id, name, filter) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`,
        [accountId, name, JSON.stringify(filter)],
      )) as Row[];
      return toDto(row);
    });
  }

  /** Removes one of the account's; another account's filter is not found (404), like a missing one. */
  async remove(accountId: string, id: string): Promise<void> {
    const [, count] = (await this.dataSource.query(`DELETE FROM inbox_filters WHERE id = $1 AND account_id = $2`, [
      id,
      accountId,
    ])) as [unknown, number];
    if (!count) throw AppError.notFound('SAVED_FILTER_NOT_FOUND', `Saved filter ${id} not found`);
  }
}
