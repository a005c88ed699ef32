import { PasswordHasher, scryptParamsFromEnv } from './password-hasher.service';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher({ N: 1024, r: 8, p: 1 });

  it('encodes scrypt$N$r$p$salt$hash and verifies the same password', async () => {
    // given
    const encoded = await hasher.hash('motcua-demo');
    // when
    const ok = await hasher.verify('motcua-demo', encoded);
    // then
    expect(encoded).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(ok).toBe(true);
  });

  it('refuses a different password', async () => {
    const encoded = await hasher.hash('motcua-demo');
    await expect(hasher.verify('motcua-demO', encoded)).resolves.toBe(false);
  });

  it('salts each hash, so equal passwords give different hashes', async () => {
    const [a, b] = await Promise.all([hasher.hash('same'), hasher.hash('same')]);
    expect(a).not.toBe(b);
  });

  it("hashes at OWASP's minimum cost, N=2^17, r=8, p=1, by default", async () => {
    // given a hash made with the production cost (128 MiB: beyond Node's default maxmem)
    const encoded = await new PasswordHasher().hash('secret');
    // when a hasher with another cost checks it
    const ok = await hasher.verify('secret', encoded);
    // then it verifies with the parameters stored in the hash, not its own
    expect(encoded.startsWith('scrypt$131072$8$1$')).toBe(true);
    expect(ok).toBe(true);
  });

  it('asks for a rehash of a hash made with other parameters, or unreadable', async () => {
    // given
    const current = await hasher.hash('secret');
    const older = await new PasswordHasher({ N: 512, r: 8, p: 1 }).hash('secret');
    // then
    expect(hasher.needsRehash(current)).toBe(false);
    expect(hasher.needsRehash(older)).toBe(true);
    expect(hasher.needsRehash('scrypt$1024$8$1$c2FsdA')).toBe(true);
    expect(new PasswordHasher().needsRehash(`scrypt$${2 ** 15}$8$1$c2FsdA$aGFzaA`)).toBe(true);
  });

  it('treats Vietnamese text in NFC and NFD as the same password', async () => {
    const encoded = await hasher.hash('Mật khẩu'.normalize('NFC'));
    await expect(hasher.verify('Mật khẩu'.normalize('NFD'), encoded)).resolves.toBe(true);
  });

  it.each([
    ['empty', ''],
    ['another scheme', '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA'],
    ['too few parts', 'scrypt$1024$8$1$c2FsdA'],
    ['N not a power of two', 'scrypt$1000$8$1$c2FsdA$aGFzaA'],
    ['N too large', `scrypt$${2 ** 24}$8$1$c2FsdA$aGFzaA`],
    ['empty salt', 'scrypt$1024$8$1$$aGFzaA'],
  ])('returns false for a malformed hash (%s)', async (_, encoded) => {
    await expect(hasher.verify('anything', encoded)).resolves.toBe(false);
  });

  describe('PASSWORD_HASH_COST', () => {
    it('is N=2^17 unless set; may be raised; a production server refuses less', () => {
      expect(scryptParamsFromEnv({})).toEqual({ N: 2 ** 17, r: 8, p: 1 });
      expect(scryptParamsFromEnv({ PASSWORD_HASH_COST: '18', NODE_ENV: 'production' })).toEqual({
        N: 2 ** 18,
        r: 8,
        p: 1,
      });
      expect(scryptParamsFromEnv({ PASSWORD_HASH_COST: '14', NODE_ENV: 'test' })).toEqual({ N: 2 ** 14, r: 8, p: 1 });
      expect(() => scryptParamsFromEnv({ PASSWORD_HASH_COST: '16', NODE_ENV: 'production' })).toThrow(
        'PASSWORD_HASH_COST must be an integer from 17 to 20',
      );
      expect(() => scryptParamsFromEnv({ PASSWORD_HASH_COST: '2^17' })).toThrow('PASSWORD_HASH_COST');
      expect(() => scryptParamsFromEnv({ PASSWORD_HASH_COST: '24' })).toThrow('PASSWORD_HASH_COST');
    });
  });
});
