import { ApiError, request } from '../../api/client';
import type { Schemas } from '../../api/schemas';

/** The criteria asked now (libs/tracking, ADR 0030). */
export type RatingCriterion = Schemas['RatingCriterionDto'];
export type RatingReceipt = Schemas['RatingReceiptDto'];

/** The five levels, as the page and the kiosk name them (docs/domain.md). */
export const SCORE_LABELS: Record<number, string> = {
  1: 'Rất không hài lòng',
  2: 'Không hài lòng',
  3: 'Bình thường',
  4: 'Hài lòng',
  5: 'Rất hài lòng',
};

export async function ratingCriteria(): Promise<RatingCriterion[]> {
  return (await request<Schemas['RatingCriteriaDto']>('/api/public/rating-criteria')).items;
}

export function rateDossier(
  code: string,
  body: { key: string; channel?: 'web' | 'kiosk'; scores?: Record<string, number>; overall?: number; comment?: string },
): Promise<RatingReceipt> {
  return request<RatingReceipt>(`/api/public/dossiers/${encodeURIComponent(code.trim().toUpperCase())}/rating`, {
    method: 'POST',
    body: { ...body, key: body.key.trim().toUpperCase() },
  });
}

/**
 * The citizen's sentence for a failed rating: a wrong key reads as an unknown dossier, as the
 * lookup says it (no oracle); the other codes have their sentence in api/error-messages.ts.
 */
export function ratingErrorText(error: unknown): string {
  if (error instanceof ApiError && error.code === 'DOSSIER_NOT_FOUND')
    return 'Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu này. Vui lòng kiểm tra lại hai mã trên giấy hẹn.';
  if (error instanceof ApiError && error.statusCode === 429)
    return 'Bạn đã thử quá nhiều lần. Vui lòng thử lại sau một phút.';
  if (error instanceof ApiError) return error.message;
  return 'Không gửi được đánh giá lúc này. Vui lòng thử lại.';
}
