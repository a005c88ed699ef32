import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { errorCodesInSource, serverErrorCodes } from '../support/server-error-codes';
import { VALIDATION_MESSAGES } from '../../apps/web/src/modeler/lint/lint-messages.vi';
import { ERROR_MESSAGES, errorMessage } from '../../apps/web/src/api/error-messages';

const ROOT = join(__dirname, '..', '..');
const VIETNAMESE = /[À-ỹđĐ]/;

describe('the web app words every error code the server can send (issue 19 item 3)', () => {
  const codes = serverErrorCodes(ROOT);

  it('finds the codes in the server source (the walk reads libs/ and apps/server)', () => {
    // given the server's source, when its error codes are collected
    // then the walk saw codes of each layer: the HTTP edge, a service, the engine, the calendar and a validation rule
    for (const code of [
      'BODY_NOT_JSON',
      'VALIDATION_FAILED',
      'DOSSIER_NOT_FOUND',
      'TASK_NOT_OPEN',
      'CALENDAR_INVALID_YEAR',
      'UNREACHABLE',
      'FILE_TOO_LARGE',
      'LOGIN_THROTTLED',
    ]) {
      expect([code, codes.has(code)]).toEqual([code, true]);
    }
    expect(codes.size).toBeGreaterThan(150);
  });

  it('has a Vietnamese sentence for each of them', () => {
    // when each code is looked up in the app's catalogues (errors, and the modeler's validation issues)
    const missing = [...codes]
      .filter(([code]) => !ERROR_MESSAGES[code] && !VALIDATION_MESSAGES[code])
      .map(([code, file]) => `${code} (${file})`);
    // then none is missing: a new code without a sentence fails here, naming the file that sends it
    expect(missing).toEqual([]);
  });

  it('says every sentence in Vietnamese, with and without details', () => {
    const samples: unknown[] = [
      undefined,
      null,
      {},
      [],
      { retryAfterSeconds: 90, maxBytes: 20 * 1024 * 1024, name: 'Tờ khai', problems: ['too_short'] },
      [{ field: 'phone' }],
    ];
    for (const code of Object.keys(ERROR_MESSAGES)) {
      for (const details of samples) {
        const text = errorMessage(code, details) ?? '';
        expect([code, VIETNAMESE.test(text), /undefined|null|\[object/.test(text)]).toEqual([code, true, false]);
      }
    }
    for (const [code, text] of Object.entries(VALIDATION_MESSAGES))
      expect([code, VIETNAMESE.test(text)]).toEqual([code, true]);
  });

  it('names the detail a user can act on', () => {
    expect(errorMessage('DOCUMENT_MISSING', { documentCode: 'TK', name: 'Tờ khai đăng ký' })).toBe(
      'Thiếu giấy tờ bắt buộc: Tờ khai đăng ký.',
    );
    expect(errorMessage('APPLICANT_INVALID', [{ field: 'phone' }, { field: 'email' }])).toBe(
      'Thông tin người nộp chưa hợp lệ: số điện thoại, thư điện tử.',
    );
    expect(errorMessage('FILE_TOO_LARGE', { maxBytes: 20 * 1024 * 1024 })).toContain('tối đa 20 MB');
    expect(errorMessage('LOGIN_THROTTLED', { retryAfterSeconds: 600 })).toContain('sau 10 phút');
  });

  it('would catch a new code: the collector sees the shapes the server throws with', () => {
    // given a planted service that throws three new codes in the three shapes the server uses
    const planted = `
      throw AppError.conflict('PLANTED_CONFLICT', 'x');
      throw new AppError(429, 'PLANTED_STATUS', 'y');
      const body = { statusCode: 400, code: 'PLANTED_EDGE', message: 'z' };`;
    // then the collector finds the first two anywhere, and the edge one in an edge file
    expect([...errorCodesInSource('libs/x/src/planted.service.ts', planted)].sort()).toEqual([
      'PLANTED_CONFLICT',
      'PLANTED_STATUS',
    ]);
    expect([...errorCodesInSource('libs/common/src/app-error.filter.ts', planted)].sort()).toEqual([
      'PLANTED_CONFLICT',
      'PLANTED_EDGE',
      'PLANTED_STATUS',
    ]);
    // and none of them has a sentence, so the coverage test above would fail on them
    expect(errorMessage('PLANTED_CONFLICT')).toBeUndefined();
  });
});
