import { toGsm7 } from './sms-text';

/** Where a rating came from (ADR 0030). */
export const RATING_CHANNELS = ['web', 'kiosk', 'sms'] as const;
export type RatingChannel = (typeof RATING_CHANNELS)[number];

/** A score of 4 ("Hài lòng") or 5 ("Rất hài lòng") counts as satisfied (docs/domain.md). */
export const SATISFIED_FROM = 4;

/** The five levels, as the web page and the kiosk name them. */
export const SCORE_LABELS: Record<number, string> = {
  1: 'Rất không hài lòng',
  2: 'Không hài lòng',
  3: 'Bình thường',
  4: 'Hài lòng',
  5: 'Rất hài lòng',
};

export interface Criterion {
  code: string;
  label: string;
}

export type ScoreProblem = { criterion: string; problem: 'unknown' | 'missing' | 'out_of_range' };

/**
 * The per-criterion scores a citizen gave, against the criteria active now: every active criterion
 * scored, each an integer 1–5, none unknown. Returns the problems (empty when the scores are good).
 */
export function scoreProblems(scores: Record<string, unknown>, active: readonly Criterion[]): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  if (Object.keys(scores).length > 50) return [{ criterion: '*', problem: 'unknown' }];
  const codes = new Set(active.map((c) => c.code));
  for (const [code, score] of Object.entries(scores)) {
    if (!codes.has(code)) problems.push({ criterion: code, problem: 'unknown' });
    else if (!isScore(score)) problems.push({ criterion: code, problem: 'out_of_range' });
  }
  for (const c of active) if (!(c.code in scores)) problems.push({ criterion: c.code, problem: 'missing' });
  return problems;
}

export const isScore = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;

/** The overall score: the mean of the criteria's scores, to two decimals (a single score is itself). */
export function overallOf(scores: readonly number[]): number {
  const sum = scores.reduce((total, s) => total + s, 0);
  return Math.round((sum / scores.length) * 100) / 100;
}

/**
 * A phone number as the desk types it and as a gateway sends it compared as one: `+84 905 123 456`,
 * `84905123456` and `0905.123.456` are all `0905123456`. Anything without 9–10 national digits is ''.
 */
export function nationalPhone(raw: string | null | undefined): string {
  let digits = (raw ?? '').replace(/\D/g, '');
  if (digits.startsWith('84') && digits.length >= 11) digits = `0${digits.slice(2)}`;
  if (!digits.startsWith('0')) digits = `0${digits}`;
  return /^0\d{9,10}$/.test(digits) ? digits : '';
}

/** The SMS answers to `DG <code> <1-5>` (without accents, like every reply). */
export const RATE_REPLIES = {
  help: toGsm7('Danh gia ho so: soan DG <ma ho so> <diem 1-5> (vi du: DG 000.00.20.H15-261128-0001 5)'),
  thanks: (code: string, score: number) =>
    toGsm7(`Cam on ong/ba da danh gia ho so ${code}: ${score}/5 (${SCORE_LABELS[score]}).`),
  notReturned: (code: string) => toGsm7(`Ho so ${code} chua tra ket qua nen chua the danh gia.`),
  already: (code: string) => toGsm7(`Ho so ${code} da duoc danh gia truoc do. Cam on ong/ba.`),
  notApplicant: (code: string) =>
    toGsm7(
      `So dien thoai nay khong phai so cua nguoi nop ho so ${code}. Vui long nhan tin tu so da dang ky hoac danh gia tai trang danh-gia.`,
    ),
};
