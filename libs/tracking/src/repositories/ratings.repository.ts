import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DOSSIER_RATING_CONTEXT_SQL, type DossierStatus } from '../../../dossiers/src';
import type { Criterion, RatingChannel } from '../domain/rating.rules';

/** What a rating needs to know of its dossier (libs/dossiers publishes the statement). */
export interface RatingContext {
  code: string;
  status: DossierStatus;
  lookupKeyHash: string;
  phone: string | null;
  unitCode: string;
  procedureCode: string | null;
  returnedAt: Date | null;
}

export interface CriterionRow extends Criterion {
  position: number;
  active: boolean;
  updatedAt: Date;
}

export interface NewRating {
  code: string;
  unitCode: string;
  procedureCode: string | null;
  channel: RatingChannel;
  overall: number;
  comment: string | null;
  ratedAt: Date;
  /** Each criterion scored, with its label as shown to the citizen now (kept as it was). */
  scores: { code: string; label: string; score: number }[];
}

/** The ratings' tables (libs/tracking owns them, ADR 0030). */
@Injectable()
export class RatingsRepository {
  constructor(private readonly db: DataSource) {}

  async context(code: string): Promise<RatingContext | undefined> {
    const rows: RatingContext[] = await this.db.query(DOSSIER_RATING_CONTEXT_SQL, [code]);
    return rows[0];
  }

  async criteria(activeOnly: boolean): Promise<CriterionRow[]> {
    return this.db.query(
      `SELECT code, label, position, active, updated_at AS "updatedAt" FROM rating_criteria
        ${activeOnly ? 'WHERE active' : ''} ORDER BY position, code`,
    );
  }

  /** Inserts the rating and its scores in one transaction; false when the dossier was already rated. */
  async insert(rating: NewRating): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const inserted: unknown[] = await tx.query(
        `INSERT INTO dossier_ratings (dossier_code, unit_code, procedure_code, channel, overall, comment, rated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dossier_code) DO NOTHING RETURNING dossier_code`,
        [
          rating.code,
          rating.unitCode,
          rating.procedureCode,
          rating.channel,
          rating.overall,
          rating.comment,
          rating.ratedAt,
        ],
      );
      if (!inserted.length) return false;
      for (const score of rating.scores) {
        await tx.query(
          `INSERT INTO dossier_rating_scores (dossier_code, criterion_code, criterion_label, score) VALUES ($1, $2, $3, $4)`,
          [rating.code, score.code, score.label, score.score],
        );
      }
      return true;
    });
  }

  /** A new criterion at the end of the list; false when the code exists. */
  async createCriterion(code: string, label: string, now: Date): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO rating_criteria (code, label, position, updated_at)
       SELECT $1, $2, COALESCE(max(position), 0) + 1, $3 FROM rating_criteria
       ON CONFLICT (code) DO NOTHING RETURNING code`,
      [code, label, now],
    );
    return rows.length > 0;
  }

  /**
   * Changes a criterion's label, place or state, unless that would leave no criterion active:
   * `not_found`, `last_active` or `updated`. One statement, so two administrators retiring the last two
   * criteria at once cannot both succeed (the row locks serialise them).
   */
  async updateCriterion(
    code: string,
    change: { label?: string; position?: number; active?: boolean },
    now: Date,
  ): Promise<'not_found' | 'last_active' | 'updated'> {
    return this.db.transaction(async (tx) => {
      const rows: { active: boolean }[] = await tx.query(
        `SELECT active FROM rating_criteria WHERE code = $1 FOR UPDATE`,
        [code],
      );
      if (!rows.length) return 'not_found';
      if (change.active === false && rows[0].active) {
        const [{ others }] = await tx.query(
          `SELECT count(*)::int AS others FROM (SELECT 1 FROM rating_criteria WHERE active AND code <> $1 FOR UPDATE) x`,
          [code],
        );
        if (others === 0) return 'last_active';
      }
      await tx.query(
        `UPDATE rating_criteria SET label = COALESCE($2, label), position = COALESCE($3, position),
                active = COALESCE($4, active), updated_at = $5 WHERE code = $1`,
        [code, change.label ?? null, change.position ?? null, change.active ?? null, now],
      );
      return 'updated';
    });
  }
}
