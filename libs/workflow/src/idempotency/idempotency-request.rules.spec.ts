import { parseIdempotencyKey, requestFingerprint } from './idempotency-request.rules';

describe('parseIdempotencyKey', () => {
  it('takes 1 to 255 visible ASCII characters, and no header as no key', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
    expect(parseIdempotencyKey('3f0c2a9e-8d4b-4c1e-9f7a-2b6d5e8c1a03')).toBe('3f0c2a9e-8d4b-4c1e-9f7a-2b6d5e8c1a03');
    expect(parseIdempotencyKey('a')).toBe('a');
    expect(parseIdempotencyKey('~'.repeat(255))).toHaveLength(255);
  });

  it.each([[''], ['x'.repeat(256)], ['two words'], ['tab\tkey'], ['khóa'], [['a', 'b']]])(
    'refuses %j with 400 IDEMPOTENCY_KEY_INVALID',
    (header) => {
      expect(() => parseIdempotencyKey(header as string | string[])).toThrow(
        expect.objectContaining({ status: 400, code: 'IDEMPOTENCY_KEY_INVALID' }),
      );
    },
  );
});

describe('requestFingerprint', () => {
  const body = { procedureCode: '1.001612', applicant: { fullName: 'A' } };

  it('is the same for the same method, path and body', () => {
    expect(requestFingerprint('POST', '/api/dossiers', body)).toBe(
      requestFingerprint('post', '/api/dossiers', JSON.parse(JSON.stringify(body))),
    );
  });

  it('differs when the path, the query or the body differs', () => {
    const base = requestFingerprint('POST', '/api/dossiers', body);
    expect(requestFingerprint('POST', '/api/dossiers/X/refuse', body)).not.toBe(base);
    expect(requestFingerprint('POST', '/api/dossiers?x=1', body)).not.toBe(base);
    expect(requestFingerprint('POST', '/api/dossiers', { ...body, channel: 'direct' })).not.toBe(base);
    expect(requestFingerprint('POST', '/api/dossiers', undefined)).not.toBe(base);
  });
});
