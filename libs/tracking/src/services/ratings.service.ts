import { Inject, Injectable } from '@nestjs/common';
import { AppError, CLOCK, type Clock } from '../../../common/src';
import { LookupKeyService } from '../../../dossiers/src';
import {
  isScore,
  nationalPhone,
  overallOf,
  RATE_REPLIES,
  SATISFIED_FROM,
  scoreProblems,
  type RatingChannel,
} from '../domain/rating.rules';
import { RatingsRepository, type CriterionRow, type RatingContext } from '../repositories/ratings.repository';

export interface RatingInput {
  key: string;
  channel: 'web' | 'kiosk';
  /** Every active criterion's score (the web page), or… */
  scores?: Record<string, unknown>;
  /** …one overall score (the kiosk's big buttons). */
  overall?: number;
  comment?: string;
}

export interface RatingReceipt {
  code: string;
  overall: number;
  satisfied: boolean;
  ratedAt: string;
}

const NOT_FOUND = () => AppError.notFound('DOSSIER_NOT_FOUND', 'Không tìm thấy hồ sơ');

/**
 * Satisfaction ratings (issue 18 item 6, ADR 0030): once the result is returned, one rating per
 * dossier, from the web page or the kiosk (code + lookup key) or by SMS from the applicant's phone.
 */
@Injectable()
export class RatingsService {
  constructor(
    private readonly repo: RatingsRepository,
    private readonly keys: LookupKeyService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async activeCriteria(): Promise<{ items: { code: string; label: string }[] }> {
    return { items: (await this.repo.criteria(true)).map(({ code, label }) => ({ code, label })) };
  }

  /**
   * The web page's and the kiosk's rating. An unknown code and a wrong key answer the same 404
   * `DOSSIER_NOT_FOUND` (as the lookup does for an unknown code): nothing tells which was wrong, and
   * nothing about the dossier (not even whether it is returned) is said to a caller without the key.
   */
  async rate(rawCode: string, input: RatingInput): Promise<RatingReceipt> {
    const code = rawCode.trim().toUpperCase();
    const dossier = await this.repo.context(code);
    if (!dossier || !input.key || !this.keys.matches(dossier.code, input.key, dossier.lookupKeyHash)) throw NOT_FOUND();
    this.mustBeReturned(dossier);
    const comment = input.comment?.trim() || null;
    if (input.scores !== undefined) {
      if (input.overall !== undefined)
        throw AppError.badRequest('RATING_SCORES_INVALID', 'Give either the scores or the overall score, not both');
      const active = await this.repo.criteria(true);
      const problems = scoreProblems(input.scores, active);
      if (problems.length)
        throw AppError.badRequest('RATING_SCORES_INVALID', 'Each active criterion needs a score from 1 to 5', problems);
      const scores = active.map((c) => ({ code: c.code, label: c.label, score: input.scores![c.code] as number }));
      return this.save(dossier, input.channel, overallOf(scores.map((s) => s.score)), comment, scores);
    }
    if (!isScore(input.overall))
      throw AppError.badRequest('RATING_SCORES_INVALID', 'The overall score must be an integer from 1 to 5');
    return this.save(dossier, input.channel, input.overall, comment, []);
  }

  /**
   * `DG <code> <1-5>` from `from` (ADR 0030): the sender proves to be the applicant by sending from the
   * phone number recorded on the dossier at the desk (the gateway's `from`, trusted because the
   * webhook is authenticated by its secret). Any other number is told so, and nothing is recorded.
   */
  async rateBySms(from: string | undefined, rawCode: string, score: number): Promise<string | undefined> {
    const code = rawCode.trim().toUpperCase();
    const dossier = await this.repo.context(code);
    if (!dossier) return undefined;
    const sender = nationalPhone(from);
    if (!sender || sender !== nationalPhone(dossier.phone)) return RATE_REPLIES.notApplicant(dossier.code);
    if (dossier.status !== 'returned') return RATE_REPLIES.notReturned(dossier.code);
    const saved = await this.repo.insert({
      code: dossier.code,
      unitCode: dossier.unitCode,
      procedureCode: dossier.procedureCode,
      channel: 'sms',
      overall: score,
      comment: null,
      ratedAt: this.clock.now(),
      scores: [],
    });
    return saved ? RATE_REPLIES.thanks(dossier.code, score) : RATE_REPLIES.already(dossier.code);
  }

  private mustBeReturned(dossier: RatingContext): void {
    if (dossier.status !== 'returned')
      throw AppError.conflict('RATING_NOT_RETURNED', `Dossier ${dossier.code} has not had its result returned yet`);
  }

  private async save(
    dossier: RatingContext,
    channel: RatingChannel,
    overall: number,
    comment: string | null,
    scores: { code: string; label: string; score: number }[],
  ): Promise<RatingReceipt> {
    const ratedAt = this.clock.now();
    const saved = await this.repo.insert({
      code: dossier.code,
      unitCode: dossier.unitCode,
      procedureCode: dossier.procedureCode,
      channel,
      overall,
      comment,
      ratedAt,
      scores,
    });
    if (!saved) throw AppError.conflict('RATING_EXISTS', `Dossier ${dossier.code} has already been rated`);
    return { code: dossier.code, overall, satisfied: overall >= SATISFIED_FROM, ratedAt: ratedAt.toISOString() };
  }

  // Administrators' list of criteria.

  async allCriteria(): Promise<{ items: CriterionRow[] }> {
    return { items: await this.repo.criteria(false) };
  }

  async createCriterion(code: string, label: string): Promise<{ items: CriterionRow[] }> {
    if (!(await this.repo.createCriterion(code, label.trim(), this.clock.now())))
      throw AppError.conflict('RATING_CRITERION_EXISTS', `Criterion ${code} exists`);
    return this.allCriteria();
  }

  async updateCriterion(
    code: string,
    change: { label?: string; position?: number; active?: boolean },
  ): Promise<{ items: CriterionRow[] }> {
    const outcome = await this.repo.updateCriterion(
      code,
      { ...change, label: change.label?.trim() || undefined },
      this.clock.now(),
    );
    if (outcome === 'not_found') throw AppError.notFound('RATING_CRITERION_NOT_FOUND', `No criterion ${code}`);
    if (outcome === 'last_active')
      throw AppError.conflict('RATING_CRITERIA_EMPTY', 'At least one criterion must stay active');
    return this.allCriteria();
  }
}
